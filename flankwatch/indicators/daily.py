"""Indicator points: one number per day (or week), theatre, type, unit and source.

A point is what one source says about one day. Restatements inside a
document (headline and body) are one point, never a sum; so are the reports
of one source (a communiqué and its weekly summary, a near-duplicate, a
syndicated copy): the most recently published wins, since a later figure
corrects an earlier one. Points of different sources stay apart so that the
series can weigh them (`series.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from flankwatch.fuse import Sources, published
from flankwatch.records import Document, IndicatorPoint, Mention, Quantity

_Key = tuple[date, str, str, str, str]
_Rank = tuple[bool, date, float, str, str]


def daily_points(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources | None = None
) -> list[IndicatorPoint]:
    """Daily counts stated for a single day.

    Taken: occurred mentions dated to one day by their text, with a quantity
    per day ("up to 210 attempts a day") or a count for that day ("97 people
    tried to cross on Tuesday"). Not taken: totals and longer periods, plans
    and claims, and days after the document's publication (an extraction slip).
    `sources` says which documents are one source; without it, each document is.
    """
    return _points(mentions, documents, sources, _single_day, _is_daily, "day")


def weekly_points(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources | None = None
) -> list[IndicatorPoint]:
    """Counts stated for one whole ISO week ("1,256 prevented last week"), dated by its Monday."""
    return _points(mentions, documents, sources, _whole_week, _is_weekly, "week")


def point_value(q: Quantity) -> float:
    """The number a quantity contributes: its value, or the middle of a range."""
    if q.value_max is not None and q.value_max > q.value:
        return (q.value + q.value_max) / 2
    return q.value


def _points(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    sources: Sources | None,
    day_of: Callable[[Mention], date | None],
    takes: Callable[[Quantity], bool],
    period: str,
) -> list[IndicatorPoint]:
    """Points of `period`: the quantities `takes` accepts, dated by `day_of`.

    One point per day, series and source (`_keep` says which wins); none dated
    after its document's publication.
    """
    best: dict[_Key, tuple[IndicatorPoint, _Rank]] = {}
    for mention in mentions:
        day = day_of(mention)
        if day is None or _after_publication(day, mention, documents):
            continue
        for q in mention.quantities:
            if takes(q):
                point = IndicatorPoint(
                    day,
                    mention.theatre,
                    mention.type,
                    q.unit,
                    point_value(q),
                    period,
                    mention.doc,
                    mention.id,
                )
                _keep(best, point, sources, published(mention, documents))
    return sorted((p for p, _ in best.values()), key=_order)


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


def _is_weekly(q: Quantity) -> bool:
    return q.period == "week" or (q.period == "span" and q.period_days == 7)


def _after_publication(day: date, m: Mention, documents: Mapping[str, Document]) -> bool:
    issued = published(m, documents)
    return issued is not None and day > issued


def _keep(
    best: dict[_Key, tuple[IndicatorPoint, _Rank]],
    point: IndicatorPoint,
    sources: Sources | None,
    issued: date | None,
) -> None:
    """One point per day, series and source: an original before a copy, then the latest publication,
    then the largest figure.

    Within one document a restated number counts once (the largest); across a
    source's documents the later one stands, as a correction would; a
    near-duplicate or syndicated copy never displaces the document it copies.
    """
    source = sources.of(point.doc) if sources is not None else None
    key = (point.day, point.theatre, point.type, point.unit, source.key if source else point.doc)
    original = source is None or (source.copy_of is None and source.syndicated_from is None)
    rank = (original, issued or date.min, point.value, point.doc, point.mention_id)
    current = best.get(key)
    if current is None or rank > current[1]:
        best[key] = (point, rank)


def _order(p: IndicatorPoint) -> tuple[date, str, str, str, str]:
    return (p.day, p.theatre, p.type, p.unit, p.doc)
