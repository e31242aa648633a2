"""Opening the DuckDB file (created, migrated, or checked for readers); the one bulk insert and the one
filtered read that the table groups share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from flankwatch.errors import StoreError
from flankwatch.store import rows
from flankwatch.store.migrate import migrate, packaged_migrations, pending

T = TypeVar("T")
# How the table groups reach the store's one connection: run a query, or open a transaction.
Query = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
Transaction = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


def connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to an up-to-date store; StoreError naming the file and the problem otherwise."""
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no store here yet; create it with `flankwatch ingest` or `flankwatch demo`"
        )
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder: {exc.strerror or exc}") from exc
    conn = _connect(path, read_only)
    try:
        _bring_up_to_date(conn, path, read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(
                f"{path}: the store is in use by another flankwatch process; wait for it to finish "
                "or choose another store with --db"
            ) from exc
        raise StoreError(f"{path}: cannot open the store: {_one_line(message)}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {_one_line(str(exc))}") from exc


def _bring_up_to_date(conn: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    migrations = packaged_migrations()
    if not read_only:
        migrate(conn, migrations, str(path))
        return
    missing = pending(conn, migrations, str(path))
    if missing:
        raise StoreError(
            f"{path}: the store needs migrations {', '.join(m.name for m in missing)}; "
            "open it for writing once (e.g. `flankwatch ingest`) to apply them"
        )


def insert(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    names: Sequence[str],
    values: list[tuple[Any, ...]],
    conflict: str = "",
    *,
    types: Sequence[str] | None = None,
) -> None:
    """Insert many rows in one statement, a column at a time.

    Thousands of rows (the weekly series, every document's sketch, a perception
    run's mentions) take seconds through `executemany`, which DuckDB runs row by
    row; unnesting one list per column is a single vectorised insert (13,000
    mentions: 0.06 s against 1.3 s). `types`, one SQL type per column, casts
    each list, for columns DuckDB cannot infer from the values (all None, empty lists).
    """
    if not values:
        return
    picks = ", ".join("UNNEST(?)" for _ in names) if types is None else _typed_picks(types)
    conn.execute(
        f"INSERT INTO {table} ({rows.columns(names)}) SELECT {picks} {conflict}",
        [list(column) for column in zip(*values, strict=True)],
    )


def select(
    query: Query,
    convert: Callable[[tuple[Any, ...]], T],
    source: str,
    filters: tuple[str, list[Any]],
    order: str,
    *,
    page: tuple[int | None, int] | None = None,
) -> list[T]:
    """The rows of `source` (SELECT ... FROM ...) meeting `filters` (see `rows.where`), in `order`, converted.

    `page` is (limit, offset); a None limit means all rows from the offset.
    """
    clause, args = filters
    sql = f"{source} WHERE {clause} ORDER BY {order}"
    if page is not None:
        sql, args = f"{sql} LIMIT ? OFFSET ?", [*args, *page]
    return [convert(row) for row in query(sql, args)]


def _typed_picks(types: Sequence[str]) -> str:
    return ", ".join(f"unnest(?::{sql_type}[])" for sql_type in types)


def now() -> datetime:
    """The current time in UTC, as the naive timestamp the tables hold."""
    return datetime.now(UTC).replace(tzinfo=None)


def _one_line(message: str) -> str:
    return " ".join(message.split())
