"""The tables of migration 0002: events with their graded sources and disputes, indicator series and
increments, document sketches and near-duplicates — written in one transaction, read back equal."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from flankwatch.fuse import Sources, fuse_events
from flankwatch.indicators import build_indicators
from flankwatch.ingest.neardup import near_duplicates, sketch
from flankwatch.records import Document, Evidence, Mention, Quantity, content_id
from flankwatch.store import Store

DAY = date(2024, 5, 22)
LONG = " ".join(
    f"Line {n}: at post {n} officers counted {n * 11} people and stopped a van." for n in range(30)
)


def _doc(key: str, publisher: str, text: str = "", published: date = DAY) -> Document:
    body = text or f"{publisher} on the border, {key}: " + LONG[::-1]
    return Document(content_id(body), key, body, "en", published, "metadata", key, publisher, "", key, "txt")


def _mention(doc: Document, value: float, start: int = 0) -> Mention:
    return Mention(
        doc=doc.id,
        type="MIGRATION_PRESSURE",
        evidence=Evidence(start, start + 10, doc.text[start : start + 10]),
        date_start=DAY,
        date_end=DAY,
        date_precision="day",
        theatre="PL-BY",
        quantities=(Quantity(value=value, unit="attempts", period="day"),),
    )


def _world() -> tuple[dict[str, Document], list[Mention]]:
    guard = _doc("guard", "Polish Border Guard")
    wire = _doc("wire", "Baltic Wire Service", text="WARSAW (Wire) " + LONG)
    belta = _doc("belta", "BelTA", text="MINSK (BelTA) " + LONG[::-1][:200])
    documents = {d.id: d for d in (guard, wire, belta)}
    return documents, [_mention(guard, 400), _mention(wire, 400, 5), _mention(belta, 1200, 3)]


def test_fused_events_come_back_with_every_source_grade_and_dispute(store: Store) -> None:
    documents, mentions = _world()
    store.add_documents(list(documents.values()))
    store.write_extractions([(d, [m for m in mentions if m.doc == d]) for d in documents], "test/1")
    events = fuse_events(mentions, documents)
    (fused,) = events
    assert fused.disagreements and fused.disagreements[0].major
    found = build_indicators(mentions, documents, events, ["2024-W21"])
    store.replace_analysis(events, found.points, [], "fp", increments=found.increments, series=found.series)
    assert store.fused_events() == events
    assert store.fused_events(start=DAY, end=DAY) == events
    assert store.fused_events(start=DAY + timedelta(days=1), end=DAY + timedelta(days=2)) == []
    assert store.fusion.weeks() == list(found.series)
    assert store.fusion.weeks(anomalies=True, theatre="LT-BY") == []
    assert store.events() == [fused.event]


def test_a_new_analysis_replaces_the_old_one_and_a_rerun_changes_nothing(store: Store) -> None:
    documents, mentions = _world()
    store.add_documents(list(documents.values()))
    events = fuse_events(mentions, documents)
    found = build_indicators(mentions, documents, events, ["2024-W21"])
    for _ in range(2):
        store.replace_analysis(
            events, found.points, [], "fp", increments=found.increments, series=found.series
        )
    first = store.snapshot()
    store.replace_analysis(events, found.points, [], "fp", increments=found.increments, series=found.series)
    assert store.snapshot() == first
    store.replace_analysis([], [], [], "fp2")
    counts = store.counts()
    assert counts["event_sources"] == counts["event_disagreements"] == counts["indicator_weeks"] == 0


def test_sketches_and_near_duplicates_go_in_with_their_documents_and_are_found_by_key(store: Store) -> None:
    original = _doc("orig", "Baltic Wire Service", text=LONG)
    copy = _doc("copy", "Vilnius Daily", text="Reprinted: " + LONG, published=DAY + timedelta(days=1))
    first = sketch(original.id, original.text)
    store.add_documents([original], sketches=[first])
    second = sketch(copy.id, copy.text)
    candidates = store.fusion.sketches(second.index_keys())
    assert [s.doc for s in candidates] == [original.id] and candidates[0] == first
    pairs = near_duplicates([second], candidates)
    store.add_documents([copy], sketches=[second], near_duplicates=pairs)
    store.add_documents([copy], sketches=[second], near_duplicates=pairs)  # a rerun adds nothing
    assert store.fusion.near_duplicates() == pairs and len(pairs) == 1
    assert store.counts()["document_sketches"] == 2 and store.fusion.unsketched() == []
    documents = store.documents()
    copies = Sources.build(documents, copies={copy.id: original.id}).copies()
    assert copies == {copy.id: original.id}


def test_the_0002_tables_exist_and_are_recorded_as_one_migration(store: Store) -> None:
    names = store.migrations()
    assert names.index("0001_initial") < names.index("0002_sources_and_series")
    tables = (
        "event_sources",
        "event_disagreements",
        "indicator_weeks",
        "indicator_increments",
        "near_duplicates",
    )
    assert all(store.counts()[table] == 0 for table in tables)


def test_a_store_of_the_first_schema_is_migrated_when_opened_for_writing(tmp_path) -> None:
    from flankwatch.store.migrate import migrate, packaged_migrations

    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    migrate(conn, [m for m in packaged_migrations() if m.name == "0001_initial"], str(path))
    conn.close()
    with Store.open(path) as store:
        assert "0002_sources_and_series" in store.migrations() and store.fused_events() == []
