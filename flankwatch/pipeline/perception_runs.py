"""Perception analysis stored: read and count official documents, then write the run in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flankwatch.perception import PerceptionResult, PerceptionSettings, analyse
from flankwatch.pipeline.stages import Progress, ProgressFn
from flankwatch.store import Store


def perception(
    store: Store,
    source: str | Path | Iterable[str | Path],
    targets: Iterable[str] = ("belarus",),
    *,
    settings: PerceptionSettings | None = None,
    sidecar: Path | None = None,
    targets_dir: Path | None = None,
    progress: ProgressFn | None = None,
) -> PerceptionResult:
    """Analyse `source` for `targets` (see `flankwatch.perception.analyse`) and store the result as a run.

    Steps: 1. read, count and classify every document (nothing is written
    yet, so a bad target or setting leaves the store untouched); 2. write the
    run, its documents, counts and mentions in one transaction. The run id
    (`flankwatch.store.perception.run_id(result)`) comes from the documents,
    targets and settings, so analysing the same files the same way again
    changes no row but the run's `stored_at`. Files that could not be read are
    in `result.rejections` and stored with the run.
    """

    def step(done: int, total: int, item: str) -> None:
        if progress:
            progress(Progress("perception", done, total, item))

    result = analyse(
        source, targets, settings=settings, sidecar=sidecar, targets_dir=targets_dir, progress=step
    )
    files = len(result.documents) + len(result.rejections)
    step(files, files, "storing")
    store.perception.write(result)
    return result
