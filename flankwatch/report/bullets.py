"""Turn an item into a bullet: when, where, what, the numbers with their sources."""

from __future__ import annotations

from collections.abc import Mapping

from flankwatch.fuse import Disagreement, merged_quantities, quantities_close
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
    if item.adversary_only:
        names = sorted({book.publisher(m.doc) for m in item.members})
        notes.append(f"{labels.phrase('adversary_only')} ({', '.join(names)})")
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
        standing=standing(item, labels),
    )


def standing(item: Item, labels: Labels) -> str:
    """'2 independent sources · best A1 · confidence 0.95' (the event's, across all its reports)."""
    best = item.event.best if item.event is not None else None
    if item.event is None or best is None:
        return ""
    count = item.event.independent
    return labels.phrase(
        "standing_one" if count == 1 else "standing_many",
        count=count,
        grade=best.grade,
        confidence=f"{item.event.event.confidence:.2f}",
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
    different figures for one count, each figure with who gives it and their grades."""
    spans: list[Span] = []
    for q in merged_quantities(item.members, book.sources.of):
        stating = [m for m in item.members if any(quantities_close(q, x) for x in m.quantities)]
        text = labels.quantity(q)
        if stating and not item.adversary_only and all(m.doc in item.adversary_docs for m in stating):
            text += f" ({labels.phrase('adversary_figure')})"  # a figure nobody else gives
        spans.append(Span(text, book.refs(stating), _quote_for(q, stating)))
    for c in item.lead.casualties:
        if c.value > 0:
            spans.append(Span(labels.quantity(c), book.refs([item.lead]), item.lead.evidence.text))
    disputes = [
        span
        for d in (item.event.disagreements if item.event else ())
        for span in _who_said_what(d, book, labels)
    ]
    return tuple(spans), tuple(disputes)


def _who_said_what(d: Disagreement, book: SourceBook, labels: Labels) -> list[Span]:
    """'400 crossing attempts a day — Polish Border Guard A1, Baltic Wire Service B1 [1][3]'."""
    spans = []
    for f in d.figures:
        shown = Quantity(f.value, d.unit, f.value_max, f.qualifier, d.period, d.period_days)
        who = ", ".join(f"{p} {g}" for p, g in zip(f.publishers, f.grades, strict=False))
        refs = tuple(sorted({book.ref(doc) for doc in f.docs}))
        spans.append(Span(f"{labels.quantity(shown)} — {who}", refs))
    return spans


def quotes(item: Item, book: SourceBook) -> tuple[Quote, ...]:
    """Every distinct evidence sentence, with its source number and the report's Admiralty grade."""
    seen: set[tuple[str, str]] = set()
    out = []
    for m in sorted(item.members, key=lambda m: (book.ref(m.doc), m.evidence.start)):
        key = (m.doc, m.evidence.text)
        if key not in seen:
            seen.add(key)
            report = item.event.source_of(m.id) if item.event else None
            grade = report.grade if report else book.sources.of(m.doc).reliability
            out.append(Quote(book.ref(m.doc), book.publisher(m.doc), m.evidence.text.strip(), grade))
    return tuple(out)


def _quote_for(q: Quantity, stating: list[Mention]) -> str:
    if q.evidence is not None:
        return q.evidence.text
    return stating[0].evidence.text if stating else ""


def _join(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
