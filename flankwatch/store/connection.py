"""Opening the DuckDB file (created, migrated, or checked for readers) and small write helpers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from flankwatch.errors import StoreError
from flankwatch.store import rows
from flankwatch.store.migrate import migrate, packaged_migrations, pending


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
) -> None:
    if values:
        conn.executemany(
            f"INSERT INTO {table} ({rows.columns(names)}) VALUES ({rows.placeholders(names)}) {conflict}",
            values,
        )


def now() -> datetime:
    """The current time in UTC, as the naive timestamp the tables hold."""
    return datetime.now(UTC).replace(tzinfo=None)


def _one_line(message: str) -> str:
    return " ".join(message.split())
