"""Fusion, first version: mentions of one happening become one event.

Steps of `fuse`:
1. drop repeated mentions (same content-derived id), so fusing twice the same
   input, or the input with itself, gives the same events;
2. block by type, modality and theatre: only mentions that agree on all three
   can be one event;
3. within a block, walk the mentions in a canonical order (earliest date, then
   id) and put each into the first cluster whose every member is compatible
   with it (dates overlap, numbers agree); else it starts a new cluster —
   complete linkage, so one vague mention cannot chain two distinct days;
4. build one `Event` per cluster (see `merge.py`).

Because step 3 walks a canonical order, the result depends only on the set of
mentions, never on the order they were given in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from flankwatch.fuse.compat import DEFAULT_TOLERANCE, compatible
from flankwatch.fuse.merge import build_event
from flankwatch.fuse.timing import mention_interval
from flankwatch.records import Document, Event, Mention


def fuse(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document] | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[Event]:
    """Cluster mentions into events; every mention ends up in exactly one event.

    `documents` (keyed like `Mention.doc`) give the publication date of
    mentions whose text has none. `tolerance` is the relative difference two
    numbers of the same unit and period may have and still count as one report.
    """
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for mention in _unique(mentions):
        blocks[(mention.type, mention.modality, mention.theatre)].append(mention)
    events = []
    for block in blocks.values():
        for members in _clusters(block, documents, tolerance):
            events.append(build_event(members, documents))
    return sorted(events, key=lambda e: (e.date_start or date.max, e.type, e.theatre, e.id))


def _unique(mentions: Sequence[Mention]) -> list[Mention]:
    """One mention per id; if two differ under one id, keep a canonical one."""
    chosen: dict[str, Mention] = {}
    for mention in mentions:
        current = chosen.get(mention.id)
        if current is None or repr(mention.to_json()) < repr(current.to_json()):
            chosen[mention.id] = mention
    return list(chosen.values())


def _clusters(
    block: list[Mention], documents: Mapping[str, Document] | None, tolerance: float
) -> list[list[Mention]]:
    def order(m: Mention) -> tuple[date, str]:
        interval = mention_interval(m, documents)
        return (interval[0] if interval else date.max, m.id)

    clusters: list[list[Mention]] = []
    for mention in sorted(block, key=order):
        home = next(
            (c for c in clusters if all(compatible(mention, o, documents, tolerance) for o in c)),
            None,
        )
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    return clusters
