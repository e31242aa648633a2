"""Lemmas for Russian and Ukrainian words, from pymorphy3's packaged dictionaries.

pymorphy3 is optional at run time: without it (or without a language's
dictionary package) the target files' explicit form lists still match, and
`morphology_available` says so, so that a report can state it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

# Languages whose target forms may be written as `~lemma`.
MORPH_LANGUAGES = ("ru", "uk")


@cache
def _analyser(language: str) -> Any | None:
    if language not in MORPH_LANGUAGES:
        return None
    try:
        import pymorphy3  # imported here: loading a dictionary takes a moment and most runs need one at most
    except ImportError:
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang=language)
    except (ValueError, OSError, KeyError):  # the dictionary package for this language is missing
        return None


def morphology_available(language: str) -> bool:
    """True when `~lemma` forms of `language` match inflected words, not only the lemma itself."""
    return _analyser(language) is not None


@lru_cache(maxsize=300_000)
def lemmas(word: str, language: str) -> frozenset[str]:
    """Every lemma pymorphy3 proposes for a lower-case `word`; empty when it has none."""
    analyser = _analyser(language)
    if analyser is None:
        return frozenset()
    return frozenset(parse.normal_form.replace("ё", "е") for parse in analyser.parse(word))
