"""Opening the store: migrations named, ordered, recorded, transactional and idempotent; clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flankwatch.errors import StoreError
from flankwatch.store import TABLES, Store
from flankwatch.store.migrate import Migration, migrate, packaged_migrations


def test_a_new_store_has_every_table_and_records_its_migrations(tmp_path):
    with Store.open(tmp_path / "deep" / "folder" / "s.duckdb") as store:
        names = store.migrations()
        assert names == [m.name for m in packaged_migrations()] == sorted(names)
        assert names[0] == "0001_initial" and "0003_perception" in names
        assert set(store.counts()) == set(TABLES)
        assert store.counts()["schema_migrations"] == len(names)


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    with Store.open(path) as store:
        assert store.counts()["schema_migrations"] == len(packaged_migrations())
    conn = duckdb.connect(str(path))
    assert migrate(conn, packaged_migrations(), str(path)) == []
    conn.close()


def test_migrations_apply_in_name_order_and_a_failing_one_leaves_nothing_behind(tmp_path):
    conn = duckdb.connect(str(tmp_path / "m.duckdb"))
    good = [
        Migration("0002_b", "CREATE TABLE b (x INTEGER);"),
        Migration("0001_a", "CREATE TABLE a (x INTEGER);"),
    ]
    assert migrate(conn, sorted(good, key=lambda m: m.name), "m.duckdb") == ["0001_a", "0002_b"]
    bad = Migration("0003_bad", "CREATE TABLE c (x INTEGER); CREATE TABLE a (x INTEGER);")
    with pytest.raises(StoreError, match=r"m.duckdb: migration 0003_bad failed: .*already exists"):
        migrate(conn, [*good, bad], "m.duckdb")
    tables = {row[0] for row in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "c" not in tables  # the whole migration rolled back, its first statement too
    assert [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()] == [
        "0001_a",
        "0002_b",
    ]
    conn.close()


def test_a_store_from_a_newer_flankwatch_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_migrations VALUES ('0999_future', now()::TIMESTAMP)")
    conn.close()
    with pytest.raises(StoreError, match=r"written by a newer flankwatch .*0999_future"):
        Store.open(path)


def test_reading_a_missing_store_says_how_to_create_one(tmp_path):
    with pytest.raises(StoreError, match=r"no store here yet; create it with `flankwatch ingest`"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_a_store_needing_migrations_cannot_be_read_only(tmp_path):
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(
        StoreError, match=r"needs migrations 0001_initial, .*0003_perception; open it for writing once"
    ):
        Store.open(path, read_only=True)


def test_a_file_that_is_not_a_store_is_an_error_naming_it(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are notes, not a database\n" * 200)
    with pytest.raises(StoreError, match=r"notes\.duckdb: cannot open the store"):
        Store.open(path)


def test_readers_cannot_write(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as reader, pytest.raises(StoreError, match=r"opened read-only"):
        reader.add_rejections([])


def test_a_store_held_by_another_process_is_reported_as_in_use(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=r"in use by another flankwatch process"):
            Store.open(path)
    finally:
        holder.communicate("")
    Store.open(Path(path)).close()  # free again once the other process is gone
