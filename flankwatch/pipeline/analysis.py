"""Events, indicators and assessments rebuilt from the stored mentions, and keeping a store current."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flankwatch.assess import load_rules
from flankwatch.assess.datafile import packaged
from flankwatch.assess.rulefile import current_version
from flankwatch.fuse import FusedEvent, Sources
from flankwatch.pipeline.documents import extract_pending, extractor_version, sketch_missing
from flankwatch.pipeline.stages import (
    AnalysisSummary,
    Extractor,
    ExtractSummary,
    Progress,
    ProgressFn,
    Stages,
)
from flankwatch.records import Assessment, Document, Mention
from flankwatch.store import Store
from flankwatch.weeks import weeks_between


@dataclass(frozen=True, slots=True)
class Inputs:
    """What every analysis reads from the store: documents, mentions, sources and the weeks covered."""

    documents: dict[str, Document]
    mentions: list[Mention]
    sources: Sources
    weeks: list[str]


def read_inputs(store: Store) -> Inputs:
    """Documents, mentions, their sources (near-duplicates as recorded at ingest) and the weeks they cover."""
    documents = store.documents()
    span = store.published_span()
    return Inputs(
        documents,
        store.mentions(),
        Sources.build(documents, pairs=store.fusion.near_duplicates()),
        weeks_between(*span) if span else [],
    )


def analyse(
    store: Store, progress: ProgressFn | None = None, *, stages: Stages | None = None
) -> AnalysisSummary:
    """Rebuild events, indicators and assessments from all mentions, in one transaction.

    1. sketch documents stored before near-duplicate detection existed;
    2. fuse the mentions into events with their graded sources;
    3. indicator points, increments and weekly series with their baselines;
    4. assess every ISO week from the first to the last publication date
       under the current rules;
    5. replace the stored analyses in one transaction.
    """
    stages = stages or Stages.default()
    if not store.read_only:
        sketch_missing(store)
    fingerprint = analysis_fingerprint(store)
    inputs = read_inputs(store)
    if progress:
        progress(Progress("analyse", 0, 3, "events"))
    events = stages.fuse(inputs.mentions, inputs.documents, inputs.sources)
    fused = [e for e in events if isinstance(e, FusedEvent)]
    indicators = stages.indicators(inputs.mentions, inputs.documents, fused, inputs.weeks, inputs.sources)
    if progress:
        progress(Progress("analyse", 2, 3, "assessments"))
    assessments = stages.assess_weeks(
        inputs.mentions,
        inputs.documents,
        inputs.weeks,
        sources=inputs.sources,
        events=fused if len(fused) == len(events) else None,
        indicators=indicators,
    )
    store.replace_analysis(
        events,
        indicators.points,
        assessments,
        fingerprint,
        increments=indicators.increments,
        series=indicators.series,
    )
    if progress:
        progress(Progress("analyse", 3, 3, "stored"))
    return AnalysisSummary(len(events), len(indicators.points), len(assessments), tuple(inputs.weeks))


def reassess(
    store: Store, weeks: Sequence[str], rules_version: str | None = None, *, stages: Stages | None = None
) -> list[Assessment]:
    """Assess weeks again from the stored mentions under a version of the rules, without storing anything.

    How a past week is re-assessed under the rules of its time (`assess --rules v1`),
    or the current rules compared with older ones.
    """
    stages = stages or Stages.default()
    inputs = read_inputs(store)
    rules = load_rules(rules_version)
    return stages.assess_weeks(
        inputs.mentions, inputs.documents, list(weeks), rules=rules, sources=inputs.sources
    )


def analysis_fingerprint(store: Store) -> str:
    """The documents and extractor versions, and the data files the analysis follows.

    A new rules version, or an edit of the publishers or the response
    catalogue, makes the stored analyses stale just as new documents do.
    """
    digest = hashlib.sha256()
    for relative in (f"assess/rules-{current_version()}.yaml", "publishers.yaml", "responses.yaml"):
        digest.update(packaged(relative).read_bytes())
    return f"{store.fingerprint()}:{digest.hexdigest()[:12]}"


def is_stale(store: Store, extractor: Extractor) -> bool:
    """True when documents wait for this extractor, or the analyses predate the documents or the rules."""
    return bool(
        store.pending_extraction(extractor_version(extractor))
    ) or store.analysed_fingerprint() != analysis_fingerprint(store)


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
    if store.analysed_fingerprint() == analysis_fingerprint(store):
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
