"""Where the stages meet the store: each function reads a batch, calls a pure stage, writes one transaction.

    ingest          sources + ingest  -> documents, rejections
    extract_pending extract           -> mentions of documents this extractor has not read
    analyse         fuse, indicators, assess -> events with sources, indicators, assessments (replaced)
    reassess        assess            -> assessments of some weeks under any rules version (not stored)
    backtest        assess, report    -> levels and verdicts per theatre over a period, and a chart
    digest          report            -> <out>/<week>.md and .html
    run             all of the above, a digest per week and an index page (`flankwatch demo`)

Progress goes through a callback, so this package never prints. The stages are
looked up through `Stages`, which tests replace with small fakes.
"""

from flankwatch.pipeline.analysis import (
    analyse,
    analysis_fingerprint,
    is_stale,
    open_current,
    reassess,
    refresh,
)
from flankwatch.pipeline.backtests import backtest
from flankwatch.pipeline.documents import extract_pending, extractor_version, ingest
from flankwatch.pipeline.outputs import DIGEST_LOOKBACK_WEEKS, digest, run, write_atomically, write_index
from flankwatch.pipeline.perception_runs import perception
from flankwatch.pipeline.stages import (
    AnalysisSummary,
    BacktestRun,
    Digest,
    DigestFiles,
    Extractor,
    ExtractSummary,
    IngestSummary,
    Progress,
    ProgressFn,
    RunSummary,
    Stages,
)

__all__ = [
    "DIGEST_LOOKBACK_WEEKS",
    "AnalysisSummary",
    "BacktestRun",
    "Digest",
    "DigestFiles",
    "ExtractSummary",
    "Extractor",
    "IngestSummary",
    "Progress",
    "ProgressFn",
    "RunSummary",
    "Stages",
    "analyse",
    "analysis_fingerprint",
    "backtest",
    "digest",
    "extract_pending",
    "extractor_version",
    "ingest",
    "is_stale",
    "open_current",
    "perception",
    "reassess",
    "refresh",
    "run",
    "write_atomically",
    "write_index",
]
