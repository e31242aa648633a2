"""Sources: where documents come from (files, folders, JSONL corpora, RSS/Atom feeds, URLs).

Each adapter yields `RawInput`s (bytes or text with declared metadata) or
`Rejection`s; turning them into Documents is the job of `flankwatch.ingest`.

1. `plan(targets)` expands folders and classifies every target (cheap, no parsing);
2. `read(target)` yields the raw inputs of one target, rejecting what cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flankwatch.config import Config
from flankwatch.errors import InputError
from flankwatch.records import Rejection
from flankwatch.sources.feeds import feed_entries, slug
from flankwatch.sources.fetch import Response, Transport, TransportError, Web
from flankwatch.sources.files import format_of, read_bytes, sniff, walk
from flankwatch.sources.jsonl import corpus_lines, count_lines
from flankwatch.sources.raw import FORMATS, Declared, RawInput

__all__ = [
    "FORMATS",
    "Declared",
    "RawInput",
    "Response",
    "Target",
    "Transport",
    "TransportError",
    "Web",
    "plan",
    "read",
    "read_file",
    "slug",
]


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to read: a file with its format, or a URL (`fmt` "url" until downloaded).

    `weight` is how many documents it is expected to hold, for progress bars.
    """

    location: str
    fmt: str
    weight: int = 1


def is_url(target: str) -> bool:
    """True for http and https URLs (anything else is a path)."""
    return target.lower().startswith(("http://", "https://"))


def plan(targets: Iterable[str]) -> Iterator[Target | Rejection]:
    """Expand folders and classify each path or URL; a path that is not there is a rejection."""
    for target in targets:
        if is_url(target):
            yield Target(target, "url")
            continue
        path = Path(target)
        if path.is_dir():
            files = list(walk(path))
            if not files:
                yield Rejection(target, "folder holds no files")
            yield from (_file_target(f) for f in files)
        elif path.exists() or path.is_symlink():
            yield _file_target(path)
        else:
            yield Rejection(target, "no such file, folder or URL")


def _file_target(path: Path) -> Target | Rejection:
    try:
        fmt = format_of(path)
    except InputError as exc:
        return Rejection(exc.origin, exc.problem)
    return Target(str(path), fmt, count_lines(path) if fmt == "jsonl" else 1)


def read(target: Target, config: Config, web: Web | None = None) -> Iterator[RawInput | Rejection]:
    """The raw inputs of one target; a target that cannot be read at all is one Rejection."""
    try:
        if target.fmt == "url":
            yield from _read_url(target.location, web or Web(config))
        elif target.fmt == "jsonl":
            yield from corpus_lines(Path(target.location), config.max_input_bytes)
        elif target.fmt == "feed":
            yield from feed_entries(
                read_bytes(Path(target.location), config.max_input_bytes), target.location
            )
        else:
            yield read_file(Path(target.location), config, fmt=target.fmt)
    except InputError as exc:
        yield Rejection(exc.origin, exc.problem)


def read_file(path: Path, config: Config, fmt: str | None = None) -> RawInput:
    """One file as a single raw input (txt, md, html, pdf); InputError if it cannot be read."""
    fmt = fmt or format_of(path)
    if fmt in ("jsonl", "feed"):
        raise InputError(str(path), f"holds many documents ({fmt}); ingest it with `flankwatch ingest`")
    return RawInput(str(path), path.name, fmt, read_bytes(path, config.max_input_bytes))


def _read_url(url: str, web: Web) -> Iterator[RawInput]:
    answer = web.get(url)
    fmt = sniff(answer.body[:4096], answer.content_type)
    if fmt == "feed":
        yield from feed_entries(answer.body, url)
        return
    name = slug(answer.url.rstrip("/").rsplit("/", 1)[-1] or answer.url)
    yield RawInput(url, name, fmt, answer.body, Declared(url=answer.url, date_source="metadata"))
