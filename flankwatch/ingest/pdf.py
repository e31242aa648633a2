"""Text and metadata of a PDF with pypdf (pure Python; no OCR: scanned pages have no text)."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from flankwatch.errors import InputError


@dataclass(frozen=True, slots=True)
class PdfText:
    """The text layer of a PDF and its document information."""

    text: str
    title: str = ""
    published: str | None = None  # YYYY-MM-DD from the document's creation date


def pdf_text(data: bytes, origin: str) -> PdfText:
    """The text of every page, pages separated by a blank line; InputError for a broken or empty PDF."""
    # pypdf logs warnings for every small fault it repairs; the result is what matters here.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(origin, "PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        title, published = _metadata(reader.metadata)
    except InputError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # pypdf raises plain Python errors for some malformed structures, not only its own.
        raise InputError(origin, f"broken PDF: {_one_line(exc)}") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise InputError(origin, f"PDF has no text layer ({len(pages)} pages; scanned images need OCR first)")
    return PdfText(text=text, title=title, published=published)


def _metadata(info: object) -> tuple[str, str | None]:
    # The author field names a person or a word processor more often than a publisher: not used.
    if info is None:
        return "", None
    created = getattr(info, "creation_date", None)
    title = str(getattr(info, "title", "") or "").strip()
    return title, created.date().isoformat() if created else None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
