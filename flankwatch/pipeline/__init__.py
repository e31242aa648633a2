"""Where the stages meet the store: each function reads a batch, calls a pure stage, writes one transaction.

    ingest          sources + ingest  -> documents, rejections
    extract_pending extract           -> mentions of documents this extractor has not read
    analyse         fuse, indicators, assess -> events, indicator points, assessments (replaced)
    digest          report            -> <out>/<week>.md and .html
    run             all of the above, a digest per week and an index page (`flankwatch demo`)

Progress goes through a callback, so this package never prints. The stages are
looked up through `Stages`, which tests replace with small fakes.
"""

from flankwatch.pipeline.analysis import analyse, is_stale, open_current, refresh
from flankwatch.pipeline.documents import extract_pending, extractor_version, ingest
from flankwatch.pipeline.outputs import DIGEST_LOOKBACK_WEEKS, digest, run, write_atomically, write_index
from flankwatch.pipeline.stages import (
    AnalysisSummary,
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
    "digest",
    "extract_pending",
    "extractor_version",
    "ingest",
    "is_stale",
    "open_current",
    "refresh",
    "run",
    "write_atomically",
    "write_index",
]
