"""extract_pending, analyse, digest, refresh and run, with small stages injected through `Stages`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pipeline_fakes import BatchExtractor, NumberExtractor, corpus_line, fake_stages

from flankwatch import pipeline
from flankwatch.errors import UsageError
from flankwatch.records import Rejection
from flankwatch.store import Store


@pytest.fixture
def corpus(write):
    lines = [
        corpus_line("w11-a", "Guards said 40 people tried to cross on Monday.", date(2024, 3, 11)),
        corpus_line(
            "w12-a", "Guards said 120 people tried to cross. Later 30 people more.", date(2024, 3, 19)
        ),
        corpus_line("w12-b", "A quiet note without numbers.", date(2024, 3, 21)),
        corpus_line("w14-a", "Guards said 7 people tried to cross.", date(2024, 4, 2)),
    ]
    return write("corpus.jsonl", "\n".join(lines) + "\n")


def _ingested(store, config, corpus):
    pipeline.ingest(store, [str(corpus)], config=config)
    return store


def test_extraction_reads_each_document_once_per_extractor_version(store, config, corpus):
    _ingested(store, config, corpus)
    first = NumberExtractor("numbers-1")
    summary = pipeline.extract_pending(store, extractor=first, batch_size=2)
    assert (summary.documents, summary.mentions, summary.rejected) == (4, 4, ())
    assert pipeline.extract_pending(store, extractor=first).documents == 0
    newer = NumberExtractor("numbers-2")
    assert pipeline.extract_pending(store, extractor=newer).documents == 4 and len(newer.seen) == 4
    assert store.counts()["mentions"] == 4


def test_mentions_are_filed_under_the_document_id_whatever_the_extractor_called_it(store, config, corpus):
    _ingested(store, config, corpus)
    pipeline.extract_pending(store, extractor=NumberExtractor())
    documents = store.documents()
    assert all(m.doc in documents for m in store.mentions())
    assert {documents[m.doc].name for m in store.mentions()} == {"w11-a", "w12-a", "w14-a"}


def test_a_document_the_extractor_rejects_is_recorded_and_the_rest_goes_on(store, config, corpus):
    _ingested(store, config, corpus)
    summary = pipeline.extract_pending(store, extractor=NumberExtractor(refuse="quiet note"))
    origin = f"{corpus}:3"
    assert summary.rejected == (Rejection(origin, "no pipeline for this text", stage="extract"),)
    assert store.rejections(stage="extract") == [summary.rejected[0]]
    assert summary.mentions == 4
    assert store.pending_extraction(pipeline.extractor_version(NumberExtractor())) == []
    fixed = pipeline.extract_pending(store, extractor=NumberExtractor("numbers-2"))
    assert fixed.rejected == () and store.rejections(stage="extract") == []


def test_extraction_reports_progress(store, config, corpus):
    _ingested(store, config, corpus)
    seen: list[pipeline.Progress] = []
    pipeline.extract_pending(store, seen.append, extractor=NumberExtractor(), batch_size=3)
    assert [(p.stage, p.done, p.total) for p in seen] == [("extract", 3, 4), ("extract", 4, 4)]


def test_analysis_covers_every_week_the_documents_span_and_replaces_the_old_one(store, config, corpus):
    _ingested(store, config, corpus)
    stages = fake_stages()
    pipeline.extract_pending(store, stages=stages)
    summary = pipeline.analyse(store, stages=stages)
    assert summary.weeks == ("2024-W11", "2024-W12", "2024-W13", "2024-W14")
    assert (summary.events, summary.points, summary.assessments) == (4, 4, 4)
    assert [a.level for a in store.assessments()] == [1, 1, 0, 1]
    pipeline.analyse(store, stages=stages)
    assert store.counts()["assessments"] == 4 and store.counts()["events"] == 4


def test_refresh_does_only_what_is_needed(store, config, corpus):
    _ingested(store, config, corpus)
    stages = fake_stages()
    extracted, analysis = pipeline.refresh(store, stages=stages)
    assert extracted.documents == 4 and analysis is not None
    extracted, analysis = pipeline.refresh(store, stages=stages)
    assert extracted.documents == 0 and analysis is None
    assert not pipeline.is_stale(store, stages.extractor())


def test_digest_writes_markdown_and_html_with_the_weeks_mentions(store, config, corpus, tmp_path):
    _ingested(store, config, corpus)
    stages = fake_stages()
    pipeline.refresh(store, stages=stages)
    files = pipeline.digest(store, "2024-W12", tmp_path / "out", stages=stages)
    assert (files.markdown.name, files.html.name) == ("2024-W12.md", "2024-W12.html")
    markdown = files.markdown.read_text("utf-8")
    assert (
        "# Digest 2024-W12" in markdown
        and "120 people [w12-a]" in markdown
        and "30 people [w12-a]" in markdown
    )
    assert "7 people" not in markdown  # a later week stays out
    assert "40 people [w11-a]" in markdown  # the weeks before come along for comparison
    assert files.html.read_text("utf-8").startswith("<html>")
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_a_digest_for_a_week_without_assessment_is_a_usage_error(store, config, corpus, tmp_path):
    with pytest.raises(UsageError, match=r"no assessments in .* yet; ingest documents first"):
        pipeline.digest(store, "2024-W12", tmp_path, stages=fake_stages())
    _ingested(store, config, corpus)
    pipeline.refresh(store, stages=fake_stages())
    with pytest.raises(UsageError, match=r"no assessment for 2024-W30 .*; it covers 2024-W11 to 2024-W14"):
        pipeline.digest(store, "2024-W30", tmp_path, stages=fake_stages())
    with pytest.raises(UsageError, match=r"'2024-12' is not an ISO week"):
        pipeline.digest(store, "2024-12", tmp_path, stages=fake_stages())


def test_run_writes_a_digest_per_week_and_an_index(store, config, corpus, tmp_path):
    out = tmp_path / "demo"
    result = pipeline.run(store, [str(corpus)], out, stages=fake_stages(), config=config)
    assert [d.week for d in result.digests] == ["2024-W11", "2024-W12", "2024-W13", "2024-W14"]
    assert result.index == out / "index.html" and result.db == store.path
    index = result.index.read_text("utf-8")
    assert index.count("<tr class=") == 4 and 'href="2024-W12.html"' in index
    assert (
        '<tr class="level-1"><td><a href="2024-W12.html">2024-W12</a></td><td>1</td><td>PL-BY</td>' in index
    )
    again = pipeline.run(store, [str(corpus)], out, stages=fake_stages(), config=config)
    assert (again.ingest.ingested, again.ingest.duplicates, again.extract.documents) == (0, 4, 0)


def test_open_current_brings_a_store_up_to_date_then_opens_read_only(config, corpus):
    with Store.open(config.db) as store:
        pipeline.ingest(store, [str(corpus)], config=config)
    stages = fake_stages()
    with pipeline.open_current(config.db, stages=stages) as store:
        assert not store.read_only and store.counts()["assessments"] == 4
    with pipeline.open_current(config.db, stages=stages) as store:
        assert store.read_only
    newer = replace(stages, extractor=lambda: NumberExtractor("numbers-2"))
    with pipeline.open_current(config.db, stages=newer) as store:
        assert not store.read_only


def test_written_files_are_replaced_whole(tmp_path):
    target = tmp_path / "a" / "b.md"
    pipeline.write_atomically(target, "first")
    pipeline.write_atomically(target, "second")
    assert target.read_text() == "second" and [p.name for p in target.parent.iterdir()] == ["b.md"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UsageError, match=r"cannot write"):
        pipeline.write_atomically(blocker / "c.md", "text")


def test_the_recorded_version_names_the_extractor_class_and_its_version():
    assert (
        pipeline.extractor_version(NumberExtractor("numbers-3")) == "pipeline_fakes.NumberExtractor/numbers-3"
    )
    assert pipeline.extractor_version(BatchExtractor()) == "pipeline_fakes.BatchExtractor/batch-7"


def test_batched_extraction_is_used_and_a_refusal_falls_back_to_one_by_one(store, config, corpus):
    _ingested(store, config, corpus)
    batched = BatchExtractor()
    assert pipeline.extract_pending(store, extractor=batched, batch_size=2).mentions == 4
    assert batched.batches == 2 and len(batched.seen) == 4
    refusing = BatchExtractor(refuse="quiet note")
    refusing.VERSION = "batch-8"
    summary = pipeline.extract_pending(store, extractor=refusing, batch_size=4)
    assert [r.problem for r in summary.rejected] == ["no pipeline for this text"]
    assert summary.mentions == 4 and store.counts()["mentions"] == 4
