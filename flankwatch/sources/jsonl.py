"""JSONL corpora: one document a line, `{id?, url, title, published, publisher, language, text}`.

A bad line is a rejection naming `file:line`; the rest of the file goes on.
Lines are read one at a time, so a corpus may be larger than memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flankwatch.errors import InputError
from flankwatch.records import Rejection
from flankwatch.sources.raw import Declared, RawInput

_TEXT_FIELDS = ("id", "url", "title", "publisher", "language")


def corpus_lines(path: Path, max_line_bytes: int) -> Iterator[RawInput | Rejection]:
    """Yield a RawInput per good line and a Rejection per bad one; raise InputError if unreadable."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                yield _document(path, number, _decode(line, number, max_line_bytes))
            except InputError as exc:
                yield Rejection(origin, exc.problem)


def count_lines(path: Path) -> int:
    """Non-blank lines, for progress bars; 0 when the file cannot be read (reading reports that)."""
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def _decode(line: bytes, number: int, max_line_bytes: int) -> dict[str, Any]:
    where = f"line {number}"
    if len(line) > max_line_bytes:
        raise InputError(
            where, f"line of {len(line):,} bytes is larger than the {max_line_bytes:,} byte limit"
        )
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 (byte {exc.start}); JSONL corpora must be UTF-8") from exc
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(row, dict):
        raise InputError(where, f"a JSON {type(row).__name__}, not an object with a 'text' field")
    return row


def _document(path: Path, number: int, row: dict[str, Any]) -> RawInput:
    origin = f"{path}:{number}"
    text = row.get("text")
    if not isinstance(text, str):
        raise InputError(
            origin, "no 'text' field with a string" if text is None else "'text' is not a string"
        )
    for key in (*_TEXT_FIELDS, "published"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise InputError(origin, f"'{key}' must be a string, not {type(row[key]).__name__}")
    declared = Declared(
        title=row.get("title") or "",
        published=row.get("published") or None,
        publisher=row.get("publisher") or "",
        language=row.get("language") or "",
        url=row.get("url") or "",
    )
    name = row.get("id") or f"{path.stem}:{number}"
    return RawInput(origin=origin, name=name, fmt="jsonl", data=text, declared=declared)
