"""pipeline.ingest: counts, duplicates, rejections stored and returned, batches, progress; twice == once."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pipeline_fakes import corpus_line

from flankwatch import pipeline
from flankwatch.config import load_config
from flankwatch.records import Rejection
from flankwatch.store import Store

TEXT = "The Border Guard said {n} people tried to cross the border near Kuźnica on Tuesday."


def test_a_mixed_batch_goes_in_and_rejections_are_counted_stored_and_named(store, config, write, tmp_path):
    write("a.txt", TEXT.format(n=10))
    write("b.md", "---\npublished: 2024-03-21\n---\n" + TEXT.format(n=20))
    write("copy-of-a.txt", TEXT.format(n=10) + "\n")
    empty = write("empty.txt", "")
    binary = write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write("corpus.jsonl", corpus_line("c1", TEXT.format(n=30), date(2024, 3, 22)) + "\n{broken\n")
    missing = tmp_path / "missing.txt"
    summary = pipeline.ingest(store, [str(empty.parent), str(missing)], config=config)
    assert (summary.ingested, summary.duplicates) == (3, 1)
    assert sorted(summary.rejected, key=lambda r: r.origin) == sorted(
        [
            Rejection(
                f"{empty.parent}/corpus.jsonl:2",
                "not JSON: Expecting property name enclosed in double quotes at column 2",
            ),
            Rejection(str(empty), "empty: no text in the file"),
            Rejection(str(binary), "binary content, not text (control bytes found); is the extension right?"),
            Rejection(str(missing), "no such file, folder or URL"),
        ],
        key=lambda r: r.origin,
    )
    assert sorted(store.rejections(), key=lambda r: r.origin) == sorted(
        summary.rejected, key=lambda r: r.origin
    )
    assert len(summary.document_ids) == 3 and store.stored_ids(summary.document_ids) == set(
        summary.document_ids
    )


def test_a_second_run_counts_everything_as_duplicate_and_changes_nothing(store, config, write):
    folder = write("a.txt", TEXT.format(n=1)).parent
    write("b.txt", TEXT.format(n=2))
    pipeline.ingest(store, [str(folder)], config=config)
    before = store.snapshot()
    again = pipeline.ingest(store, [str(folder)], config=config)
    assert (again.ingested, again.duplicates, again.rejected) == (0, 2, ())
    assert store.snapshot() == before


def test_the_published_option_dates_every_document(store, config, write):
    page = write("a.txt", TEXT.format(n=1))
    pipeline.ingest(store, [str(page)], published=date(2024, 5, 6), config=config)
    [document] = store.documents().values()
    assert (document.published, document.date_source) == (date(2024, 5, 6), "cli")


def test_a_fixed_input_clears_its_old_rejection(store, config, write):
    page = write("a.txt", "")
    assert pipeline.ingest(store, [str(page)], config=config).rejected
    page.write_text(TEXT.format(n=3))
    assert pipeline.ingest(store, [str(page)], config=config).rejected == ()
    assert store.rejections() == []


def test_progress_reports_every_target_and_corpus_lines(store, config, write):
    folder = write("a.txt", TEXT.format(n=1)).parent
    write("c.jsonl", "\n".join(corpus_line(f"c{n}", TEXT.format(n=n), date(2024, 3, 21)) for n in range(4)))
    seen: list[pipeline.Progress] = []
    pipeline.ingest(store, [str(folder)], config=config, progress=seen.append)
    assert {p.total for p in seen} == {5}
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].done == 5
    assert any(p.item.endswith("c.jsonl:3") for p in seen)


def test_documents_are_written_in_batches(config, write, tmp_path):
    folder = write("a.txt", TEXT.format(n=0)).parent
    for n in range(1, 7):
        write(f"d{n}.txt", TEXT.format(n=n))
    counts = []

    class Counting(Store):
        def add_documents(self, documents, rejections=(), **sketched):  # type: ignore[override]
            counts.append(len(documents))
            return super().add_documents(documents, rejections, **sketched)

    with Counting.open(tmp_path / "b.duckdb") as store:
        pipeline.ingest(store, [str(folder)], config=config)
    assert counts == [3, 3, 1]  # batch_size 3 in the test config


_texts = st.lists(
    st.sampled_from([TEXT.format(n=n) for n in range(6)] + ["", "   ", "Пограничники сообщили."]),
    min_size=1,
    max_size=6,
)


@settings(max_examples=15)
@given(files=_texts, corpus=_texts)
def test_ingesting_twice_equals_ingesting_once(files, corpus):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n, text in enumerate(files):
            (folder / f"f{n}.txt").write_text(text)
        (folder / "c.jsonl").write_text(
            "\n".join(corpus_line(f"c{n}", t, date(2024, 3, 21)) for n, t in enumerate(corpus))
        )
        config = load_config(env={}, db=Path(tmp) / "s.duckdb", batch_size=2)
        with Store.open(config.db) as store:
            pipeline.ingest(store, [str(folder)], config=config)
            once = store.snapshot()
            second = pipeline.ingest(store, [str(folder)], config=config)
            assert store.snapshot() == once
            assert second.ingested == 0


def test_a_store_inside_the_ingested_folder_is_not_an_input(config, write, tmp_path):
    folder = write("a.txt", TEXT.format(n=1)).parent
    with Store.open(folder / "inside.duckdb") as store:
        store.add_rejections([])  # make DuckDB write its files
        summary = pipeline.ingest(store, [str(folder)], config=config)
    assert (summary.ingested, summary.rejected) == (1, ())
