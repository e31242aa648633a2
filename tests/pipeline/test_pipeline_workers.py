"""extract_pending with worker processes: the store ends as with one process, refusals are recorded."""

from __future__ import annotations

from datetime import date

import pytest
from pipeline_fakes import BatchExtractor, NumberExtractor, corpus_line

from flankwatch import pipeline
from flankwatch.extract import Extractor
from flankwatch.pipeline.documents import default_workers
from flankwatch.store import Store

TIMESTAMPS = ("ingested_at", "extracted_at", "recorded_at", "applied_at")
SENTENCES = (
    "Guards said 40 people tried to cross on Monday near Kuźnica.",
    "A quiet note without numbers about the harvest.",
    "Guards said 120 people tried to cross; later 30 people more.",
    "Belarus began an exercise with about 3,000 troops near Hrodna.",
)


class WorkerExtractor(NumberExtractor):
    """Reads batches in worker processes through the real parallel machinery; notes how it was called."""

    def __init__(self, version: str = "workers-1", refuse: str = "") -> None:
        super().__init__(version, refuse)
        self.calls: list[tuple[int, int]] = []

    def extract_many(self, docs, batch_size=64, workers=1):  # type: ignore[no-untyped-def]
        from flankwatch.extract.parallel import chunks, ordered_map

        self.calls.append((batch_size, workers))
        for batch, found in ordered_map(_numbers, chunks(docs, batch_size), workers, _keep, (self,)):
            yield from zip(batch, found, strict=True)


_OWN: dict[str, WorkerExtractor] = {}


def _keep(extractor: WorkerExtractor) -> None:
    from flankwatch.extract.parallel import _start_worker

    _start_worker(extractor)  # what the real workers do, InputError made to travel back included
    _OWN["extractor"] = extractor


def _numbers(docs):  # type: ignore[no-untyped-def]
    return [_OWN["extractor"].extract(d) for d in docs]


@pytest.fixture
def corpus(write):
    lines = [
        corpus_line(f"d{i:02d}", SENTENCES[i % len(SENTENCES)] + f" Item {i}.", date(2024, 3, 1 + i))
        for i in range(10)
    ]
    return write("corpus.jsonl", "\n".join(lines) + "\n")


def _two_stores(tmp_path, config, corpus):  # type: ignore[no-untyped-def]
    stores = []
    for name in ("one.duckdb", "many.duckdb"):
        store = Store.open(tmp_path / name)
        pipeline.ingest(store, [str(corpus)], config=config)
        stores.append(store)
    return stores


def test_workers_fill_the_store_as_one_process_does(tmp_path, config, corpus):
    one, many = _two_stores(tmp_path, config, corpus)
    with one, many:
        alone = pipeline.extract_pending(one, extractor=WorkerExtractor(), batch_size=3, workers=1)
        seen = []
        split = WorkerExtractor()
        shared = pipeline.extract_pending(many, seen.append, extractor=split, batch_size=3, workers=2)
        assert split.calls == [(3, 2)]  # one pool for the whole run, its batches the store's batches
        assert (shared.documents, shared.mentions) == (alone.documents, alone.mentions) == (10, 7)
        assert [p.done for p in seen] == [3, 6, 9, 10] and seen[-1].total == 10
        assert many.snapshot(skip_columns=TIMESTAMPS) == one.snapshot(skip_columns=TIMESTAMPS)
        assert pipeline.extract_pending(many, extractor=split, workers=2).documents == 0


def test_a_refused_document_is_recorded_and_the_workers_go_on(tmp_path, config, corpus):
    one, many = _two_stores(tmp_path, config, corpus)
    with one, many:
        refusing = WorkerExtractor(refuse="quiet")
        alone = pipeline.extract_pending(one, extractor=refusing, batch_size=3, workers=1)
        split = WorkerExtractor(refuse="quiet")
        shared = pipeline.extract_pending(many, extractor=split, batch_size=3, workers=2)
        assert [r.problem for r in shared.rejected] == ["no pipeline for this text"] * 3
        # the pool starts again after each refusing batch that has batches after it
        assert [workers for _, workers in split.calls if workers > 1] == [2, 2, 2]
        assert many.snapshot(skip_columns=TIMESTAMPS) == one.snapshot(skip_columns=TIMESTAMPS)
        assert many.counts()["rejections"] == one.counts()["rejections"] == len(alone.rejected) == 3


def test_an_extractor_without_workers_and_a_single_batch_stay_in_this_process(store, config, corpus):
    pipeline.ingest(store, [str(corpus)], config=config)
    batched = BatchExtractor()
    assert pipeline.extract_pending(store, extractor=batched, batch_size=3, workers=2).documents == 10
    assert batched.batches == 4  # no `workers` parameter: batch by batch, here
    single = WorkerExtractor("workers-2")
    pipeline.extract_pending(store, extractor=single, batch_size=50, workers=2)
    assert single.calls == [(64, 1)]  # one batch: no pool worth starting, read here


def test_the_real_extractor_in_workers_writes_what_one_process_writes(tmp_path, config, corpus):
    one, many = _two_stores(tmp_path, config, corpus)
    with one, many:
        pipeline.extract_pending(one, extractor=Extractor(), batch_size=4, workers=1)
        pipeline.extract_pending(many, extractor=Extractor(), batch_size=4, workers=2)
        assert many.counts()["mentions"] > 0
        assert many.snapshot(skip_columns=TIMESTAMPS) == one.snapshot(skip_columns=TIMESTAMPS)


def test_default_workers_is_at_least_one_and_at_most_two():
    assert 1 <= default_workers() <= 2


def test_left_to_itself_a_small_run_starts_no_processes(store, config, corpus):
    pipeline.ingest(store, [str(corpus)], config=config)
    auto = WorkerExtractor("workers-3")
    assert pipeline.extract_pending(store, extractor=auto, batch_size=3).documents == 10
    assert auto.calls and all(workers == 1 for _, workers in auto.calls)  # ten documents: not worth a pool
