"""Blank spaCy pipelines per language: the tokenizer and a vectorised sentencizer.

No statistical model is loaded: tokenisation rules ship with spaCy itself, so the
pipelines work offline. Pipelines are built once per language and cached.

The sentencizer does what spaCy's does (a sentence ends at a `.`, `!` or `?` token,
abbreviations such as "Gen." and "U.S." being single tokens already), plus two things
news text needs: a line break ends a sentence (headlines, datelines, lists), an
opening quote after a full stop starts the next sentence, and a full stop followed by a
lower-case word (an ordinal dot, "2024. gada", or an abbreviation) ends none. A
language's `abbreviations` (languages.yaml) are kept whole by the tokenizer ("2025 m."). It works on token arrays
with numpy, touching only the boundary tokens, so it costs a fraction of tokenising.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.lang.char_classes import ALPHA
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from flankwatch.nlp import morphology
from flankwatch.nlp.languages import LanguageSpec

SENTENCIZER = "flankwatch_sentencizer"
MORPHOLOGY = "flankwatch_morphology"
_ENDS = tuple(Sentencizer.default_punct_chars) + ("...", "…", "?!", "!?", "!!", "??", '?"', '."')
_FOOTNOTE_SUFFIXES = (r"\[\d{1,3}", r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", r"(?<=[¹²³⁴⁵⁶⁷⁸⁹⁰])\.")  # "Сирии¹." ends a sentence
_FOOTNOTE = re.compile(r"\[\d{1,3}\]?|\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_CLOSERS = ('"', "”", "’", "'", ")", "]", "»", "“")


def split_sentences(doc: Doc) -> Doc:
    """Set sentence starts: after sentence-final punctuation (and the closers glued to it) and after line breaks."""
    n = len(doc)
    if n == 0:
        return doc
    strings = doc.vocab.strings
    table = doc.to_array([ORTH, SPACY, IS_SPACE])
    orth, spaced, is_space = table[:, 0], table[:, 1], table[:, 2]
    ender_ids, closers = _punctuation_ids(strings)
    ends = _member(orth, _ender_array(strings))
    starts = np.zeros(n, dtype=bool)
    starts[0] = True
    full_stop = int(strings.add("."))
    for i in np.flatnonzero(
        is_space
    ):  # line breaks live in whitespace tokens; doc.text would build every token
        if "\n" in strings[int(orth[i])]:
            j = i + 1
            while j < n and is_space[j]:
                j += 1
            if j < n:
                starts[j] = True
    for i in np.flatnonzero(ends):
        j = i + 1
        while j < n and (
            int(orth[j]) in ender_ids
            or (not spaced[j - 1] and (int(orth[j]) in closers or _FOOTNOTE.fullmatch(strings[int(orth[j])])))
        ):
            j += 1  # closing quotes and footnote markers ("Білорусі.[1]") stay with the sentence they close
        glued = (  # "19.03", "4.5": a dot inside a number or date (not one before a footnote: "Білорусі.[1]")
            i > 0
            and not spaced[i - 1]
            and not spaced[i]
            and i + 1 < n
            and strings[int(orth[i + 1])][:1].isalnum()
            and not _FOOTNOTE.fullmatch(strings[int(orth[i + 1])])
        )
        # "(19 marca 2024 r.) 120 osób": an abbreviation's dot closing an aside, the sentence goes on
        aside = j > i + 1 and j < n and int(orth[j - 1]) in closers and strings[int(orth[j])][:1].isdigit()
        if j < n and not (
            int(orth[i]) == full_stop
            and (glued or aside or _continues(strings, orth, j) or _date_fragment(strings, orth, starts, i))
        ):
            starts[j] = True
    values = np.where(starts, 1, -1).astype("int64").astype("uint64")
    doc.from_array([SENT_START], values.reshape(-1, 1))  # type: ignore[arg-type]  # a uint64 column is what spaCy's Ints2d means
    return doc


def _continues(strings: StringStore, orth: np.ndarray, j: int) -> bool:
    """Whether the word after a full stop goes on with the sentence: a lower-case word after an
    ordinal dot ("2024. gada", "10. augusta", "1. veebruarist") or an abbreviation ("approx. the")."""
    for k in range(j, min(j + 3, len(orth))):
        word = strings[int(orth[k])]
        if word[:1].isalpha():
            return word[:1].islower()
        if word[:1].isdigit() or not word.strip():
            return False
    return False


def _date_fragment(strings: StringStore, orth: np.ndarray, starts: np.ndarray, i: int) -> bool:
    """Whether the words before a full stop are only a date with an abbreviation ("W 2023 r.",
    "Do końca 2024 r."): they open the sentence that follows, they are none of their own."""
    before = strings[int(orth[i - 1])] if i > 0 else ""
    if not (before.isalpha() and before.islower() and len(before) <= 3):
        return False
    words, digit, k = 0, False, i - 1
    while k >= 0 and words <= 4:
        word = strings[int(orth[k])]
        if word.strip():
            words += 1
            digit = digit or word[:1].isdigit()
        if starts[k]:
            return digit and words <= 4
        k -= 1
    return False


@lru_cache(maxsize=16)
def _punctuation_ids(strings: StringStore) -> tuple[frozenset[int], frozenset[int]]:
    """The hashes of sentence-final punctuation and of closing quotes, once per vocabulary."""
    return frozenset(int(strings.add(p)) for p in _ENDS), frozenset(int(strings.add(c)) for c in _CLOSERS)


@lru_cache(maxsize=16)
def _ender_array(strings: StringStore) -> np.ndarray:
    """The hashes of sentence-final punctuation, sorted for `_member`."""
    return np.array(sorted(_punctuation_ids(strings)[0]), dtype=np.uint64)


def _member(values: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """Which values are among the sorted ids: a binary search, ten times cheaper than np.isin
    on the short arrays of one document."""
    at = np.minimum(np.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    return sorted_ids[at] == values


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of each sentence, read from the array, not by iterating tokens."""
    if len(doc) == 0:
        return []
    flags = doc.to_array(SENT_START).astype("int64")
    starts = np.flatnonzero(flags == 1).tolist()
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def _register() -> None:
    # Registered on first use, not at import time, so importing flankwatch has no side effects.
    if not Language.has_factory(SENTENCIZER):
        Language.component(SENTENCIZER, func=split_sentences)
    if not Language.has_factory(MORPHOLOGY):
        Language.factory(MORPHOLOGY, func=morphology.Normalise.factory)


