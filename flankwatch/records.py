"""Typed records that flow between the stages.

Every stage takes records and returns new ones; nothing is mutated in place.
Tuples (not lists) keep the records hashable and frozen.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id derived from content, so reruns produce the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested text with its metadata.

    `id` is derived from the normalised text alone, so the same text ingested
    twice (or syndicated under two URLs) is one document.
    `date_source` says where `published` came from: metadata, front_matter,
    html, feed, cli, or none.
    """

    id: str
    name: str  # file base name, or a short name for corpus/feed items
    text: str
    language: str  # ISO 639-1: en, ru, pl, lt, lv, uk, be, et
    published: date | None = None
    date_source: str = "none"
    title: str = ""
    publisher: str = ""
    url: str = ""
    origin: str = ""  # the path or URL it was read from
    fmt: str = "txt"  # txt, md, html, pdf, jsonl, feed


@dataclass(frozen=True, slots=True)
class Evidence:
    """Character offsets into the document text, and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    id: str | None = None  # gazetteer id


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as the text states it; see ontology.md for units and periods."""

    value: float
    unit: str
    value_max: float | None = None
    qualifier: str = "exact"  # exact, about, up_to, at_least, more_than, less_than
    period: str | None = None  # day, week, month, year, span, total
    period_days: int | None = None
    evidence: Evidence | None = None

    def to_json(self) -> dict[str, Any]:
        """The number, its unit and its period, without the evidence (keep fields stable)."""
        return {
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "period": self.period,
            "period_days": self.period_days,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as stated in one place of one document."""

    doc: str  # Document.name for stateless extraction; Document.id in the store
    type: str
    evidence: Evidence
    subtype: str | None = None
    modality: str = "occurred"
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None  # day, week, month, quarter, year
    date_source: str = "text"  # text, or publication when the text gives none
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: Place | None = None
    theatre: str = "REGION"
    quantities: tuple[Quantity, ...] = ()
    casualties: tuple[Quantity, ...] = ()
    confidence: float = 0.5
    language: str = "en"

    @property
    def id(self) -> str:
        return content_id(self.doc, self.type, self.subtype, self.evidence.start, self.evidence.end)

    def to_json(self) -> dict[str, Any]:
        """The stable scripting interface of `flankwatch extract` (keep fields stable)."""
        return {
            "doc": self.doc,
            "type": self.type,
            "subtype": self.subtype,
            "modality": self.modality,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "actors": list(self.actors),
            "targets": list(self.targets),
            "place": asdict(self.place) if self.place else None,
            "theatre": self.theatre,
            "quantities": [q.to_json() for q in self.quantities],
            "casualties": [q.to_json() for q in self.casualties],
            "evidence": {"start": self.evidence.start, "end": self.evidence.end, "text": self.evidence.text},
            "confidence": round(self.confidence, 3),
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be ingested, and why."""

    origin: str
    problem: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Event:
    """One happening, fused from one or more mentions."""

    id: str
    type: str
    modality: str
    theatre: str
    mention_ids: tuple[str, ...]
    subtype: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    place: Place | None = None
    quantities: tuple[Quantity, ...] = ()
    actors: tuple[str, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class IndicatorPoint:
    """One number per day, theatre, type, unit and source document."""

    day: date
    theatre: str
    type: str
    unit: str
    value: float
    period: str | None
    doc: str
    mention_id: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a level was reached: a mention and a one-line explanation."""

    text: str
    mention_id: str | None = None
    doc: str | None = None
    level: int = 0


@dataclass(frozen=True, slots=True)
class Assessment:
    """A week's level on the escalation ladder for one theatre and domain."""

    week: str  # ISO week, e.g. 2024-W12
    theatre: str
    domain: str  # security, migration, military, political
    level: int
    previous_level: int
    verdict: str  # escalated, unchanged, de-escalated
    reasons: tuple[Reason, ...] = ()
    rules_version: str = "v1"
    responses: tuple[str, ...] = field(default=())


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
