"""Extraction across worker processes: the same mentions in the same order, errors surfaced, input read lazily."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

import pytest

from flankwatch.errors import UsageError
from flankwatch.extract import Extractor
from flankwatch.extract.parallel import chunks, ordered_map
from flankwatch.records import Document, Mention

TEXTS = (
    "On Monday 140 migrants tried to cross the border near Kuźnica, the Border Guard said.",
    "Residents of the border villages say the winter has been hard.",
    "Belarus began a snap exercise involving about 3,000 troops near Hrodna on Tuesday.",
    "Lithuania closed the Šalčininkai crossing until further notice.",
)


def _docs(n: int) -> Iterator[Document]:
    for i in range(n):
        yield Document(
            id=f"d{i}",
            name=f"doc-{i}",
            text=TEXTS[i % len(TEXTS)],
            language="en",
            published=date(2024, 3, 21),
        )


class Failing(Extractor):
    """An extractor whose worker fails on one document (inherited by forked workers, rebuilt otherwise)."""

    def extract_many(self, docs, batch_size=64, workers=1):  # type: ignore[no-untyped-def]
        docs = list(docs)
        if workers == 1 and any(d.name == "doc-13" for d in docs):
            raise ValueError("cannot read doc-13")
        yield from super().extract_many(docs, batch_size, workers)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Failing, ())


def _plain(found: list[tuple[Document, list[Mention]]]) -> list[tuple[str, list[dict]]]:
    return [(d.name, [m.to_json() for m in ms]) for d, ms in found]


def test_workers_give_the_mentions_of_one_process_in_input_order(extractor: Extractor) -> None:
    serial = list(extractor.extract_many(_docs(40), batch_size=4))
    parallel = list(extractor.extract_many(_docs(40), batch_size=4, workers=2))
    assert [d.name for d, _ in parallel] == [f"doc-{i}" for i in range(40)]
    assert _plain(parallel) == _plain(serial)
    assert sum(len(ms) for _, ms in parallel) >= 30


def test_an_error_in_a_worker_is_raised_naming_its_documents() -> None:
    with pytest.raises(ValueError, match="cannot read doc-13") as caught:
        list(Failing().extract_many(_docs(24), batch_size=4, workers=2))
    assert any("doc-12" in note and "doc-15" in note for note in caught.value.__notes__)


def test_documents_are_read_as_the_workers_take_them(extractor: Extractor) -> None:
    taken = itertools.count()

    def endless() -> Iterator[Document]:
        for doc in _docs(10**9):
            next(taken)
            yield doc

    first = list(itertools.islice(extractor.extract_many(endless(), batch_size=5, workers=2), 12))
    assert [d.name for d, _ in first] == [f"doc-{i}" for i in range(12)]
    assert next(taken) < 60  # a few batches ahead of what was asked for, not the whole stream


def test_bad_settings_are_usage_errors(extractor: Extractor) -> None:
    with pytest.raises(UsageError):
        list(extractor.extract_many(_docs(2), workers=0))
    with pytest.raises(UsageError):
        list(extractor.extract_many(_docs(2), batch_size=0))


def test_ordered_map_keeps_order_with_uneven_work() -> None:
    results = list(ordered_map(_slow_square, chunks(range(20), 3), workers=2))
    assert [batch for batch, _ in results] == [list(range(i, min(i + 3, 20))) for i in range(0, 20, 3)]
    assert [r for _, r in results] == [[x * x for x in batch] for batch, _ in results]


def _slow_square(batch: list[int]) -> list[int]:
    import time

    time.sleep(0.02 * (batch[0] % 2))  # odd batches finish later than the even ones queued after them
    return [x * x for x in batch]
