"""Blank spaCy pipelines per language: the tokenizer and a vectorised sentencizer.

No statistical model is loaded: tokenisation rules ship with spaCy itself, so the
pipelines work offline. Pipelines are built once per language and cached.

The sentencizer does what spaCy's does (a sentence ends at a `.`, `!` or `?` token,
abbreviations such as "Gen." and "U.S." being single tokens already), plus two things
news text needs: a line break ends a sentence (headlines, datelines, lists), and an
opening quote after a full stop starts the next sentence. It works on token arrays
with numpy, touching only the boundary tokens, so it costs a fraction of tokenising.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.strings import StringStore
from spacy.tokens import Doc

from flankwatch.nlp import morphology
from flankwatch.nlp.languages import LanguageSpec

SENTENCIZER = "flankwatch_sentencizer"
MORPHOLOGY = "flankwatch_morphology"
_ENDS = tuple(Sentencizer.default_punct_chars) + ("...", "…", "?!", "!?", "!!", "??", '?"', '."')
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
    ends = np.isin(orth, np.fromiter(ender_ids, dtype=np.uint64, count=len(ender_ids)))
    starts = np.zeros(n, dtype=bool)
    starts[0] = True
    for i in np.flatnonzero(ends):
        j = i + 1
        while j < n and (int(orth[j]) in ender_ids or (int(orth[j]) in closers and not spaced[j - 1])):
            j += 1
        if j < n:
            starts[j] = True
    for i in np.flatnonzero(
        is_space
    ):  # line breaks live in whitespace tokens; doc.text would build every token
        if "\n" in strings[int(orth[i])]:
            j = i + 1
            while j < n and is_space[j]:
                j += 1
            if j < n:
                starts[j] = True
    values = np.where(starts, 1, -1).astype("int64").astype("uint64")
    doc.from_array([SENT_START], values.reshape(-1, 1))  # type: ignore[arg-type]  # a uint64 column is what spaCy's Ints2d means
    return doc


@lru_cache(maxsize=16)
def _punctuation_ids(strings: StringStore) -> tuple[frozenset[int], frozenset[int]]:
    """The hashes of sentence-final punctuation and of closing quotes, once per vocabulary."""
    return frozenset(int(strings.add(p)) for p in _ENDS), frozenset(int(strings.add(c)) for c in _CLOSERS)


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
    nlp.add_pipe(SENTENCIZER)
    if spec.morphology != "none":
        nlp.add_pipe(
            MORPHOLOGY,
            config={"code": spec.code, "kind": spec.morphology, "suffixes": list(spec.suffixes), "min_stem": spec.min_stem},
        )
    return nlp


def tokenizer_for(spec: LanguageSpec) -> Language:
    """The bare tokenizer pipeline, the baseline that `flankwatch bench` measures against."""
    return spacy.blank(spec.spacy)
