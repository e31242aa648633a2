"""Inflection, so that one lexicon entry matches every form of a word.

Russian and Ukrainian words are reduced to their pymorphy3 lemma ("Гродно",
"Гродне" → "гродно"; "учения", "учений" → "учение"). Languages without a
morphological dictionary that ships on PyPI (Polish, Lithuanian, Latvian,
Belarusian, Estonian) strip the longest matching ending from a list in their
`lexicons/<lang>/morphology.yaml` ("Białorusi", "Białoruś" → "białoru").
The result goes into each token's NORM, which the phrase matchers of such a
language compare; lexicon phrases are normalised the same way, so data files
are written in ordinary dictionary forms.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import IS_ALPHA, LOWER, NORM
from spacy.tokens import Doc

from flankwatch.errors import DataFileError

MORPHOLOGIES = ("none", "lemma", "stem")
KEYS_KEPT = 200_000  # word forms whose match key a pipeline remembers
_PYMORPHY_LANGS = {"ru": "ru", "uk": "uk"}


def normaliser_for(code: str, morphology: str, suffixes: tuple[str, ...], min_stem: int) -> Callable[[str], str]:
    """A function from a lower-cased word to the key the matchers compare."""
    if morphology == "lemma":
        return _lemmatiser(code)
    if morphology == "stem":
        ordered = tuple(sorted(set(suffixes), key=len, reverse=True))
        return lambda word: _stem(word, ordered, min_stem)
    return lambda word: word


def _stem(word: str, suffixes: tuple[str, ...], min_stem: int) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: len(word) - len(suffix)]
    return word


def _lemmatiser(code: str) -> Callable[[str], str]:
    if code not in _PYMORPHY_LANGS:
        raise DataFileError("lexicons/languages.yaml", f"{code}: morphology 'lemma' needs pymorphy3, which knows only ru, uk")
    analyser = _analyser(_PYMORPHY_LANGS[code])

    @lru_cache(maxsize=200_000)
    def lemma(word: str) -> str:
        if not word.isalpha():
            return word
        try:
            return str(analyser.parse(word)[0].normal_form).replace("ё", "е")
        except ValueError:  # pymorphy3 asks unicodedata for the name of a letter that has none ("𗀀")
            return word

    return lemma


def variants_for(code: str, morphology: str) -> Callable[[str], tuple[str, ...]] | None:
    """For a lemma language, the match keys of every form of a word, its own lemma first.

    pymorphy3 maps some forms of a word to another lemma (uk "зоні" -> "зон", "бої" -> "бой",
    "війну" -> "війнути"), so a lexicon phrase in dictionary form would miss them; the matchers
    add the phrase once per key. Stems and exact words need no variants (None)."""
    if morphology != "lemma":
        return None
    analyser, lemma = _analyser(_PYMORPHY_LANGS[code]), _lemmatiser(code)

    @lru_cache(maxsize=50_000)
    def keys(word: str) -> tuple[str, ...]:
        own = lemma(word)
        if not word.isalpha():
            return (own,)
        try:
            parses = [p for p in analyser.parse(word) if str(p.normal_form).replace("ё", "е") == own]
            others = {lemma(str(form.word)) for p in parses for form in p.lexeme} - {own}
        except ValueError:  # a letter unicodedata has no name for
            return (own,)
        return (own, *sorted(others))

    return keys


@lru_cache(maxsize=4)
def _analyser(lang: str) -> Any:
    import pymorphy3  # imported on first use: loading its dictionary takes a moment

    return pymorphy3.MorphAnalyzer(lang=lang)


class Normalise:
    """The pipeline component: sets NORM from the language's morphology (picklable for worker processes)."""

    def __init__(self, code: str, kind: str, suffixes: tuple[str, ...], min_stem: int) -> None:
        self.args = (code, kind, tuple(suffixes), min_stem)
        self.normalise = normaliser_for(*self.args)
        self.keys: dict[int, int] = {}  # LOWER hash -> NORM hash of the words seen (see `apply`)

    @classmethod
    def factory(cls, nlp: Any, name: str, code: str, kind: str, suffixes: list[str], min_stem: int) -> Normalise:
        return cls(code, kind, tuple(suffixes), min_stem)

    def __call__(self, doc: Doc) -> Doc:
        return apply(doc, self.normalise, self.keys)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Normalise, self.args)


def apply(doc: Doc, normalise: Callable[[str], str], keys: dict[int, int] | None = None) -> Doc:
    """Set NORM of every word token to its normalised form (punctuation and numbers stay).

    Works on the doc's arrays, as building a Token object per word would cost more than
    tokenising; `keys` remembers the NORM of each word form already seen (LOWER hash ->
    NORM hash), emptied when it grows past KEYS_KEPT so that memory stays flat."""
    if len(doc) == 0:
        return doc
    keys = {} if keys is None else keys
    if len(keys) > KEYS_KEPT:
        keys.clear()
    strings = doc.vocab.strings
    table = doc.to_array([LOWER, IS_ALPHA, NORM])
    norms = table[:, 2].copy()
    for i in np.flatnonzero(table[:, 1]):
        lower = int(table[i, 0])
        key = keys.get(lower)
        if key is None:
            key = keys[lower] = int(strings.add(normalise(strings[lower])))
        norms[i] = key
    doc.from_array([NORM], norms.reshape(-1, 1))  # type: ignore[arg-type]  # a uint64 column is what spaCy's Ints2d means
    return doc


def read_morphology(entry: Any, where: str) -> tuple[tuple[str, ...], int]:
    """The `suffixes` and `min_stem` of a language's morphology.yaml, validated."""
    if entry is None:
        return (), 3
    if not isinstance(entry, dict) or not isinstance(entry.get("suffixes", []), list):
        raise DataFileError(where, "expected a mapping with a list `suffixes` and a number `min_stem`")
    suffixes = tuple(str(s).lower() for s in entry.get("suffixes", []))
    min_stem = entry.get("min_stem", 3)
    if not isinstance(min_stem, int) or min_stem < 1:
        raise DataFileError(f"{where} -> min_stem", f"{min_stem!r} is not a whole number of at least 1")
    return suffixes, min_stem
