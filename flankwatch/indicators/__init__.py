"""Indicators: numbers per day and week per theatre, type and unit, and their baselines."""

from flankwatch.indicators.daily import daily_points, point_value, weekly_points
from flankwatch.indicators.series import Baseline, DayValue, WeekStat, baseline, day_values, weekly_stats

__all__ = [
    "Baseline",
    "DayValue",
    "WeekStat",
    "baseline",
    "daily_points",
    "day_values",
    "point_value",
    "weekly_points",
    "weekly_stats",
]
