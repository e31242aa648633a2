"""`assess_weeks`: levels, verdicts, reasons and response options per week.

Steps:
1. fuse the mentions into events with their graded sources (unless given),
   build the indicators (unless given), place and rate every mention and event;
2. for each indicator rule, its weekly series against the rule's baseline;
3. for each requested week, compute the levels of that week and of the weeks
   the verdict looks back on (remembered, so a run over many weeks is linear),
   with the levels the rules hold from earlier weeks' lasting moves;
4. assess every theatre active this week, and every theatre that stood above
   baseline in the carry-over weeks (so that its calming down is said);
5. per theatre: security (overall) and each domain that is active, or stood
   above baseline in the carry-over weeks;
6. verdict: escalated above every one of the look-back weeks, de-escalated
   below last week, unchanged otherwise; the weeks before the first data are
   unknown, not calm;
7. response options from the catalogue for the domain and level reached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flankwatch.assess.board import PlacedEvent, place_all, place_events
from flankwatch.assess.levels import DomainLevel, Held, Key, week_levels
from flankwatch.assess.responses import Catalogue, load_catalogue
from flankwatch.assess.rulefile import load_rules
from flankwatch.assess.rules import SECURITY, Rules
from flankwatch.assess.signals import Signals
from flankwatch.assess.text import join_levels
from flankwatch.fuse import FusedEvent, Sources, fuse_events
from flankwatch.indicators import Indicators, build_indicators
from flankwatch.records import Assessment, Document, Mention, Reason
from flankwatch.weeks import parse_week, previous_week, weeks_between

ESCALATED, UNCHANGED, DEESCALATED = "escalated", "unchanged", "de-escalated"
_HOLDING_PRECISION = ("day", "week")


def assess_weeks(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    weeks: Sequence[str],
    *,
    rules: Rules | None = None,
    catalogue: Catalogue | None = None,
    sources: Sources | None = None,
    events: Sequence[FusedEvent] | None = None,
    indicators: Indicators | None = None,
) -> list[Assessment]:
    """Assess each ISO week in `weeks` from all the mentions given.

    Pass the mentions of the weeks before too: the verdict and the baselines
    compare with them. `documents` are keyed like `Mention.doc`. `sources`,
    `events` and `indicators` are built from the mentions when not given
    (the pipeline passes the ones it stores).
    """
    for week in weeks:
        parse_week(week)  # a malformed week is a usage error, named
    rules = rules or load_rules()
    catalogue = catalogue or load_catalogue()
    sources = sources or Sources.build(documents)
    events = list(events) if events is not None else fuse_events(mentions, documents, sources=sources)
    covered = _covered_weeks(documents, weeks)
    indicators = indicators or build_indicators(mentions, documents, events, covered, sources=sources)
    placed = place_all(mentions, documents, rules, sources)
    board = _Board(
        place_events(events, placed, rules),
        Signals.build(
            rules, indicators, covered, lambda doc: sources.of(doc).kind not in rules.sources.not_alone
        ),
        rules,
        min(placed) if placed else None,
    )
    out: list[Assessment] = []
    for week in dict.fromkeys(weeks):
        out.extend(_assess_week(board, week, catalogue))
    return out


def _covered_weeks(documents: Mapping[str, Document], weeks: Sequence[str]) -> list[str]:
    """The weeks from the first publication to the last (and the weeks asked for)."""
    days = [d.published for d in documents.values() if d.published is not None]
    span = weeks_between(min(days), max(days)) if days else []
    return sorted(set(span) | set(weeks))


@dataclass
class _Board:
    """Placed events and indicator signals, with the levels of each week remembered."""

    events: dict[str, list[PlacedEvent]]
    signals: Signals
    rules: Rules
    first_week: str | None
    _levels: dict[str, dict[Key, DomainLevel]] = field(default_factory=dict)

    def levels(self, week: str) -> dict[Key, DomainLevel]:
        if week not in self._levels:
            self._levels[week] = week_levels(
                self.events.get(week, []), self.held(week), self.signals, week, self.rules
            )
        return self._levels[week]

    def known(self, week: str) -> bool:
        """Whether the data reach back to this week (earlier weeks are unknown, not calm)."""
        return self.first_week is not None and week >= self.first_week

    def held(self, week: str) -> list[Held]:
        """Events of earlier weeks whose level the rules hold this week, unless a later event released them.

        Only an event dated to its day or week holds a level: a move known only
        by its month, or not dated at all, cannot say how long it has stood.
        """
        out = []
        for n in range(1, self.rules.max_hold_weeks + 1):
            since = previous_week(week, n)
            for e in self.events.get(since, []):
                lasting = e.moves and e.rule is not None and e.capped_from is None
                hold = e.rule.hold_weeks if lasting and e.rule is not None else 0
                dated = e.lead.mention.date_precision in _HOLDING_PRECISION
                if hold >= n and dated and not self._released(e, week, n):
                    out.append(Held(e, since))
        return out

    def _released(self, held: PlacedEvent, week: str, back: int) -> bool:
        for n in range(back, -1, -1):
            for e in self.events.get(previous_week(week, n), []):
                if (
                    e.moves
                    and e.theatre == held.theatre
                    and e.rule is not None
                    and held.fused.event.type in e.rule.releases
                    and e.lead.day > held.lead.day
                ):
                    return True
        return False


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
