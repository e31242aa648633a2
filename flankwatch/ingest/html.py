"""Main text and metadata of an HTML page (or a feed entry's HTML) with trafilatura.

trafilatura drops navigation, footers and boilerplate and finds the date with
htmldate. It also turns no-break and thin spaces into plain spaces; because the
extractor reads "1 256" written with a no-break space as one number, those
spaces between digits are protected by placeholders and restored afterwards.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass

import trafilatura
from trafilatura.utils import load_html

from flankwatch.errors import InputError

# Placeholders from the Runic block, which no text of this project contains.
_PROTECT = {"\u00a0": "\u16eb", "\u2009": "\u16ec", "\u202f": "\u16ed"}
_ENTITIES = {
    "&nbsp;": "\u00a0",
    "&#160;": "\u00a0",
    "&#xa0;": "\u00a0",
    "&thinsp;": "\u2009",
    "&#8201;": "\u2009",
    "&#x2009;": "\u2009",
    "&#8239;": "\u202f",
    "&#x202f;": "\u202f",
}
_DIGIT_SPACE = re.compile(
    r"(?<=\d)(\u00a0|\u2009|\u202f|" + "|".join(map(re.escape, _ENTITIES)) + r")(?=\d)", re.I
)
_TAG = re.compile(r"<[a-zA-Z!/]")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """The main text of a page and the metadata trafilatura and htmldate found in it."""

    text: str
    title: str = ""
    published: str | None = None  # YYYY-MM-DD as htmldate found it
    publisher: str = ""
    url: str = ""


def page_text(markup: str, origin: str) -> HtmlPage:
    """The main text and metadata of an HTML document; InputError when it has none or is not HTML."""
    # trafilatura and htmldate log every parser complaint; the InputError below says what matters.
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if load_html(markup) is None:
        raise InputError(origin, "broken HTML: it cannot be parsed")
    protected = _protect(markup)
    extracted = trafilatura.bare_extraction(protected, with_metadata=True, include_comments=False)
    found = extracted if isinstance(extracted, trafilatura.settings.Document) else None  # not as_dict
    text = found.text if found is not None and found.text else trafilatura.html2txt(protected)
    text = _restore(text or "")
    if not text.strip():
        raise InputError(origin, "broken HTML: no text found in the page")
    if found is None:
        return HtmlPage(text)
    return HtmlPage(
        text=text,
        title=_restore(found.title or ""),
        published=found.date or None,
        publisher=found.sitename or "",
        url=found.url or "",
    )


def fragment_text(body: str, origin: str) -> str:
    """Text of a feed entry's body, which may be HTML or already plain text."""
    if not _TAG.search(body):
        return htmllib.unescape(body)
    return page_text(f"<html><body><article>{body}</article></body></html>", origin).text


def _protect(markup: str) -> str:
    def swap(match: re.Match[str]) -> str:
        space = _ENTITIES.get(match[1].lower(), match[1])
        return _PROTECT[space]

    return _DIGIT_SPACE.sub(swap, markup)


def _restore(text: str) -> str:
    for space, marker in _PROTECT.items():
        text = text.replace(marker, space)
    return text
