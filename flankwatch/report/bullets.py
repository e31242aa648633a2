"""Turn an item into a bullet: when, where, what, the numbers with their sources."""

from __future__ import annotations

from collections.abc import Mapping

from flankwatch.fuse import merged_quantities, quantities_close
from flankwatch.records import Document, Mention, Quantity
from flankwatch.report.items import Item
from flankwatch.report.labels import Labels
from flankwatch.report.model import Bullet, Quote, Span
from flankwatch.report.sources import SourceBook

_TARGETED = {"STRIKE", "ARMED_ATTACK", "AIRSPACE_VIOLATION"}
_MIGRANTS = "NS:MIGRANTS"


def bullet(item: Item, book: SourceBook, labels: Labels, documents: Mapping[str, Document]) -> Bullet:
    """One bullet; citing it numbers its sources in the book."""
    refs = book.refs(item.members)
    notes = []
    if item.state_media_only:
        names = sorted({book.publisher(m.doc) for m in item.members})
        notes.append(f"{labels.phrase('state_media_only')} ({', '.join(names)})")
    if item.kind != "occurred":
        found = labels.day(item.day, weekday=True)
        notes.append(labels.phrase("found_on", when=found))
    shown, disputes = numbers(item, book, labels)
    cited = {r for span in (*shown, *disputes) for r in span.refs}
    return Bullet(
        when=when(item.lead, labels) or _found(item, labels),
        where=where(item.lead, labels),
        title=title(item.lead, labels),
        numbers=shown,
        refs=tuple(r for r in refs if r not in cited),  # sources that gave no number
        quotes=quotes(item, book),
        level=item.level,
        notes=tuple(notes),
        disputes=disputes,
    )


def _found(item: Item, labels: Labels) -> str:
    """An undated event is shown by the day it was reported (a plan's note says that already)."""
    return (
        labels.phrase("found_on", when=labels.day(item.day, weekday=True)) if item.kind == "occurred" else ""
    )


def when(m: Mention, labels: Labels) -> str:
    if m.date_start is None:
        return ""
    return labels.span(m.date_start, m.date_end or m.date_start, m.date_precision)


def where(m: Mention, labels: Labels, sep: str = " · ") -> str:
    theatre = labels.theatre(m.theatre)
    if m.place is None or m.place.name == theatre:
        return theatre
    return f"{m.place.name}{sep}{theatre}"


def title(m: Mention, labels: Labels) -> str:
    """'Military exercise by Belarus and Russia', 'Diplomatic action (summons) by Poland against Russia'."""
    text = labels.type(m.type)
    if m.subtype:
        text += f" ({m.subtype.replace('_', ' ')})"
    actors = [labels.actor(a) for a in m.actors if a != _MIGRANTS]
    if actors:
        text += " by " + _join(actors)
    targets = [labels.actor(t) for t in m.targets if t not in m.actors and t != _MIGRANTS]
    if targets and (
        m.type in _TARGETED
        or m.type in {"ACCUSATION", "THREAT_RHETORIC", "SANCTIONS", "ENERGY_COERCION", "DIPLOMATIC_ACTION"}
    ):
        text += " against " + _join(targets)
    return text


def numbers(item: Item, book: SourceBook, labels: Labels) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Each number with the sources that state it, and, where sources give
    different figures for one count, each figure with its own sources."""
    spans: list[Span] = []
    disputes: list[Span] = []
    for q in merged_quantities(item.members):
        stating = [m for m in item.members if any(quantities_close(q, x) for x in m.quantities)]
        text = labels.quantity(q)
        if stating and not item.state_media_only and all(m.doc in item.state_media_docs for m in stating):
            text += f" ({labels.phrase('state_media_figure')})"  # a figure nobody else gives
        spans.append(Span(text, book.refs(stating), _quote_for(q, stating)))
        disputes.extend(_disagreement(q, item.members, book, labels))
    for c in item.lead.casualties:
        if c.value > 0:
            spans.append(Span(labels.quantity(c), book.refs([item.lead]), item.lead.evidence.text))
    return tuple(spans), tuple(disputes)


def _disagreement(q: Quantity, members: tuple[Mention, ...], book: SourceBook, labels: Labels) -> list[Span]:
    figures: dict[tuple[float, float | None, str], list[Mention]] = {}
    for m in members:
        for x in m.quantities:
            if x.unit == q.unit and x.period == q.period:
                figures.setdefault((x.value, x.value_max, x.qualifier), []).append(m)
    if len(figures) < 2:
        return []
    spans = []
    for (value, value_max, qualifier), stating in sorted(figures.items(), key=lambda kv: kv[0][0]):
        shown = Quantity(
            value=value,
            unit=q.unit,
            value_max=value_max,
            qualifier=qualifier,
            period=q.period,
            period_days=q.period_days,
        )
        spans.append(Span(labels.quantity(shown), book.refs(stating), stating[0].evidence.text))
    return spans


def quotes(item: Item, book: SourceBook) -> tuple[Quote, ...]:
    """Every distinct evidence sentence, with its source number."""
    seen: set[tuple[str, str]] = set()
    out = []
    for m in sorted(item.members, key=lambda m: (book.ref(m.doc), m.evidence.start)):
        key = (m.doc, m.evidence.text)
        if key not in seen:
            seen.add(key)
            out.append(Quote(book.ref(m.doc), book.publisher(m.doc), m.evidence.text.strip()))
    return tuple(out)


def _quote_for(q: Quantity, stating: list[Mention]) -> str:
    if q.evidence is not None:
        return q.evidence.text
    return stating[0].evidence.text if stating else ""


def _join(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
