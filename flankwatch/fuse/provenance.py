"""Where each document comes from: its publisher, reliability, and which documents are one source.

Two documents are one source — they never corroborate each other, and they
give one number per day — when
1. one is a near-duplicate of the other (`flankwatch.ingest.neardup`), or
2. one is a syndicated copy of a wire story (its dateline credits the wire:
   "WARSAW, May 22 (Baltic Wire Service) –"), or
3. they come from one publisher (any of its names and aliases).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from flankwatch.fuse.model import reliability_rank
from flankwatch.fuse.publishers import UNKNOWN, Publisher, Publishers, load_publishers, normalise_name
from flankwatch.ingest.neardup import NearDuplicate, copy_groups, near_duplicates, sketch
from flankwatch.records import Document

# "WARSAW/MOSCOW, May 22 (Baltic Wire Service) –": a credit in the dateline of the first line.
_DATELINE_CREDIT = re.compile(r"^[^\n()]{2,60}?\(([^()\n]{2,40})\)\s*[–—-]")
UNKNOWN_KIND = "unknown"


@dataclass(frozen=True, slots=True)
class Source:
    """A document as a source: who published it, how reliable, and what it is a copy of."""

    doc: str
    publisher: str  # the listed name, else the document's own publisher, else its name
    kind: str  # a kind of publishers.yaml, or "unknown"
    reliability: str  # A–F
    adversary: bool  # the publisher speaks for a watched state
    key: str  # documents with one key are one source
    copy_of: str | None = None  # the original of a near-duplicate group
    syndicated_from: str | None = None  # the wire credited in the dateline


class Sources:
    """Every document's `Source`, built once per analysis."""

    def __init__(self, table: Mapping[str, Source], publishers: Publishers) -> None:
        self._table = dict(table)
        self.publishers = publishers

    @classmethod
    def build(
        cls,
        documents: Mapping[str, Document],
        *,
        pairs: Iterable[NearDuplicate] | None = None,
        copies: Mapping[str, str] | None = None,
        publishers: Publishers | None = None,
    ) -> Sources:
        """Sources of `documents`.

        Near-duplicates come from `copies` (document → its original), else from
        `pairs` (as recorded at ingest), else they are detected here. Of a
        group, the original is the earliest published, then the one of the more
        reliable publisher.
        """
        book = publishers or load_publishers()
        first = {doc_id: _source(doc, book) for doc_id, doc in documents.items()}
        if copies is None:
            found = list(pairs) if pairs is not None else detect_pairs(documents)
            published = {d: doc.published for d, doc in documents.items()}
            copies = copy_groups(found, published, rank=lambda d: _rank(first.get(d)))
        table = {}
        for doc_id, source in first.items():
            original = copies.get(doc_id)
            if original is not None and original != doc_id:
                head = first.get(original)
                key = head.key if head is not None else f"doc:{original}"
                source = replace(source, key=key, copy_of=original)
            table[doc_id] = source
        return cls(table, book)

    def of(self, doc: str) -> Source:
        """The source of a document id; a document not given is its own, unjudged, source."""
        found = self._table.get(doc)
        return found or Source(doc, doc, UNKNOWN_KIND, UNKNOWN, False, f"doc:{doc}")

    def key(self, doc: str) -> str:
        return self.of(doc).key

    def copies(self) -> dict[str, str]:
        """Document → original, for the documents that are near-duplicates."""
        return {d: s.copy_of for d, s in self._table.items() if s.copy_of}


def detect_pairs(documents: Mapping[str, Document]) -> list[NearDuplicate]:
    """Near-duplicate pairs among the documents (when the store has not recorded them)."""
    return near_duplicates([sketch(doc_id, doc.text) for doc_id, doc in sorted(documents.items())])


def _rank(source: Source | None) -> int:
    return reliability_rank(source.reliability) if source is not None else 3


def _source(doc: Document, book: Publishers) -> Source:
    listed = book.match(doc)
    wire = _credited_wire(doc, book, listed)
    if listed is not None:
        source = Source(
            doc.id,
            listed.name,
            listed.kind,
            listed.reliability,
            book.is_adversary(listed),
            f"pub:{listed.name}",
        )
    else:
        source = Source(
            doc.id, doc.publisher.strip() or doc.name, UNKNOWN_KIND, UNKNOWN, False, _unlisted_key(doc)
        )
    if wire is not None:
        source = replace(source, key=f"pub:{wire.name}", syndicated_from=wire.name)
    return source


def _credited_wire(doc: Document, book: Publishers, own: Publisher | None) -> Publisher | None:
    found = _DATELINE_CREDIT.match(doc.text[:160])
    if not found:
        return None
    credited = book.by_name(found[1])
    if credited is None or credited.kind != "wire" or credited == own:
        return None
    return credited


def _unlisted_key(doc: Document) -> str:
    name = normalise_name(doc.publisher)
    if name:
        return f"pub:{name}"
    host = (urlsplit(doc.url).hostname or "") if doc.url else ""
    return f"host:{host.lower()}" if host else f"doc:{doc.id}"
