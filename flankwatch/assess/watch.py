"""What to watch: the week's plans, threats, claims and options under consideration.

Kept apart from what occurred. A report that only the adversary's own sources
carry (state media, officials) is listed here as a claim, whatever its stated
modality, unless the rules let it move a level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flankwatch.assess.board import Placed, place_all
from flankwatch.assess.rulefile import load_rules
from flankwatch.assess.rules import Rules
from flankwatch.fuse import Sources
from flankwatch.records import Document, Mention

# The order in which the digest lists them.
WATCH_KINDS = ("planned", "threatened", "claimed", "hypothetical")


@dataclass(frozen=True, slots=True)
class WatchItem:
    """A mention to watch, found this week."""

    mention: Mention
    day: date  # when it was found (publication)
    kind: str  # planned, threatened, claimed, hypothetical
    domain: str | None
    adversary: bool  # reported by the adversary's own sources


def watch_list(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    week: str,
    *,
    rules: Rules | None = None,
    sources: Sources | None = None,
) -> list[WatchItem]:
    """The items to watch for an ISO week, in the order planned, threatened, claimed, hypothetical."""
    rules = rules or load_rules()
    placed = place_all(mentions, documents, rules, sources or Sources.build(documents)).get(week, [])
    items = []
    for p in placed:
        kind = watch_kind(p, rules)
        if kind is not None:
            items.append(WatchItem(p.mention, p.day, kind, p.domain, p.adversary))
    return sorted(items, key=lambda i: (WATCH_KINDS.index(i.kind), i.day, i.mention.id))


def watch_kind(p: Placed, rules: Rules) -> str | None:
    """The watch list a placed mention belongs to, or None for what occurred.

    An occurred report the rules keep from moving a level (the adversary's own
    sources alone) is a claim; an occurred mention the rules cannot rate
    (unknown type) is neither.
    """
    if p.mention.modality in rules.moving_modalities:
        return "claimed" if p.adversary and not p.moves and p.rule is not None else None
    return p.mention.modality if p.mention.modality in WATCH_KINDS else "hypothetical"
