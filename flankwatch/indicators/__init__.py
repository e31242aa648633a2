"""Indicators: numbers per day and week per theatre, type and unit, their baselines and anomalies.

Public surface:
- `build_indicators(mentions, documents, events, weeks)` → all of the below;
- points: `daily_points`, `weekly_points`, `total_points`, `event_points`
  (one number per day and source, never a sum of duplicate reports), and
  `increments` between two cumulative totals of one source;
- `weekly_series(points, increments, weeks)` → `WeekFigure`s with their
  baseline (median and spread over the previous twelve weeks) and anomaly;
- the building blocks the assessment and the digest share: `weekly_stats`,
  `baseline`, `baseline_of`, `anomaly_of`.
"""

from flankwatch.indicators.bundle import Indicators, build_indicators
from flankwatch.indicators.counts import event_points
from flankwatch.indicators.daily import daily_points, point_value, weekly_points
from flankwatch.indicators.series import (
    Baseline,
    DayValue,
    WeekStat,
    baseline,
    baseline_of,
    day_values,
    weekly_stats,
)
from flankwatch.indicators.totals import Increment, increments, total_points
from flankwatch.indicators.weekly import BASES, EVENT_UNIT, AnomalyRule, WeekFigure, anomaly_of, weekly_series

__all__ = [
    "BASES",
    "EVENT_UNIT",
    "AnomalyRule",
    "Baseline",
    "DayValue",
    "Increment",
    "Indicators",
    "WeekFigure",
    "WeekStat",
    "anomaly_of",
    "baseline",
    "baseline_of",
    "build_indicators",
    "day_values",
    "daily_points",
    "event_points",
    "increments",
    "point_value",
    "total_points",
    "weekly_points",
    "weekly_series",
    "weekly_stats",
]
