"""Extraction speed against tokenising alone, measured in one run on a generated corpus.

Passes read the same corpus (bench/corpus.py, generated lazily from the same seed): a
bare spaCy tokenizer (`nlp.tokenizer_for`, the baseline) and the full extractor, each in
one process and with only its work timed, so that `ratio` compares equal resources.
With `workers` > 1 a third pass extracts in that many processes, timed end to end
(extract/parallel.py: documents sent to the workers, mentions sent back; making the
documents included); its figures are reported apart, labelled with its process count,
and never enter `ratio`. Each pass runs in a process of its own, so that the peak
memory it reports (resident set size, from `getrusage`, its worker processes' too) is
its own and nothing another pass loaded.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing.connection import Connection
from typing import Any

from spacy.language import Language

from flankwatch.bench.corpus import GENRE_NAMES, generate, template_languages
from flankwatch.errors import FlankwatchError, UsageError
from flankwatch.extract import Extractor
from flankwatch.extract.parallel import chunks, process_context
from flankwatch.nlp import load_languages, tokenizer_for
from flankwatch.records import Document

ProgressFn = Callable[[str, int, int], None]  # (pass, documents done, documents in all)
PASSES = ("tokenizer", "extraction", "parallel")


@dataclass(frozen=True, slots=True)
class BenchOptions:
    docs: int
    languages: tuple[str, ...] = ("en", "ru", "pl")
    workers: int = 1
    batch_size: int = 64
    seed: int = 0
    genres: tuple[str, ...] = GENRE_NAMES


@dataclass(frozen=True, slots=True)
class Pass:
    """One pass over the corpus: what it read, how long it took, the memory it held."""

    docs: int
    bytes: int
    seconds: float
    mentions: int = 0
    peak_rss_kb: int = 0  # the pass's own process
    worker_peak_rss_kb: int = 0  # its largest worker process (0 with one worker)
    per_language: dict[str, int] = field(default_factory=dict)  # mentions by language

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    @property
    def peak_rss_mb(self) -> float:
        return max(self.peak_rss_kb, self.worker_peak_rss_kb) / 1024


@dataclass(frozen=True, slots=True)
class BenchResult:
    options: BenchOptions
    tokenizer: Pass  # one process
    extraction: Pass  # one process
    machine: dict[str, Any]
    extractor_version: str
    silent_languages: tuple[str, ...]  # benchmarked languages that have no lexicons, hence no mentions
    parallel: Pass | None = None  # `options.workers` processes, when more than one

    @property
    def ratio(self) -> float:
        """Extraction speed as a share of tokenising speed at equal resources, one process each
        (1.0: as fast as the tokenizer alone)."""
        return _share(self.extraction, self.tokenizer)

    @property
    def parallel_ratio(self) -> float | None:
        """Extraction in `options.workers` processes against the tokenizer in one: what the processes buy."""
        return _share(self.parallel, self.tokenizer) if self.parallel else None

    def to_json(self) -> dict[str, Any]:
        t, e = self.tokenizer, self.extraction
        return {
            "docs": e.docs,
            "megabytes": round(e.bytes / 1e6, 3),
            "extract_docs_per_s": round(e.docs_per_s, 1),
            "extract_mb_per_s": round(e.mb_per_s, 3),
            "extract_seconds": round(e.seconds, 3),
            "tokenizer_docs_per_s": round(t.docs_per_s, 1),
            "tokenizer_mb_per_s": round(t.mb_per_s, 3),
            "tokenizer_seconds": round(t.seconds, 3),
            "ratio": round(self.ratio, 3),
            "peak_rss_mb": round(e.peak_rss_mb, 1),
            "peak_rss_main_mb": round(e.peak_rss_kb / 1024, 1),
            "peak_rss_worker_mb": round(e.worker_peak_rss_kb / 1024, 1),
            "tokenizer_peak_rss_mb": round(t.peak_rss_mb, 1),
            "tokenizer_workers": 1,
            "extract_workers": 1,
            "ratio_basis": "one extraction process against one tokenizer process",
            "mentions": e.mentions,
            "mentions_per_doc": round(e.mentions / e.docs, 2) if e.docs else 0.0,
            "mentions_by_language": e.per_language,
            "languages": list(self.options.languages),
            "languages_without_lexicons": list(self.silent_languages),
            "genres": list(self.options.genres),
            "workers": self.options.workers,
            "parallel": self._parallel_json(),
            "batch_size": self.options.batch_size,
            "seed": self.options.seed,
            "extractor_version": self.extractor_version,
            "machine": self.machine,
        }

    def _parallel_json(self) -> dict[str, Any] | None:
        """The multi-process pass, labelled as such: None with one worker."""
        p = self.parallel
        if p is None:
            return None
        return {
            "extract_workers": self.options.workers,
            "timed": "end to end, making the documents and sending them to the workers included",
            "extract_docs_per_s": round(p.docs_per_s, 1),
            "extract_mb_per_s": round(p.mb_per_s, 3),
            "extract_seconds": round(p.seconds, 3),
            "ratio_vs_one_tokenizer_process": round(self.parallel_ratio or 0.0, 3),
            "speedup_vs_one_extraction_process": round(_share(p, self.extraction), 3),
            "peak_rss_mb": round(p.peak_rss_mb, 1),
            "peak_rss_main_mb": round(p.peak_rss_kb / 1024, 1),
            "peak_rss_worker_mb": round(p.worker_peak_rss_kb / 1024, 1),
            "mentions": p.mentions,
            "same_mentions": p.per_language == self.extraction.per_language,  # mentions by language
        }


def _share(a: Pass | None, b: Pass) -> float:
    return a.docs_per_s / b.docs_per_s if a is not None and b.docs_per_s else 0.0


def run_bench(options: BenchOptions, progress: ProgressFn | None = None) -> BenchResult:
    """Both passes over the corpus the options describe; each in a process of its own."""
    _check(options)
    extractor = Extractor()
    silent = tuple(code for code in options.languages if code not in extractor.languages())
    loads = _load_average()
    tokenizer = _in_child("tokenizer", options, progress)
    extraction = _in_child("extraction", options, progress)
    parallel = _in_child("parallel", options, progress) if options.workers > 1 else None
    found = machine(load_before=loads)
    return BenchResult(options, tokenizer, extraction, found, extractor.version, silent, parallel)


def _check(options: BenchOptions) -> None:
    if options.docs < 1 or options.workers < 1 or options.batch_size < 1:
        raise UsageError("--docs, --workers and --batch-size must each be at least 1")
    known = template_languages()
    unknown = [code for code in options.languages if code not in known]
    if unknown or not options.languages:
        raise UsageError(
            f"no benchmark templates for {', '.join(unknown) or 'no language'} (known: {', '.join(known)})"
        )
    wrong = [g for g in options.genres if g not in GENRE_NAMES]
    if wrong or not options.genres:
        raise UsageError(f"unknown genre {', '.join(wrong) or '(none)'} (known: {', '.join(GENRE_NAMES)})")


# -- the passes, each run in a child process ------------------------------------------------
def _in_child(kind: str, options: BenchOptions, progress: ProgressFn | None) -> Pass:
    """Run one pass in a process of its own, relaying its progress; re-raise its error."""
    context = process_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child_main, args=(kind, options, sender), name=f"flankwatch-bench-{kind}"
    )
    process.start()
    sender.close()
    try:
        while True:
            try:
                message = receiver.recv()
            except EOFError:
                process.join()
                raise FlankwatchError(
                    f"the {kind} pass ended without a result (exit code {process.exitcode}): killed, or out of memory?"
                ) from None
            if message[0] == "progress" and progress is not None:
                progress(kind, message[1], options.docs)
            elif message[0] == "done":
                return message[1]  # type: ignore[no-any-return]
            elif message[0] == "error":
                error, remote = message[1], message[2]
                error.add_note(f"in the {kind} pass of the benchmark:\n{remote}")
                raise error
    finally:
        receiver.close()
        process.join()


def _child_main(kind: str, options: BenchOptions, sender: Connection) -> None:
    try:
        run = {"tokenizer": _tokenizer_pass, "extraction": _extraction_pass, "parallel": _parallel_pass}[kind]
        sender.send(("done", run(options, lambda done: sender.send(("progress", done)))))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent, which raises it
        try:
            sender.send(("error", exc, traceback.format_exc()))
        except Exception:  # noqa: BLE001 - the error itself would not pickle: send its text
            sender.send(("error", FlankwatchError(f"{type(exc).__name__}: {exc}"), traceback.format_exc()))
    finally:
        sender.close()


def _corpus(options: BenchOptions) -> Iterator[Document]:
    return generate(options.docs, options.languages, options.seed, options.genres)


def _size(docs: list[Document]) -> int:
    return sum(len(d.text.encode("utf-8")) for d in docs)


def _compiled(options: BenchOptions) -> Extractor:
    extractor = Extractor()
    for code in options.languages:
        extractor.kit(code)  # compiling lexicons is set-up, not extraction
    return extractor


def _extraction_pass(options: BenchOptions, report: Callable[[int], None]) -> Pass:
    """One process; only the extraction is timed, as only the tokenizer's work is in its pass."""
    extractor = _compiled(options)
    docs = size = mentions = 0
    per_language: dict[str, int] = {}
    seconds = 0.0
    for batch in chunks(_corpus(options), options.batch_size):
        clock = time.perf_counter()
        results = list(extractor.extract_many(batch, options.batch_size))
        seconds += time.perf_counter() - clock
        docs, size = docs + len(batch), size + _size(batch)
        mentions += _count(results, per_language)
        report(docs)
    return Pass(docs, size, seconds, mentions, *_peaks(), per_language=per_language)


