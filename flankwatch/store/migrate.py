"""Schema migrations: named SQL files applied in order, each in its own transaction, each recorded.

A migration is `store/migrations/NNNN_name.sql`. Its name goes into
`schema_migrations` in the same transaction as its statements, so a crash
leaves it either fully applied and recorded, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import duckdb

from flankwatch.errors import StoreError

_LEDGER = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One named schema change: `NNNN_name` and its SQL script."""

    name: str
    sql: str


def packaged_migrations() -> list[Migration]:
    """The migrations shipped with flankwatch, in the order of their names."""
    folder = resources.files("flankwatch.store.migrations")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [Migration(f.name.removesuffix(".sql"), f.read_text("utf-8")) for f in files]


def applied(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in the store, oldest first ([] for a new file)."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def pending(conn: duckdb.DuckDBPyConnection, migrations: list[Migration], where: str) -> list[Migration]:
    """Migrations not yet applied; StoreError when the store knows migrations this flankwatch does not."""
    done = applied(conn)
    unknown = sorted(set(done) - {m.name for m in migrations})
    if unknown:
        raise StoreError(
            f"{where}: written by a newer flankwatch (unknown migrations: {', '.join(unknown)}); "
            "upgrade flankwatch to open it"
        )
    return [m for m in migrations if m.name not in done]


def migrate(conn: duckdb.DuckDBPyConnection, migrations: list[Migration], where: str) -> list[str]:
    """Apply the pending migrations; return their names. Each runs in one transaction."""
    conn.execute(_LEDGER)
    names = []
    for migration in pending(conn, migrations, where):
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(migration.sql)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", [migration.name, _now()])
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{where}: migration {migration.name} failed: {exc}") from exc
        names.append(migration.name)
    return names


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
