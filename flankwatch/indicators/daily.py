"""Indicator points: one number per day (or week), theatre, type, unit and document.

A point is what one document says about one day. Restatements inside a
document (headline and body) are one point, never a sum; points of different
documents stay apart so that the series can weigh them (`series.py`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from flankwatch.fuse import published
from flankwatch.records import Document, IndicatorPoint, Mention, Quantity


def daily_points(mentions: Sequence[Mention], documents: Mapping[str, Document]) -> list[IndicatorPoint]:
    """Daily counts stated for a single day.

    Taken: occurred mentions dated to one day by their text, with a quantity
    per day ("up to 210 attempts a day") or a count for that day ("97 people
    tried to cross on Tuesday"). Not taken: totals and longer periods, plans
    and claims, and days after the document's publication (an extraction slip).
    """
    best: dict[tuple[date, str, str, str, str], IndicatorPoint] = {}
    for mention in mentions:
        day = _single_day(mention)
        if day is None or _after_publication(day, mention, documents):
            continue
        for q in mention.quantities:
            if _is_daily(q):
                _keep(
                    best,
                    IndicatorPoint(
                        day,
                        mention.theatre,
                        mention.type,
                        q.unit,
                        point_value(q),
                        "day",
                        mention.doc,
                        mention.id,
                    ),
                )
    return sorted(best.values(), key=_order)


def weekly_points(mentions: Sequence[Mention], documents: Mapping[str, Document]) -> list[IndicatorPoint]:
    """Counts stated for one whole ISO week ("1,256 prevented last week"), dated by its Monday."""
    best: dict[tuple[date, str, str, str, str], IndicatorPoint] = {}
    for mention in mentions:
        monday = _whole_week(mention)
        if monday is None or _after_publication(monday, mention, documents):
            continue
        for q in mention.quantities:
            if q.period == "week" or (q.period == "span" and q.period_days == 7):
                _keep(
                    best,
                    IndicatorPoint(
                        monday,
                        mention.theatre,
                        mention.type,
                        q.unit,
                        point_value(q),
                        "week",
                        mention.doc,
                        mention.id,
                    ),
                )
    return sorted(best.values(), key=_order)


def point_value(q: Quantity) -> float:
    """The number a quantity contributes: its value, or the middle of a range."""
    if q.value_max is not None and q.value_max > q.value:
        return (q.value + q.value_max) / 2
    return q.value


def _single_day(m: Mention) -> date | None:
    if m.modality != "occurred" or m.date_start is None or m.date_precision != "day":
        return None
    if m.date_end not in (None, m.date_start):
        return None
    return m.date_start


def _whole_week(m: Mention) -> date | None:
    if m.modality != "occurred" or m.date_start is None or m.date_end is None:
        return None
    if m.date_start.weekday() != 0 or (m.date_end - m.date_start).days != 6:
        return None
    return m.date_start


def _is_daily(q: Quantity) -> bool:
    # No period words on a one-day mention is a count for that day.
    return q.period in (None, "day") or (q.period == "span" and q.period_days == 1)


def _after_publication(day: date, m: Mention, documents: Mapping[str, Document]) -> bool:
    issued = published(m, documents)
    return issued is not None and day > issued


def _keep(best: dict[tuple[date, str, str, str, str], IndicatorPoint], point: IndicatorPoint) -> None:
    """Within one document and day, a restated number counts once: the largest."""
    key = (point.day, point.theatre, point.type, point.unit, point.doc)
    current = best.get(key)
    if current is None or (point.value, current.mention_id) > (current.value, point.mention_id):
        best[key] = point


def _order(p: IndicatorPoint) -> tuple[date, str, str, str, str]:
    return (p.day, p.theatre, p.type, p.unit, p.doc)

