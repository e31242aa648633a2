"""Reading and validating the rules files: `load_rules`, `versions`, `current_version`.

A file of an older shape keeps meaning what it meant: v1's single `surge`
becomes one indicator rule with v1's parameters (eight weeks, at least two of
them, twice the median, no spread test), and its `state_media` list of speech
acts applies to the kind it knew, the adversary's state media.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from flankwatch.assess.datafile import need, packaged, read_yaml
from flankwatch.assess.rules import SECURITY, IndicatorRule, LevelRule, Rules, SourceRule
from flankwatch.errors import DataFileError, UsageError
from flankwatch.indicators import BASES, EVENT_UNIT, AnomalyRule
from flankwatch.ontology import load_ontology

_VERSION_FILE = re.compile(r"^rules-(v\d+)\.yaml$")
_RULE_KEYS = {"type", "level", "label", "subtype", "actor", "casualties", "cue", "hold_weeks", "releases"}
_INDICATOR_KEYS = {"label", "types", "units", "basis", "level", "baseline_weeks", "min_baseline_weeks"} | {
    "factor",
    "z",
    "min_value",
}
Cues = dict[str, dict[str, tuple[str, ...]]]


def versions() -> tuple[str, ...]:
    """The packaged rule versions, oldest first (v1, v2, …)."""
    folder = resources.files("flankwatch").joinpath("data", "assess")
    found = [m[1] for m in (_VERSION_FILE.match(p.name) for p in folder.iterdir()) if m]
    return tuple(sorted(found, key=lambda v: int(v[1:])))


def current_version() -> str:
    """The newest packaged version: the one new assessments are made under."""
    return versions()[-1]


@lru_cache(maxsize=8)
def load_rules(version: str | None = None, path: Path | None = None) -> Rules:
    """The packaged rules of `version` (default: the current one), or a user file at `path`."""
    if path is None:
        version = version or current_version()
        if version not in versions():
            raise UsageError(f"no rules {version!r}; the packaged versions are {', '.join(versions())}")
    where = path or packaged(f"assess/rules-{version}.yaml")
    rules = build_rules(read_yaml(where), str(where))
    if path is None and rules.version != version:
        raise DataFileError(str(where), f"says version {rules.version!r} but is the file of {version!r}")
    return rules


def build_rules(raw: dict[str, Any], where: str) -> Rules:
    """A validated `Rules` from a parsed rules file; DataFileError names the spot."""
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
        sources=_sources(raw, where),
        escalation_lookback_weeks=need(verdict, "escalation_lookback_weeks", int, f"{where} -> verdict"),
        carry_over_weeks=need(verdict, "carry_over_weeks", int, f"{where} -> verdict"),
        max_reasons=need(raw, "max_reasons", int, where),
        indicators=_indicators(raw, where),
        min_confidence=_min_confidence(raw.get("min_confidence") or {}, f"{where} -> min_confidence"),
        zero_counts_move=_flag(raw, "zero_counts_move", True, where),
        rules=tuple(
            _rule(r, f"{where} -> rules[{i}]", cues) for i, r in enumerate(need(raw, "rules", list, where))
        ),
    )


def _sources(raw: dict[str, Any], where: str) -> SourceRule:
    if "sources" in raw:
        spec = need(raw, "sources", dict, where)
        spot = f"{where} -> sources"
        return SourceRule(
            not_alone=frozenset(need(spec, "not_alone", list, spot)),
            speech_acts=_types(need(spec, "speech_acts", list, spot), spot),
            own_activity=_types(spec.get("own_activity") or [], spot),
        )
    old = need(raw, "state_media", dict, where)  # v1
    acts = _types(need(old, "speech_acts", list, f"{where} -> state_media"), f"{where} -> state_media")
    return SourceRule(frozenset({"adversary state media"}), acts, frozenset())


def _indicators(raw: dict[str, Any], where: str) -> tuple[IndicatorRule, ...]:
    if "indicators" in raw:
        items = need(raw, "indicators", list, where)
        return tuple(_indicator(item, f"{where} -> indicators[{i}]") for i, item in enumerate(items))
    old = need(raw, "surge", dict, where)  # v1: one surge rule on daily or whole-week figures
    spot = f"{where} -> surge"
    anomaly = AnomalyRule(
        weeks=need(old, "baseline_weeks", int, spot),
        min_weeks=need(old, "min_baseline_weeks", int, spot),
        factor=float(need(old, "factor", (int, float), spot)),
        z=0.0,
        min_value=float(need(old, "min_peak", (int, float), spot)),
    )
    return (
        IndicatorRule(
            label=str(need(old, "label", str, spot)),
            types=_types(need(old, "types", list, spot), spot),
            units=_units(need(old, "units", list, spot), spot),
            basis=("daily", "weekly"),
            level=_level(need(old, "level", int, spot), spot),
            anomaly=anomaly,
        ),
    )


def _indicator(raw: Any, where: str) -> IndicatorRule:
    if not isinstance(raw, dict):
        raise DataFileError(
            where, "each indicator rule must be a mapping with label, types, units, basis, level"
        )
    unknown = set(raw) - _INDICATOR_KEYS
    if unknown:
        raise DataFileError(
            where, f"unknown keys {sorted(unknown)} (known: {', '.join(sorted(_INDICATOR_KEYS))})"
        )
    basis = tuple(need(raw, "basis", list, where))
    for b in basis:
        if b not in BASES:
            raise DataFileError(where, f"basis {b!r} is not one of {', '.join(BASES)}")
    defaults = AnomalyRule()
    anomaly = AnomalyRule(
        weeks=int(raw.get("baseline_weeks", defaults.weeks)),
        min_weeks=int(raw.get("min_baseline_weeks", defaults.min_weeks)),
        factor=float(raw.get("factor", defaults.factor)),
        z=float(raw.get("z", defaults.z)),
        min_value=float(raw.get("min_value", defaults.min_value)),
    )
    return IndicatorRule(
        label=str(need(raw, "label", str, where)),
        types=_types(need(raw, "types", list, where), where),
        units=_units(need(raw, "units", list, where), where),
        basis=basis,
        level=_level(need(raw, "level", int, where), where),
        anomaly=anomaly,
    )


def _flag(raw: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise DataFileError(where, f"{key} must be true or false, not {value!r}")
    return value


def _min_confidence(raw: Any, where: str) -> dict[int, float]:
    if not isinstance(raw, dict):
        raise DataFileError(where, "must map levels to the least confidence they need, e.g. {5: 0.6}")
    out = {}
    for level, value in raw.items():
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise DataFileError(where, f"level {level}: {value!r} is not a confidence between 0 and 1")
        out[_level(int(level), where)] = float(value)
    return out


def _types(values: list[Any], where: str) -> frozenset[str]:
    for value in values:
        load_ontology().check_type(str(value), where)
    return frozenset(str(v) for v in values)


def _units(values: list[Any], where: str) -> frozenset[str]:
    for value in values:
        if value != EVENT_UNIT:
            load_ontology().check_unit(str(value), where)
    return frozenset(str(v) for v in values)


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


def _cues(raw: Any, where: str) -> Cues:
    """Named cue-word lists per language, lower-cased for matching."""
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise DataFileError(where, "must map cue names to {language: [words]}")
    return {
        str(name): {str(lang): tuple(str(w).casefold() for w in words) for lang, words in langs.items()}
        for name, langs in raw.items()
    }


def _rule(raw: Any, where: str, cues: Cues) -> LevelRule:
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
    hold = raw.get("hold_weeks", 0)
    if not isinstance(hold, int) or hold < 0:
        raise DataFileError(where, f"hold_weeks {hold!r} must be a whole number of weeks, 0 or more")
    return LevelRule(
        type=raw["type"],
        level=_level(need(raw, "level", int, where), where),
        label=str(need(raw, "label", str, where)),
        subtype=raw.get("subtype"),
        actor=actor,
        casualties=casualties,
        cue_words=cues[cue] if cue else {},
        hold_weeks=hold,
        releases=tuple(sorted(_types(raw.get("releases") or [], f"{where} -> releases"))),
    )


def _level(value: int, where: str) -> int:
    if not 0 <= value <= 5:
        raise DataFileError(where, f"level {value} is off the ladder (0–5)")
    return value
