"""Phrase matchers over a language's lexicons, gazetteer and actor table.

Two spaCy PhraseMatchers per language (case-insensitive, and exact case for
acronyms and case-sensitive cues) find every trigger, cue, clause break,
reporting verb, place, actor, border word and locative in one pass over a
document; hits are then grouped by sentence. Only sentences holding a trigger
are looked at further.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from spacy.attrs import IDX, IS_DIGIT, IS_SPACE, LENGTH, LIKE_NUM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from flankwatch.extract.actors import ActorEntry, ActorTable
from flankwatch.extract.gazetteer import Gazetteer, GazetteerPlace
from flankwatch.extract.lexicon import Lexicon, TriggerEntry
from flankwatch.nlp import LanguageSpec, morphology, sentence_bounds

MAX_SENTENCE_TOKENS = 400  # news sentences run to 60 tokens; longer ones are read in pieces
HEADING_TOKENS = 8  # a line this short without a trigger may be a date heading
ROW_TOKENS = 40  # a table row or list item read as text ("14 May | 185 | Białowieża | Hajnówka district")
ROW_MARKERS = "•-*–·▪"  # a line opening with one is a list item
LIST_ROW_TOKENS = 10  # a line this short with a number, under a line ending in a colon, is a row of its list


@dataclass(frozen=True, slots=True)
class Hit:
    category: str  # trigger, cue, break, report, place, actor, border, locative
    payload: Any  # TriggerEntry, (modality, direction), GazetteerPlace, ActorEntry, or None
    start: int  # token offsets in the document
    end: int


@dataclass(slots=True)
class SentenceHits:
    """Everything the matchers found in one sentence, by category, in text order."""

    start: int  # token offsets
    end: int
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    heading: bool = False  # a short line without a trigger that may date what follows ("Вторник, 2 апреля.")

    def get(self, category: str) -> list[Hit]:
        return self.hits.get(category, [])


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 3 and all(c.isupper() for c in letters)


class Matchers:
    """The compiled matchers of one language."""

    def __init__(
        self, nlp: Language, spec: LanguageSpec, lexicon: Lexicon, gazetteer: Gazetteer, actors: ActorTable
    ) -> None:
        self.nlp = nlp
        # Phrases are normalised like the text, so lexicons are written in dictionary forms.
        self.normalise = spec.normalise() if spec.morphology != "none" else None
        self.variants = morphology.variants_for(spec.code, spec.morphology)
        self.folded = PhraseMatcher(nlp.vocab, attr=spec.match_attr)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[int, tuple[str, Any]] = {}
        language = lexicon.language
        for i, (type_name, rules) in enumerate(lexicon.types.items()):
            for j, entry in enumerate(rules.entries):
                self._add(f"trigger:{i}:{j}", "trigger", entry, entry.phrases)
        cues = lexicon.cues
        for kind in cues.before:
            for direction, table in (("before", cues.before), ("after", cues.after)):
                self._add(
                    f"cue:{kind}:{direction}", "cue", (kind, direction), table[kind], cues.case_sensitive
                )
        self._add("break", "break", None, cues.clause_breaks, cues.case_sensitive)  # "—" is no hyphen
        self._add("report", "report", None, cues.reporting)
        self._add("passive", "passive", None, cues.passive)
        self._add("complement", "complement", None, cues.complementizers)
        self._add("generic", "generic", None, cues.generic)
        self._add("attribution", "report", "attribution", cues.attributions)
        self._add("border", "border", None, lexicon.places.border_words)
        self._add("locative", "locative", None, lexicon.places.locatives)
        self._add("origin", "origin", None, lexicon.places.origins)
        by_place: dict[str, list[str]] = {}
        for pid, name in gazetteer.names(language):
            by_place.setdefault(pid, []).append(name)
        for pid, names in by_place.items():
            self._add(f"place:{pid}", "place", gazetteer.places[pid], names, acronyms=True)
        # names written with a capital match only a capitalised word: a stem may be a common word's
        # too ("Lyda", the town, and "lydi", escorts, are both "lyd")
        self.proper_places = frozenset(
            pid for pid, names in by_place.items() if all(not n[:1].islower() for n in names)
        )
        by_actor: dict[str, list[str]] = {}
        for aid, name in actors.names(language):
            by_actor.setdefault(aid, []).append(name)
        for aid, names in by_actor.items():
            self._add(f"actor:{aid}", "actor", actors.entries[aid], names, acronyms=True)
        self.trigger_set = frozenset(k for k, (category, _) in self.keys.items() if category == "trigger")

    def _add(
        self,
        key: str,
        category: str,
        payload: Any,
        phrases: Iterable[str],
        exact_words: Iterable[str] = (),
        acronyms: bool = False,
    ) -> None:
        exact_set = set(exact_words)
        folded, exact = [], []
        for phrase in phrases:
            if phrase in exact_set or (acronyms and _is_acronym(phrase)):
                exact.append(phrase)
            else:
                folded.append(phrase)
        self.keys[self.nlp.vocab.strings.add(key)] = (category, payload)
        tokenizer = cast(Tokenizer, self.nlp.tokenizer)
        if folded:
            docs = list(tokenizer.pipe(folded))
            if self.normalise is not None:
                docs = [morphology.apply(d, self.normalise) for d in docs]
            if self.variants is not None:
                docs = [v for d in docs for v in _keyed_variants(d, self.variants)]
            self.folded.add(key, docs)
        if exact:
            self.exact.add(key, list(tokenizer.pipe(exact)))

    def sentences(self, doc: Doc, text: str | None = None) -> list[SentenceHits]:
        """Hits per sentence, for the sentences that hold at least one trigger.

        `text` is the text the doc was made from (its `doc.text`, which would build every token)."""
        view = _TokenView.of(doc, doc.text if text is None else text)
        bounds = [piece for bound in _with_lists(view, sentence_bounds(doc)) for piece in _pieces(*bound)]
        matches = self._located(doc, bounds)
        with_trigger = {index for index, match_id, _, _ in matches if match_id in self.trigger_set}
        grouped = {i: SentenceHits(*bounds[i], heading=True) for i in _headings(view, bounds, with_trigger)}
        for index, match_id, start, end in matches:  # objects only for the sentences read further
            if index not in with_trigger and index not in grouped:
                continue
            category, payload = self.keys[match_id]
            if category == "place" and payload.id in self.proper_places and view.word(start)[:1].islower():
                continue
            sentence = grouped.get(index) or grouped.setdefault(index, SentenceHits(*bounds[index]))
            sentence.hits.setdefault(category, []).append(Hit(category, payload, start, end))
        out = []
        for index in sorted(grouped):
            sentence = grouped[index]
            for category in ("place", "actor"):
                sentence.hits[category] = longest_hits(sentence.get(category))
            for hits in sentence.hits.values():
                hits.sort(key=lambda h: (h.start, -h.end))
            out.append(sentence)
        return out

    def _located(self, doc: Doc, bounds: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        """(sentence index, match id, start, end) of every match inside one sentence, in match order
        (the sentence found with arrays: a Python step per match is what costs)."""
        matches = [*self.folded(doc), *self.exact(doc)]
        if not matches:
            return []
        table = np.array(matches, dtype=np.uint64)
        edges = np.array(bounds, dtype=np.uint64)
        index = np.searchsorted(edges[:, 0], table[:, 1], side="right") - 1
        keep = np.flatnonzero(table[:, 2] <= edges[index, 1])  # a phrase across a sentence boundary is none
        rows = table[keep].tolist()
        return [(i, m, a, b) for i, (m, a, b) in zip(index[keep].tolist(), rows, strict=True)]


@dataclass(frozen=True, slots=True)
class _TokenView:
    """What the sentence grouping reads of a doc's tokens, as arrays and text slices: reading
    Token objects one by one (`doc[i]`, `doc[a:b].text`) cost more than finding the phrases."""

    text: str
    starts: list[int]  # character offset of each token
    ends: list[int]  # character offset after each token (its trailing space excluded)
    space: np.ndarray  # cumulative counts (index i: tokens before i), so a range is a subtraction
    num: np.ndarray  # like_num
    digit: np.ndarray  # is_digit

    @classmethod
    def of(cls, doc: Doc, text: str) -> _TokenView:
        table = doc.to_array([IDX, LENGTH, IS_SPACE, LIKE_NUM, IS_DIGIT]).astype("int64")
        zero = np.zeros((1, 3), dtype="int64")
        counts = np.vstack([zero, np.cumsum(table[:, 2:5], axis=0)])
        starts, ends = table[:, 0].tolist(), (table[:, 0] + table[:, 1]).tolist()
        return cls(text, starts, ends, counts[:, 0], counts[:, 1], counts[:, 2])

    def span(self, start: int, end: int) -> str:
        """`doc[start:end].text`."""
        return self.text[self.starts[start] : self.ends[end - 1]] if end > start else ""

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def is_space(self, i: int) -> bool:
        return bool(self.space[i + 1] - self.space[i])

    @staticmethod
    def any_in(counts: np.ndarray, start: int, end: int) -> bool:
        return bool(counts[end] - counts[start])


def _with_lists(view: _TokenView, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line ending in a colon and the short numbered lines under it are one statement ("Попытки
    пересечения по дням:" / "3 апреля — 120" / "4 апреля — 98"): a table read as text."""
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        if (  # the cheap tests first: most sentences are no short numbered line
            out
            and end - start <= LIST_ROW_TOKENS
            and view.any_in(view.num, start, end)
            and _opens_list(view, *out[-1])
            and "\n\n" not in view.span(out[-1][1] - 1, start + 1)  # a blank line ends the list
        ):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


