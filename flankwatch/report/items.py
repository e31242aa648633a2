"""The week's happenings for the digest: mentions grouped into items.

An item is one happening: the mentions of one fused event that fall in the
week, with the event itself (its graded sources and disputed figures).
Events come from the caller (the store's fusion); mentions no event covers
are fused here, so the digest never lists one happening twice.
An item occurred when at least one of its mentions may move a level; an item
carried only by the adversary's own sources, or stated as planned,
threatened, claimed or considered, goes to "what to watch".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flankwatch.assess import Placed, Rules, watch_kind
from flankwatch.fuse import FusedEvent, Sources, fuse_events, lead_mention
from flankwatch.records import Document, Mention


@dataclass(frozen=True, slots=True)
class Item:
    """One happening of the week, with every mention that reports it."""

    members: tuple[Mention, ...]
    lead: Mention
    day: date
    domain: str
    level: int
    kind: str  # occurred, planned, threatened, claimed, hypothetical
    adversary_only: bool  # only the adversary's own sources report it
    adversary_docs: frozenset[str] = frozenset()  # documents of the adversary's own sources
    event: FusedEvent | None = None  # the fused event the members belong to

    @property
    def reports(self) -> int:
        return len({m.doc for m in self.members})


def week_items(
    placed: Sequence[Placed],
    events: Sequence[FusedEvent],
    documents: Mapping[str, Document],
    rules: Rules,
    sources: Sources,
) -> list[Item]:
    """Items of one week (its placed mentions), ordered by day, then level."""
    candidates = {p.mention.id: p for p in placed if p.domain is not None and _kind(p, rules) is not None}
    by_id = {e.id: e for e in events}
    event_of = {mid: e.id for e in events for mid in e.event.mention_ids if mid in candidates}
    groups: dict[str, list[Placed]] = defaultdict(list)
    for mid, event_id in event_of.items():
        groups[event_id].append(candidates[mid])
    loose = [p.mention for mid, p in candidates.items() if mid not in event_of]
    for fused in fuse_events(loose, documents, sources=sources):
        by_id[fused.id] = fused
        groups[fused.id].extend(candidates[mid] for mid in fused.event.mention_ids)
    items = [_item(members, rules, sources, by_id.get(event_id)) for event_id, members in groups.items()]
    return sorted(items, key=lambda i: (i.day, -i.level, i.lead.id))


def _kind(p: Placed, rules: Rules) -> str | None:
    return "occurred" if p.moves else watch_kind(p, rules)


def _item(members: list[Placed], rules: Rules, sources: Sources, event: FusedEvent | None) -> Item:
    moving = [p for p in members if p.moves]
    speaking = moving or members
    lead = lead_mention([p.mention for p in speaking], sources.of)
    lead_placed = next(p for p in speaking if p.mention.id == lead.id)
    level = max((p.rule.level for p in speaking if p.rule), default=0)
    if event is not None and moving:
        level = min(level, rules.cap_for(event.event.confidence))  # as the assessment counts it
    return Item(
        members=tuple(sorted((p.mention for p in members), key=lambda m: m.id)),
        lead=lead,
        day=lead_placed.day,
        domain=lead_placed.domain or "",
        level=level,
        kind="occurred" if moving else (_kind(lead_placed, rules) or "hypothetical"),
        adversary_only=all(p.adversary for p in members),
        adversary_docs=frozenset(p.mention.doc for p in members if p.adversary),
        event=event,
    )
