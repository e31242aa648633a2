"""The indicator side of a verdict: each rule's weekly series against its baseline.

Per indicator rule, the weekly series of its types and units are computed
with the rule's own baseline and anomaly parameters, from sources that may
move a level alone (never the adversary's own figures). For a week and a
theatre, each series is judged on the first basis of the rule that has a
figure that week — daily peaks before a whole-week total, so one surge is
not counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flankwatch.assess.rules import IndicatorRule, Rules
from flankwatch.assess.text import number
from flankwatch.indicators import EVENT_UNIT, Indicators, WeekFigure, weekly_series
from flankwatch.records import Reason

SeriesKey = tuple[str, str, str]  # theatre, type, unit
_NOUNS = {
    "BORDER_INCIDENT": "border incidents",
    "AIRSPACE_VIOLATION": "airspace violations",
    "ACCUSATION": "accusations",
    "THREAT_RHETORIC": "threats",
    "STRIKE": "strikes",
    "AIR_ACTIVITY": "air-activity events",
    "MIGRATION_PRESSURE": "migration-pressure events",
}
Table = dict[SeriesKey, dict[str, dict[str, WeekFigure]]]  # series -> basis -> week -> figure


@dataclass(frozen=True, slots=True)
class Finding:
    """One series' week judged by one rule."""

    rule: IndicatorRule
    figure: WeekFigure

    @property
    def raises(self) -> bool:
        """The week stands out above its baseline and the rule raises a level for that."""
        return self.rule.level > 0 and self.figure.anomaly == "high"

    @property
    def level(self) -> int:
        return self.rule.level if self.raises else 0


@dataclass(frozen=True, slots=True)
class Signals:
    """Each indicator rule with its series, ready to be judged week by week."""

    tables: tuple[tuple[IndicatorRule, Table], ...]

    @classmethod
    def build(
        cls, rules: Rules, indicators: Indicators, weeks: Sequence[str], trusted: Callable[[str], bool]
    ) -> Signals:
        tables = []
        for rule in rules.indicators:
            points = [p for p in indicators.points if p.type in rule.types and p.unit in rule.units]
            found = [i for i in indicators.increments if i.type in rule.types and i.unit in rule.units]
            table: Table = defaultdict(lambda: defaultdict(dict))
            for figure in weekly_series(points, found, weeks, trusted=trusted, rule=rule.anomaly):
                if figure.basis in rule.basis:
                    table[(figure.theatre, figure.type, figure.unit)][figure.basis][figure.week] = figure
            tables.append((rule, dict(table)))
        return cls(tuple(tables))

    def findings(self, week: str, theatre: str, domain_types: frozenset[str]) -> list[Finding]:
        """The week's findings for the theatre, of series whose type belongs to the domain."""
        out = []
        for rule, table in self.tables:
            for key in sorted(k for k in table if k[0] == theatre and k[1] in domain_types):
                figure = _first_basis(table[key], rule.basis, week)
                if figure is not None and not _empty_count(figure):
                    out.append(Finding(rule, figure))
        return out


def reason(finding: Finding) -> Reason:
    """'Surge in border-crossing pressure: attempts peaked at 400 a day, 3.6× the median of 112 …'."""
    figure = finding.figure
    base = figure.baseline
    head = _head(figure)
    if base is None:
        text = f"{head}; too few earlier weeks to compare"
    else:
        ratio = f"{figure.value / base.median:.1f}× " if base.median > 0 else "above "
        spread = f", spread {number(round(base.spread, 1))}" if base.spread else ""
        scope = "weeks" if figure.unit == EVENT_UNIT else "weeks with figures"
        compared = f"the median of {number(base.median)} over the previous {base.weeks} {scope}{spread}"
        if figure.anomaly == "low":
            text = f"{head}, well below {compared}"
        elif figure.value > base.median:
            text = f"{head}, {ratio}{compared}"
        else:
            text = f"{head}, against {compared}"
        if figure.anomaly == "high":
            label = finding.rule.label
            text = f"{label[:1].upper()}{label[1:]}: {text[0].lower()}{text[1:]}"
    return Reason(text=text, mention_id=figure.mention_id, doc=figure.doc, level=finding.level)


def _head(figure: WeekFigure) -> str:
    unit = figure.unit.capitalize()
    if figure.basis == "daily":
        return f"{unit} peaked at {number(figure.value)} a day"
    if figure.basis == "weekly":
        return f"{unit}: {number(figure.value)} in the week"
    if figure.basis == "totals":
        return f"{unit}: about {number(round(figure.value))} in the week, from running totals"
    return f"{number(figure.value)} {_noun(figure.type, figure.value)} this week"


def _noun(event_type: str, count: float) -> str:
    """'4 border incidents', '1 airspace violation', '3 events of type sabotage espionage'."""
    noun = _NOUNS.get(event_type)
    if noun is None:
        return f"{'event' if count == 1 else 'events'} of type {event_type.replace('_', ' ').lower()}"
    return noun if count != 1 else noun.removesuffix("s")


def _first_basis(
    by_basis: dict[str, dict[str, WeekFigure]], order: tuple[str, ...], week: str
) -> WeekFigure | None:
    for basis in order:
        figure = by_basis.get(basis, {}).get(week)
        if figure is not None:
            return figure
    return None


def _empty_count(figure: WeekFigure) -> bool:
    """A week without events says something only when the weeks before had some."""
    return figure.unit == EVENT_UNIT and figure.value == 0 and figure.anomaly is None
