"""Number the digest's sources in the order they are first cited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flankwatch.fuse import Sources
from flankwatch.records import Document, Mention
from flankwatch.report.model import SourceEntry


class SourceBook:
    """Hands out [1], [2], … per document while the digest is being built.

    The only mutable object of the report: numbering is inherently sequential.
    Each entry shows its publisher's reliability letter (Admiralty code).
    """

    def __init__(self, documents: Mapping[str, Document], sources: Sources) -> None:
        self._documents = documents
        self.sources = sources
        self._numbers: dict[str, int] = {}

    def ref(self, doc: str) -> int:
        if doc not in self._numbers:
            self._numbers[doc] = len(self._numbers) + 1
        return self._numbers[doc]

    def refs(self, mentions: Iterable[Mention]) -> tuple[int, ...]:
        """Source numbers of the mentions' documents, in citation order."""
        return tuple(sorted({self.ref(m.doc) for m in mentions}))

    def publisher(self, doc: str) -> str:
        found = self._documents.get(doc)
        if found is None:
            return doc
        return found.publisher or self.sources.of(doc).publisher or found.name

    def entries(self) -> tuple[SourceEntry, ...]:
        out = []
        for doc, number in sorted(self._numbers.items(), key=lambda pair: pair[1]):
            found = self._documents.get(doc)
            source = self.sources.of(doc)
            if found is None:
                out.append(SourceEntry(number, doc, doc, "", "", source.reliability, source.kind))
                continue
            out.append(
                SourceEntry(
                    ref=number,
                    publisher=found.publisher or "Unknown publisher",
                    title=found.title or found.name,
                    url=found.url if found.url.startswith(("http://", "https://")) else "",
                    published=found.published.isoformat() if found.published else "",
                    reliability=source.reliability,
                    kind=source.kind,
                    copy_of=self._numbers.get(source.copy_of or "") or 0,
                )
            )
        return tuple(out)
