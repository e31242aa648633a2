"""Documents into the store, and mentions out of them: ingest and extract_pending."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from flankwatch import sources
from flankwatch.config import Config, load_config
from flankwatch.errors import InputError
from flankwatch.extract.parallel import chunks, process_context
from flankwatch.ingest import to_document
from flankwatch.ingest.neardup import NearDuplicate, Sketch, near_duplicates, sketch
from flankwatch.pipeline.stages import Extractor, ExtractSummary, IngestSummary, Progress, ProgressFn, Stages
from flankwatch.records import Document, Mention, Rejection
from flankwatch.store import Store

DOCS_PER_FORKED_WORKER = 200  # documents from which one more forked extraction process pays off
DOCS_PER_FRESH_WORKER = 5000  # the same for a process started afresh, which compiles its lexicons first


@dataclass
class _Batch:
    """Documents and rejections waiting for the next transaction, and the run's counts so far."""

    documents: list[Document] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    order: list[str] = field(default_factory=list)
    all_rejections: list[Rejection] = field(default_factory=list)
    ingested: int = 0
    duplicates: int = 0


def ingest(
    store: Store,
    targets: Iterable[str],
    *,
    published: date | None = None,
    progress: ProgressFn | None = None,
    config: Config | None = None,
    web: sources.Web | None = None,
) -> IngestSummary:
    """Read every target into the store, a transaction per batch; rejections are stored and returned.

    1. plan the targets (folders expanded, formats known); missing paths are rejections;
    2. read each target's raw inputs and turn each into a Document (`flankwatch.ingest`);
    3. skip documents already stored or already read in this run (same text = same id);
    4. write documents and rejections every `config.batch_size` documents, and at the end.
    """
    config = config or load_config()
    web = web or sources.Web(config)
    batch = _Batch()
    planned = [t for t in sources.plan(targets) if not _is_the_store(t, store)]
    total = sum(t.weight if isinstance(t, sources.Target) else 1 for t in planned)
    done = 0
    for target in planned:
        if isinstance(target, Rejection):
            batch.rejections.append(target)
        else:
            for count, item in enumerate(sources.read(target, config, web), 1):
                _take(batch, item, published)
                if len(batch.documents) >= config.batch_size:
                    _flush(store, batch)
                if target.fmt == "jsonl" and progress:
                    progress(Progress("ingest", done + min(count, target.weight), total, item.origin))
        done += target.weight if isinstance(target, sources.Target) else 1
        if progress:
            progress(Progress("ingest", done, total, _location(target)))
    _flush(store, batch)
    return IngestSummary(batch.ingested, batch.duplicates, tuple(batch.all_rejections), tuple(batch.order))


def _take(batch: _Batch, item: sources.RawInput | Rejection, published: date | None) -> None:
    if isinstance(item, Rejection):
        batch.rejections.append(item)
        return
    try:
        document = to_document(item, published=published)
    except InputError as exc:
        batch.rejections.append(Rejection(exc.origin, exc.problem))
        return
    if document.id in batch.seen:
        batch.duplicates += 1
        return
    batch.seen.add(document.id)
    batch.order.append(document.id)
    batch.documents.append(document)


def _flush(store: Store, batch: _Batch) -> None:
    if not batch.documents and not batch.rejections:
        return
    sketches, pairs = near_duplicates_of(store, batch.documents)
    new = store.add_documents(batch.documents, batch.rejections, sketches=sketches, near_duplicates=pairs)
    batch.ingested += new
    batch.duplicates += len(batch.documents) - new
    batch.all_rejections.extend(batch.rejections)
    batch.documents, batch.rejections = [], []


def near_duplicates_of(
    store: Store, documents: Sequence[Document]
) -> tuple[list[Sketch], list[NearDuplicate]]:
    """Sketches of the documents, and their near-duplicates among themselves and the stored ones."""
    sketches = [sketch(d.id, d.text) for d in documents]
    known = store.fusion.sketches(k for s in sketches for k in s.index_keys())
    return sketches, near_duplicates(sketches, known)


def sketch_missing(store: Store) -> int:
    """Sketch the stored documents that have none yet (stored before sketches existed); return how many."""
    pending = store.fusion.unsketched()
    size = load_config().batch_size
    for start in range(0, len(pending), size):
        documents = store.documents(pending[start : start + size])
        store.fusion.add_sketches(*near_duplicates_of(store, list(documents.values())))
    return len(pending)


def _is_the_store(target: sources.Target | Rejection, store: Store) -> bool:
    # A store kept inside the folder being ingested is not an input.
    location = Path(_location(target)).resolve()
    own = store.path.resolve()
    return location in (own, own.with_name(own.name + ".wal"))


def _location(target: sources.Target | Rejection) -> str:
    return target.location if isinstance(target, sources.Target) else target.origin


def extractor_version(extractor: Extractor) -> str:
    """The version recorded per document; a different one makes `extract_pending` read it again.

    `version` or `VERSION` of the extractor, prefixed by its class so that two
    extractors that both call themselves 1.0 are told apart.
    """
    version = getattr(extractor, "version", None) or getattr(extractor, "VERSION", None) or "unversioned"
    return f"{type(extractor).__module__}.{type(extractor).__qualname__}/{version}"


