"""What a source adapter yields: a raw input (bytes or text plus declared metadata)."""

from __future__ import annotations

from dataclasses import dataclass

# The formats ingest knows how to turn into a Document.
FORMATS = ("txt", "md", "html", "pdf", "jsonl", "feed")


@dataclass(frozen=True, slots=True)
class Declared:
    """Metadata a container declares about a document, as written there (not yet validated).

    `published` stays a string here: ingest parses it, so a bad date becomes a
    rejection naming the input, like every other bad field.
    """

    title: str = ""
    published: str | None = None
    publisher: str = ""
    language: str = ""
    url: str = ""
    date_source: str = "metadata"  # where `published` comes from: metadata (a corpus field) or feed


@dataclass(frozen=True, slots=True)
class RawInput:
    """One document as a source read it, before extraction of text and metadata.

    `origin` names it in messages: a path, a URL, `corpus.jsonl:17` or `feed.xml#3`.
    `data` is bytes when read from a file or the network, text when the container
    (a JSONL line, a feed entry) already decoded it.
    """

    origin: str
    name: str
    fmt: str
    data: bytes | str
    declared: Declared = Declared()
