"""Headlines, lead paragraphs and indicator charts: the numbers that matter,
compared with the weeks before."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flankwatch.fuse import merged_quantities
from flankwatch.indicators import WeekStat, baseline
from flankwatch.records import Mention
from flankwatch.report.bullets import title, when, where
from flankwatch.report.items import Item
from flankwatch.report.labels import Labels
from flankwatch.report.model import Chart, ChartDay, Span
from flankwatch.report.sources import SourceBook
from flankwatch.weeks import parse_week

# How far back the typical daily figure is compared (weeks with figures).
BASELINE_WEEKS = 8
_FORCE_UNITS = ("troops", "aircraft", "vehicles")


@dataclass(frozen=True, slots=True)
class Stats:
    """The week's indicator statistics per series, from sources other than state media."""

    daily: dict[tuple[str, str, str], dict[str, WeekStat]]
    weekly: dict[tuple[str, str, str], dict[str, WeekStat]]
    mentions: Mapping[str, Mention]


def top_item(items: Sequence[Item]) -> Item | None:
    """The main development: highest level, then most reports, then earliest."""
    if not items:
        return None
    return min(items, key=lambda i: (-i.level, not i.lead.quantities, -i.reports, i.day, i.lead.id))


def surge_headline(stats: Stats, week: str, labels: Labels, factor: float) -> str | None:
    """'Crossing attempts at 400 a day on the Poland–Belarus border, 6× …' when a border surges."""
    best: tuple[float, WeekStat] | None = None
    for key, table in stats.daily.items():
        stat = table.get(week)
        base = baseline(table, week, weeks=BASELINE_WEEKS, min_weeks=2) if stat else None
        if stat is None or base is None or key[1] != "MIGRATION_PRESSURE":
            continue
        ratio = stat.peak / base.median if base.median > 0 else float("inf")
        if ratio >= factor and (best is None or ratio > best[0]):
            best = (ratio, stat)
    if best is None:
        return None
    ratio, stat = best
    unit = labels.unit(stat.unit)
    return labels.phrase(
        "surge_headline",
        unit=unit[:1].upper() + unit[1:],
        peak=labels.number(stat.peak),
        where=_in_theatre(stat.theatre, labels),
        ratio=f"{ratio:.0f}" if ratio != float("inf") else "far above",
    )


def headline(items: Sequence[Item], labels: Labels) -> str:
    top = top_item(items)
    if top is None:
        return labels.phrase("quiet_headline")
    first = merged_quantities(top.members)[:1]
    numbers = f": {labels.quantity(first[0])}" if first else ""
    return f"{title(top.lead, labels)}{numbers} ({where(top.lead, labels, ', ')})"


def lead_paragraph(
    items: Sequence[Item], before: int, stats: Stats, week: str, domain: str, book: SourceBook, labels: Labels
) -> tuple[Span, ...]:
    """Main development; migration figures against the baseline; largest force; count against last week."""
    spans: list[Span] = []
    top = top_item(items)
    if top is None:
        return (Span(labels.phrase("no_events")),)
    spans.append(_main(top, book, labels))
    if domain in ("migration", "security"):
        spans.extend(migration_figures(stats, week, book, labels, limit=None if domain == "migration" else 1))
    if domain in ("military", "security"):
        spans.extend(_largest_force([i for i in items if i is not top], book, labels))
    count = len(items)
    events = labels.phrase("event_one" if count == 1 else "event_many")
    scope = labels.phrase("scope_all" if domain == "security" else "scope_domain")
    spans.append(
        Span(
            labels.phrase("count_compare", now=count, events=events, before=before, scope=scope)
            if before >= 0
            else labels.phrase("count_only", now=count, events=events, scope=scope)
        )
    )
    return tuple(spans)


def _main(top: Item, book: SourceBook, labels: Labels) -> Span:
    what = title(top.lead, labels)
    what = what[:1].lower() + what[1:] if not what[:2].isupper() else what
    place = f" at {top.lead.place.name}" if top.lead.place else ""
    day = when(top.lead, labels)
    text = f"{what}{place} {_in_theatre(top.lead.theatre, labels)}" + (f" ({day})" if day else "")
    quantities = merged_quantities(top.members)
    if quantities:
        text += ", " + ", ".join(labels.quantity(q) for q in quantities)
    return Span(
        labels.phrase("main_development", what=text), book.refs(top.members), top.lead.evidence.text, "."
    )


