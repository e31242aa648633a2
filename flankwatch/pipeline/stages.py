"""What the pipeline exchanges: progress updates, the stage functions it calls, and its summaries."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from flankwatch.records import Assessment, Document, Event, IndicatorPoint, Mention, Rejection


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
    fuse: Callable[[Sequence[Mention], Mapping[str, Document]], list[Event]]
    indicator_points: Callable[[Sequence[Mention], Mapping[str, Document]], list[IndicatorPoint]]
    assess_weeks: Callable[[Sequence[Mention], Mapping[str, Document], Sequence[str]], list[Assessment]]
    render_digest: Callable[..., Digest]

    @staticmethod
    def default() -> Stages:
        # Imported on use: `ingest --no-extract` and tests with their own stages load no spaCy or Jinja.
        from flankwatch.assess import assess_weeks
        from flankwatch.extract import Extractor as RealExtractor
        from flankwatch.fuse import fuse
        from flankwatch.indicators import daily_points, weekly_points
        from flankwatch.report import render_digest

        def points(mentions: Sequence[Mention], documents: Mapping[str, Document]) -> list[IndicatorPoint]:
            return [*daily_points(mentions, documents), *weekly_points(mentions, documents)]

        return Stages(RealExtractor, fuse, points, assess_weeks, render_digest)


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
