"""Ingest: raw inputs become Documents (text, language, publication date, content id).

`to_document` numbers its steps:
1. text by format: decode bytes, then Markdown front matter and marks, HTML main
   text (trafilatura), PDF text (pypdf), or a feed entry's body;
2. normalise the text (NFC, line endings, invisible characters);
3. language: declared, else lingua restricted to the project's languages;
4. publication date: `published=` (the `--published` option) wins, then the
   container's declaration (corpus field, feed), front matter, HTML or PDF metadata;
5. id from the normalised text alone, so the same text twice is one Document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flankwatch.config import Config, load_config
from flankwatch.errors import InputError
from flankwatch.ingest.dates import parse_published
from flankwatch.ingest.decode import decode
from flankwatch.ingest.html import fragment_text, page_text
from flankwatch.ingest.language import LANGUAGES, language_of
from flankwatch.ingest.markup import markdown_to_text, split_front_matter
from flankwatch.ingest.normalise import normalise
from flankwatch.ingest.pdf import pdf_text
from flankwatch.records import Document, content_id
from flankwatch.sources import RawInput, read_file

__all__ = ["LANGUAGES", "load_file", "normalise", "parse_published", "to_document"]


@dataclass(frozen=True, slots=True)
class _Found:
    """Metadata found inside the content itself (front matter, HTML, PDF)."""

    title: str = ""
    published: str | None = None
    publisher: str = ""
    url: str = ""
    language: str = ""
    date_source: str = "none"


def load_file(path: str | Path, *, published: date | None = None, config: Config | None = None) -> Document:
    """One file (txt, md, html, pdf) as a Document whose `text` offsets refer to; raises InputError."""
    config = config or load_config()
    return to_document(read_file(Path(path), config), published=published)


def to_document(raw: RawInput, *, published: date | None = None) -> Document:
    """A Document from a raw input (steps in the module docstring); raises InputError."""
    text, found = _text(raw)
    text = normalise(text)
    if not text.strip():
        raise InputError(raw.origin, "empty: no text left after extraction")
    declared = raw.declared
    language = language_of(text, raw.origin, declared.language or found.language)
    day, date_source = _publication(raw, found, published)
    return Document(
        id=content_id(text),
        name=raw.name,
        text=text,
        language=language,
        published=day,
        date_source=date_source,
        title=(declared.title or found.title).strip(),
        publisher=(declared.publisher or found.publisher).strip(),
        url=declared.url or found.url,
        origin=raw.origin,
        fmt=raw.fmt,
    )


def _text(raw: RawInput) -> tuple[str, _Found]:
    if raw.fmt == "pdf":
        pdf = pdf_text(_bytes(raw), raw.origin)
        return pdf.text, _Found(title=pdf.title, published=pdf.published, date_source="metadata")
    if raw.fmt == "feed":
        return fragment_text(_str(raw), raw.origin), _Found()
    if raw.fmt == "jsonl":
        return _str(raw), _Found()
    text = _str(raw) if isinstance(raw.data, str) else decode(raw.data, raw.origin, html=raw.fmt == "html")
    if raw.fmt == "html":
        page = page_text(text, raw.origin)
        return page.text, _Found(page.title, page.published, page.publisher, page.url, date_source="html")
    if raw.fmt == "md":
        fields, body = split_front_matter(text, raw.origin)
        return markdown_to_text(body), _Found(
            title=fields.get("title", ""),
            published=fields.get("published"),
            publisher=fields.get("publisher", ""),
            url=fields.get("url", ""),
            language=fields.get("language", ""),
            date_source="front_matter",
        )
    return text, _Found()


def _publication(raw: RawInput, found: _Found, published: date | None) -> tuple[date | None, str]:
    if published is not None:
        return published, "cli"
    if raw.declared.published:
        return parse_published(raw.declared.published, raw.origin), raw.declared.date_source
    if found.published:
        return parse_published(found.published, raw.origin), found.date_source
    return None, "none"


def _bytes(raw: RawInput) -> bytes:
    return raw.data if isinstance(raw.data, bytes) else raw.data.encode("utf-8")


def _str(raw: RawInput) -> str:
    return raw.data if isinstance(raw.data, str) else decode(raw.data, raw.origin)
