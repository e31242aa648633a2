"""Number the digest's sources in the order they are first cited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flankwatch.records import Document, Mention
from flankwatch.report.model import SourceEntry


class SourceBook:
    """Hands out [1], [2], … per document while the digest is being built.

    The only mutable object of the report: numbering is inherently sequential.
    """

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._documents = documents
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
        return (found.publisher or found.name) if found else doc

    def entries(self) -> tuple[SourceEntry, ...]:
        out = []
        for doc, number in sorted(self._numbers.items(), key=lambda pair: pair[1]):
            found = self._documents.get(doc)
            if found is None:
                out.append(SourceEntry(number, doc, doc, "", ""))
                continue
            out.append(
                SourceEntry(
                    ref=number,
                    publisher=found.publisher or "Unknown publisher",
                    title=found.title or found.name,
                    url=found.url if found.url.startswith(("http://", "https://")) else "",
                    published=found.published.isoformat() if found.published else "",
                )
            )
        return tuple(out)
