"""Rows of the fusion, indicator and near-duplicate tables (migration 0002), and their reads.

The `Store` calls these inside its own transactions (writes) or through its
query function (reads); the SQL of these tables lives here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from flankwatch.fuse import Disagreement, EventSource, Figure, FusedEvent
from flankwatch.indicators import Baseline, Increment, WeekFigure
from flankwatch.ingest.neardup import NearDuplicate, Sketch
from flankwatch.records import Event
from flankwatch.store.connection import Query, Transaction, insert, select
from flankwatch.store.rows import columns, where

# Rebuilt by every analysis, with the tables of 0001.
ANALYSIS_TABLES = ("event_sources", "event_disagreements", "indicator_increments", "indicator_weeks")
# Written at ingest, kept across analyses.
SKETCH_TABLES = ("document_sketches", "document_sketch_keys", "near_duplicates")
FUSION_TABLES = (*ANALYSIS_TABLES, *SKETCH_TABLES)

# Column orders, as the SQL below and the row functions use them.
SOURCE_COLUMNS = tuple(
    "event mention doc publisher kind reliability credibility counted copy_of syndicated_from modality "
    "adversary lead".split()
)
DISAGREEMENT_COLUMNS = ("event", "position", "unit", "period", "period_days", "ratio", "major", "figures")
INCREMENT_COLUMNS = tuple(
    "theatre type unit day_from day_to value source doc_from doc_to mention_from mention_to".split()
)
WEEK_COLUMNS = tuple(
    "week theatre type unit basis value typical days sources doc mention_id baseline_median baseline_low "
    "baseline_high baseline_spread baseline_weeks anomaly score".split()
)


class FusionTables:
    """Indicator series, increments, document sketches and near-duplicates of one store.

    Event sources and disagreements are read with the events (`Store.fused_events`);
    every write here is one transaction.
    """

    def __init__(self, query: Query, transaction: Transaction) -> None:
        self._query = query
        self._transaction = transaction

    def add_sketches(self, sketches: Sequence[Sketch], pairs: Sequence[NearDuplicate]) -> None:
        """Record sketches and near-duplicate pairs (documents stored before sketches existed)."""
        with self._transaction() as conn:
            write_sketches(conn, sketches, pairs)

    def sketches(self, keys: Iterable[int]) -> list[Sketch]:
        """Stored sketches filed under any of `keys` (the candidates for a new document)."""
        return read_sketches(self._query, keys)

    def unsketched(self) -> list[str]:
        """Ids of stored documents without a sketch, oldest publication first."""
        found = self._query(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc FROM document_sketches) "
            "ORDER BY published NULLS LAST, id",
            [],
        )
        return [r[0] for r in found]

    def near_duplicates(self) -> list[NearDuplicate]:
        return read_pairs(self._query)

    def increments(self) -> list[Increment]:
        return read_increments(self._query)

    def weeks(self, **filters: Any) -> list[WeekFigure]:
        """Weekly indicator figures; filters: theatre, type_, unit, first, last (weeks), anomalies."""
        return read_weeks(self._query, **filters)


# ---- writes ---------------------------------------------------------------------------------------


def write_fused(conn: duckdb.DuckDBPyConnection, events: Sequence[FusedEvent]) -> None:
    """The sources and disagreements of fused events (their Event rows are written by the caller)."""
    sources = {(f.id, s.mention_id): _source_row(f, s) for f in events for s in f.sources}
    insert(conn, "event_sources", SOURCE_COLUMNS, list(sources.values()))
    rows = [_disagreement_row(f.id, n, d) for f in events for n, d in enumerate(f.disagreements)]
    insert(conn, "event_disagreements", DISAGREEMENT_COLUMNS, list({(r[0], r[1]): r for r in rows}.values()))


def write_indicators(
    conn: duckdb.DuckDBPyConnection, increments: Sequence[Increment], series: Sequence[WeekFigure]
) -> None:
    insert(conn, "indicator_increments", INCREMENT_COLUMNS, [_increment_row(i) for i in increments])
    unique = {(w.week, w.theatre, w.type, w.unit, w.basis): _week_row(w) for w in series}
    insert(conn, "indicator_weeks", WEEK_COLUMNS, list(unique.values()))


def write_sketches(
    conn: duckdb.DuckDBPyConnection, sketches: Sequence[Sketch], pairs: Sequence[NearDuplicate]
) -> None:
    """Sketches of new documents, their look-up keys, and the near-duplicates found (reruns add nothing)."""
    insert(
        conn,
        "document_sketches",
        ("doc", "shingles", "hashes", "numbers"),
        [(s.doc, s.shingles, list(s.hashes), list(s.numbers)) for s in sketches],
        conflict="ON CONFLICT DO NOTHING",
    )
    keys = {(k, s.doc) for s in sketches for k in s.index_keys()}
    insert(conn, "document_sketch_keys", ("key", "doc"), sorted(keys), conflict="ON CONFLICT DO NOTHING")
    insert(
        conn,
        "near_duplicates",
        ("first", "second", "similarity"),
        [(p.first, p.second, p.similarity) for p in pairs],
        conflict="ON CONFLICT DO NOTHING",
    )


# ---- reads ----------------------------------------------------------------------------------------


def read_fused(query: Query, events: Sequence[Event]) -> list[FusedEvent]:
    """The stored sources and disagreements of `events`, as FusedEvents (same order)."""
    ids = [e.id for e in events]
    if not ids:
        return []
    sources: dict[str, list[tuple[EventSource, bool]]] = defaultdict(list)
    for row in query(
        f"SELECT {columns(SOURCE_COLUMNS)} FROM event_sources WHERE list_contains(?, event) "
        "ORDER BY event, counted DESC, reliability, credibility, doc, mention",
        [ids],
    ):
        sources[row[0]].append((_source_of(row), bool(row[12])))
    disputes: dict[str, list[Disagreement]] = defaultdict(list)
    for row in query(
        f"SELECT {columns(DISAGREEMENT_COLUMNS)} FROM event_disagreements WHERE list_contains(?, event) "
        "ORDER BY event, position",
        [ids],
    ):
        disputes[row[0]].append(_disagreement_of(row))
    out = []
    for event in events:
        linked = sources.get(event.id, [])
        first = event.mention_ids[0] if event.mention_ids else ""
        lead = next((s.mention_id for s, is_lead in linked if is_lead), first)
        ordered = sorted((s for s, _ in linked), key=EventSource.rank)
        out.append(FusedEvent(event, tuple(ordered), tuple(disputes.get(event.id, [])), lead))
    return out


def read_increments(query: Query) -> list[Increment]:
    found = query(
        f"SELECT {columns(INCREMENT_COLUMNS)} FROM indicator_increments ORDER BY day_to, theatre, type, unit",
        [],
    )
    return [Increment(r[0], r[1], r[2], r[3], r[4], r[5], r[6], (r[7], r[8]), (r[9], r[10])) for r in found]


def read_weeks(
    query: Query,
    *,
    theatre: str | None = None,
    type_: str | None = None,
    unit: str | None = None,
    first: str | None = None,
    last: str | None = None,
    anomalies: bool = False,
) -> list[WeekFigure]:
    """Weekly series rows, filtered; None means any."""
    filters = [
        ("theatre = ?", theatre),
        ("type = ?", type_),
        ("unit = ?", unit),
        ("week >= ?", first),
        ("week <= ?", last),
    ]
    return select(
        query,
        _week_of,
        f"SELECT {columns(WEEK_COLUMNS)} FROM indicator_weeks",
        where(filters, *(["anomaly IS NOT NULL"] if anomalies else [])),
        "theatre, type, unit, basis, week",
    )


def read_sketches(query: Query, keys: Iterable[int]) -> list[Sketch]:
    """Stored sketches filed under any of `keys`."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    found = query(
        "SELECT doc, shingles, hashes, numbers FROM document_sketches WHERE doc IN "
        "(SELECT doc FROM document_sketch_keys WHERE list_contains(?, key)) ORDER BY doc",
        [wanted],
    )
    return [Sketch(r[0], int(r[1]), tuple(int(h) for h in r[2]), tuple(r[3])) for r in found]


