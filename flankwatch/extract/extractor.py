"""The extractor: documents in, event mentions out. Pure: no store, no network."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.tokens import Doc

from flankwatch.errors import UsageError
from flankwatch.extract.actors import ActorTable, load_actors
from flankwatch.extract.assemble import DocumentInfo, sentence_mentions
from flankwatch.extract.gazetteer import Gazetteer, load_gazetteer
from flankwatch.extract.kit import LanguageKit, build_kit
from flankwatch.extract.lexicon import has_lexicon
from flankwatch.extract.parallel import extract_in_processes
from flankwatch.extract.sentence import DOC_TEXT, DocArrays, Sentence
from flankwatch.extract.theatre import DocumentState, TheatreRules, load_theatre_rules
from flankwatch.nlp import LanguageSpec, default_data_root, load_languages
from flankwatch.ontology import Ontology, load_ontology
from flankwatch.records import Document, Evidence, Mention, Quantity

SEGMENT_CHARS = 100_000  # long texts are read in segments cut at line breaks, so memory stays flat
_SURROGATE = re.compile("[\ud800-\udfff]")


class Extractor:
    """Turns documents into typed, dated, counted, placed mentions with their evidence.

    Data files (lexicons, gazetteer, actors, theatre rules) are read once; each
    language's lexicons and matchers are compiled the first time a document in
    that language arrives. A language without lexicons yields no mentions.
    """

    VERSION = "1.0"  # bump when rules or data change what is extracted, so stores re-extract

    def __init__(self, data_root: Traversable | Path | None = None, ontology: Ontology | None = None) -> None:
        self.root: Traversable = data_root if data_root is not None else default_data_root()
        self.ontology = ontology or load_ontology()
        self._languages: dict[str, LanguageSpec] | None = None
        self._shared: tuple[ActorTable, Gazetteer, TheatreRules] | None = None
        self._kits: dict[str, LanguageKit | None] = {}
        self._publishers: dict[tuple[str, str], str | None] = {}

    def __reduce__(self) -> tuple[object, ...]:
        # Sent to a worker process that cannot inherit it (spawn): rebuilt from its data, with
        # the languages compiled here compiled there too, before the first document arrives.
        return (_rebuilt, (self.root, self.ontology, tuple(code for code, kit in self._kits.items() if kit)))

    @property
    def version(self) -> str:
        """The rules version the store records per document (pipeline.extractor_version)."""
        return self.VERSION

    # -- data --------------------------------------------------------------------------
    def languages(self) -> list[str]:
        """The languages that have lexicons, i.e. that yield mentions."""
        return [code for code in self._specs() if has_lexicon(self.root, code)]

    def _specs(self) -> dict[str, LanguageSpec]:
        if self._languages is None:
            self._languages = load_languages(self.root)
        return self._languages

    def _shared_data(self) -> tuple[ActorTable, Gazetteer, TheatreRules]:
        if self._shared is None:
            actors = load_actors(self.root)
            gazetteer = load_gazetteer(self.root, self.ontology.theatres, actors.codes)
            self._shared = (actors, gazetteer, load_theatre_rules(self.root, self.ontology))
        return self._shared

    def kit(self, language: str) -> LanguageKit | None:
        """The compiled matchers and grammars of a language, or None if it has no lexicons."""
        if language not in self._kits:
            spec = self._specs().get(language)
            if spec is None or not has_lexicon(self.root, language):
                self._kits[language] = None
            else:
                self._kits[language] = build_kit(self.root, spec, self.ontology, *self._shared_data())
        return self._kits[language]

    # -- extraction --------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Mention]:
        """The mentions of one document (`Mention.doc` is `doc.id`)."""
        kit = self.kit(doc.language)
        if kit is None or not doc.text.strip():
            return []
        return self._mentions(
            doc, kit, [(offset, chunk, kit.nlp(_encodable(chunk))) for offset, chunk in _segments(doc.text)]
        )

    def extract_many(
        self, docs: Iterable[Document], batch_size: int = 64, workers: int = 1
    ) -> Iterator[tuple[Document, list[Mention]]]:
        """Mentions of many documents, in input order, tokenised in `nlp.pipe` batches per language.

        With `workers` > 1 the batches are extracted in that many processes (extract/parallel.py);
        the documents are read lazily either way, and an error in a worker is raised here.
        """
        if workers < 1 or batch_size < 1:
            raise UsageError(f"workers and batch_size must be at least 1 (got {workers} and {batch_size})")
        if workers > 1:
            yield from extract_in_processes(self, docs, batch_size, workers)
            return
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch, batch_size)
                batch = []
        if batch:
            yield from self._batch(batch, batch_size)

    def _batch(self, docs: list[Document], batch_size: int) -> Iterator[tuple[Document, list[Mention]]]:
        parsed: dict[int, list[tuple[int, str, Doc]]] = {}
        for language in dict.fromkeys(d.language for d in docs):
            kit = self.kit(language)
            if kit is None:
                continue
            items = [
                (_encodable(chunk), (i, offset, chunk))
                for i, d in enumerate(docs)
                if d.language == language and d.text.strip()
                for offset, chunk in _segments(d.text)
            ]
            for spacy_doc, (i, offset, chunk) in kit.nlp.pipe(items, as_tuples=True, batch_size=batch_size):
                parsed.setdefault(i, []).append((offset, chunk, spacy_doc))
        for i, doc in enumerate(docs):
            kit = self.kit(doc.language)
            yield doc, (self._mentions(doc, kit, parsed[i]) if kit is not None and i in parsed else [])

    def _mentions(self, doc: Document, kit: LanguageKit, parts: list[tuple[int, str, Doc]]) -> list[Mention]:
        info = DocumentInfo(doc.id, doc.language, doc.published)
        state = DocumentState()
        key = (doc.publisher, doc.language)
        if key not in self._publishers:
            self._publishers[key] = _publisher_actor(kit.actors, doc.publisher, doc.language)
        state.publisher = self._publishers[key]
        if state.publisher in kit.actors.alpha2_of:
            state.states.append(kit.actors.alpha2_of[state.publisher])
        out: list[Mention] = []
        for offset, chunk, spacy_doc in parts:
            # the text the doc was made from, which spacy_doc.text would build token by token
            spacy_doc.user_data[DOC_TEXT] = _encodable(chunk)
            arrays = DocArrays.of(spacy_doc, with_norm=kit.spec.morphology != "none")
            for hits in kit.matchers.sentences(spacy_doc, chunk):
                sentence = Sentence.trimmed(spacy_doc, chunk, arrays, hits, doc.published)
                sentence.locative_endings = kit.lexicon.places.locative_endings
                found = sentence_mentions(kit, sentence, info, state)
                out.extend(_shifted(m, offset) if offset else m for m in found)
        return out


def _rebuilt(root: Traversable, ontology: Ontology, languages: tuple[str, ...]) -> Extractor:
    extractor = Extractor(root, ontology)
    for language in languages:
        extractor.kit(language)
    return extractor


def _encodable(text: str) -> str:
    """The text as spaCy can read it: a lone surrogate (left by a lenient decoder or a JSON
    escape) cannot be encoded and becomes U+FFFD, one character for one, so that token offsets
    still point into the original text, from which evidence is cut."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def _segments(text: str, limit: int = SEGMENT_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most `limit` characters, cut at a line break or a space when possible."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". ") + 1)
        if cut <= limit // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def _shifted(m: Mention, offset: int) -> Mention:
    def move(e: Evidence | None) -> Evidence | None:
        return Evidence(e.start + offset, e.end + offset, e.text) if e else None

    def moved(qs: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
        return tuple(replace(q, evidence=move(q.evidence)) for q in qs)

    evidence = Evidence(m.evidence.start + offset, m.evidence.end + offset, m.evidence.text)
    return replace(m, evidence=evidence, quantities=moved(m.quantities), casualties=moved(m.casualties))


def _publisher_actor(table: ActorTable, publisher: str, language: str) -> str | None:
    """The actor a publisher speaks for ("Polish Border Guard" -> POL, "BelTA" -> BLR), if it is named."""
    wanted = " ".join(publisher.lower().split())
    if not wanted:
        return None
    for entry in table.entries.values():
        for lang_names in (entry.names.get(language, ()), entry.names.get("en", ())):
            if any(name.lower() == wanted for name in lang_names):
                return entry.code
    return None
