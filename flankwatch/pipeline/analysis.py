"""Events, indicator points and assessments rebuilt from the stored mentions, and keeping a store current."""

from __future__ import annotations

from pathlib import Path

from flankwatch.pipeline.documents import extract_pending, extractor_version
from flankwatch.pipeline.stages import (
    AnalysisSummary,
    Extractor,
    ExtractSummary,
    Progress,
    ProgressFn,
    Stages,
)
from flankwatch.store import Store
from flankwatch.weeks import weeks_between


def analyse(
    store: Store, progress: ProgressFn | None = None, *, stages: Stages | None = None
) -> AnalysisSummary:
    """Rebuild events, indicator points and assessments from all mentions, in one transaction.

    Every ISO week from the first to the last publication date is assessed.
    """
    stages = stages or Stages.default()
    fingerprint = store.fingerprint()
    documents = store.documents()
    mentions = store.mentions()
    span = store.published_span()
    weeks = weeks_between(*span) if span else []
    if progress:
        progress(Progress("analyse", 0, 3, "events"))
    events = stages.fuse(mentions, documents)
    points = stages.indicator_points(mentions, documents)
    if progress:
        progress(Progress("analyse", 2, 3, "assessments"))
    assessments = stages.assess_weeks(mentions, documents, weeks)
    store.replace_analysis(events, points, assessments, fingerprint)
    if progress:
        progress(Progress("analyse", 3, 3, "stored"))
    return AnalysisSummary(len(events), len(points), len(assessments), tuple(weeks))


def is_stale(store: Store, extractor: Extractor) -> bool:
    """True when documents wait for this extractor, or the analyses predate the documents."""
    return (
        bool(store.pending_extraction(extractor_version(extractor)))
        or store.analysed_fingerprint() != store.fingerprint()
    )


def refresh(
    store: Store,
    progress: ProgressFn | None = None,
    *,
    stages: Stages | None = None,
    extractor: Extractor | None = None,
) -> tuple[ExtractSummary, AnalysisSummary | None]:
    """Extract what is pending, then analyse again if anything changed since the last analysis."""
    stages = stages or Stages.default()
    extracted = extract_pending(store, progress, extractor=extractor or stages.extractor())
    if store.analysed_fingerprint() == store.fingerprint():
        return extracted, None
    return extracted, analyse(store, progress, stages=stages)


def open_current(path: Path, progress: ProgressFn | None = None, *, stages: Stages | None = None) -> Store:
    """The store at `path` brought up to date; opened read-only when there was nothing to do.

    Documents stored with `--no-extract`, by an older extractor or by a run that
    was killed midway are extracted and analysed first (which needs the writer).
    """
    reader = Store.open(path, read_only=True)  # first, so a missing store is named before stages load
    try:
        stages = stages or Stages.default()
        extractor = stages.extractor()
        stale = is_stale(reader, extractor)
    except BaseException:
        reader.close()
        raise
    if not stale:
        return reader
    reader.close()
    store = Store.open(path)
    try:
        refresh(store, progress, stages=stages, extractor=extractor)
    except BaseException:
        store.close()
        raise
    return store