def read_pairs(query: Query) -> list[NearDuplicate]:
    found = query("SELECT first, second, similarity FROM near_duplicates ORDER BY first, second", [])
    return [NearDuplicate(r[0], r[1], float(r[2])) for r in found]


# ---- rows -----------------------------------------------------------------------------------------


def _source_row(f: FusedEvent, s: EventSource) -> tuple[Any, ...]:
    return (
        f.id,
        s.mention_id,
        s.doc,
        s.publisher,
        s.kind,
        s.reliability,
        s.credibility,
        s.counted,
        s.copy_of,
        s.syndicated_from,
        s.modality,
        s.adversary,
        s.mention_id == f.lead,
    )


def _source_of(row: Sequence[Any]) -> EventSource:
    _, mention, doc, publisher, kind, reliability, credibility, counted, copy_of, wire, modality, adv, _ = row
    return EventSource(
        mention_id=mention,
        doc=doc,
        publisher=publisher,
        kind=kind,
        reliability=reliability,
        credibility=int(credibility),
        counted=bool(counted),
        copy_of=copy_of,
        syndicated_from=wire,
        modality=modality,
        adversary=bool(adv),
    )


def _disagreement_row(event: str, position: int, d: Disagreement) -> tuple[Any, ...]:
    figures = [
        {
            "value": f.value,
            "value_max": f.value_max,
            "qualifier": f.qualifier,
            "docs": list(f.docs),
            "publishers": list(f.publishers),
            "grades": list(f.grades),
        }
        for f in d.figures
    ]
    ratio = None if d.ratio == float("inf") else d.ratio
    text = json.dumps(figures, ensure_ascii=False)
    return (event, position, d.unit, d.period, d.period_days, ratio, d.major, text)


