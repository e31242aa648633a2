"""Fusion: mentions of one happening, across documents, become one event with every source.

Steps of `fuse_events`:
1. drop repeated mentions (same content-derived id), so fusing twice the same
   input, or the input with itself, gives the same events;
2. block by type, theatre and modality family (occurred and claimed together:
   what a party claims and what others report may be one happening);
3. within a block, walk the mentions in a canonical order (earliest date, then
   id) and put each into the first cluster whose every member is compatible
   with it (`compat.py`); else it starts a new cluster — complete linkage, so
   one vague mention cannot chain two distinct days;
4. grade every report (`admiralty.py`): the source's reliability, and the
   credibility from corroboration within the event and consistency with the
   events around it;
5. build one `FusedEvent` per cluster: the `Event` (`merge.py`) with its
   confidence, every source (copies and repeats of one source marked as not
   counted), and the disagreements (`disagree.py`).

Because step 3 walks a canonical order and steps 4–5 depend only on the
clusters, the result depends only on the set of mentions, never on their order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from flankwatch.fuse import admiralty
from flankwatch.fuse.compat import DEFAULT_TOLERANCE, compatible, modality_family
from flankwatch.fuse.disagree import disagreements
from flankwatch.fuse.merge import build_event, lead_mention
from flankwatch.fuse.model import EventSource, FusedEvent, reliability_rank
from flankwatch.fuse.provenance import Sources
from flankwatch.fuse.timing import mention_interval
from flankwatch.records import Document, Event, Mention

# Reports of the same type in the same theatre this close make a report consistent with others.
CONSISTENCY_DAYS = 7

Cluster = list[Mention]


def fuse(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document] | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    sources: Sources | None = None,
) -> list[Event]:
    """The events of `fuse_events`, without their sources and disagreements."""
    return [f.event for f in fuse_events(mentions, documents, tolerance=tolerance, sources=sources)]


def fuse_events(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document] | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    sources: Sources | None = None,
) -> list[FusedEvent]:
    """Cluster mentions into events; every mention ends up in exactly one event.

    `documents` (keyed like `Mention.doc`) give publication dates and
    publishers; `sources` (built from them when not given, near-duplicates
    detected on the way) say which documents are one source and how reliable.
    `tolerance` is the relative difference two figures of one count may have
    and still agree.
    """
    documents = documents or {}
    sources = sources or Sources.build(documents)
    blocks: dict[tuple[str, str, str], Cluster] = defaultdict(list)
    for mention in _unique(mentions):
        blocks[(mention.type, modality_family(mention.modality), mention.theatre)].append(mention)
    clusters = [c for block in blocks.values() for c in _clusters(block, documents, tolerance)]
    context = _Context.of(clusters, documents, sources)
    events = [_fused(n, c, context, tolerance) for n, c in enumerate(clusters)]
    return sorted(events, key=lambda f: (f.event.date_start or date.max, f.event.type, f.event.theatre, f.id))


def _unique(mentions: Sequence[Mention]) -> list[Mention]:
    """One mention per id; if two differ under one id, keep a canonical one."""
    chosen: dict[str, Mention] = {}
    for mention in mentions:
        current = chosen.get(mention.id)
        if current is None or repr(mention.to_json()) < repr(current.to_json()):
            chosen[mention.id] = mention
    return list(chosen.values())


def _clusters(block: Cluster, documents: Mapping[str, Document], tolerance: float) -> list[Cluster]:
    def order(m: Mention) -> tuple[date, str]:
        interval = mention_interval(m, documents)
        return (interval[0] if interval else date.max, m.id)

    clusters: list[Cluster] = []
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


class _Context:
    """Per cluster (by position): which non-adversary sources report its type and theatre nearby."""

    def __init__(
        self, sources: Sources, spans: list[tuple[date, date] | None], keys: list[frozenset[str]]
    ) -> None:
        self.sources = sources
        self._spans = spans
        self._keys = keys
        self._by_kind: dict[tuple[str, str], list[int]] = defaultdict(list)

    @classmethod
    def of(cls, clusters: list[Cluster], documents: Mapping[str, Document], sources: Sources) -> _Context:
        spans: list[tuple[date, date] | None] = []
        keys: list[frozenset[str]] = []
        for cluster in clusters:
            intervals = [i for i in (mention_interval(m, documents) for m in cluster) if i]
            spans.append((min(i[0] for i in intervals), max(i[1] for i in intervals)) if intervals else None)
            keys.append(
                frozenset(
                    sources.key(m.doc)
                    for m in cluster
                    if m.modality != "claimed" and not sources.of(m.doc).adversary
                )
            )
        context = cls(sources, spans, keys)
        for n, cluster in enumerate(clusters):
            context._by_kind[(cluster[0].type, cluster[0].theatre)].append(n)
        return context

    def consistent_keys(self, n: int, cluster: Cluster) -> frozenset[str]:
        """Keys of non-adversary sources asserting the same type and theatre in other events within a week."""
        span = self._spans[n]
        if span is None:
            return frozenset()
        slack = timedelta(days=CONSISTENCY_DAYS)
        found: set[str] = set()
        for other in self._by_kind[(cluster[0].type, cluster[0].theatre)]:
            there = self._spans[other]
            if (
                other != n
                and there is not None
                and there[0] <= span[1] + slack
                and span[0] <= there[1] + slack
            ):
                found |= self._keys[other]
        return frozenset(found)


def _fused(n: int, cluster: Cluster, context: _Context, tolerance: float) -> FusedEvent:
    sources = context.sources
    reports = [admiralty.Report(m, sources.of(m.doc)) for m in cluster]
    nearby = context.consistent_keys(n, cluster)
    grades = {r.mention.id: admiralty.credibility(r, reports, bool(nearby - {r.source.key})) for r in reports}
    linked = _event_sources(reports, grades)
    by_mention = {s.mention_id: s for s in linked}
    lead = lead_mention(cluster, sources.of)
    event = build_event(
        cluster,
        sources.of,
        admiralty.confidence([(s.reliability, s.credibility) for s in linked if s.counted]),
    )

    def describe(m: Mention) -> tuple[str, str]:
        source = by_mention[m.id]
        return source.publisher, source.grade

    return FusedEvent(event, linked, disagreements(cluster, describe, tolerance), lead.id)


def _event_sources(reports: list[admiralty.Report], grades: dict[str, int]) -> tuple[EventSource, ...]:
    """Every report as an EventSource; per source key, only the best-graded one is counted."""

    def rank(r: admiralty.Report) -> tuple[int, int, str, str]:
        return (reliability_rank(r.source.reliability), grades[r.mention.id], r.mention.doc, r.mention.id)

    counted: dict[str, str] = {}
    for r in sorted(reports, key=rank):
        counted.setdefault(r.source.key, r.mention.id)
    out = [
        EventSource(
            mention_id=r.mention.id,
            doc=r.mention.doc,
            publisher=r.source.publisher,
            kind=r.source.kind,
            reliability=r.source.reliability,
            credibility=grades[r.mention.id],
            counted=counted[r.source.key] == r.mention.id,
            copy_of=r.source.copy_of,
            syndicated_from=r.source.syndicated_from,
            modality=r.mention.modality,
            adversary=r.source.adversary,
        )
        for r in reports
    ]
    return tuple(sorted(out, key=EventSource.rank))
