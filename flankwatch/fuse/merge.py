"""Build one Event from a cluster of compatible mentions.

The event takes its date and place from its most precise mention, one number
per unit and period (the lower median of what the sources say, so one
outlying report does not set it), the union of actors, and a confidence that
grows with independent documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from flankwatch.records import Document, Event, Mention, Place, Quantity, content_id

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_MAX_CONFIDENCE = 0.99


def lead_mention(members: Sequence[Mention]) -> Mention:
    """The mention that speaks for the event: precise date, numbers, confidence."""

    def rank(m: Mention) -> tuple[int, int, int, float, str]:
        dated = 0 if m.date_start is not None else 1
        precision = _PRECISION_RANK.get(m.date_precision or "", 5)
        return (dated, precision, -len(m.quantities), -m.confidence, m.id)

    return min(members, key=rank)


def build_event(members: Sequence[Mention], documents: Mapping[str, Document] | None = None) -> Event:
    """One event for a cluster; its id derives from its mention ids only."""
    ids = tuple(sorted({m.id for m in members}))
    lead = lead_mention(members)
    return Event(
        id=content_id("event", *ids),
        type=lead.type,
        modality=lead.modality,
        theatre=lead.theatre,
        mention_ids=ids,
        subtype=_most_common(m.subtype for m in members),
        date_start=lead.date_start,
        date_end=(lead.date_end or lead.date_start) if lead.date_start else None,
        place=lead.place or _common_place(members),
        quantities=merged_quantities(members),
        actors=tuple(sorted({a for m in members for a in m.actors})),
        confidence=corroborated_confidence(members),
    )


def merged_quantities(members: Sequence[Mention]) -> tuple[Quantity, ...]:
    """One quantity per unit and period: the lower median of the reports."""
    groups: dict[tuple[str, str | None, int | None], list[Quantity]] = defaultdict(list)
    for mention in members:
        for q in mention.quantities:
            groups[(q.unit, q.period, q.period_days)].append(q)
    chosen = []
    for key in sorted(groups, key=lambda k: (k[0], k[1] or "", k[2] or 0)):
        values = sorted(groups[key], key=lambda q: (q.value, q.value_max or q.value, q.qualifier))
        chosen.append(values[(len(values) - 1) // 2])
    return tuple(chosen)


def corroborated_confidence(members: Sequence[Mention]) -> float:
    """1 − Π(1 − c) over documents, each document counted once at its best.

    Two mentions in one article are one source; two articles corroborate.
    """
    best: dict[str, float] = {}
    for m in members:
        best[m.doc] = max(best.get(m.doc, 0.0), min(max(m.confidence, 0.0), 1.0))
    doubt = 1.0
    for confidence in best.values():
        doubt *= 1.0 - confidence
    return round(min(1.0 - doubt, _MAX_CONFIDENCE), 3)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _common_place(members: Sequence[Mention]) -> Place | None:
    places = [m.place for m in members if m.place is not None]
    if not places:
        return None
    counts = Counter(p.name for p in places)
    name = min(counts, key=lambda n: (-counts[n], n))
    return next(p for p in places if p.name == name)
