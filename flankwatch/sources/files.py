"""Files and folders: which format a path holds, and its bytes within the size limit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from flankwatch.errors import InputError
from flankwatch.sources.feeds import looks_like_feed

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


def supported() -> str:
    """The extensions flankwatch reads, for messages."""
    return ", ".join(EXTENSIONS)


def walk(folder: Path) -> Iterator[Path]:
    """Every file under a folder, sorted by path, skipping hidden files and folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    yield from sorted(found, key=lambda path: path.relative_to(folder).parts)


def format_of(path: Path) -> str:
    """The format a file's extension names; files without one are sniffed.

    Raises InputError for an extension flankwatch does not read.
    """
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if suffix and not suffix[1:].isdigit():
        raise InputError(str(path), f"unsupported file type {suffix!r} (supported: {supported()})")
    return sniff(read_bytes(path, 4096, limit_is_error=False))


def sniff(head: bytes, content_type: str = "") -> str:
    """Guess a format from the first bytes (and a server's content type when there is one)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"%pdf") or content_type == "application/pdf":
        return "pdf"
    if looks_like_feed(head, content_type):
        return "feed"
    if content_type in ("text/html", "application/xhtml+xml") or start.startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    return "txt"


def read_bytes(path: Path, max_bytes: int, *, limit_is_error: bool = True) -> bytes:
    """A file's bytes; InputError when it is missing, unreadable or larger than the limit."""
    try:
        size = path.stat().st_size
        if limit_is_error and size > max_bytes:
            raise InputError(
                str(path),
                f"file of {size:,} bytes is larger than the {max_bytes:,} byte limit "
                "(raise FLANKWATCH_MAX_INPUT_BYTES to accept it)",
            )
        with path.open("rb") as handle:
            return handle.read(max_bytes)
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
