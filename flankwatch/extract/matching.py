"""Phrase matchers over a language's lexicons, gazetteer and actor table.

Two spaCy PhraseMatchers per language (case-insensitive, and exact case for
acronyms and case-sensitive cues) find every trigger, cue, clause break,
reporting verb, place, actor, border word and locative in one pass over a
document; hits are then grouped by sentence. Only sentences holding a trigger
are looked at further.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

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

    def sentences(self, doc: Doc) -> list[SentenceHits]:
        """Hits per sentence, for the sentences that hold at least one trigger."""
        bounds = [piece for bound in _with_lists(doc, sentence_bounds(doc)) for piece in _pieces(*bound)]
        starts = [b[0] for b in bounds]
        found: list[tuple[int, str, Any, int, int]] = []
        with_trigger: set[int] = set()
        for match_id, start, end in [*self.folded(doc), *self.exact(doc)]:
            category, payload = self.keys[match_id]
            index = bisect_right(starts, start) - 1
            if end > bounds[index][1]:
                continue  # a phrase across a sentence boundary is not a phrase
            if category == "place" and payload.id in self.proper_places and doc[start].text[:1].islower():
                continue
            found.append((index, category, payload, start, end))
            if category == "trigger":
                with_trigger.add(index)
        grouped: dict[int, SentenceHits] = {}
        for index, category, payload, start, end in found:  # objects only for sentences read further
            if index in with_trigger:
                sentence = grouped.get(index) or grouped.setdefault(index, SentenceHits(*bounds[index]))
                sentence.hits.setdefault(category, []).append(Hit(category, payload, start, end))
        for index in _headings(doc, bounds, with_trigger):
            grouped[index] = SentenceHits(*bounds[index], heading=True)
        out = []
        for index in sorted(grouped):
            sentence = grouped[index]
            for category in ("place", "actor"):
                sentence.hits[category] = _longest(sentence.get(category))
            for hits in sentence.hits.values():
                hits.sort(key=lambda h: (h.start, -h.end))
            out.append(sentence)
        return out


def _with_lists(doc: Doc, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line ending in a colon and the short numbered lines under it are one statement ("Попытки
    пересечения по дням:" / "3 апреля — 120" / "4 апреля — 98"): a table read as text."""
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        if (
            out
            and _opens_list(doc, *out[-1])
            and end - start <= LIST_ROW_TOKENS
            and "\n\n" not in doc[out[-1][1] - 1 : start + 1].text  # a blank line ends the list
            and any(t.like_num for t in doc[start:end])
        ):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


def _opens_list(doc: Doc, start: int, end: int) -> bool:
    """Whether a sentence is a list's header (ends in a colon) or a list with rows joined already."""
    last = end - 1
    while last > start and doc[last].is_space:
        last -= 1
    if doc[last].text == ":":
        return True
    lines = doc[start:end].text.count("\n")
    return lines > 0 and ":" in doc[start:end].text.split("\n", 1)[0][-3:]


def _headings(doc: Doc, bounds: list[tuple[int, int]], with_trigger: set[int]) -> list[int]:
    """Short lines without a trigger that hold a number: a date heading of the lines under it
    ("Понедельник, 1 апреля.", "Tuesday 2 April") in a table or a live blog read as text."""
    return [
        i
        for i, (start, end) in enumerate(bounds)
        if i not in with_trigger and end - start <= HEADING_TOKENS and any(t.is_digit for t in doc[start:end])
    ]


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


def _longest(hits: list[Hit]) -> list[Hit]:
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
