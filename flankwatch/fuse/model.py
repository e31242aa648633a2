"""What fusion hands on beside each `Event`: its sources with their grades, and the figures they dispute.

`records.Event` is the shared, minimal record; `FusedEvent` wraps it with
what analysts need to trust it: every report that gave it (kept and linked,
copies marked), the Admiralty grade of each, and the disagreements.
"""

from __future__ import annotations

from dataclasses import dataclass

from flankwatch.records import Event

# Best first. F, "cannot be judged", is nobody's verdict on the source: it ranks
# with D, above E ("unreliable"), and below the sources someone has judged reliable.
_RELIABILITY_ORDER = {"A": 0, "B": 1, "C": 2, "F": 3, "D": 3, "E": 4}


def reliability_rank(letter: str) -> int:
    """0 for A (completely reliable) … 4 for E (unreliable); F ranks with D."""
    return _RELIABILITY_ORDER.get(letter, 3)


@dataclass(frozen=True, slots=True)
class EventSource:
    """One report of an event: a mention in a document, and its Admiralty grade."""

    mention_id: str
    doc: str
    publisher: str
    kind: str
    reliability: str  # A–F: the publisher's (data/publishers.yaml)
    credibility: int  # 1–6: this report's information, from corroboration and modality
    counted: bool  # False for a copy, or another report of a source already counted
    copy_of: str | None = None  # the original this document is a near-duplicate of
    syndicated_from: str | None = None  # the wire whose story this document re-runs
    modality: str = "occurred"
    adversary: bool = False  # the publisher speaks for a watched state

    @property
    def grade(self) -> str:
        """'B2': usually reliable source, probably true."""
        return f"{self.reliability}{self.credibility}"

    def rank(self) -> tuple[bool, int, int, str, str]:
        """The order an event lists its sources in: counted first, then the best graded, then by document."""
        return (
            not self.counted,
            reliability_rank(self.reliability),
            self.credibility,
            self.doc,
            self.mention_id,
        )


@dataclass(frozen=True, slots=True)
class Figure:
    """One number as some sources state it."""

    value: float
    value_max: float | None
    qualifier: str
    docs: tuple[str, ...]
    publishers: tuple[str, ...]
    grades: tuple[str, ...]  # the grade of each publisher's report, in the order of `publishers`


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Sources that give different numbers for one count of an event."""

    unit: str
    period: str | None
    period_days: int | None
    figures: tuple[Figure, ...]  # lowest first
    ratio: float  # highest over lowest figure (inf when the lowest is zero)
    major: bool  # beyond the fusion tolerance: a dispute, not a rounding

    def summary(self) -> str:
        """'9,300 (Polish Border Guard) against 9,350 (Baltic Wire Service)'."""
        parts = []
        for f in self.figures:
            amount = _number(f.value) + (f"–{_number(f.value_max)}" if f.value_max else "")
            parts.append(f"{amount} ({', '.join(f.publishers)})")
        return " against ".join(parts)


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """An event with its sources and disagreements."""

    event: Event
    sources: tuple[EventSource, ...]
    disagreements: tuple[Disagreement, ...] = ()
    lead: str = ""  # the id of the mention that speaks for the event (its date, place and wording)

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def independent(self) -> int:
        """How many independent sources report it (copies and repeats of one source count once)."""
        return sum(1 for s in self.sources if s.counted)

    @property
    def best(self) -> EventSource | None:
        """The report of most weight: best reliability, then best credibility (None without sources)."""
        if not self.sources:
            return None
        return min(
            self.sources, key=lambda s: (reliability_rank(s.reliability), s.credibility, s.doc, s.mention_id)
        )

    @property
    def adversary_only(self) -> bool:
        """Every source is the adversary's own (state media or officials)."""
        return all(s.adversary for s in self.sources)

    def source_of(self, mention_id: str) -> EventSource | None:
        return next((s for s in self.sources if s.mention_id == mention_id), None)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
