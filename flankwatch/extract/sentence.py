"""One sentence under analysis: its tokens, clauses, hits, dates and quantities."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
from spacy.attrs import IDX, LOWER, NORM
from spacy.tokens import Doc

from flankwatch.extract.dates import DateExpr
from flankwatch.extract.matching import Hit, SentenceHits
from flankwatch.extract.quantities import QuantityExpr
from flankwatch.records import Evidence

# doc.user_data key: the text the doc was made from (doc.text would build every token)
DOC_TEXT = "flankwatch.text"


def doc_text(doc: Doc) -> str:
    """The doc's text: as the extractor left it in `user_data`, else built once and kept there."""
    if DOC_TEXT not in doc.user_data:
        doc.user_data[DOC_TEXT] = doc.text
    return doc.user_data[DOC_TEXT]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class DocArrays:
    """Token attributes of a whole doc, read once (iterating Token objects is what costs)."""

    lower: np.ndarray
    idx: np.ndarray
    norm: np.ndarray | None = None  # the match keys (lemmas, stems) of a language matched on NORM

    @classmethod
    def of(cls, doc: Doc, with_norm: bool = False) -> DocArrays:
        if not with_norm:
            table = doc.to_array([LOWER, IDX])
            return cls(table[:, 0], table[:, 1].astype("int64"))
        table = doc.to_array([LOWER, IDX, NORM])
        return cls(table[:, 0], table[:, 1].astype("int64"), table[:, 2])


@dataclass
class Sentence:
    """A sentence of a document with everything found in it.

    Token positions are document token offsets; character positions of dates and
    quantities are relative to `text` (the trimmed sentence), `char_start` maps
    them back into the document.
    """

    doc: Doc
    hits: SentenceHits
    published: date | None
    dates: list[DateExpr]
    quantities: list[QuantityExpr]
    char_start: int
    text: str
    arrays: DocArrays
    locative_endings: tuple[str, ...] = ()  # a name in a locative case is located (places.yaml)

    @classmethod
    def trimmed(
        cls, doc: Doc, text: str, arrays: DocArrays, hits: SentenceHits, published: date | None
    ) -> Sentence:
        """The sentence of `hits`, cut from the text the doc was made of and stripped of outer whitespace."""
        start = int(arrays.idx[hits.start])
        end = int(arrays.idx[hits.end]) if hits.end < len(arrays.idx) else len(text)
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        return cls(doc, hits, published, [], [], start + lead, raw.strip(), arrays)

    @property
    def doc_text(self) -> str:
        """The whole text of the sentence's doc (for what reads the lines around a sentence)."""
        return doc_text(self.doc)

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.char_start, self.char_start + len(self.text), self.text)

    @cached_property
    def lower(self) -> list[str]:
        """Lower-cased token texts of the sentence (index 0 is token `hits.start`)."""
        strings = self.doc.vocab.strings  # tolist: Python ints at once, not a numpy scalar per token
        return [strings[h] for h in self.arrays.lower[self.hits.start : self.hits.end].tolist()]

    @cached_property
    def norms(self) -> list[str]:
        """The match keys of the sentence's tokens (lemmas, stems); the lower-cased texts without morphology."""
        if self.arrays.norm is None:
            return self.lower
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.arrays.norm[self.hits.start : self.hits.end].tolist()]

    @cached_property
    def token_chars(self) -> list[int]:
        """Each token's character offset inside `text`."""
        return (self.arrays.idx[self.hits.start : self.hits.end] - self.char_start).tolist()

    def token_at(self, char: int) -> int:
        """The document token offset of a character offset inside `text`."""
        return self.hits.start + max(0, bisect_right(self.token_chars, char) - 1)

    def char_of(self, token: int) -> int:
        return self.token_chars[min(max(token - self.hits.start, 0), len(self.token_chars) - 1)]

    def words(self, start: int, end: int) -> list[str]:
        a, b = max(start, self.hits.start), min(end, self.hits.end)
        return self.lower[a - self.hits.start : b - self.hits.start]

    def keys(self, start: int, end: int) -> list[str]:
        """The match keys of tokens start..end (the lower-cased words in a language without morphology)."""
        a, b = max(start, self.hits.start), min(end, self.hits.end)
        return self.norms[a - self.hits.start : b - self.hits.start]

    @cached_property
    def breaks(self) -> list[int]:
        """Token offsets where a clause ends (the break word starts the next clause)."""
        return sorted({h.start for h in self.hits.get("break")})

    def clause(self, token: int) -> tuple[int, int]:
        """The clause holding a token: from the last break at or before it to the next."""
        i = bisect_right(self.breaks, token)
        start = self.breaks[i - 1] if i > 0 else self.hits.start
        end = self.breaks[i] if i < len(self.breaks) else self.hits.end
        return start, end

    def same_clause(self, a: int, b: int) -> bool:
        return self.clause(a) == self.clause(b)

    def preceded_by(self, hit: Hit, category: str, gap: int = 1) -> bool:
        """Whether a hit of `category` ends within `gap` tokens before `hit` (skipping "the"); for
        "locative", also whether the hit's own last word is in a locative case ("Lietuvoje")."""
        if category == "locative" and self.locative_endings:
            last = self.words(hit.end - 1, hit.end)
            if last and last[0].endswith(self.locative_endings):
                return True
        for other in self.hits.get(category):
            if 0 <= hit.start - other.end <= gap:
                between = self.words(other.end, hit.start)
                if all(w in ("the", "a", "an") for w in between):
                    return True
        return False
