"""Every indicator of an analysis at once: points, increments and the weekly series."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flankwatch.fuse import FusedEvent, Sources
from flankwatch.indicators.counts import event_points
from flankwatch.indicators.daily import daily_points, weekly_points
from flankwatch.indicators.totals import Increment, increments, total_points
from flankwatch.indicators.weekly import AnomalyRule, WeekFigure, weekly_series
from flankwatch.records import Document, IndicatorPoint, Mention


@dataclass(frozen=True, slots=True)
class Indicators:
    """Points (day, week, total and event), increments between totals, and the weekly series."""

    points: tuple[IndicatorPoint, ...]
    increments: tuple[Increment, ...]
    series: tuple[WeekFigure, ...]


def build_indicators(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    events: Sequence[FusedEvent],
    weeks: Sequence[str],
    *,
    sources: Sources | None = None,
    rule: AnomalyRule | None = None,
) -> Indicators:
    """All indicators of the mentions and their fused events.

    1. points: one per day (or week, or total) and source, and one per event;
    2. increments between consecutive totals of one source;
    3. weekly series over `weeks` from sources other than the adversary's own,
       each week against its baseline.
    """
    sources = sources or Sources.build(documents)
    by_id = {m.id: m for m in mentions}
    points = (
        *daily_points(mentions, documents, sources),
        *weekly_points(mentions, documents, sources),
        *total_points(mentions, documents, sources),
        *event_points(events, by_id, documents),
    )
    found = tuple(increments(mentions, documents, sources))
    series = weekly_series(points, found, weeks, trusted=lambda doc: not sources.of(doc).adversary, rule=rule)
    return Indicators(points, found, tuple(series))
