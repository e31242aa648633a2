"""The working records of assembly: what is known of the document, and a trigger chosen for its type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flankwatch.extract.groups import Count
from flankwatch.extract.matching import Hit


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    language: str
    published: date | None


@dataclass
class Candidate:
    """A trigger chosen for its type, with what has been decided about it so far."""

    hit: Hit
    modality: str
    negated: bool
    counts: list[Count] = field(default_factory=list)
