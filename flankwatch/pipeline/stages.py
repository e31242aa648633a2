"""What the pipeline exchanges: progress updates, the stage functions it calls, and its summaries."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from flankwatch.assess import Backtest
from flankwatch.fuse import FusedEvent, Sources
from flankwatch.indicators import Indicators
from flankwatch.records import Assessment, Document, Event, Mention, Rejection


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a stage has come: `done` of `total` units (`total` None when unknown)."""

    stage: str
    done: int
    total: int | None
    item: str = ""


ProgressFn = Callable[[Progress], None]


class Extractor(Protocol):
    """Reads a document into mentions; its `version` (or `VERSION`) is recorded per document."""

    def extract(self, doc: Document) -> list[Mention]: ...


class Digest(Protocol):
    """A rendered digest: what `render_digest` returns."""

    @property
    def markdown(self) -> str: ...

    @property
    def html(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Stages:
    """The stage functions the pipeline calls; `Stages.default()` gives the real ones."""

    extractor: Callable[[], Extractor]
    # (mentions, documents, sources) -> events with their graded sources
    fuse: Callable[[Sequence[Mention], Mapping[str, Document], Sources], Sequence[FusedEvent | Event]]
    # (mentions, documents, events, weeks, sources) -> points, increments, weekly series
    indicators: Callable[..., Indicators]
    # (mentions, documents, weeks, *, rules=, sources=, events=, indicators=) -> assessments
    assess_weeks: Callable[..., list[Assessment]]
    # (week, assessments, mentions, documents, events, *, sources=) -> Digest
    render_digest: Callable[..., Digest]

    @staticmethod
    def default(extractor: Callable[[], Extractor] | None = None) -> Stages:
        """The real stages; `extractor` replaces the real extractor (which is then never imported)."""
        # Imported on use: `ingest --no-extract` and tests with their own stages load no spaCy or Jinja.
        from flankwatch.assess import assess_weeks
        from flankwatch.report import render_digest

        if extractor is None:
            from flankwatch.extract import Extractor as RealExtractor

            extractor = RealExtractor
        return Stages(extractor, fuse_stage, indicator_stage, assess_weeks, render_digest)


def fuse_stage(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources
) -> list[FusedEvent]:
    """The real fusion, as the pipeline calls it."""
    from flankwatch.fuse import fuse_events

    return fuse_events(mentions, documents, sources=sources)


def indicator_stage(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    events: Sequence[FusedEvent],
    weeks: Sequence[str],
    sources: Sources,
) -> Indicators:
    """The real indicators, as the pipeline calls them."""
    from flankwatch.indicators import build_indicators

    return build_indicators(mentions, documents, events, weeks, sources=sources)


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What `ingest` did: new documents, duplicates skipped, rejections (also stored)."""

    ingested: int
    duplicates: int
    rejected: tuple[Rejection, ...]
    document_ids: tuple[str, ...] = ()  # the documents read in this run, new or already stored


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    """What `extract_pending` did: documents read, mentions written, documents refused."""

    documents: int
    mentions: int
    rejected: tuple[Rejection, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysisSummary:
    """What `analyse` rebuilt: counts of events, indicator points, assessments, and the weeks."""

    events: int
    points: int
    assessments: int
    weeks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BacktestRun:
    """What `backtest` computed: the grid of levels and verdicts, and the chart written, if any."""

    grid: Backtest
    assessments: tuple[Assessment, ...]
    chart: Path | None


@dataclass(frozen=True, slots=True)
class DigestFiles:
    """The two files of one week's digest."""

    week: str
    markdown: Path
    html: Path


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What `run` did, stage by stage, and where its outputs are."""

    ingest: IngestSummary
    extract: ExtractSummary
    analysis: AnalysisSummary
    digests: tuple[DigestFiles, ...]
    index: Path | None
    db: Path
