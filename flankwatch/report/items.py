"""The week's happenings for the digest: mentions grouped into items.

An item is one happening: the mentions of one fused event that fall in the
week. Events come from the caller (the store's fusion); mentions no event
covers are fused here, so the digest never lists one happening twice.
An item occurred when at least one of its mentions may move a level; an item
carried only by the adversary's state media, or stated as planned,
threatened, claimed or considered, goes to "what to watch".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flankwatch.assess import Placed, Rules, watch_kind
from flankwatch.fuse import fuse, lead_mention
from flankwatch.records import Document, Event, Mention


@dataclass(frozen=True, slots=True)
class Item:
    """One happening of the week, with every mention that reports it."""

    members: tuple[Mention, ...]
    lead: Mention
    day: date
    domain: str
    level: int
    kind: str  # occurred, planned, threatened, claimed, hypothetical
    state_media_only: bool
    state_media_docs: frozenset[str] = frozenset()  # documents of the adversary's state media

    @property
    def reports(self) -> int:
        return len({m.doc for m in self.members})


def week_items(
    placed: Sequence[Placed], events: Sequence[Event], documents: Mapping[str, Document], rules: Rules
) -> list[Item]:
    """Items of one week (its placed mentions), ordered by day, then level."""
    candidates = {p.mention.id: p for p in placed if p.domain is not None and _kind(p, rules) is not None}
    event_of = {mid: e.id for e in events for mid in e.mention_ids if mid in candidates}
    groups: dict[str, list[Placed]] = defaultdict(list)
    for mid, event_id in event_of.items():
        groups[event_id].append(candidates[mid])
    loose = [p.mention for mid, p in candidates.items() if mid not in event_of]
    for event in fuse(loose, documents):
        groups[event.id].extend(candidates[mid] for mid in event.mention_ids)
    items = [_item(members, rules) for members in groups.values()]
    return sorted(items, key=lambda i: (i.day, -i.level, i.lead.id))


def _kind(p: Placed, rules: Rules) -> str | None:
    return "occurred" if p.moves else watch_kind(p, rules)


def _item(members: list[Placed], rules: Rules) -> Item:
    moving = [p for p in members if p.moves]
    speaking = moving or members
    lead = lead_mention([p.mention for p in speaking])
    lead_placed = next(p for p in speaking if p.mention.id == lead.id)
    return Item(
        members=tuple(sorted((p.mention for p in members), key=lambda m: m.id)),
        lead=lead,
        day=lead_placed.day,
        domain=lead_placed.domain or "",
        level=max((p.rule.level for p in speaking if p.rule), default=0),
        kind="occurred" if moving else (_kind(lead_placed, rules) or "hypothetical"),
        state_media_only=all(p.state_media for p in members),
        state_media_docs=frozenset(p.mention.doc for p in members if p.state_media),
    )
