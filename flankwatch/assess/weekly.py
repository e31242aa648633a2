"""`assess_weeks`: levels, verdicts, reasons and response options per week.

Steps:
1. place and rate every mention once (`board.place_all`), build the surge
   series from sources other than the adversary's state media;
2. for each requested week, compute the levels of that week and of the weeks
   the verdict looks back on (remembered, so a run over many weeks is linear);
3. assess every theatre active this week, and every theatre that stood above
   baseline in the carry-over weeks (so that its calming down is said);
4. per theatre: security (overall) and each domain that is active, or stood
   above baseline in the carry-over weeks;
5. verdict: escalated above every one of the look-back weeks, de-escalated
   below last week, unchanged otherwise; the weeks before the first data are
   unknown, not calm;
6. response options from the catalogue for the domain and level reached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flankwatch.assess.board import Placed, Series, build_series, place_all
from flankwatch.assess.levels import DomainLevel, Key, week_levels
from flankwatch.assess.media import StateMedia, load_state_media
from flankwatch.assess.responses import Catalogue, load_catalogue
from flankwatch.assess.rules import SECURITY, Rules, load_rules
from flankwatch.assess.text import join_levels
from flankwatch.records import Assessment, Document, Mention, Reason
from flankwatch.weeks import parse_week, previous_week

ESCALATED, UNCHANGED, DEESCALATED = "escalated", "unchanged", "de-escalated"


def assess_weeks(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    weeks: Sequence[str],
    *,
    rules: Rules | None = None,
    state_media: StateMedia | None = None,
    catalogue: Catalogue | None = None,
) -> list[Assessment]:
    """Assess each ISO week in `weeks` from all the mentions given.

    Pass the mentions of the weeks before too: the verdict and the migration
    baseline compare with them. `documents` are keyed like `Mention.doc`.
    """
    rules = rules or load_rules()
    state_media = state_media or load_state_media()
    catalogue = catalogue or load_catalogue()
    board = _Board(
        place_all(mentions, documents, rules, state_media),
        build_series(mentions, documents, rules, state_media),
        rules,
        documents,
    )
    out: list[Assessment] = []
    for week in dict.fromkeys(weeks):
        parse_week(week)  # a malformed week is a usage error, named
        out.extend(_assess_week(board, week, catalogue))
    return out


@dataclass
class _Board:
    """Placed mentions and series, with the levels of each week remembered."""

    placed: dict[str, list[Placed]]
    series: Series
    rules: Rules
    documents: Mapping[str, Document]
    _levels: dict[str, dict[Key, DomainLevel]] = field(default_factory=dict)

    def levels(self, week: str) -> dict[Key, DomainLevel]:
        if week not in self._levels:
            self._levels[week] = week_levels(
                self.placed.get(week, []), self.series, week, self.rules, self.documents
            )
        return self._levels[week]

    def known(self, week: str) -> bool:
        """Whether the data reach back to this week (earlier weeks are unknown, not calm)."""
        return bool(self.placed) and week >= min(self.placed)


def _assess_week(board: _Board, week: str, catalogue: Catalogue) -> list[Assessment]:
    rules = board.rules
    current = board.levels(week)
    lookback = max(rules.escalation_lookback_weeks, rules.carry_over_weeks)
    history = [
        board.levels(w) for w in (previous_week(week, n) for n in range(1, lookback + 1)) if board.known(w)
    ]
    carry = history[: rules.carry_over_weeks]
    theatres = {t for t, _ in current} | {
        t for levels in carry for (t, d), v in levels.items() if d == SECURITY and v.level > 0
    }
    out = []
    for theatre in sorted(theatres):
        for domain in rules.verdict_domains():
            key = (theatre, domain)
            if (
                domain != SECURITY
                and key not in current
                and not any(key in h and h[key].level > 0 for h in carry)
            ):
                continue
            now = current.get(key) or DomainLevel(
                0, (Reason("No occurred event reported this week", level=0),)
            )
            before = [h[key].level if key in h else 0 for h in history]
            out.append(
                _assessment(week, key, now, before[: rules.escalation_lookback_weeks], rules, catalogue)
            )
    return out


def _assessment(
    week: str, key: Key, now: DomainLevel, before: list[int], rules: Rules, catalogue: Catalogue
) -> Assessment:
    verdict, why = verdict_for(now.level, before, rules)
    return Assessment(
        week=week,
        theatre=key[0],
        domain=key[1],
        level=now.level,
        previous_level=before[0] if before else now.level,
        verdict=verdict,
        reasons=(*now.reasons, Reason(why, level=now.level)),
        rules_version=rules.version,
        responses=catalogue.for_level(key[1], now.level),
    )


def verdict_for(level: int, before: Sequence[int], rules: Rules) -> tuple[str, str]:
    """The verdict against the previous weeks' levels (most recent first), and why, in words."""
    name = f"level {level} ({rules.level_name(level)})"
    if not before:
        return UNCHANGED, f"{name}; first week of data, no earlier week to compare with"
    if level > max(before):
        return (
            ESCALATED,
            f"Escalated: {name} is above the previous {len(before)} week(s) ({join_levels(before)})",
        )
    if level < before[0]:
        return DEESCALATED, f"De-escalated: {name} is below last week's level {before[0]}"
    return UNCHANGED, f"Unchanged: {name}; previous week(s) {join_levels(before)}"
