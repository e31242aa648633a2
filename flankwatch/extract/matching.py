"""Phrase matchers over a language's lexicons, gazetteer and actor table.

Two spaCy PhraseMatchers per language (case-insensitive, and exact case for
acronyms and case-sensitive cues) find every trigger, cue, clause break,
reporting verb, place, actor, border word and locative in one pass over a
document; hits are then grouped by sentence. Only sentences holding a trigger
are looked at further.
"""

from __future__ import annotations

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
            self.folded.add(key, docs)
        if exact:
            self.exact.add(key, list(tokenizer.pipe(exact)))

    def sentences(self, doc: Doc) -> list[SentenceHits]:
        """Hits per sentence, for the sentences that hold at least one trigger."""
        bounds = sentence_bounds(doc)
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
        out = []
        for index in sorted(grouped):
            sentence = grouped[index]
            for category in ("place", "actor"):
                sentence.hits[category] = _longest(sentence.get(category))
            for hits in sentence.hits.values():
                hits.sort(key=lambda h: (h.start, -h.end))
            out.append(sentence)
        return out


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
