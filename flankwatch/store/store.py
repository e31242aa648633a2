"""The DuckDB store: one file, one writer connection, a transaction per write call.

Every write method is one transaction, so a crash or a kill leaves the store as
it was before the call or after it, never between. Readers open the file
read-only (DuckDB then lets several processes read, and none write).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from flankwatch.errors import StoreError
from flankwatch.fuse import FusedEvent
from flankwatch.indicators import Increment, WeekFigure
from flankwatch.ingest.neardup import NearDuplicate, Sketch
from flankwatch.records import Assessment, Document, Event, IndicatorPoint, Mention, Rejection
from flankwatch.store import fusion, rows
from flankwatch.store.connection import connect, insert, now, select
from flankwatch.store.migrate import applied
from flankwatch.store.perception import PERCEPTION_TABLES, PerceptionTables
from flankwatch.weeks import parse_week

TABLES = (
    "documents",
    "mentions",
    "events",
    "event_mentions",
    "indicator_points",
    "assessments",
    "rejections",
    "store_state",
    *PERCEPTION_TABLES,
    *fusion.FUSION_TABLES,
    "schema_migrations",
)
_ANALYSIS_TABLES = ("event_mentions", "events", "indicator_points", "assessments", *fusion.ANALYSIS_TABLES)
# Extraction rejections name a document by its origin, or its name when it has none.
_DROP_EXTRACT_REJECTIONS = (
    "DELETE FROM rejections WHERE stage = 'extract' AND origin = "
    "(SELECT CASE WHEN origin <> '' THEN origin ELSE name END FROM documents WHERE id = ?)"
)
# The date a mention is filed under: its own start, else its document's publication date.
_INDEX_DATE = "coalesce(m.date_start, d.published)"


class Store:
    """A flankwatch store. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self._lock = threading.RLock()  # one DuckDB connection serves one thread at a time
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and for writers create and migrate) the store at `path`; StoreError names the problem."""
        path = Path(path)
        conn = connect(path, read_only)
        return cls(conn, path, read_only)

    def close(self) -> None:
        """Close the connection (a writer checkpoints its write-ahead log)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def perception(self) -> PerceptionTables:
        """Perception runs, documents, counts and mentions (flankwatch.store.perception)."""
        return PerceptionTables(self.path, self._all, self._transaction)

    @property
    def fusion(self) -> fusion.FusionTables:
        """Indicator series, increments, document sketches and near-duplicates (flankwatch.store.fusion)."""
        return fusion.FusionTables(self._all, self._transaction)

    # ---- writes: each call is one transaction -------------------------------------------------

    def add_documents(
        self,
        documents: Sequence[Document],
        rejections: Sequence[Rejection] = (),
        *,
        sketches: Sequence[Sketch] = (),
        near_duplicates: Sequence[NearDuplicate] = (),
    ) -> int:
        """Store new documents and rejections in one transaction; return how many documents were new.

        Documents already stored (same id) are left untouched. A rejection recorded
        earlier for the origin of a document that now went in is removed: it was fixed.
        The documents' sketches and the near-duplicates found go in the same transaction.
        """
        stamp = now()
        with self._transaction() as conn:
            before = _scalar(conn, "SELECT count(*) FROM documents")
            if documents:
                conn.executemany(
                    f"INSERT INTO documents ({rows.columns(rows.DOCUMENT_COLUMNS)}, ingested_at) "
                    f"VALUES ({rows.placeholders(rows.DOCUMENT_COLUMNS)}, ?) ON CONFLICT DO NOTHING",
                    [(*rows.document_row(d), stamp) for d in documents],
                )
                conn.executemany(
                    "DELETE FROM rejections WHERE origin = ? AND stage = 'ingest'",
                    [(d.origin,) for d in documents],
                )
            self._insert_rejections(conn, rejections, stamp)
            fusion.write_sketches(conn, sketches, near_duplicates)
            return int(_scalar(conn, "SELECT count(*) FROM documents") - before)

    def add_rejections(self, rejections: Sequence[Rejection]) -> None:
        """Record rejections (a rerun that meets the same problem adds no row)."""
        with self._transaction() as conn:
            self._insert_rejections(conn, rejections, now())

    def write_extractions(
        self,
        results: Sequence[tuple[str, Sequence[Mention]]],
        version: str,
        rejections: Sequence[Rejection] = (),
    ) -> int:
        """Replace the mentions of each document and mark it extracted by `version`; one transaction.

        Returns the number of mentions written. Mentions with the same id (same type
        and offsets) are written once. Earlier extraction rejections of these
        documents are dropped; `rejections` holds the current ones.
        """
        stamp = now()
        written = 0
        with self._transaction() as conn:
            for doc_id, mentions in results:
                unique = _first_of_each_id(mentions)
                conn.execute("DELETE FROM mentions WHERE doc = ?", [doc_id])
                conn.execute(_DROP_EXTRACT_REJECTIONS, [doc_id])
                if unique:
                    conn.executemany(
                        f"INSERT INTO mentions VALUES ({rows.placeholders(rows.MENTION_COLUMNS)})",
                        [rows.mention_row(m) for m in unique],
                    )
                conn.execute(
                    "UPDATE documents SET extractor_version = ?, extracted_at = ? WHERE id = ?",
                    [version, stamp, doc_id],
                )
                written += len(unique)
            self._insert_rejections(conn, rejections, stamp)
        return written

    def replace_analysis(
        self,
        events: Sequence[Event | FusedEvent],
        points: Sequence[IndicatorPoint],
        assessments: Sequence[Assessment],
        fingerprint: str,
        *,
        increments: Sequence[Increment] = (),
        series: Sequence[WeekFigure] = (),
    ) -> None:
        """Replace events (with their sources), indicators and assessments with new ones in one transaction."""
        fused = [e for e in events if isinstance(e, FusedEvent)]
        plain = [e.event if isinstance(e, FusedEvent) else e for e in events]
        with self._transaction() as conn:
            for table in _ANALYSIS_TABLES:
                conn.execute(f"DELETE FROM {table}")
            insert(conn, "events", rows.EVENT_COLUMNS, [rows.event_row(e) for e in _unique(plain)])
            fusion.write_fused(conn, fused)
            fusion.write_indicators(conn, increments, series)
            insert(
                conn,
                "event_mentions",
                ("event", "mention", "position"),
                list({(e.id, m): (e.id, m, i) for e in plain for i, m in enumerate(e.mention_ids)}.values()),
            )
            insert(conn, "indicator_points", rows.POINT_COLUMNS, [rows.point_row(p) for p in points])
            insert(
                conn, "assessments", rows.ASSESSMENT_COLUMNS, [rows.assessment_row(a) for a in assessments]
            )
            conn.execute(
                "INSERT OR REPLACE INTO store_state VALUES ('analysed_fingerprint', ?)", [fingerprint]
            )

    # ---- reads ---------------------------------------------------------------------------------

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of `ids` are documents in the store."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        found = self._all("SELECT id FROM documents WHERE list_contains(?, id)", [wanted])
        return {row[0] for row in found}

    def document(self, doc_id: str) -> Document | None:
        """One document by id, or None."""
        found = self.documents([doc_id])
        return found.get(doc_id)

    def documents(self, ids: Iterable[str] | None = None) -> dict[str, Document]:
        """Documents by id: those asked for, or all of them."""
        select = f"SELECT {rows.columns(rows.DOCUMENT_COLUMNS)} FROM documents"
        if ids is None:
            found = self._all(f"{select} ORDER BY published NULLS LAST, id")
        else:
            found = self._all(
                f"{select} WHERE list_contains(?, id) ORDER BY published NULLS LAST, id", [list(ids)]
            )
        return {row[0]: rows.document_of(row) for row in found}

    def pending_extraction(self, version: str) -> list[str]:
        """Ids of documents not yet extracted by this extractor version, oldest publication first."""
        found = self._all(
            "SELECT id FROM documents WHERE extractor_version IS DISTINCT FROM ? "
            "ORDER BY published NULLS LAST, id",
            [version],
        )
        return [row[0] for row in found]

    def mentions(
        self,
        *,
        doc: str | None = None,
        start: date | None = None,
        end: date | None = None,
        published_start: date | None = None,
        published_end: date | None = None,
    ) -> list[Mention]:
        """Mentions of one document, filed between two dates, or of documents published between two dates.

        A mention is filed under its own start date, or its document's publication
        date when the text gave none. The filters combine with AND.
        """
        filters = [
            ("m.doc = ?", doc),
            (f"{_INDEX_DATE} >= ?", start),
            (f"{_INDEX_DATE} <= ?", end),
            ("d.published >= ?", published_start),
            ("d.published <= ?", published_end),
        ]
        return select(
            self._all,
            rows.mention_of,
            f"SELECT {rows.columns(rows.MENTION_COLUMNS, 'm.')} FROM mentions m "
            "LEFT JOIN documents d ON d.id = m.doc",
            rows.where(filters),
            f"{_INDEX_DATE} NULLS LAST, m.doc, m.evidence_start, m.id",
        )

    def mentions_in_week(self, week: str) -> list[Mention]:
        """Mentions filed in an ISO week such as 2024-W12 (see `mentions`)."""
        monday, sunday = parse_week(week)
        return self.mentions(start=monday, end=sunday)

    def events(
        self, *, start: date | None = None, end: date | None = None, mentions: Iterable[str] | None = None
    ) -> list[Event]:
        """Events: all, those whose dates overlap [start, end], or those holding any of `mentions` (ids)."""
        where, args = "TRUE", list[Any]()
        if start is not None and end is not None:
            where, args = "coalesce(date_end, date_start) >= ? AND date_start <= ?", [start, end]
        if mentions is not None:
            where += " AND id IN (SELECT event FROM event_mentions WHERE list_contains(?, mention))"
            args.append(list(mentions))
        found = self._all(
            f"SELECT {rows.columns(rows.EVENT_COLUMNS)} FROM events WHERE {where} "
            "ORDER BY date_start NULLS LAST, id",
            args,
        )
        links: dict[str, list[str]] = {}
        for event, mention in self._all("SELECT event, mention FROM event_mentions ORDER BY event, position"):
            links.setdefault(event, []).append(mention)
        return [rows.event_of(row, tuple(links.get(row[0], ()))) for row in found]

    def fused_events(
        self, *, start: date | None = None, end: date | None = None, mentions: Iterable[str] | None = None
    ) -> list[FusedEvent]:
        """`events(...)` with their sources, Admiralty grades and disagreements."""
        return fusion.read_fused(self._all, self.events(start=start, end=end, mentions=mentions))

    def indicator_points(self, *, start: date | None = None, end: date | None = None) -> list[IndicatorPoint]:
        """Indicator points, or those of the days from `start` to `end`."""
        return select(
            self._all,
            rows.point_of,
            f"SELECT {rows.columns(rows.POINT_COLUMNS)} FROM indicator_points",
            rows.where([("day >= ?", start), ("day <= ?", end)]),
            "day, theatre, type, unit, doc, mention_id",
        )

    def assessments(self, week: str | None = None) -> list[Assessment]:
        """Assessments of one ISO week, or of all weeks."""
        return select(
            self._all,
            rows.assessment_of,
            f"SELECT {rows.columns(rows.ASSESSMENT_COLUMNS)} FROM assessments",
            rows.where([("week = ?", week)]),
            "week, theatre, domain",
        )

    def assessed_weeks(self) -> list[str]:
        """The ISO weeks that have assessments, oldest first."""
        return [row[0] for row in self._all("SELECT DISTINCT week FROM assessments ORDER BY week")]

    def rejections(self, stage: str | None = None) -> list[Rejection]:
        """Recorded rejections, oldest first; `stage` picks ingest or extract ones."""
        return select(
            self._all,
            rows.rejection_of,
            f"SELECT {rows.columns(rows.REJECTION_COLUMNS)} FROM rejections",
            rows.where([("stage = ?", stage)]),
            "recorded_at, origin",
        )

    def published_span(self) -> tuple[date, date] | None:
        """The first and last publication date of the stored documents, if any is dated."""
        first, last = self._all("SELECT min(published), max(published) FROM documents")[0]
        return None if first is None else (first, last)

    def fingerprint(self) -> str:
        """A digest of which documents are stored and which extractor read them."""
        found = self._all(
            "SELECT count(*), coalesce(md5(string_agg(id || ':' || coalesce(extractor_version, '-'), "
            "',' ORDER BY id)), '') FROM documents"
        )[0]
        return f"{found[0]}:{found[1]}"

    def analysed_fingerprint(self) -> str | None:
        """The fingerprint of the documents the stored analyses were built from."""
        found = self._all("SELECT value FROM store_state WHERE key = 'analysed_fingerprint'")
        return found[0][0] if found else None

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {table: int(self._all(f"SELECT count(*) FROM {table}")[0][0]) for table in TABLES}

    def migrations(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        with self._lock:
            return applied(self._conn)

    def snapshot(self, *, skip_columns: Sequence[str] = ()) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted; for comparing two states of a store."""
        result = {}
        for table in TABLES:
            names = [
                r[0]
                for r in self._all(
                    f"SELECT column_name FROM information_schema.columns "
                    f"WHERE table_name = '{table}' ORDER BY ordinal_position"
                )
            ]
            keep = [n for n in names if n not in skip_columns]
            result[table] = sorted(self._all(f"SELECT {', '.join(keep)} FROM {table}"), key=repr)
        return result

    # ---- internals -----------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; writing needs the writer (close other readers)")
        with self._lock:
            self._conn.execute("BEGIN TRANSACTION")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: could not commit: {exc}") from exc

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, list(args)).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: query failed: {exc}") from exc

    @staticmethod
    def _insert_rejections(
        conn: duckdb.DuckDBPyConnection, rejections: Sequence[Rejection], now: datetime
    ) -> None:
        insert(
            conn,
            "rejections",
            rows.REJECTION_COLUMNS,
            list({r[0]: r for r in (rows.rejection_row(x, now) for x in rejections)}.values()),
            conflict="ON CONFLICT DO NOTHING",
        )


def _unique(events: Sequence[Event]) -> list[Event]:
    return list({e.id: e for e in events}.values())


def _first_of_each_id(mentions: Sequence[Mention]) -> list[Mention]:
    first: dict[str, Mention] = {}
    for mention in mentions:
        first.setdefault(mention.id, mention)
    return list(first.values())


def _scalar(conn: duckdb.DuckDBPyConnection, sql: str) -> int:
    found = conn.execute(sql).fetchone()
    return int(found[0]) if found else 0
