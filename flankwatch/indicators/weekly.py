"""Weekly series per theatre, type and unit, each week against its baseline, and anomalies.

Four bases, kept apart because they measure different things:
- `daily`: the week's peak day (and typical day) from daily points;
- `weekly`: a total stated for the whole week ("1,256 prevented last week");
- `totals`: what the increments between two cumulative totals of one source
  put in the week (pro rata over the days between the totals);
- `events`: how many fused events of the type occurred (airspace violations
  per week), or the sum of their own figures (troops in exercises per week);
  a week without any, inside the period covered, counts zero.

The baseline of a week is the median and robust spread of the same series
over the previous weeks with figures (twelve by default); an anomaly is a
week far above (or below) it by both a factor and a number of spreads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from flankwatch.indicators.series import Baseline, baseline_of, weekly_stats
from flankwatch.indicators.totals import Increment
from flankwatch.records import IndicatorPoint
from flankwatch.weeks import previous_week, week_of

BASES = ("daily", "weekly", "totals", "events")
EVENT_UNIT = "events"  # the unit of event counts: not a quantity any text states
_MAX_INCREMENT_DAYS = 31  # longer gaps between totals say too little about any one week
_Key = tuple[str, str, str, str]  # theatre, type, unit, week


@dataclass(frozen=True, slots=True)
class AnomalyRule:
    """When a week stands out from its baseline."""

    weeks: int = 12  # the baseline looks back this many weeks
    min_weeks: int = 3  # fewer weeks with figures: no baseline
    factor: float = 2.0  # high: at least factor × the median; low: at most median / factor
    z: float = 3.0  # and at least z spreads away from the median
    min_value: float = 3.0  # and (high) at least this much; (low) a median at least this much


@dataclass(frozen=True, slots=True)
class WeekFigure:
    """One week of one series, compared with its baseline."""

    week: str
    theatre: str
    type: str
    unit: str
    basis: str  # daily, weekly, totals, events
    value: float  # the peak day, the week's stated total, its share of increments, or the count
    typical: float | None  # the median reported day (daily basis)
    days: int  # days with figures (daily), else 7
    sources: int  # documents behind the figures
    doc: str | None  # where the figure comes from (the peak day's document)
    mention_id: str | None
    baseline: Baseline | None
    anomaly: str | None  # high, low, or None
    score: float | None  # (value − median) / spread; None without a baseline


def weekly_series(
    points: Iterable[IndicatorPoint],
    increments: Iterable[Increment] = (),
    weeks: Sequence[str] = (),
    *,
    trusted: Callable[[str], bool] | None = None,
    rule: AnomalyRule | None = None,
) -> list[WeekFigure]:
    """Every series' weeks with their baselines and anomalies.

    `weeks` are the weeks the data cover (event counts are zero in those
    without events); `trusted(doc)` leaves out the figures of other documents
    (the adversary's own, typically); events are counted whoever reports them.
    """
    rule = rule or AnomalyRule()
    points = list(points)
    kept = [p for p in points if trusted is None or trusted(p.doc)]
    raw: list[_Raw] = [
        *_daily([p for p in kept if p.period == "day"]),
        *_weekly([p for p in kept if p.period == "week"]),
        *_from_increments([i for i in increments if trusted is None or trusted(i.docs[1])]),
        *_events([p for p in points if p.period == "event"], weeks),
    ]
    by_series: dict[tuple[str, str, str, str], dict[str, _Raw]] = defaultdict(dict)
    for item in raw:
        by_series[(item.theatre, item.type, item.unit, item.basis)][item.week] = item
    out = []
    for key in sorted(by_series):
        out.extend(_compared(by_series[key], rule))
    return out


def anomaly_of(value: float, base: Baseline | None, rule: AnomalyRule) -> tuple[str | None, float | None]:
    """('high' | 'low' | None, score) of a value against its baseline."""
    if base is None:
        return None, None
    scale = max(base.spread, 0.1 * base.median, 1.0)
    score = round((value - base.median) / scale, 2)
    if value >= rule.min_value and value >= rule.factor * base.median and score >= rule.z:
        return "high", score
    if base.median >= rule.min_value and value * rule.factor <= base.median and score <= -rule.z:
        return "low", score
    return None, score


@dataclass(frozen=True, slots=True)
class _Raw:
    week: str
    theatre: str
    type: str
    unit: str
    basis: str
    value: float
    typical: float | None
    days: int
    sources: int
    doc: str | None
    mention_id: str | None


def _raw(
    key: _Key,
    basis: str,
    value: float,
    sources: int,
    origin: tuple[str | None, str | None],
    *,
    typical: float | None = None,
    days: int = 7,
) -> _Raw:
    """A week of one series; `origin` is the (doc, mention_id) its figure comes from."""
    theatre, type_, unit, week = key
    doc, mention_id = origin
    return _Raw(week, theatre, type_, unit, basis, value, typical, days, sources, doc, mention_id)


def _compared(weeks: dict[str, _Raw], rule: AnomalyRule) -> list[WeekFigure]:
    ordered = sorted(weeks)
    out = []
    for n, week in enumerate(ordered):
        item = weeks[week]
        history = [
            weeks[w].value for w in ordered[max(0, n - rule.weeks) : n] if _within(w, week, rule.weeks)
        ]
        base = baseline_of(history, rule.min_weeks)
        flag, score = anomaly_of(item.value, base, rule)
        out.append(WeekFigure(**_fields(item), baseline=base, anomaly=flag, score=score))
    return out


def _fields(item: _Raw) -> dict[str, object]:
    return {name: getattr(item, name) for name in _Raw.__dataclass_fields__}


def _within(earlier: str, week: str, span: int) -> bool:
    """`earlier` is one of the `span` weeks before `week` (ISO week strings sort by time)."""
    return earlier >= previous_week(week, span)


def _daily(points: list[IndicatorPoint]) -> list[_Raw]:
    docs: dict[_Key, set[str]] = defaultdict(set)
    for p in points:
        docs[(p.theatre, p.type, p.unit, week_of(p.day))].add(p.doc)
    out = []
    for (theatre, type_, unit), table in weekly_stats(points).items():
        for week, stat in table.items():
            key = (theatre, type_, unit, week)
            peak = stat.peak_point
            origin = (peak.doc, peak.mention_id)
            out.append(
                _raw(key, "daily", stat.peak, len(docs[key]), origin, typical=stat.typical, days=stat.days)
            )
    return out


def _weekly(points: list[IndicatorPoint]) -> list[_Raw]:
    groups: dict[_Key, list[IndicatorPoint]] = defaultdict(list)
    for p in points:
        groups[(p.theatre, p.type, p.unit, week_of(p.day))].append(p)
    out = []
    for key, group in groups.items():
        ordered = sorted(group, key=lambda p: (p.value, p.doc))
        chosen = ordered[(len(ordered) - 1) // 2]  # lower median of the sources
        sources = len({p.doc for p in group})
        out.append(_raw(key, "weekly", chosen.value, sources, (chosen.doc, chosen.mention_id)))
    return out


def _from_increments(increments: list[Increment]) -> list[_Raw]:
    shares: dict[_Key, list[tuple[float, Increment]]] = defaultdict(list)
    for inc in increments:
        if inc.days > _MAX_INCREMENT_DAYS:
            continue
        per_day = inc.value / inc.days
        counts: dict[str, int] = defaultdict(int)
        for n in range(inc.days):
            counts[week_of(inc.start + timedelta(days=n))] += 1
        for week, days in counts.items():
            shares[(inc.theatre, inc.type, inc.unit, week)].append((per_day * days, inc))
    out = []
    for key, items in shares.items():
        by_source: dict[str, float] = defaultdict(float)
        for value, inc in items:
            by_source[inc.source] += value
        value = float(median(by_source.values()))
        lead = max(items, key=lambda pair: (pair[0], pair[1].mention_ids))[1]
        origin = (lead.docs[1], lead.mention_ids[1])
        out.append(_raw(key, "totals", round(value, 1), len(by_source), origin))
    return out


def _events(points: list[IndicatorPoint], weeks: Sequence[str]) -> list[_Raw]:
    """Per week, the number of events (unit `events`) or the sum of their figures (troops, drones …)."""
    counts: dict[tuple[str, str, str], dict[str, list[IndicatorPoint]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for p in points:
        counts[(p.theatre, p.type, p.unit)][week_of(p.day)].append(p)
    out = []
    for (theatre, type_, unit), table in counts.items():
        for week in sorted(set(weeks) | set(table)):
            found = sorted(table.get(week, []), key=lambda p: (p.day, p.mention_id))
            value = float(sum(p.value for p in found))
            origin = (found[0].doc, found[0].mention_id) if found else (None, None)
            out.append(
                _raw((theatre, type_, unit, week), "events", value, len({p.doc for p in found}), origin)
            )
    return out