def _parallel_pass(options: BenchOptions, report: Callable[[int], None]) -> Pass:
    """`options.workers` processes, timed end to end (the work cannot be clocked inside the workers)."""
    extractor = _compiled(options)
    docs = size = mentions = 0
    per_language: dict[str, int] = {}
    started = time.perf_counter()
    found = extractor.extract_many(_corpus(options), options.batch_size, workers=options.workers)
    for batch in chunks(found, options.batch_size):
        docs += len(batch)
        size += _size([d for d, _ in batch])
        mentions += _count(batch, per_language)
        report(docs)
    seconds = time.perf_counter() - started
    return Pass(docs, size, seconds, mentions, *_peaks(), per_language=per_language)


def _count(results: list[tuple[Document, list[Any]]], per_language: dict[str, int]) -> int:
    for doc, found in results:
        per_language[doc.language] = per_language.get(doc.language, 0) + len(found)
    return sum(len(found) for _, found in results)


def _tokenizer_pass(options: BenchOptions, report: Callable[[int], None]) -> Pass:
    """The baseline: a bare tokenizer in one process, whatever the workers of the extraction."""
    for code in options.languages:
        _tokenizer(code)  # built before the clock starts, as the extractor's lexicons are
    docs = size = 0
    seconds = 0.0
    for batch in chunks(_corpus(options), options.batch_size):
        clock = time.perf_counter()
        _tokenize(batch, options.batch_size)
        seconds += time.perf_counter() - clock
        docs, size = docs + len(batch), size + _size(batch)
        report(docs)
    return Pass(docs, size, seconds, 0, *_peaks())


