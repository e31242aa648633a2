"""Perception runs in the store: one transaction writes a whole analysis; reads serve the API and dashboard.

Reach it as `store.perception` (a `PerceptionTables` over the store's one
connection). Tables and views are in migrations/0003_perception.sql.

    write(result) -> run id          one transaction; the same analysis again rewrites the same rows
    runs(), run(id), latest()        what was analysed, with which targets and settings, and when
    documents(run, ...)              per document: metadata, language, encoding, words, warnings, set-aside
    counts(run, ...)                 per document and target: names, demonyms, adjectives
    groups(run, ...)                 per country x year x document type x target, counted documents only
    mentions(run, ...)               the concordance, filtered and paged; mention_total for the pager
    first_appearances(run, ...)      the first year each country's documents name a target
    topics(run, ...), growth(run, ...)
    result(run)                      the whole PerceptionResult again, e.g. to write the report files
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from flankwatch import __version__
from flankwatch.errors import StoreError, UsageError
from flankwatch.perception.aggregate import growth as growth_of
from flankwatch.perception.records import (
    FirstAppearance,
    GroupCount,
    Growth,
    PerceptionDocument,
    PerceptionResult,
    TargetCount,
    TargetMention,
    TopicCount,
)
from flankwatch.store import perception_rows as rows
from flankwatch.store.connection import Query, Transaction, insert, now, select
from flankwatch.store.perception_rows import PerceptionRun, run_id
from flankwatch.store.rows import where

PERCEPTION_TABLES = ("perception_runs", "perception_documents", "perception_counts", "perception_mentions")


_RUNS = f"SELECT {rows.names(rows.RUN_COLUMNS)} FROM perception_runs"
_WITH_DOCUMENT = "JOIN perception_documents d ON d.run = {0}.run AND d.name = {0}.doc"


class PerceptionTables:
    """The perception tables of one store; every write is one transaction."""

    def __init__(self, path: Path, query: Query, transaction: Transaction) -> None:
        self._path = path
        self._query = query
        self._transaction = transaction

    # ---- writes --------------------------------------------------------------------------------

    def write(self, result: PerceptionResult) -> str:
        """Store a whole analysis in one transaction and return its run id.

        The run's earlier rows, if any, are replaced; only its `created_at` is
        kept, so writing the same analysis twice leaves the same rows (but a
        newer `stored_at`).
        """
        _check_unique(result, self._path)
        run = run_id(result)
        stamp = now()
        with self._transaction() as conn:
            try:
                for table in reversed(PERCEPTION_TABLES[1:]):
                    conn.execute(f"DELETE FROM {table} WHERE run = ?", [run])
                _upsert_run(conn, rows.run_row(result, run, __version__, stamp))
                for table, columns, values in _table_rows(run, result):
                    insert(conn, table, [n for n, _ in columns], values, types=[t for _, t in columns])
            except duckdb.Error as exc:
                raise StoreError(f"{self._path}: cannot store perception run {run}: {exc}") from exc
        return run

    def delete(self, run: str) -> bool:
        """Remove a run and everything it found; False when there was no such run."""
        with self._transaction() as conn:
            found = conn.execute("SELECT count(*) FROM perception_runs WHERE id = ?", [run]).fetchone()
            for table in reversed(PERCEPTION_TABLES[1:]):
                conn.execute(f"DELETE FROM {table} WHERE run = ?", [run])
            conn.execute("DELETE FROM perception_runs WHERE id = ?", [run])
        return bool(found and found[0])

    # ---- runs ----------------------------------------------------------------------------------

    def runs(self, *, target: str | None = None) -> list[PerceptionRun]:
        """Stored runs, the most recently written first; `target` keeps those that counted it."""
        return select(
            self._query,
            rows.run_of,
            _RUNS,
            where([("list_contains(target_ids, ?)", target)]),
            "stored_at DESC, id",
        )

    def run(self, run: str) -> PerceptionRun | None:
        """One run by id, or None."""
        found = self._query(f"{_RUNS} WHERE id = ?", [run])
        return rows.run_of(found[0]) if found else None

    def latest(self, *, target: str | None = None) -> PerceptionRun | None:
        """The run written last (that counted `target`, if given), or None."""
        found = self.runs(target=target)
        return found[0] if found else None

    # ---- per document --------------------------------------------------------------------------

    def documents(
        self,
        run: str,
        *,
        country: str | None = None,
        year: int | None = None,
        doc_type: str | None = None,
        counted: bool | None = None,
    ) -> list[PerceptionDocument]:
        """The documents a run read, by file name; filters combine with AND."""
        return select(
            self._query,
            rows.document_of,
            f"SELECT {rows.names(rows.DOCUMENT_COLUMNS)} FROM perception_documents",
            where(
                [("run = ?", run), ("country = ?", country), ("year = ?", year), ("doc_type = ?", doc_type)],
                _counted("set_aside", counted),
            ),
            "name",
        )

    def counts(
        self,
        run: str,
        *,
        doc: str | None = None,
        target: str | None = None,
        country: str | None = None,
        counted: bool | None = None,
    ) -> list[TargetCount]:
        """Counts per document and target, by file name and then in the run's target order."""
        return select(
            self._query,
            rows.count_of,
            f"SELECT {rows.names(rows.COUNT_COLUMNS, 'c.')} FROM perception_counts c "
            f"{_WITH_DOCUMENT.format('c')} JOIN perception_runs r ON r.id = c.run",
            where(
                [
                    ("c.run = ?", run),
                    ("c.doc = ?", doc),
                    ("c.target = ?", target),
                    ("d.country = ?", country),
                ],
                _counted("d.set_aside", counted),
            ),
            "c.doc, list_position(r.target_ids, c.target), c.target",
        )

    def mentions(
        self,
        run: str,
        *,
        doc: str | None = None,
        target: str | None = None,
        category: str | None = None,
        topic: str | None = None,
        country: str | None = None,
        year: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TargetMention]:
        """The concordance: mentions in document and text order, filtered, `limit` of them from `offset`."""
        filters = _mention_filters(run, doc, target, category, topic, country, year)
        if (limit is not None and limit < 0) or offset < 0:
            raise UsageError(f"limit {limit} and offset {offset}: neither may be negative")
        return select(
            self._query,
            rows.mention_of,
            f"SELECT {rows.names(rows.MENTION_COLUMNS, 'm.')} FROM perception_mentions m "
            f"{_WITH_DOCUMENT.format('m')}",
            filters,
            "m.doc, m.start_offset, m.end_offset, m.target, m.id",
            page=(limit, offset),
        )

    def mention_total(
        self,
        run: str,
        *,
        doc: str | None = None,
        target: str | None = None,
        category: str | None = None,
        topic: str | None = None,
        country: str | None = None,
        year: int | None = None,
    ) -> int:
        """How many mentions `mentions` would give with the same filters and no limit."""
        clause, args = _mention_filters(run, doc, target, category, topic, country, year)
        found = self._query(
            f"SELECT count(*) FROM perception_mentions m {_WITH_DOCUMENT.format('m')} WHERE {clause}", args
        )
        return int(found[0][0])

    # ---- aggregates (counted documents only) ---------------------------------------------------

    def groups(
        self,
        run: str,
        *,
        target: str | None = None,
        country: str | None = None,
        doc_type: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> list[GroupCount]:
        """Documents, words and mentions per country x year x document type x target."""
        filters = [("doc_type = ?", doc_type), ("year >= ?", year_from), ("year <= ?", year_to)]
        return select(
            self._query,
            rows.group_of,
            _view("perception_groups", rows.GROUP_COLUMNS),
            where([*_by_target(run, target, country), *filters]),
            "country, year, doc_type, target",
        )

    def first_appearances(
        self, run: str, *, target: str | None = None, country: str | None = None
    ) -> list[FirstAppearance]:
        """Per country and target: the first year (and document) naming it, and mentioning it at all."""
        return select(
            self._query,
            rows.first_of,
            _view("perception_first_appearances", rows.FIRST_COLUMNS),
            where(_by_target(run, target, country)),
            "country, target",
        )

    def topics(self, run: str, *, target: str | None = None, country: str | None = None) -> list[TopicCount]:
        """Mentions of every category per country, year, target and topic."""
        return select(
            self._query,
            rows.topic_of,
            _view("perception_topics", rows.TOPIC_COLUMNS),
            where(_by_target(run, target, country)),
            "country, year, target, topic",
        )

    def growth(self, run: str, *, target: str | None = None, country: str | None = None) -> list[Growth]:
        """Rates per period and their factors, over the run's own period breakpoints."""
        stored = self.run(run)
        if stored is None:
            return []
        documents = self.documents(run, country=country, counted=True)
        counts = self.counts(run, target=target, counted=True)
        return list(growth_of(documents, counts, stored.settings.breakpoints))

    def result(self, run: str) -> PerceptionResult | None:
        """The whole analysis as it was stored (None for an unknown run)."""
        stored = self.run(run)
        if stored is None:
            return None
        documents = tuple(self.documents(run))
        counts = tuple(self.counts(run))
        return PerceptionResult(
            source=stored.source,
            targets=stored.targets,
            settings=stored.settings,
            documents=documents,
            counts=counts,
            mentions=tuple(self.mentions(run)),
            groups=tuple(self.groups(run)),
            first=tuple(self.first_appearances(run)),
            growth=growth_of(documents, counts, stored.settings.breakpoints),
            topics=tuple(self.topics(run)),
            rejections=stored.rejections,
            morphology=dict(stored.morphology),
        )


def _view(name: str, columns: Sequence[str]) -> str:
    return f"SELECT {', '.join(columns)} FROM {name}"


def _by_target(run: str, target: str | None, country: str | None) -> list[tuple[str, Any]]:
    """The filters every aggregate view takes: run, and optionally target and country."""
    return [("run = ?", run), ("target = ?", target), ("country = ?", country)]


def _mention_filters(
    run: str,
    doc: str | None,
    target: str | None,
    category: str | None,
    topic: str | None,
    country: str | None,
    year: int | None,
) -> tuple[str, list[Any]]:
    return where(
        [
            ("m.run = ?", run),
            ("m.doc = ?", doc),
            ("m.target = ?", target),
            ("m.category = ?", category),
            ("m.topic = ?", topic),
            ("d.country = ?", country),
            ("d.year = ?", year),
        ]
    )


def _counted(column: str, counted: bool | None) -> str:
    """The condition for counted documents (True), set-aside ones (False) or all (None)."""
    if counted is None:
        return "TRUE"
    return f"{column} IS NULL" if counted else f"{column} IS NOT NULL"


def _upsert_run(conn: duckdb.DuckDBPyConnection, row: tuple[Any, ...]) -> None:
    keep = {"id", "created_at"}  # a rewrite keeps when the run was first stored
    updates = ", ".join(f"{name} = excluded.{name}" for name, _ in rows.RUN_COLUMNS if name not in keep)
    marks = ", ".join("?" for _ in rows.RUN_COLUMNS)
    conn.execute(
        f"INSERT INTO perception_runs ({rows.names(rows.RUN_COLUMNS)}) VALUES ({marks}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates}",
        list(row),
    )


def _table_rows(run: str, result: PerceptionResult) -> list[tuple[str, rows.Columns, list[Any]]]:
    return [
        (
            "perception_documents",
            rows.DOCUMENT_COLUMNS,
            [rows.document_row(run, d) for d in result.documents],
        ),
        ("perception_counts", rows.COUNT_COLUMNS, [rows.count_row(run, c) for c in result.counts]),
        ("perception_mentions", rows.MENTION_COLUMNS, [rows.mention_row(run, m) for m in result.mentions]),
    ]


def _check_unique(result: PerceptionResult, path: Path) -> None:
    """Two files of one name (read from two folders) would be one document in every table: refuse."""
    seen: dict[str, str] = {}
    for document in result.documents:
        if document.name in seen:
            raise StoreError(
                f"{path}: cannot store the perception run: two documents are named {document.name!r} "
                f"({seen[document.name]} and {document.path}); give the files distinct names"
            )
        seen[document.name] = document.path


__all__ = ["PERCEPTION_TABLES", "PerceptionRun", "PerceptionTables", "run_id"]
