"""The digest as data: what the templates show, already worded and numbered.

Templates only lay it out; everything that needs judgement (which event
leads, which sources are cited, what the numbers say) is decided in Python.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of running text, optionally followed by source numbers; `quote` is
    the sentence that states it (a tooltip in HTML)."""

    text: str
    refs: tuple[int, ...] = ()
    quote: str = ""
    end: str = ""  # punctuation after the source numbers: "… 3,000 troops [1]."


@dataclass(frozen=True, slots=True)
class Quote:
    """An evidence sentence and the numbered source it comes from."""

    ref: int
    publisher: str
    text: str
    grade: str = ""  # the report's Admiralty grade, e.g. B2


@dataclass(frozen=True, slots=True)
class Bullet:
    """One event (or item to watch): when, where, what, how many, and from whom."""

    when: str
    where: str
    title: str
    numbers: tuple[Span, ...]
    refs: tuple[int, ...]
    quotes: tuple[Quote, ...]
    level: int
    notes: tuple[str, ...] = ()
    disputes: tuple[Span, ...] = ()  # one count, different figures: each with who gives it
    standing: str = ""  # "3 independent sources · best A1 · confidence 0.95"


@dataclass(frozen=True, slots=True)
class WatchGroup:
    kind: str
    title: str
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True, slots=True)
class ResponseLine:
    title: str
    rationale: str


@dataclass(frozen=True, slots=True)
class ChartDay:
    label: str
    value: float | None


@dataclass(frozen=True, slots=True)
class Chart:
    """One indicator series over the week's days, with the baseline to compare."""

    title: str
    unit: str
    days: tuple[ChartDay, ...]
    baseline: float | None
    refs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TheatreRow:
    code: str
    name: str
    level: int
    level_name: str
    verdict: str
    arrow: str
    reason: str
    responses: tuple[str, ...] = ()  # titles of the response options for the level reached


@dataclass(frozen=True, slots=True)
class Section:
    """One domain of the digest."""

    domain: str
    title: str
    headline: str
    verdict: str
    verdict_line: str
    level: int
    level_name: str
    moves: str
    lead: tuple[Span, ...]
    bullets: tuple[Bullet, ...]
    charts: tuple[Chart, ...]
    watch: tuple[WatchGroup, ...]
    responses: tuple[ResponseLine, ...]


@dataclass(frozen=True, slots=True)
class SourceEntry:
    ref: int
    publisher: str
    title: str
    url: str
    published: str
    reliability: str = "F"  # the publisher's Admiralty letter
    kind: str = ""  # official, wire, … (data/publishers.yaml)
    copy_of: int = 0  # the source number of the original this document near-duplicates, 0 if none


@dataclass(frozen=True, slots=True)
class DigestView:
    week: str
    title: str
    subtitle: str
    period: str
    note: str
    theatres: tuple[TheatreRow, ...]
    sections: tuple[Section, ...]
    sources: tuple[SourceEntry, ...]
