"""Backtest: the assessment run over a period, its levels and verdicts per theatre and week.

Used to see whether the verdicts over a period tell a story an analyst would
recognise — a surge escalates, its end de-escalates, a steady week is
unchanged — and to compare rule versions on the same data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flankwatch.assess.rules import SECURITY
from flankwatch.records import Assessment


@dataclass(frozen=True, slots=True)
class BacktestCell:
    """One theatre in one week: its level, verdict and the first reason."""

    week: str
    theatre: str
    level: int
    previous_level: int
    verdict: str
    reason: str


@dataclass(frozen=True, slots=True)
class Backtest:
    """Levels and verdicts per theatre and week for one domain, under one rules version."""

    weeks: tuple[str, ...]
    theatres: tuple[str, ...]  # highest level reached first
    domain: str
    rules_version: str
    cells: Mapping[tuple[str, str], BacktestCell]  # (theatre, week) -> cell

    def cell(self, theatre: str, week: str) -> BacktestCell | None:
        return self.cells.get((theatre, week))

    def moves(self) -> list[BacktestCell]:
        """Every escalation and de-escalation, in time order."""
        moved = [c for c in self.cells.values() if c.verdict != "unchanged"]
        return sorted(moved, key=lambda c: (c.week, -c.level, c.theatre))

    def verdict_counts(self) -> dict[str, int]:
        counts = Counter(c.verdict for c in self.cells.values())
        return {v: counts.get(v, 0) for v in ("escalated", "unchanged", "de-escalated")}

    def peak(self, theatre: str) -> BacktestCell | None:
        """The theatre's highest level over the period (its first week at that level)."""
        found = [c for c in self.cells.values() if c.theatre == theatre]
        return min(found, key=lambda c: (-c.level, c.week)) if found else None


def backtest(assessments: Sequence[Assessment], weeks: Sequence[str], *, domain: str = SECURITY) -> Backtest:
    """Arrange assessments (of `assess_weeks` over `weeks`) as a theatre × week grid for one domain."""
    chosen = [a for a in assessments if a.domain == domain and a.week in set(weeks)]
    cells = {
        (a.theatre, a.week): BacktestCell(
            a.week, a.theatre, a.level, a.previous_level, a.verdict, _first_reason(a)
        )
        for a in chosen
    }
    peaks = {t: max(c.level for c in cells.values() if c.theatre == t) for t, _ in cells}
    theatres = tuple(sorted(peaks, key=lambda t: (-peaks[t], t)))
    versions = sorted({a.rules_version for a in chosen})
    return Backtest(tuple(weeks), theatres, domain, ", ".join(versions) or "-", cells)


def _first_reason(a: Assessment) -> str:
    """The reason that decided the level (the verdict's own sentence comes last)."""
    deciding = [r for r in a.reasons[:-1] if r.level == a.level] or list(a.reasons[:1])
    return deciding[0].text if deciding else ""
