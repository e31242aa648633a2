"""Find many multi-word patterns in a tokenised text at once.

Left to right, the longest pattern starting at a word wins and its words are
consumed, so "Republic of Belarus" is one mention (not also "Belarus"),
"Russian Federation" is a name (not the adjective "Russian"), and "White
Russia" or "Valko-Venäjä" are Belarus, never Russia: the search runs over the
forms of *every* known target and only then keeps those asked for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from flankwatch.perception.lexicon import Element, Pattern
from flankwatch.perception.morph import lemmas, morphology_available
from flankwatch.perception.tokens import Token, surface_key, word_key

# What may stand between two words of one pattern: spaces and line breaks,
# hyphens, apostrophes, markdown emphasis. Anything else (a full stop, a
# comma, a table bar) ends the phrase.
_GAP = re.compile(r"[\s\-\u2010\u2011\u2013'\u2019*_]{0,40}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CATEGORY_RANK = {"names": 0, "demonyms": 1, "adjectives": 2}

TokenKeys = tuple[str, ...]  # first item is always "s:<word_key>"


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern found over tokens `first`..`last` (inclusive)."""

    pattern: Pattern
    first: int
    last: int


def token_keys(tokens: Sequence[Token], languages: Iterable[str]) -> list[TokenKeys]:
    """The keys of every token: its case-folded and exact forms and, for ru/uk, its lemmas."""
    morph = tuple(sorted(lang for lang in set(languages) if morphology_available(lang)))
    return [_keys(token.text, morph) for token in tokens]


@lru_cache(maxsize=500_000)
def _keys(word: str, morph: tuple[str, ...]) -> TokenKeys:
    lower = word_key(word)
    keys = [f"s:{lower}", f"e:{surface_key(word)}"]
    if morph and _CYRILLIC.search(lower):
        for language in morph:
            keys.extend(f"l:{language}:{lemma}" for lemma in sorted(lemmas(lower, language)))
    return tuple(keys)


_NO, _WORD, _LEMMA = 0, 1, 2  # how a token is accepted: not, by its own form, only through a lemma


def _accepts(element: Element, keys: TokenKeys) -> int:
    if keys[0] in element.keys or keys[1] in element.keys:
        return _WORD
    word = keys[0][2:]
    if any(word.startswith(prefix) for prefix in element.prefixes):
        return _WORD
    return _LEMMA if any(key in element.keys for key in keys[2:]) else _NO


class Matcher:
    """Longest-match search for a fixed set of patterns; build once, use on many texts."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self._patterns = tuple(patterns)
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_prefix: dict[str, list[int]] = defaultdict(list)
        for index, pattern in enumerate(self._patterns):
            first = pattern.elements[0]
            for key in first.keys:
                self._by_key[key].append(index)
            for prefix in first.prefixes:
                self._by_prefix[prefix].append(index)
        self._prefix_lengths = tuple(sorted({len(p) for p in self._by_prefix}))

    def find(self, text: str, tokens: Sequence[Token], keys: Sequence[TokenKeys]) -> list[Match]:
        """Every non-overlapping match, left to right, longest first at each word."""
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            best = self._best_at(i, text, tokens, keys)
            if best is None:
                i += 1
                continue
            found.append(Match(best, i, i + len(best.elements) - 1))
            i += len(best.elements)
        return found

    def _candidates(self, keys: TokenKeys) -> list[int]:
        found: set[int] = set()
        for key in keys:
            found.update(self._by_key.get(key, ()))
        if self._prefix_lengths:
            word = keys[0][2:]
            for length in self._prefix_lengths:
                if length > len(word):
                    break
                found.update(self._by_prefix.get(word[:length], ()))
        return sorted(found)

    def _best_at(
        self, i: int, text: str, tokens: Sequence[Token], keys: Sequence[TokenKeys]
    ) -> Pattern | None:
        best: Pattern | None = None
        best_rank: tuple[int, ...] = ()
        for index in self._candidates(keys[i]):
            pattern = self._patterns[index]
            how = self._how_matched(pattern, i, text, tokens, keys)
            if how == _NO:
                continue
            rank = _rank(pattern, how)
            if best is None or rank < best_rank:
                best, best_rank = pattern, rank
        return best

    @staticmethod
    def _how_matched(
        pattern: Pattern, i: int, text: str, tokens: Sequence[Token], keys: Sequence[TokenKeys]
    ) -> int:
        """_NO, _WORD when every word matched by its own form, _LEMMA when one needed its lemma."""
        if i + len(pattern.elements) > len(tokens):
            return _NO
        how = _WORD
        for offset, element in enumerate(pattern.elements):
            j = i + offset
            if offset and not _GAP.fullmatch(text, tokens[j - 1].end, tokens[j].start):
                return _NO
            accepted = _accepts(element, keys[j])
            if accepted == _NO:
                return _NO
            how = max(how, accepted)
        return how


def _rank(pattern: Pattern, how: int) -> tuple[int, int, int, int]:
    """Lower is better. Longer patterns first; then a match by the words' own forms
    before one through a lemma (Ukrainian "білоруси" is the demonym's plural, though
    pymorphy3 also offers it as a case of "білорусь"); then names before demonyms
    before adjectives; then the more specific (whole words before prefixes, long
    prefixes before short ones: Finnish "ydinvoima*" is energy before "ydin*" is
    arms control)."""
    specificity = sum(100 if e.keys else max(map(len, e.prefixes)) for e in pattern.elements)
    return (-len(pattern.elements), how, _CATEGORY_RANK.get(pattern.category, 0), -specificity)
