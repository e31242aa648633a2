"""Which triggers of a sentence count: context words that must (not) be near, the outermost
of nested triggers, and the strongest trigger per event type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flankwatch.extract.alternation import alternation
from flankwatch.extract.lexicon import TriggerEntry
from flankwatch.extract.matching import Hit
from flankwatch.extract.sentence import Sentence


def context_fits(hit: Hit, sentence: Sentence) -> bool:
    entry = hit.payload
    if not entry.near and not entry.not_near:
        return True
    window = sentence.words(hit.start - entry.window, hit.end + entry.window)
    keys = sentence.keys(hit.start - entry.window, hit.end + entry.window)
    # an inflected language: context words also match by lemma or stem
    return fits_words(entry, window if keys == window else window + keys)


def fits_words(entry: TriggerEntry, window: list[str], numbers: bool = False) -> bool:
    """Whether a trigger's context words fit the words around it; with `numbers`, as if a number
    were among them (a table's header, whose numbers are in the rows below it)."""
    if not entry.near and not entry.not_near:
        return True
    joined = " " + " ".join(window) + " "

    def present(words: tuple[str, ...]) -> bool:
        near = _near_words(words)
        return (
            (near.number and (numbers or any(w[:1].isdigit() for w in window)))
            or near.starts(window, joined)
            or any(f" {p} " in joined for p in near.phrases)
            or not near.plain.isdisjoint(window)
        )

    if entry.not_near and present(entry.not_near):
        return False
    return not entry.near or present(entry.near)


@dataclass(frozen=True, slots=True)
class _Near:
    """A near/not_near list by kind, so that one pass over the window tests them all:
    "#num" (any number), "word*" prefixes, phrases of several words, and plain words."""

    number: bool
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]
    plain: frozenset[str]
    # the prefixes as one regex over the joined window (" w1 w2 … "), when each is a non-empty
    # word: a prefix after a space starts a word there, so the search answers what startswith would
    prefix_rx: re.Pattern[str] | None

    def starts(self, window: list[str], joined: str) -> bool:
        """Whether a word of the window starts with one of the prefixes."""
        if self.prefix_rx is not None:
            return self.prefix_rx.search(joined) is not None
        return bool(self.prefixes) and any(w.startswith(self.prefixes) for w in window)


@lru_cache(maxsize=4096)
def _near_words(words: tuple[str, ...]) -> _Near:
    prefixes = tuple(w[:-1] for w in words if w.endswith("*"))
    plain_words = all(p and not any(c.isspace() for c in p) for p in prefixes)
    return _Near(
        number="#num" in words,
        prefixes=prefixes,
        phrases=tuple(w for w in words if " " in w and not w.endswith("*")),
        plain=frozenset(w for w in words if not w.endswith("*") and w != "#num"),
        prefix_rx=(
            re.compile(f"(?<= )(?:{alternation(prefixes, ignorecase=False)})")
            if prefixes and plain_words
            else None
        ),
    )


def outermost(triggers: list[Hit]) -> list[Hit]:
    """Triggers not inside a longer trigger of another type ("raising the jamming at ICAO" is diplomacy)."""
    return [
        h
        for h in triggers
        if not any(
            o.payload.type != h.payload.type
            and o.start <= h.start
            and h.end <= o.end
            and (o.end - o.start) > (h.end - h.start)
            for o in triggers
        )
    ]


def strongest_per_type(triggers: list[Hit]) -> dict[str, Hit]:
    best: dict[str, Hit] = {}
    for hit in triggers:
        current = best.get(hit.payload.type)
        if current is None or (hit.payload.weight, hit.end - hit.start) > (
            current.payload.weight,
            current.end - current.start,
        ):
            best[hit.payload.type] = hit
    return best