def _disagreement_of(row: Sequence[Any]) -> Disagreement:
    _, _, unit, period, period_days, ratio, major, figures = row
    parsed = tuple(
        Figure(
            value=f["value"],
            value_max=f["value_max"],
            qualifier=f["qualifier"],
            docs=tuple(f["docs"]),
            publishers=tuple(f["publishers"]),
            grades=tuple(f["grades"]),
        )
        for f in json.loads(figures)
    )
    return Disagreement(
        unit, period, period_days, parsed, float("inf") if ratio is None else ratio, bool(major)
    )


def _increment_row(i: Increment) -> tuple[Any, ...]:
    return (i.theatre, i.type, i.unit, i.start, i.end, i.value, i.source, *i.docs, *i.mention_ids)


def _week_row(w: WeekFigure) -> tuple[Any, ...]:
    b = w.baseline
    return (
        w.week,
        w.theatre,
        w.type,
        w.unit,
        w.basis,
        w.value,
        w.typical,
        w.days,
        w.sources,
        w.doc,
        w.mention_id,
        b.median if b else None,
        b.low if b else None,
        b.high if b else None,
        b.spread if b else None,
        b.weeks if b else None,
        w.anomaly,
        w.score,
    )


def _week_of(row: Sequence[Any]) -> WeekFigure:
    (
        week,
        theatre,
        type_,
        unit,
        basis,
        value,
        typical,
        days,
        sources,
        doc,
        mention_id,
        median,
        low,
        high,
        spread,
        weeks,
        anomaly,
        score,
    ) = row
    base = None if median is None else Baseline(median, low, high, int(weeks), spread or 0.0)
    return WeekFigure(
        week,
        theatre,
        type_,
        unit,
        basis,
        value,
        typical,
        int(days),
        int(sources),
        doc,
        mention_id,
        base,
        anomaly,
        score,
    )
