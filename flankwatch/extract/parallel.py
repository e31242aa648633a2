"""Extraction across worker processes: batches of documents out, mentions back, in input order.

Each worker holds one Extractor for its whole life. Where the operating system allows
it (Linux, and no other thread running in the caller) workers are forked and inherit
the caller's extractor with its lexicons already compiled; elsewhere they are started
fresh and rebuild it. At most `AHEAD` batches per worker are in flight, so documents
are read from the caller's iterable only as fast as the workers take them and memory
stays flat however many there are. An error in a worker is raised in the caller with
a note naming the documents of its batch; a worker that dies (killed, out of memory)
raises BrokenProcessPool the same way. Nothing is dropped silently.
"""

from __future__ import annotations

import copyreg
import itertools
import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar

from flankwatch.errors import InputError
from flankwatch.records import Document, Mention

if TYPE_CHECKING:
    from flankwatch.extract.extractor import Extractor

AHEAD = 2  # batches queued per worker: enough to keep it busy, few enough to keep memory flat
B = TypeVar("B")
R = TypeVar("R")

# The worker process's own state, set once by its initializer (each worker is its own process).
_WORKER: dict[str, Any] = {}


def process_context() -> BaseContext:
    """fork on Linux when no other thread runs (fast, and workers share the compiled lexicons);
    otherwise forkserver or spawn, which are safe with threads (a progress bar's, a server's)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ordered_map(
    work: Callable[[B], R],
    batches: Iterable[B],
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    describe: Callable[[B], str] = lambda batch: "a batch",
) -> Iterator[tuple[B, R]]:
    """(batch, work(batch)) for every batch, in input order, computed in `workers` processes.

    `work` and `initializer` must be module-level functions (they are sent to the workers
    by name). The first error raised by `work` is raised here, noted with `describe(batch)`.
    """
    pool = ProcessPoolExecutor(
        workers, mp_context=process_context(), initializer=initializer, initargs=initargs
    )
    pending: deque[tuple[B, Future[R]]] = deque()
    try:
        for batch in batches:
            pending.append((batch, pool.submit(work, batch)))
            if len(pending) >= workers * AHEAD:
                yield _outcome(*pending.popleft(), describe)
        while pending:
            yield _outcome(*pending.popleft(), describe)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(batch: B, future: Future[R], describe: Callable[[B], str]) -> tuple[B, R]:
    try:
        return batch, future.result()
    except BrokenProcessPool as exc:
        exc.add_note(f"a worker process died (killed, or out of memory) while working on {describe(batch)}")
        raise
    except Exception as exc:
        exc.add_note(f"raised in a worker process while working on {describe(batch)}")
        raise


def chunks(items: Iterable[B], size: int) -> Iterator[list[B]]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_in_processes(
    extractor: Extractor, docs: Iterable[Document], batch_size: int, workers: int
) -> Iterator[tuple[Document, list[Mention]]]:
    """`Extractor.extract_many` with the work split across `workers` processes."""
    batches = chunks(docs, batch_size)
    first = next(batches, None)
    if first is None:
        return
    for language in dict.fromkeys(d.language for d in first):
        extractor.kit(language)  # compiled once here: forked workers inherit it, others are sent its name
    for batch, found in ordered_map(
        _extract_batch, itertools.chain([first], batches), workers, _start_worker, (extractor,), _names
    ):
        yield from zip(batch, found, strict=True)


def _start_worker(extractor: Extractor) -> None:
    _WORKER["extractor"] = extractor
    # An InputError (one document refused) is sent back to the caller, who records it and goes on;
    # pickled by its message alone it could not be rebuilt there, so it goes with its two fields.
    copyreg.pickle(InputError, _input_error)


def _input_error(exc: InputError) -> tuple[object, ...]:
    return (InputError, (exc.origin, exc.problem), exc.__dict__)


def _extract_batch(docs: list[Document]) -> list[list[Mention]]:
    extractor: Extractor = _WORKER["extractor"]
    return [mentions for _, mentions in extractor.extract_many(docs, batch_size=len(docs))]


def _names(docs: list[Document]) -> str:
    if len(docs) == 1:
        return f"document {docs[0].name!r}"
    return f"{len(docs)} documents, {docs[0].name!r} to {docs[-1].name!r}"
