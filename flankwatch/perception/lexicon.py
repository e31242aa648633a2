"""Target files and topic lexicons: from YAML to compiled, validated patterns.

A *form* is a phrase; its words are separated by spaces, hyphens or
apostrophes (the tokenizer splits there too). Each word is one of:

    Belarus          a literal word, matched case-insensitively
    Baltarus<lt_ija> a stem with the endings of a paradigm (_paradigms.yaml)
    =Hiina<et_v>     case-sensitive (its ALL-CAPS variant matches as well)
    ~беларусь        any word whose pymorphy3 lemma is this (ru, uk), or the word itself
    migra*           any word that starts with this (topic cues only)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from flankwatch.errors import DataFileError, UsageError
from flankwatch.perception.tokens import surface_key, word_key

LANGUAGES = ("en", "ru", "be", "uk", "pl", "lt", "lv", "et", "fi")
CATEGORIES = ("names", "demonyms", "adjectives")

_SPLIT = re.compile(r"[\s\-\u2010\u2011'\u2019]+")
_WORD_SPEC = re.compile(r"^(?P<mode>[=~]?)(?P<stem>[^\W\d_]+)(?:<(?P<paradigm>\w+)>)?(?P<star>\*)?$")


@dataclass(frozen=True, slots=True)
class Element:
    """What one word of a pattern accepts: token keys, or key prefixes (topic cues)."""

    keys: frozenset[str]
    prefixes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled form: a target's name, demonym or adjective, or a topic cue."""

    label: str  # target id, or topic id
    category: str  # names, demonyms, adjectives; "cue" for topic cues
    language: str
    spec: str  # the form as written in its data file
    elements: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Target:
    """A country or organisation whose mentions are counted, with its forms per language."""

    id: str
    label: str
    code: str
    version: int
    aliases: tuple[str, ...]
    origin: str  # the data file it was read from
    patterns: tuple[Pattern, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({p.language for p in self.patterns}))


def _packaged(folder: str) -> Traversable:
    return resources.files("flankwatch").joinpath("data", folder)