def _opens_list(view: _TokenView, start: int, end: int) -> bool:
    """Whether a sentence is a list's header (ends in a colon) or a list with rows joined already."""
    last = end - 1
    while last > start and view.is_space(last):
        last -= 1
    if view.word(last) == ":":
        return True
    text = view.span(start, end)
    return text.count("\n") > 0 and ":" in text.split("\n", 1)[0][-3:]


def _headings(view: _TokenView, bounds: list[tuple[int, int]], with_trigger: set[int]) -> list[int]:
    """Lines without a trigger that hold a number and are short (a date heading of the lines under
    it: "Понедельник, 1 апреля.", "Tuesday 2 April") or a table row or list item ("14 May 2024 | 185 |
    Białowieża"), which takes the trigger of its table's header (extract/layout.py)."""
    return [
        i
        for i, (start, end) in enumerate(bounds)
        if i not in with_trigger
        and end - start <= ROW_TOKENS
        and view.any_in(view.digit, start, end)
        and (end - start <= HEADING_TOKENS or _row_like(view.span(start, end)))
    ]


def _row_like(text: str) -> bool:
    """A line with a column separator or a list marker: a table row or a list item."""
    return "|" in text or "\t" in text or text.lstrip()[:1] in ROW_MARKERS


def _keyed_variants(doc: Doc, variants: Any, limit: int = 8) -> list[Doc]:
    """A phrase once per combination of its words' match keys (the lemmas of all their forms), the
    phrase as normalised first, at most `limit` of them."""
    options = [variants(t.lower_) if t.is_alpha else (t.norm_,) for t in doc]
    out = [doc]
    for combo in itertools.islice(itertools.product(*options), 1, limit):
        copy = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for token, key in zip(copy, combo, strict=True):
            token.norm_ = key
        out.append(copy)
    return out


def _pieces(start: int, end: int) -> list[tuple[int, int]]:
    """A sentence, or the pieces of MAX_SENTENCE_TOKENS of a longer one (a table, a run-on line
    without full stops): what is read per sentence then costs linear time, whatever the text."""
    return [(s, min(s + MAX_SENTENCE_TOKENS, end)) for s in range(start, end, MAX_SENTENCE_TOKENS)] or [(start, end)]


def longest_hits(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, longer ones first ("Polish Border Guard" over "Polish")."""
    kept: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not taken.intersection(range(hit.start, hit.end)):
            kept.append(hit)
            taken.update(range(hit.start, hit.end))
    return kept


def trigger_entry(hit: Hit) -> TriggerEntry:
    return hit.payload  # type: ignore[no-any-return]


def place_of(hit: Hit) -> GazetteerPlace:
    return hit.payload  # type: ignore[no-any-return]


def actor_of(hit: Hit) -> ActorEntry:
    return hit.payload  # type: ignore[no-any-return]
