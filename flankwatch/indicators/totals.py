"""Cumulative totals ("more than 50,000 since 2021"), kept as totals, and the increments two of them allow.

A total is never added to a daily or weekly series: it is a running count.
Only two totals of the same source, theatre, type and unit, counted from the
same start, say how much happened between them; `increments` turns each
such consecutive pair into the count of the days in between.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from flankwatch.fuse import Sources, published
from flankwatch.indicators.daily import point_value
from flankwatch.records import Document, IndicatorPoint, Mention


@dataclass(frozen=True, slots=True)
class Increment:
    """What happened between two totals of one source: `value` over the days `start`…`end`."""

    theatre: str
    type: str
    unit: str
    start: date  # the day after the earlier total
    end: date  # the day of the later total
    value: float
    source: str  # the publisher both totals come from
    docs: tuple[str, str]  # earlier, later
    mention_ids: tuple[str, str]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class _Total:
    as_of: date
    since: date | None
    value: float
    qualifier: str
    mention: Mention
    unit: str


def total_points(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources | None = None
) -> list[IndicatorPoint]:
    """Each stated total as a point dated by the day it runs to (period 'total'), one per day and source."""
    points = {}
    for key, totals in _totals(mentions, documents, sources).items():
        for t in totals:
            points[(t.as_of, *key)] = IndicatorPoint(
                t.as_of, key[0], key[1], key[2], t.value, "total", t.mention.doc, t.mention.id
            )
    return sorted(points.values(), key=lambda p: (p.day, p.theatre, p.type, p.unit, p.doc))


def increments(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources | None = None
) -> list[Increment]:
    """Increments between consecutive totals of one source, counted from one start, in one qualifier.

    A later total lower than an earlier one is a correction or another scope:
    no increment is made from it.
    """
    out = []
    for (theatre, type_, unit, _source, _since), totals in _totals(mentions, documents, sources).items():
        for earlier, later in zip(totals, totals[1:], strict=False):
            if later.value < earlier.value or later.qualifier != earlier.qualifier:
                continue
            out.append(
                Increment(
                    theatre,
                    type_,
                    unit,
                    earlier.as_of + timedelta(days=1),
                    later.as_of,
                    later.value - earlier.value,
                    _publisher(later.mention.doc, sources),
                    (earlier.mention.doc, later.mention.doc),
                    (earlier.mention.id, later.mention.id),
                )
            )
    return sorted(out, key=lambda i: (i.end, i.theatre, i.type, i.unit, i.source))


def _totals(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources | None
) -> dict[tuple[str, ...], list[_Total]]:
    """Totals per theatre, type, unit, source and start; one per day (the latest publication), by day."""
    by_series: dict[tuple[str, ...], dict[date, tuple[date, _Total]]] = defaultdict(dict)
    for m in mentions:
        if m.modality != "occurred":
            continue
        as_of = m.date_end or published(m, documents)
        issued = published(m, documents) or date.min
        if as_of is None:
            continue
        for q in m.quantities:
            if q.period != "total":
                continue
            since = m.date_start if m.date_start != as_of else None
            key = (m.theatre, m.type, q.unit, sources.key(m.doc) if sources else m.doc, _iso(since))
            total = _Total(as_of, since, point_value(q), q.qualifier, m, q.unit)
            current = by_series[key].get(as_of)
            if current is None or (issued, total.value, m.id) > (
                current[0],
                current[1].value,
                current[1].mention.id,
            ):
                by_series[key][as_of] = (issued, total)
    return {key: [t for _, (_, t) in sorted(days.items())] for key, days in by_series.items()}


def _publisher(doc: str, sources: Sources | None) -> str:
    return sources.of(doc).publisher if sources else doc


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
