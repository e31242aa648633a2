"""Publishers and their Admiralty source reliability (flankwatch/data/publishers.yaml).

`load_publishers()` reads and validates the file; `Publishers.match(doc)`
finds a document's publisher by name, alias or web address. A publisher not
listed is graded F, "reliability cannot be judged".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flankwatch.errors import DataFileError
from flankwatch.fuse.datafile import need, packaged, read_yaml
from flankwatch.records import Document

RELIABILITY = ("A", "B", "C", "D", "E", "F")
UNKNOWN = "F"
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_KEYS = {"name", "kind", "country", "reliability", "aliases", "domains"}


def normalise_name(text: str) -> str:
    """'BelTA (Minsk)' → 'belta minsk': case and punctuation do not tell publishers apart."""
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of publisher; `adversary` kinds speak for the states being watched."""

    name: str
    adversary: bool
    about: str


@dataclass(frozen=True, slots=True)
class Publisher:
    """One organisation that publishes, with its reliability letter."""

    name: str
    kind: str
    reliability: str
    country: str | None = None
    aliases: frozenset[str] = frozenset()  # normalised, the name included
    domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Publishers:
    """The publishers file, validated: kinds, reliability meanings and the publishers."""

    version: int
    reliability: dict[str, str]  # letter -> meaning
    kinds: dict[str, Kind]
    entries: tuple[Publisher, ...]

    def match(self, doc: Document | None) -> Publisher | None:
        """The listed publisher of a document: by name or alias first, then by URL host."""
        if doc is None:
            return None
        name = normalise_name(doc.publisher)
        if name:
            for entry in self.entries:
                if any(name == a or name.startswith(a + " ") for a in entry.aliases):
                    return entry
        host = (urlsplit(doc.url).hostname or "").lower() if doc.url else ""
        if host:
            for entry in self.entries:
                if any(host == d or host.endswith("." + d) for d in entry.domains):
                    return entry
        return None

    def by_name(self, text: str) -> Publisher | None:
        """The listed publisher a name or alias stands for ("BelTA", "Straż Graniczna")."""
        name = normalise_name(text)
        return next((e for e in self.entries if name and name in e.aliases), None)

    def meaning(self, letter: str) -> str:
        return self.reliability.get(letter, letter)

    def is_adversary(self, publisher: Publisher | None) -> bool:
        return publisher is not None and self.kinds[publisher.kind].adversary


@lru_cache(maxsize=4)
def load_publishers(path: Path | None = None) -> Publishers:
    """The packaged publishers file, or a user file of the same shape."""
    where = path or packaged("publishers.yaml")
    name = str(where)
    raw = read_yaml(where)
    letters = {str(k): str(v) for k, v in need(raw, "reliability", dict, name).items()}
    if tuple(sorted(letters)) != RELIABILITY:
        raise DataFileError(name, f"reliability must define exactly the letters {', '.join(RELIABILITY)}")
    kinds = {
        str(k): _kind(str(k), v, f"{name} -> kinds -> {k}") for k, v in need(raw, "kinds", dict, name).items()
    }
    entries = tuple(
        _publisher(entry, kinds, f"{name} -> publishers[{i}]")
        for i, entry in enumerate(need(raw, "publishers", list, name))
    )
    _check_unique(entries, name)
    return Publishers(int(need(raw, "version", int, name)), letters, kinds, entries)


def _kind(key: str, raw: Any, where: str) -> Kind:
    if not isinstance(raw, dict):
        raise DataFileError(where, "must be a mapping with adversary and about")
    return Kind(key, bool(need(raw, "adversary", bool, where)), str(raw.get("about", "")))


def _publisher(raw: Any, kinds: dict[str, Kind], where: str) -> Publisher:
    if not isinstance(raw, dict):
        raise DataFileError(where, "each publisher must be a mapping with name, kind and reliability")
    unknown = set(raw) - _KEYS
    if unknown:
        raise DataFileError(where, f"unknown keys {sorted(unknown)} (known: {', '.join(sorted(_KEYS))})")
    name = need(raw, "name", str, where)
    kind = need(raw, "kind", str, where)
    if kind not in kinds:
        raise DataFileError(where, f"{name}: kind {kind!r} is not defined (defined: {', '.join(kinds)})")
    letter = need(raw, "reliability", str, where)
    if letter not in RELIABILITY:
        raise DataFileError(where, f"{name}: reliability {letter!r} is not one of {', '.join(RELIABILITY)}")
    aliases = {normalise_name(name), *(normalise_name(str(a)) for a in raw.get("aliases") or ())}
    aliases.discard("")
    return Publisher(
        name=name,
        kind=kind,
        reliability=letter,
        country=raw.get("country"),
        aliases=frozenset(aliases),
        domains=tuple(str(d).lower() for d in raw.get("domains") or ()),
    )


def _check_unique(entries: tuple[Publisher, ...], where: str) -> None:
    owner: dict[str, str] = {}
    for entry in entries:
        for alias in entry.aliases:
            if alias in owner and owner[alias] != entry.name:
                raise DataFileError(where, f"alias {alias!r} names both {owner[alias]} and {entry.name}")
            owner[alias] = entry.name
