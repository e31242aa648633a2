"""The escalation rules, as read from flankwatch/data/assess/rules-<version>.yaml (see `rulefile.py`).

Assessments record the version they were made under, so a past week can be
re-assessed as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flankwatch.indicators import AnomalyRule
from flankwatch.ontology import load_ontology
from flankwatch.records import Mention

SECURITY = "security"


@dataclass(frozen=True, slots=True)
class LevelRule:
    """One line of the rules: which mentions it matches and the level they reach."""

    type: str
    level: int
    label: str
    subtype: str | None = None
    actor: str | None = None  # adversary, other, or None for anyone
    casualties: tuple[str, ...] = ()
    cue_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> words in the evidence
    hold_weeks: int = 0  # the level stands this many weeks after the event (a deployment stays)
    releases: tuple[str, ...] = ()  # types whose held levels this event ends (a withdrawal)

    def matches(self, mention: Mention, adversaries: frozenset[str]) -> bool:
        if mention.type != self.type or (self.subtype and mention.subtype != self.subtype):
            return False
        if self.actor is not None:
            hostile = any(a in adversaries for a in mention.actors)
            if hostile != (self.actor == "adversary"):
                return False
        if self.casualties and not any(c.unit in self.casualties and c.value > 0 for c in mention.casualties):
            return False
        return not self.cue_words or self._cued(mention)

    def _cued(self, mention: Mention) -> bool:
        """The evidence holds a cue word of its language (of any language when its own has none)."""
        words = self.cue_words.get(mention.language) or tuple(w for ws in self.cue_words.values() for w in ws)
        text = mention.evidence.text.casefold()
        return any(word in text for word in words)


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    """A weekly series standing out from its baseline raises a domain's level (or explains it)."""

    label: str
    types: frozenset[str]
    units: frozenset[str]
    basis: tuple[str, ...]  # daily, weekly, totals, events: the first with a figure in the week is judged
    level: int  # 0: the comparison only explains, it raises nothing
    anomaly: AnomalyRule


@dataclass(frozen=True, slots=True)
class SourceRule:
    """Which sources may move a level on their own."""

    not_alone: frozenset[str]  # publisher kinds whose reports alone move no level …
    speech_acts: frozenset[str]  # … except the adversary's own threats and accusations,
    own_activity: frozenset[str]  # … and its own declared activity of these types


@dataclass(frozen=True, slots=True)
class Rules:
    """One version of the assessment rules, validated."""

    version: str
    level_names: dict[int, str]
    domains: dict[str, tuple[str, ...]]  # verdict domain -> ontology domains
    adversaries: frozenset[str]
    moving_modalities: frozenset[str]
    sources: SourceRule
    escalation_lookback_weeks: int
    carry_over_weeks: int
    max_reasons: int
    indicators: tuple[IndicatorRule, ...]
    rules: tuple[LevelRule, ...]
    min_confidence: dict[int, float] = field(default_factory=dict)  # level -> least event confidence
    zero_counts_move: bool = True  # v1: a report that counts zero ("no incidents") still moved its level

    def cap_for(self, confidence: float) -> int:
        """The highest level an event of this confidence may reach (5 when no minimum stands in the way)."""
        for level in sorted(self.min_confidence):
            if confidence < self.min_confidence[level]:
                return level - 1
        return 5

    @property
    def surge_factor(self) -> float:
        """The factor of the first rule raising a level on a migration series (for the digest's headline)."""
        raising = [r for r in self.indicators if r.level > 0 and "MIGRATION_PRESSURE" in r.types]
        return raising[0].anomaly.factor if raising else 2.0

    @property
    def max_hold_weeks(self) -> int:
        return max((r.hold_weeks for r in self.rules), default=0)

    def verdict_domains(self) -> tuple[str, ...]:
        """security first, then the domains in the order of the file."""
        return (SECURITY, *self.domains)

    def domain_of(self, event_type: str) -> str | None:
        """The verdict domain of a type; None for a type the ontology does not know."""
        onto = load_ontology()
        if event_type not in onto.types:
            return None
        ontology_domain = onto.domain_of(event_type)
        return next((d for d, members in self.domains.items() if ontology_domain in members), None)

    def rule_for(self, mention: Mention) -> LevelRule | None:
        """The first rule matching the mention, whatever its modality."""
        return next((r for r in self.rules if r.matches(mention, self.adversaries)), None)

    def level_name(self, level: int) -> str:
        return self.level_names.get(level, str(level))