def migration_figures(
    stats: Stats, week: str, book: SourceBook, labels: Labels, limit: int | None = None
) -> list[Span]:
    """Per border: peak and typical daily figure, against the typical day of earlier weeks."""
    found = [
        table[week]
        for key, table in sorted(stats.daily.items())
        if key[1] == "MIGRATION_PRESSURE" and week in table
    ]
    found.sort(key=lambda stat: -stat.peak)
    spans = [_daily_sentence(stat, stats, week, book, labels) for stat in found[:limit]]
    for key, table in sorted(stats.weekly.items()):
        if key[1] == "MIGRATION_PRESSURE" and week in table and (limit is None or not spans):
            stat = table[week]
            text = labels.phrase(
                "week_total",
                total=labels.number(stat.peak),
                unit=labels.unit(stat.unit),
                where=_in_theatre(stat.theatre, labels),
            )
            spans.append(_cited(text, stat, stats, book))
    return spans


def _daily_sentence(stat: WeekStat, stats: Stats, week: str, book: SourceBook, labels: Labels) -> Span:
    place, unit = _capital(_in_theatre(stat.theatre, labels)), labels.unit(stat.unit)
    if stat.days == 1:
        text = labels.phrase("daily_single", where=place, peak=labels.number(stat.peak), unit=unit)
    else:
        text = labels.phrase(
            "daily_peak",
            where=place,
            unit=unit,
            peak=labels.number(stat.peak),
            typical=labels.number(stat.typical),
            days=stat.days,
        )
    table = stats.daily[(stat.theatre, stat.type, stat.unit)]
    base = baseline(table, week, weeks=BASELINE_WEEKS, min_weeks=1, field="typical")
    if base is None:
        text += labels.phrase("no_baseline")
    else:
        text += labels.phrase("against_baseline", baseline=labels.number(base.median), weeks=base.weeks)
    return _cited(text, stat, stats, book)


def _cited(text: str, stat: WeekStat, stats: Stats, book: SourceBook) -> Span:
    mention = stats.mentions.get(stat.peak_point.mention_id)
    return Span(text, (book.ref(stat.peak_point.doc),), mention.evidence.text if mention else "", ".")


def _largest_force(items: Sequence[Item], book: SourceBook, labels: Labels) -> list[Span]:
    best: tuple[float, Item, str] | None = None
    for item in items:
        for q in merged_quantities(item.members):
            if q.unit == "troops" and (best is None or q.value > best[0]):
                best = (q.value, item, labels.quantity(q))
    if best is None:
        return []
    _, item, amount = best
    what = f"{amount}, {title(item.lead, labels)[:1].lower()}{title(item.lead, labels)[1:]}"
    what += f" {_in_theatre(item.lead.theatre, labels)}"
    return [
        Span(labels.phrase("largest_force", what=what), book.refs(item.members), item.lead.evidence.text, ".")
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in_theatre(code: str, labels: Labels) -> str:
    name = labels.theatre(code)
    if code == "REGION":
        return labels.phrase("in_region")
    return labels.phrase("on_border" if "-" in code else "in_country", name=name)


def charts(stats: Stats, week: str, book: SourceBook, labels: Labels) -> tuple[Chart, ...]:
    """The week's daily migration figures per border, Monday to Sunday, with the baseline."""
    monday, _ = parse_week(week)
    out = []
    for key, table in sorted(stats.daily.items()):
        stat = table.get(week)
        if key[1] != "MIGRATION_PRESSURE" or stat is None:
            continue
        values = {dv.day: dv.value for dv in stat.day_values}
        days = tuple(
            ChartDay(labels["weekdays"][n], values.get(monday.fromordinal(monday.toordinal() + n)))
            for n in range(7)
        )
        base = baseline(table, week, weeks=BASELINE_WEEKS, min_weeks=1, field="typical")
        refs = tuple(sorted({book.ref(dv.point.doc) for dv in stat.day_values}))
        out.append(
            Chart(labels.theatre(key[0]), labels.unit(key[2]), days, base.median if base else None, refs)
        )
    return tuple(out)