def read_yaml(source: Traversable | Path, where: str) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(source.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(where, f"cannot be read as YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataFileError(where, "must be a mapping at the top level")
    return raw


@lru_cache(maxsize=1)
def load_paradigms() -> dict[str, tuple[str, ...]]:
    """Every paradigm of _paradigms.yaml, expanded to its list of endings."""
    where = "flankwatch/data/targets/_paradigms.yaml"
    raw = read_yaml(_packaged("targets").joinpath("_paradigms.yaml"), where)
    sets = {
        name: tuple(_ending(e, name, where) for e in endings)
        for name, endings in (raw.get("sets") or {}).items()
    }
    paradigms: dict[str, tuple[str, ...]] = {}
    for name, slots in (raw.get("paradigms") or {}).items():
        choices = []
        for slot in slots:
            if isinstance(slot, str):
                if slot not in sets:
                    raise DataFileError(
                        where, f"{name}: unknown ending set {slot!r} (known: {', '.join(sets)})"
                    )
                choices.append(sets[slot])
            else:
                choices.append(tuple(_ending(e, name, where) for e in slot))
        paradigms[str(name)] = tuple(dict.fromkeys("".join(p) for p in itertools.product(*choices)))
    return paradigms


def _ending(value: object, paradigm: str, where: str) -> str:
    # YAML reads a bare `on` or `no` as a boolean: insist on strings so that no ending is lost.
    if not isinstance(value, str):
        raise DataFileError(where, f"{paradigm}: ending {value!r} is not a string (quote it)")
    return value


def compile_form(spec: str, language: str, where: str, *, allow_prefix: bool = False) -> tuple[Element, ...]:
    """The elements of one form; DataFileError naming the form when it is malformed."""
    words = [w for w in _SPLIT.split(spec.strip()) if w]
    if not words:
        raise DataFileError(where, f"{spec!r}: empty form")
    return tuple(_compile_word(word, spec, language, where, allow_prefix) for word in words)


def _compile_word(word: str, spec: str, language: str, where: str, allow_prefix: bool) -> Element:
    match = _WORD_SPEC.match(word)
    if not match:
        raise DataFileError(
            where, f"{spec!r}: {word!r} is not a word, stem<paradigm>, =Word, ~lemma or stem*"
        )
    mode, stem, paradigm, star = match.group("mode", "stem", "paradigm", "star")
    if star:
        if not allow_prefix or mode or paradigm:
            raise DataFileError(
                where, f"{spec!r}: a prefix (stem*) is allowed in topic cues only, on a plain stem"
            )
        return Element(frozenset(), (word_key(stem),))
    forms = _expand(stem, paradigm, spec, where)
    if mode == "~":
        if paradigm:
            raise DataFileError(where, f"{spec!r}: a ~lemma takes no paradigm")
        return Element(frozenset({f"l:{language}:{word_key(stem)}", f"s:{word_key(stem)}"}))
    if mode == "=":
        return Element(frozenset(f"e:{surface_key(f)}" for form in forms for f in (form, form.upper())))
    return Element(frozenset(f"s:{word_key(form)}" for form in forms))


def _expand(stem: str, paradigm: str | None, spec: str, where: str) -> tuple[str, ...]:
    if paradigm is None:
        return (stem,)
    paradigms = load_paradigms()
    if paradigm not in paradigms:
        raise DataFileError(
            where, f"{spec!r}: unknown paradigm {paradigm!r} (known: {', '.join(sorted(paradigms))})"
        )
    return tuple(stem + ending for ending in paradigms[paradigm])


def _target_from(raw: dict[str, Any], where: str) -> Target:
    for key in ("id", "label", "languages"):
        if key not in raw:
            raise DataFileError(where, f"missing {key!r}")
    languages = raw["languages"]
    if not isinstance(languages, dict):
        raise DataFileError(where, "languages: must map a language code to its forms")
    patterns: list[Pattern] = []
    for language, categories in languages.items():
        if language not in LANGUAGES:
            raise DataFileError(
                where, f"languages -> {language!r}: not a known language (known: {', '.join(LANGUAGES)})"
            )
        for category, forms in (categories or {}).items():
            place = f"{where} -> {language} -> {category}"
            if category not in CATEGORIES:
                raise DataFileError(place, f"not a category (known: {', '.join(CATEGORIES)})")
            for spec in forms or ():
                if not isinstance(spec, str):
                    raise DataFileError(place, f"{spec!r} is not a string (quote it)")
                elements = compile_form(spec, language, place)
                patterns.append(Pattern(str(raw["id"]), category, language, str(spec), elements))
    return Target(
        id=str(raw["id"]).lower(),
        label=str(raw["label"]),
        code=str(raw.get("code", raw["id"])).upper(),
        version=int(raw.get("version", 1)),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        origin=where,
        patterns=tuple(patterns),
    )


def _target_files(extra_dir: Path | None) -> list[tuple[Traversable | Path, str]]:
    files: list[tuple[Traversable | Path, str]] = [
        (entry, f"flankwatch/data/targets/{entry.name}")
        for entry in sorted(_packaged("targets").iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml") and not entry.name.startswith("_")
    ]
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise DataFileError(str(extra_dir), "is not a folder of target files")
        files += [
            (path, str(path)) for path in sorted(extra_dir.glob("*.yaml")) if not path.name.startswith("_")
        ]
    return files


def load_targets(extra_dir: Path | None = None) -> dict[str, Target]:
    """Every known target: the packaged files, then those of `extra_dir` (same id replaces)."""
    if extra_dir is None:
        return dict(_packaged_targets())
    return _load_targets(extra_dir)


@lru_cache(maxsize=1)
def _packaged_targets() -> tuple[tuple[str, Target], ...]:
    return tuple(_load_targets(None).items())


def _load_targets(extra_dir: Path | None) -> dict[str, Target]:
    targets: dict[str, Target] = {}
    for source, where in _target_files(extra_dir):
        target = _target_from(read_yaml(source, where), where)
        targets[target.id] = target
    _check_no_shared_forms(targets)
    return targets


def _check_no_shared_forms(targets: dict[str, Target]) -> None:
    """A form listed under two targets would make its mentions depend on file order."""
    seen: dict[tuple[str, tuple[Element, ...]], Target] = {}
    for target in targets.values():
        for pattern in target.patterns:
            key = (pattern.language, pattern.elements)
            other = seen.setdefault(key, target)
            if other.id != target.id:
                raise DataFileError(
                    target.origin,
                    f"{pattern.language} -> {pattern.spec!r} is also a form of {other.id} ({other.origin})",
                )


def resolve_targets(names: list[str] | tuple[str, ...], known: dict[str, Target]) -> tuple[Target, ...]:
    """The targets asked for by id or alias (case-insensitive), in the order asked."""
    by_name = {t.id.lower(): t for t in known.values()}
    for target in known.values():
        for alias in target.aliases + (target.label,):
            by_name.setdefault(alias.lower(), target)
    chosen: dict[str, Target] = {}
    for name in names:
        found = by_name.get(name.strip().lower())
        if found is None:
            raise UsageError(f"unknown target {name!r} (known: {', '.join(sorted(known))})")
        chosen.setdefault(found.id, found)
    if not chosen:
        raise UsageError(f"no target given (known: {', '.join(sorted(known))})")
    return tuple(chosen.values())
