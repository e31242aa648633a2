"""Build one Event from a cluster of compatible mentions.

The event takes its date and place from its lead mention — what an
independent source asserts, most precisely dated, with numbers — one number
per count (the figure of the most reliable source that asserts it; without
sources, the lower median of what the reports say, so one outlier does not
set it), the union of actors, and its modality: occurred when anyone asserts
it occurred, else claimed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from flankwatch.fuse.compat import period_key, quantities_close
from flankwatch.fuse.model import reliability_rank
from flankwatch.fuse.provenance import Source
from flankwatch.records import Event, Mention, Place, Quantity, content_id

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_MAX_CONFIDENCE = 0.99

SourceOf = Callable[[str], Source]  # document id -> its source


def lead_mention(members: Sequence[Mention], source_of: SourceOf | None = None) -> Mention:
    """The mention that speaks for the event.

    Preferred, in order: asserted rather than relayed as a claim; from a source
    other than the adversary's own; from a more reliable source; dated, and
    precisely; with numbers; with higher extraction confidence.
    """

    def rank(m: Mention) -> tuple[int, int, int, int, int, int, float, str]:
        source = source_of(m.doc) if source_of else None
        return (
            1 if m.modality == "claimed" else 0,
            1 if source is not None and source.adversary else 0,
            reliability_rank(source.reliability) if source else 3,
            0 if m.date_start is not None else 1,
            _PRECISION_RANK.get(m.date_precision or "", 5),
            -len(m.quantities),
            -m.confidence,
            m.id,
        )

    return min(members, key=rank)


def build_event(
    members: Sequence[Mention], source_of: SourceOf | None = None, confidence: float = 0.5
) -> Event:
    """One event for a cluster; its id derives from its mention ids only."""
    ids = tuple(sorted({m.id for m in members}))
    lead = lead_mention(members, source_of)
    return Event(
        id=content_id("event", *ids),
        type=lead.type,
        modality=lead.modality,  # occurred whenever anyone asserts it: the lead prefers assertions
        theatre=lead.theatre,
        mention_ids=ids,
        subtype=_most_common(m.subtype for m in members),
        date_start=lead.date_start,
        date_end=(lead.date_end or lead.date_start) if lead.date_start else None,
        place=lead.place or _common_place(members),
        quantities=merged_quantities(members, source_of),
        actors=tuple(sorted({a for m in members for a in m.actors})),
        confidence=confidence,
    )


def merged_quantities(members: Sequence[Mention], source_of: SourceOf | None = None) -> tuple[Quantity, ...]:
    """One quantity per count (unit and period).

    A mention that gives several figures for one count (a total and its parts)
    speaks for its largest. With sources, the figure chosen is the one stated
    by the most reliable source that asserts it (the adversary's own figures
    only when nobody else gives one), then by the most independent sources,
    then the lower; without sources, the lower median of all reports.
    """
    groups: dict[tuple[str, tuple[str | None, int | None]], list[tuple[Quantity, Mention]]] = defaultdict(
        list
    )
    for mention in members:
        for q in own_figures(mention):
            groups[(q.unit, period_key(q))].append((q, mention))
    chosen = []
    for key in sorted(groups, key=lambda k: (k[0], str(k[1]))):
        stated = groups[key]
        if source_of is not None:
            chosen.append(_best_supported(stated, source_of))
            continue
        values = sorted((q for q, _ in stated), key=lambda q: (q.value, q.value_max or q.value, q.qualifier))
        chosen.append(values[(len(values) - 1) // 2])
    return tuple(chosen)


def own_figures(mention: Mention) -> list[Quantity]:
    """The mention's quantities, one per count: the largest where it gives several (a total and its parts)."""
    best: dict[tuple[str, tuple[str | None, int | None]], Quantity] = {}
    for q in mention.quantities:
        key = (q.unit, period_key(q))
        if key not in best or (q.value_max or q.value, q.value) > (
            best[key].value_max or best[key].value,
            best[key].value,
        ):
            best[key] = q
    return [q for q in mention.quantities if best[(q.unit, period_key(q))] is q]


def _best_supported(stated: list[tuple[Quantity, Mention]], source_of: SourceOf) -> Quantity:
    def standing(m: Mention) -> tuple[int, int, int]:
        source = source_of(m.doc)
        return (
            1 if m.modality == "claimed" else 0,
            int(source.adversary),
            reliability_rank(source.reliability),
        )

    def rank(pair: tuple[Quantity, Mention]) -> tuple[tuple[int, int, int], int, float, float, str]:
        q, m = pair
        backers = [(x, y) for x, y in stated if quantities_close(q, x)]
        support = len({source_of(y.doc).key for _, y in backers})
        best = min(standing(y) for _, y in backers)
        return (best, -support, q.value, q.value_max or q.value, q.qualifier)

    return min(stated, key=rank)[0]


def corroborated_confidence(members: Sequence[Mention]) -> float:
    """1 − Π(1 − c) over documents of the extraction confidences, each document counted once at its best.

    How sure extraction is that someone reported the event at all; the event's
    own confidence weighs the sources (`admiralty.confidence`).
    """
    best: dict[str, float] = {}
    for m in members:
        best[m.doc] = max(best.get(m.doc, 0.0), min(max(m.confidence, 0.0), 1.0))
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
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
