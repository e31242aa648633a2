"""The assessment's view of its input: every mention placed in a week and rated.

Built once per `assess_weeks` call; the weekly levels are computed from it and
remembered per week, since each verdict needs the levels of the weeks before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flankwatch.assess.media import StateMedia
from flankwatch.assess.rules import LevelRule, Rules
from flankwatch.fuse import placement_day
from flankwatch.indicators import WeekStat, daily_points, weekly_points, weekly_stats
from flankwatch.records import Document, IndicatorPoint, Mention
from flankwatch.weeks import week_of

SeriesKey = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention with the week it counts for and how the rules see it."""

    mention: Mention
    day: date
    week: str
    domain: str | None
    rule: LevelRule | None
    state_media: bool  # the document is the adversary's state media
    moves: bool  # it may move a level: it occurred, is rated, and is not a state-media-only claim


@dataclass(frozen=True, slots=True)
class Series:
    """Daily and whole-week indicator statistics for the surge rule."""

    daily: dict[SeriesKey, dict[str, WeekStat]]
    weekly: dict[SeriesKey, dict[str, WeekStat]]


def place_all(
    mentions: Sequence[Mention], documents: Mapping[str, Document], rules: Rules, media: StateMedia
) -> dict[str, list[Placed]]:
    """Every placeable mention, grouped by ISO week, in a stable order."""
    by_week: dict[str, list[Placed]] = defaultdict(list)
    for mention in sorted({m.id: m for m in mentions}.values(), key=lambda m: m.id):
        day = placement_day(mention, documents)
        if day is None:
            continue
        placed = _rate(mention, day, documents, rules, media)
        by_week[placed.week].append(placed)
    return dict(by_week)


def _rate(
    mention: Mention, day: date, documents: Mapping[str, Document], rules: Rules, media: StateMedia
) -> Placed:
    domain = rules.domain_of(mention.type)
    rule = rules.rule_for(mention)
    state = media.covers(documents.get(mention.doc))
    claim_only = state and mention.type not in rules.state_media_speech_acts
    moves = mention.modality in rules.moving_modalities and rule is not None and domain is not None
    return Placed(mention, day, week_of(day), domain, rule, state, moves and not claim_only)


def build_series(
    mentions: Sequence[Mention], documents: Mapping[str, Document], rules: Rules, media: StateMedia
) -> Series:
    """Surge series from sources other than state media, for the surge types and units."""
    trusted = [m for m in mentions if m.type in rules.surge.types and not media.covers(documents.get(m.doc))]

    def keep(points: list[IndicatorPoint]) -> list[IndicatorPoint]:
        return [p for p in points if p.unit in rules.surge.units]

    return Series(
        daily=weekly_stats(keep(daily_points(trusted, documents))),
        weekly=weekly_stats(keep(weekly_points(trusted, documents))),
    )
