"""The assessment's view of its input: every mention and every event placed in a week and rated.

A mention *moves* a level when it occurred, the rules rate its type, and its
source may move levels: not a kind the rules keep from moving a level alone
(the adversary's state media and officials), unless it is the adversary's own
threat or accusation, or (v2) its own declared military activity — and (v2)
when it counts something: "no incidents were recorded" reports an absence,
which the indicators count as a zero and the ladder does not climb on. An event
moves a level when any of its reports does; its level is the highest of those,
no higher than its confidence allows (v2: the top rungs need an event an
analyst would act on, not one uncorroborated report of middling standing).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flankwatch.assess.rules import LevelRule, Rules
from flankwatch.fuse import FusedEvent, Source, Sources, placement_day
from flankwatch.records import Document, Mention
from flankwatch.weeks import week_of


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention with the week it counts for and how the rules see it."""

    mention: Mention
    day: date
    week: str
    domain: str | None
    rule: LevelRule | None
    adversary: bool  # its source is of a kind that cannot move a level alone
    moves: bool  # it may move a level (see the module docstring)


@dataclass(frozen=True, slots=True)
class PlacedEvent:
    """A fused event in the week its lead report places it, with its level."""

    fused: FusedEvent
    lead: Placed
    members: tuple[Placed, ...]
    level: int  # the highest rule level among the reports that move (0 when none does), capped
    rule: LevelRule | None  # the rule that gave that level
    capped_from: int | None = None  # the rule's level, when the event's confidence is too low for it

    @property
    def moves(self) -> bool:
        return any(p.moves for p in self.members)

    @property
    def theatre(self) -> str:
        return self.fused.event.theatre

    @property
    def domain(self) -> str | None:
        return self.lead.domain

    @property
    def week(self) -> str:
        return self.lead.week


def place_all(
    mentions: Sequence[Mention], documents: Mapping[str, Document], rules: Rules, sources: Sources
) -> dict[str, list[Placed]]:
    """Every placeable mention, grouped by ISO week, in a stable order."""
    by_week: dict[str, list[Placed]] = defaultdict(list)
    for mention in sorted({m.id: m for m in mentions}.values(), key=lambda m: m.id):
        day = placement_day(mention, documents)
        if day is None:
            continue
        placed = _rate(mention, day, sources.of(mention.doc), rules)
        by_week[placed.week].append(placed)
    return dict(by_week)


def place_events(
    events: Sequence[FusedEvent], placed: Mapping[str, list[Placed]], rules: Rules
) -> dict[str, list[PlacedEvent]]:
    """Every event whose lead mention is placed, grouped by the lead's week.

    An event's level is the highest rule level among its reports that move,
    capped by its confidence where the rules ask a minimum for the top rungs.
    """
    by_id = {p.mention.id: p for week in placed.values() for p in week}
    by_week: dict[str, list[PlacedEvent]] = defaultdict(list)
    for fused in events:
        lead = by_id.get(fused.lead) or next((by_id[i] for i in fused.event.mention_ids if i in by_id), None)
        if lead is None:
            continue
        members = tuple(by_id[i] for i in fused.event.mention_ids if i in by_id)
        moving = [p for p in members if p.moves and p.rule is not None]
        top = max(
            moving,
            key=lambda p: (p.rule.level if p.rule else 0, p.mention.id == lead.mention.id),
            default=None,
        )
        rated = top.rule.level if top is not None and top.rule is not None else 0
        level = min(rated, rules.cap_for(fused.event.confidence))
        rule = top.rule if top else lead.rule
        by_week[lead.week].append(
            PlacedEvent(fused, lead, members, level, rule, rated if level < rated else None)
        )
    return {w: sorted(v, key=lambda e: (e.lead.day, e.fused.id)) for w, v in by_week.items()}


def may_move(
    mention: Mention, rule: LevelRule | None, domain: str | None, source: Source, rules: Rules
) -> bool:
    """Whether a report may move a level on its own (the module docstring)."""
    if mention.modality not in rules.moving_modalities or rule is None or domain is None:
        return False
    if not rules.zero_counts_move and _counts_nothing(mention):
        return False
    if source.kind not in rules.sources.not_alone:
        return True
    if mention.type in rules.sources.speech_acts:
        return True
    own = any(a in rules.adversaries for a in mention.actors)
    return own and mention.type in rules.sources.own_activity


def _counts_nothing(mention: Mention) -> bool:
    """'No violators were recorded': every figure of the report is zero, so it reports an absence."""
    return bool(mention.quantities) and all(q.value == 0 and not q.value_max for q in mention.quantities)


def _rate(mention: Mention, day: date, source: Source, rules: Rules) -> Placed:
    domain = rules.domain_of(mention.type)
    rule = rules.rule_for(mention)
    return Placed(
        mention=mention,
        day=day,
        week=week_of(day),
        domain=domain,
        rule=rule,
        adversary=source.kind in rules.sources.not_alone,
        moves=may_move(mention, rule, domain, source, rules),
    )
