"""Weekly statistics of daily points, and their baseline over previous weeks.

Several documents may give a number for the same day; the day's value is the
lower median of them (two agreeing sources outvote one outlier, and with two
disagreeing sources the lower, more conservative, figure stands). A week is
summarised by its peak day, its typical (median) day and the number of days
reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

from flankwatch.records import IndicatorPoint
from flankwatch.weeks import previous_week, week_of

SeriesKey = tuple[str, str, str]  # theatre, type, unit


@dataclass(frozen=True, slots=True)
class DayValue:
    """The value of one day, and the point that gave it."""

    day: date
    value: float
    point: IndicatorPoint
    sources: int


@dataclass(frozen=True, slots=True)
class WeekStat:
    """One week of one series: peak and typical day, days reported, points used."""

    week: str
    theatre: str
    type: str
    unit: str
    peak: float
    typical: float
    days: int
    peak_point: IndicatorPoint
    day_values: tuple[DayValue, ...]


@dataclass(frozen=True, slots=True)
class Baseline:
    """Median and spread of a weekly figure over the weeks before.

    `spread` is the median absolute deviation scaled to match a standard
    deviation on normal data (× 1.4826): robust to the one surge week that a
    plain standard deviation would let swallow the next.
    """

    median: float
    low: float
    high: float
    weeks: int
    spread: float = 0.0


def day_values(points: Iterable[IndicatorPoint]) -> dict[SeriesKey, list[DayValue]]:
    """Per series, one value per day: the lower median over documents."""
    by_day: dict[tuple[SeriesKey, date], list[IndicatorPoint]] = defaultdict(list)
    for p in points:
        by_day[((p.theatre, p.type, p.unit), p.day)].append(p)
    series: dict[SeriesKey, list[DayValue]] = defaultdict(list)
    for (key, day), group in sorted(by_day.items()):
        ordered = sorted(group, key=lambda p: (p.value, p.doc))
        chosen = ordered[(len(ordered) - 1) // 2]
        series[key].append(DayValue(day, chosen.value, chosen, len({p.doc for p in group})))
    return dict(series)


def weekly_stats(points: Iterable[IndicatorPoint]) -> dict[SeriesKey, dict[str, WeekStat]]:
    """Per series and ISO week, the peak and typical daily value."""
    out: dict[SeriesKey, dict[str, WeekStat]] = {}
    for key, days in day_values(points).items():
        by_week: dict[str, list[DayValue]] = defaultdict(list)
        for dv in days:
            by_week[week_of(dv.day)].append(dv)
        out[key] = {week: _stat(week, key, values) for week, values in by_week.items()}
    return out


def _stat(week: str, key: SeriesKey, values: Sequence[DayValue]) -> WeekStat:
    peak = max(values, key=lambda dv: (dv.value, -dv.day.toordinal()))
    return WeekStat(
        week=week,
        theatre=key[0],
        type=key[1],
        unit=key[2],
        peak=peak.value,
        typical=float(median(dv.value for dv in values)),
        days=len(values),
        peak_point=peak.point,
        day_values=tuple(values),
    )


def baseline(
    stats: Mapping[str, WeekStat], week: str, *, weeks: int = 12, min_weeks: int = 2, field: str = "peak"
) -> Baseline | None:
    """The median of `field` over the `weeks` before `week` that have data.

    None when fewer than `min_weeks` of them have data: too little to compare.
    """
    values = []
    for n in range(1, weeks + 1):
        stat = stats.get(previous_week(week, n))
        if stat is not None:
            values.append(float(getattr(stat, field)))
    return baseline_of(values, min_weeks)


def baseline_of(values: Sequence[float], min_weeks: int = 2) -> Baseline | None:
    """Median, range and robust spread of some weeks' figures; None for fewer than `min_weeks`."""
    if len(values) < max(min_weeks, 1):
        return None
    middle = float(median(values))
    spread = 1.4826 * float(median(abs(v - middle) for v in values))
    return Baseline(middle, float(min(values)), float(max(values)), len(values), round(spread, 3))
