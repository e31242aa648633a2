"""RSS and Atom feeds: one raw input per entry, from a file's bytes or a download.

feedparser is tolerant of small faults (it sets `bozo` and still returns the
entries); a feed is rejected only when nothing usable comes out of it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import feedparser

from flankwatch.errors import InputError
from flankwatch.sources.raw import Declared, RawInput

_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """True for RSS/Atom by content type or by the first element of the document."""
    if any(kind in content_type for kind in ("rss", "atom", "rdf")):
        return True
    return bool(_FEED_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def feed_entries(data: bytes, origin: str) -> Iterator[RawInput]:
    """Parse a feed and yield one RawInput per entry that has text.

    Raises InputError when the bytes are not a readable RSS/Atom feed.
    """
    parsed = feedparser.parse(data)
    # A valid feed may be empty; a faulty one is kept only if entries came out of it anyway.
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> element"
        raise InputError(origin, f"broken feed: {_one_line(problem)}")
    publisher = str(parsed.feed.get("title", "")).strip()
    language = str(parsed.feed.get("language", ""))
    for number, entry in enumerate(parsed.entries, 1):
        body = _entry_body(entry)
        if not body.strip():
            continue
        yield RawInput(
            origin=f"{origin}#{number}",
            name=_entry_name(entry, number),
            fmt="feed",
            data=body,
            declared=Declared(
                title=str(entry.get("title", "")).strip(),
                published=_entry_date(entry),
                publisher=publisher,
                language=language,
                url=str(entry.get("link", "")),
                date_source="feed",
            ),
        )


def _entry_body(entry: feedparser.FeedParserDict) -> str:
    # Full content (content:encoded, Atom <content>) beats the summary when a feed gives both.
    contents = entry.get("content") or []
    bodies = [str(c.get("value", "")) for c in contents if str(c.get("value", "")).strip()]
    return max(bodies, key=len) if bodies else str(entry.get("summary", ""))


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()


def _entry_name(entry: feedparser.FeedParserDict, number: int) -> str:
    link_path = urlsplit(str(entry.get("link", ""))).path.rstrip("/")
    tail = link_path.rsplit("/", 1)[-1] if link_path else ""
    return slug(tail or str(entry.get("title", "")) or f"entry-{number}")


def slug(text: str, limit: int = 60) -> str:
    """A short readable name: lower case, words joined by hyphens, any script kept."""
    words = re.findall(r"\w+", text.lower())
    return "-".join(words)[:limit].strip("-") or "untitled"


def _one_line(problem: object) -> str:
    return " ".join(str(problem).split())
