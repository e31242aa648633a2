"""The indicator side of a verdict: migration numbers against the weeks before."""

from __future__ import annotations

from dataclasses import dataclass

from flankwatch.assess.board import Series, SeriesKey
from flankwatch.assess.rules import SurgeRule
from flankwatch.assess.text import number
from flankwatch.indicators import WeekStat, baseline
from flankwatch.records import Reason


@dataclass(frozen=True, slots=True)
class SurgeFinding:
    """One series' week compared with its baseline."""

    stat: WeekStat
    median: float | None  # None: too few earlier weeks to compare
    weeks: int
    surged: bool
    per: str  # "a day" or "in the week"


def findings(series: Series, week: str, theatre: str, rule: SurgeRule) -> list[SurgeFinding]:
    """Every surge-type series of the theatre with data this week, daily ones first.

    A whole-week total is judged only where the same unit has no daily series,
    so one surge is not counted twice.
    """
    out = _judge(series.daily, week, theatre, rule, "a day")
    daily_units = {f.stat.unit for f in out}
    out += [
        f for f in _judge(series.weekly, week, theatre, rule, "in the week") if f.stat.unit not in daily_units
    ]
    return out


def _judge(
    table: dict[SeriesKey, dict[str, WeekStat]], week: str, theatre: str, rule: SurgeRule, per: str
) -> list[SurgeFinding]:
    out = []
    for key in sorted(k for k in table if k[0] == theatre):
        stat = table[key].get(week)
        if stat is None:
            continue
        base = baseline(table[key], week, weeks=rule.baseline_weeks, min_weeks=rule.min_baseline_weeks)
        surged = base is not None and stat.peak >= rule.min_peak and stat.peak >= rule.factor * base.median
        out.append(SurgeFinding(stat, base.median if base else None, base.weeks if base else 0, surged, per))
    return out


def reason(finding: SurgeFinding, rule: SurgeRule) -> Reason:
    """'Surge in border-crossing pressure: attempts peaked at 400 a day, 4.2× the median …'."""
    stat = finding.stat
    head = f"{stat.unit.capitalize()} peaked at {number(stat.peak)} {finding.per}"
    if finding.median is None:
        text = f"{head}; too few earlier weeks to compare"
    else:
        compared = f"the median of {number(finding.median)} over the previous {finding.weeks} weeks with data"
        ratio = f"{stat.peak / finding.median:.1f}× " if finding.median > 0 else "above "
        text = f"{head}, {ratio}{compared}"
        if finding.surged:
            text = f"{rule.label[:1].upper()}{rule.label[1:]}: {text[0].lower()}{text[1:]}"
    return Reason(
        text=text,
        mention_id=stat.peak_point.mention_id,
        doc=stat.peak_point.doc,
        level=rule.level if finding.surged else 0,
    )