@lru_cache(maxsize=16)
def _tokenizer(code: str) -> Language:
    return tokenizer_for(load_languages()[code])


def _tokenize(batch: list[Document], batch_size: int) -> int:
    """Tokenise a batch as the extractor does: `nlp.pipe` per language. Returns the token count."""
    tokens = 0
    for code in dict.fromkeys(d.language for d in batch):
        texts = [d.text for d in batch if d.language == code]
        tokens += sum(len(doc) for doc in _tokenizer(code).pipe(texts, batch_size=batch_size))
    return tokens


def _peaks() -> tuple[int, int]:
    """Peak resident set size of this process and of its largest finished child, in KiB."""
    try:
        import resource
    except ImportError:  # not on this operating system: report nothing rather than guess
        return 0, 0
    scale = 1024 if sys.platform == "darwin" else 1  # macOS counts bytes, Linux KiB
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // scale
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // scale
    return int(own), int(children)


# -- the machine ---------------------------------------------------------------------------
def machine(load_before: tuple[float, float, float] | None = None) -> dict[str, Any]:
    """What the figures were measured on: CPUs, model, Python, spaCy, system, and the load."""
    import spacy

    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "system": platform.platform(),
        "load_average_before": list(load_before) if load_before else None,
        "load_average_after": list(_load_average() or ()) or None,
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except OSError:
        return None