def extract_pending(
    store: Store,
    progress: ProgressFn | None = None,
    *,
    stages: Stages | None = None,
    extractor: Extractor | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
) -> ExtractSummary:
    """Extract mentions from every document the current extractor has not read; a transaction per batch.

    A document the extractor rejects (InputError) is recorded as a rejection and
    marked read, with no mentions; any other error stops the run, and a rerun
    continues where it stopped. With `workers` > 1 an extractor whose `extract_many`
    takes `workers` reads the batches in that many processes; this process alone writes,
    batch by batch, in input order. Left to None, `default_workers()` processes are used
    when there is enough work to pay for starting them (`_worth_starting`).
    """
    extractor = extractor or (stages or Stages.default()).extractor()
    version = extractor_version(extractor)
    pending = store.pending_extraction(version)
    size = batch_size or load_config().batch_size
    if workers is None:
        workers = _worth_starting(default_workers(), len(pending))
    workers = min(workers, -(-len(pending) // size))  # no more processes than batches
    many = _with_workers(extractor) if workers > 1 else None
    if many is not None:
        return _extract_in_processes(store, extractor, many, pending, size, workers, progress)
    mentions, rejected = 0, []
    for start in range(0, len(pending), size):
        documents = store.documents(pending[start : start + size])
        results, problems = _extract_batch(extractor, list(documents.values()))
        mentions += store.write_extractions(results, version, problems)
        rejected.extend(problems)
        done = min(start + size, len(pending))
        _report(progress, done, len(pending), documents[pending[done - 1]].name)
    return ExtractSummary(len(pending), mentions, tuple(rejected))


def default_workers() -> int:
    """Extraction processes when none are asked for: one per core, at most two (the batches are
    independent, and each further process costs memory for the compiled lexicons)."""
    return max(1, min(2, os.cpu_count() or 1))


def _worth_starting(workers: int, documents: int) -> int:
    """As many processes as there is work for: a forked one starts at once with the lexicons
    compiled here, one started afresh (when another thread runs, a progress bar's) first
    compiles its own, some seconds per language."""
    forked = process_context().get_start_method() == "fork"
    per_worker = DOCS_PER_FORKED_WORKER if forked else DOCS_PER_FRESH_WORKER
    return max(1, min(workers, documents // per_worker))


def _with_workers(extractor: Extractor) -> Callable[..., Iterable[tuple[Document, list[Mention]]]] | None:
    """The extractor's `extract_many` if it takes `workers`, else None."""
    many = getattr(extractor, "extract_many", None)
    try:
        return many if many is not None and "workers" in inspect.signature(many).parameters else None
    except (TypeError, ValueError):  # a callable without a signature
        return None


def _extract_in_processes(
    store: Store,
    extractor: Extractor,
    many: Callable[..., Iterable[tuple[Document, list[Mention]]]],
    pending: list[str],
    size: int,
    workers: int,
    progress: ProgressFn | None,
) -> ExtractSummary:
    """`extract_pending` with the batches read by worker processes, written here in input order.

    The worker batches are the store batches, so a batch whose document the extractor refuses
    (InputError) is exactly the one not yet written: it is read again here, one by one, and the
    workers start again after it."""
    version = extractor_version(extractor)
    mentions, rejected, done = 0, [], 0
    while done < len(pending):
        stream = many(_stored(store, pending[done:], size), batch_size=size, workers=workers)
        try:
            for batch in chunks(stream, size):
                results = [(d.id, _filed_under(d, found)) for d, found in batch]
                mentions += store.write_extractions(results, version, [])
                done += len(batch)
                _report(progress, done, len(pending), batch[-1][0].name)
        except InputError:
            documents = store.documents(pending[done : done + size])
            results, problems = _extract_batch(extractor, list(documents.values()))
            mentions += store.write_extractions(results, version, problems)
            rejected.extend(problems)
            done = min(done + size, len(pending))
            _report(progress, done, len(pending), documents[pending[done - 1]].name)
    return ExtractSummary(len(pending), mentions, tuple(rejected))


def _stored(store: Store, ids: list[str], size: int) -> Iterator[Document]:
    """The documents of `ids` in that order, read from the store a batch at a time."""
    for start in range(0, len(ids), size):
        found = store.documents(ids[start : start + size])
        yield from (found[i] for i in ids[start : start + size])


def _report(progress: ProgressFn | None, done: int, total: int, last: str) -> None:
    if progress:
        progress(Progress("extract", done, total, last))


def _extract_batch(
    extractor: Extractor, documents: Sequence[Document]
) -> tuple[list[tuple[str, list[Mention]]], list[Rejection]]:
    many = getattr(extractor, "extract_many", None)
    if many is not None:
        # Batched tokenisation is faster; if one document is refused, read them one by one to know which.
        try:
            return [(d.id, _filed_under(d, found)) for d, found in many(documents)], []
        except InputError:
            pass
    results, problems = [], []
    for document in documents:
        try:
            found = extractor.extract(document)
        except InputError as exc:
            problems.append(Rejection(document.origin or document.name, exc.problem, stage="extract"))
            found = []
        results.append((document.id, _filed_under(document, found)))
    return results, problems


def _filed_under(document: Document, mentions: Sequence[Mention]) -> list[Mention]:
    # The store files mentions under Document.id, whatever name the extractor used.
    return [m if m.doc == document.id else replace(m, doc=document.id) for m in mentions]
