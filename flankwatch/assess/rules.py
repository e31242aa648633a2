"""The escalation rules as data (flankwatch/data/assess/rules-<version>.yaml).

`load_rules("v1")` reads and validates one version; assessments record the
version they were made under, so a past week can be re-assessed as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from flankwatch.assess.datafile import need, packaged, read_yaml
from flankwatch.errors import DataFileError
from flankwatch.ontology import load_ontology
from flankwatch.records import Mention

SECURITY = "security"
_RULE_KEYS = {"type", "level", "label", "subtype", "actor", "casualties", "cue"}


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
class SurgeRule:
    """When migration numbers stand well above the median of previous weeks."""

    types: frozenset[str]
    units: frozenset[str]
    baseline_weeks: int
    min_baseline_weeks: int
    factor: float
    min_peak: float
    level: int
    label: str


@dataclass(frozen=True, slots=True)
class Rules:
    """One version of the assessment rules, validated."""

    version: str
    level_names: dict[int, str]
    domains: dict[str, tuple[str, ...]]  # verdict domain -> ontology domains
    adversaries: frozenset[str]
    moving_modalities: frozenset[str]
    state_media_speech_acts: frozenset[str]
    escalation_lookback_weeks: int
    carry_over_weeks: int
    max_reasons: int
    surge: SurgeRule
    rules: tuple[LevelRule, ...]

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


@lru_cache(maxsize=8)
def load_rules(version: str = "v1", path: Path | None = None) -> Rules:
    """The packaged rules of `version`, or a user file at `path`."""
    where = path or packaged(f"assess/rules-{version}.yaml")
    raw = read_yaml(where)
    name = str(where)
    rules = _build(raw, name)
    if path is None and rules.version != version:
        raise DataFileError(name, f"says version {rules.version!r} but is the file of {version!r}")
    return rules


def _build(raw: dict[str, Any], where: str) -> Rules:
    verdict = need(raw, "verdict", dict, where)
    domains = need(raw, "domains", dict, where)
    cues = _cues(raw.get("cues") or {}, f"{where} -> cues")
    _check_domains(domains, where)
    return Rules(
        version=str(need(raw, "version", str, where)),
        level_names={int(k): str(v) for k, v in need(raw, "levels", dict, where).items()},
        domains={str(k): tuple(v) for k, v in domains.items()},
        adversaries=frozenset(need(raw, "adversaries", list, where)),
        moving_modalities=frozenset(need(raw, "moving_modalities", list, where)),
        state_media_speech_acts=frozenset(
            need(need(raw, "state_media", dict, where), "speech_acts", list, where)
        ),
        escalation_lookback_weeks=need(verdict, "escalation_lookback_weeks", int, f"{where} -> verdict"),
        carry_over_weeks=need(verdict, "carry_over_weeks", int, f"{where} -> verdict"),
        max_reasons=need(raw, "max_reasons", int, where),
        surge=_surge(need(raw, "surge", dict, where), f"{where} -> surge"),
        rules=tuple(
            _rule(r, f"{where} -> rules[{i}]", cues) for i, r in enumerate(need(raw, "rules", list, where))
        ),
    )


def _check_domains(domains: dict[str, Any], where: str) -> None:
    known = load_ontology().domains
    for name, members in domains.items():
        if name == SECURITY:
            raise DataFileError(
                where, "domains: 'security' is the overall domain and gathers all; do not list it"
            )
        for member in members if isinstance(members, list) else [members]:
            if member not in known:
                raise DataFileError(
                    where,
                    f"domains -> {name}: {member!r} is not an ontology domain (known: {', '.join(known)})",
                )


def _surge(raw: dict[str, Any], where: str) -> SurgeRule:
    onto = load_ontology()
    for event_type in need(raw, "types", list, where):
        onto.check_type(event_type, f"{where} -> types")
    for unit in need(raw, "units", list, where):
        onto.check_unit(unit, f"{where} -> units")
    return SurgeRule(
        types=frozenset(raw["types"]),
        units=frozenset(raw["units"]),
        baseline_weeks=need(raw, "baseline_weeks", int, where),
        min_baseline_weeks=need(raw, "min_baseline_weeks", int, where),
        factor=float(need(raw, "factor", (int, float), where)),
        min_peak=float(need(raw, "min_peak", (int, float), where)),
        level=_level(need(raw, "level", int, where), where),
        label=str(need(raw, "label", str, where)),
    )


def _cues(raw: Any, where: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """Named cue-word lists per language, lower-cased for matching."""
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise DataFileError(where, "must map cue names to {language: [words]}")
    return {
        str(name): {str(lang): tuple(str(w).casefold() for w in words) for lang, words in langs.items()}
        for name, langs in raw.items()
    }


def _rule(raw: Any, where: str, cues: dict[str, dict[str, tuple[str, ...]]]) -> LevelRule:
    if not isinstance(raw, dict):
        raise DataFileError(where, "each rule must be a mapping such as {type: STRIKE, level: 4, label: …}")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise DataFileError(where, f"unknown keys {sorted(unknown)} (known: {', '.join(sorted(_RULE_KEYS))})")
    load_ontology().check_type(need(raw, "type", str, where), where)
    actor = raw.get("actor")
    if actor not in (None, "adversary", "other"):
        raise DataFileError(where, f"actor {actor!r} must be 'adversary' or 'other'")
    casualties = tuple(raw.get("casualties") or ())
    for unit in casualties:
        if unit not in load_ontology().casualty_units:
            raise DataFileError(where, f"{unit!r} is not a casualty unit (known: killed, injured, detained)")
    cue = raw.get("cue")
    if cue is not None and cue not in cues:
        raise DataFileError(
            where, f"cue {cue!r} is not defined under cues (defined: {', '.join(sorted(cues))})"
        )
    return LevelRule(
        type=raw["type"],
        level=_level(need(raw, "level", int, where), where),
        label=str(need(raw, "label", str, where)),
        subtype=raw.get("subtype"),
        actor=actor,
        casualties=casualties,
        cue_words=cues[cue] if cue else {},
    )


def _level(value: int, where: str) -> int:
    if not 0 <= value <= 5:
        raise DataFileError(where, f"level {value} is off the ladder (0–5)")
    return value