@lru_cache(maxsize=16)
def pipeline_for(spec: LanguageSpec) -> Language:
    """The blank pipeline of a language: its tokenizer and the sentencizer."""
    _register()
    nlp = spacy.blank(spec.spacy)
    # footnote markers glued to a word ("Łukaszenki[1]", "fence¹") come off it, so the word is found
    suffixes = [*nlp.Defaults.suffixes, *_FOOTNOTE_SUFFIXES]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
    for word in spec.abbreviations:  # "2025 m." and "2,75 proc." stay one token: their dot ends no sentence
        for form in dict.fromkeys((word, word.capitalize())):
            nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
    if spec.letters:
        _teach_letters(nlp, spec.letters)
    nlp.add_pipe(SENTENCIZER)
    if spec.morphology != "none":
        nlp.add_pipe(
            MORPHOLOGY,
            config={"code": spec.code, "kind": spec.morphology, "suffixes": list(spec.suffixes), "min_stem": spec.min_stem},
        )
    return nlp


def _teach_letters(nlp: Language, letters: str) -> None:
    """Letters a borrowed tokenizer's rules lack ("ў" for Belarusian on Russian rules): a full
    stop after one ends the word ("суседзяў."), a hyphen before one splits a compound
    ("беларуска-ўкраінскай")."""
    extra = re.escape(letters)
    suffixes = [*nlp.Defaults.suffixes, *_FOOTNOTE_SUFFIXES, rf"(?<=[{extra}])\."]
    infixes = [*nlp.Defaults.infixes, rf"(?<=[{ALPHA}{extra}])[-‐‑](?=[{extra}])", rf"(?<=[{extra}])[-‐‑](?=[{ALPHA}])"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def tokenizer_for(spec: LanguageSpec) -> Language:
    """The bare tokenizer pipeline, the baseline that `flankwatch bench` measures against."""
    return spacy.blank(spec.spacy)
