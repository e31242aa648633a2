"""Reading lexicon, gazetteer and actor files into typed values with readable errors.

A problem is reported with its place in the file, the way spaCy reports config
errors: `en/triggers.yaml -> MIGRATION_PRESSURE -> units: 'attempt' is not a known
unit (known: attempts, people, ...)`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from flankwatch.errors import DataFileError

MAX_EXPANSIONS = 512  # one phrase may not expand into more forms than this


class Where:
    """A position inside a data file: the file, then the keys leading to a value."""

    __slots__ = ("parts",)

    def __init__(self, *parts: str) -> None:
        self.parts = parts

    def __truediv__(self, key: object) -> Where:
        return Where(*self.parts, str(key))

    def __str__(self) -> str:
        return " -> ".join(self.parts)

    def fail(self, problem: str) -> DataFileError:
        return DataFileError(str(self), problem)


def mapping(value: Any, where: Where, *, allow_none: bool = False) -> dict[str, Any]:
    if value is None and allow_none:
        return {}
    if not isinstance(value, dict):
        raise where.fail(f"expected a mapping, found {type(value).__name__}")
    return {str(k): v for k, v in value.items()}


def str_list(value: Any, where: Where, *, allow_none: bool = True) -> list[str]:
    """A list of strings; a single string is accepted as a list of one."""
    if value is None and allow_none:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise where.fail(f"expected a list of strings, found {type(value).__name__}")
    for i, item in enumerate(value):
        if isinstance(item, bool):
            raise (where / str(i)).fail(
                f"found the boolean {item}: YAML reads no/yes/on/off as booleans, quote the word"
            )
        if not isinstance(item, (str, int, float)):
            raise (where / str(i)).fail(f"expected a string, found {type(item).__name__}")
    return [str(item) for item in value]


def text(value: Any, where: Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail("expected a non-empty string")
    return value


def number(value: Any, where: Where, *, low: float | None = None, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise where.fail(f"expected a number, found {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise where.fail(f"{value!r} is outside {low}..{high}")
    return float(value)


def choice(value: Any, known: Iterable[str], where: Where, what: str) -> str:
    options = list(known)
    if value not in options:
        raise where.fail(f"{value!r} is not a known {what} (known: {', '.join(options)})")
    return str(value)


def only_keys(entry: dict[str, Any], allowed: Iterable[str], where: Where) -> None:
    """Unknown keys are typos more often than not: name them and the allowed ones."""
    extra = sorted(set(entry) - set(allowed))
    if extra:
        raise where.fail(f"unknown key {extra[0]!r} (allowed: {', '.join(sorted(allowed))})")


def expand_phrase(phrase: str, where: Where) -> list[str]:
    """All forms of a phrase written in the lexicon syntax.

    Words are separated by spaces; `a|b` gives alternatives for one word and a
    trailing `?` makes a word optional: "illegal? crossing attempts|attempt" gives
    four forms. A lone `?` or `|` is a literal character.
    """
    slots: list[list[str]] = []
    for word in phrase.split():
        optional = len(word) > 1 and word.endswith("?")
        core = word[:-1] if optional else word
        options = [o for o in core.split("|") if o] if len(core) > 1 else [core]
        if not options:
            raise where.fail(f"{phrase!r}: empty alternative in {word!r}")
        slots.append(options + [""] if optional else options)
    if not slots:
        raise where.fail("empty phrase")
    count = 1
    for slot in slots:
        count *= len(slot)
    if count > MAX_EXPANSIONS:
        raise where.fail(f"{phrase!r} expands into {count} forms (at most {MAX_EXPANSIONS}); split it")
    forms = (" ".join(w for w in combo if w) for combo in itertools.product(*slots))
    return list(dict.fromkeys(f for f in forms if f))


def expand_all(phrases: Iterable[str], where: Where) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for i, phrase in enumerate(phrases):
        for form in expand_phrase(phrase, where / str(i)):
            out[form] = None
    return tuple(out)
