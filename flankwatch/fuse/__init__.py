"""Fusion: mentions of one happening, across documents, become one event with every source.

Public surface:
- `fuse_events(mentions, documents, sources=…) -> list[FusedEvent]` — events
  with their sources, Admiralty grades and disagreements; `fuse` gives the
  bare `Event`s;
- `Sources.build(documents, pairs=…)` — publisher, reliability and
  independence of every document (data/publishers.yaml, near-duplicates);
- `load_publishers()` — the publishers file;
- the timing helpers every later stage shares (`mention_interval`,
  `placement_day`) and the number comparisons (`quantities_close`).
"""

from flankwatch.fuse.admiralty import CREDIBILITY, confidence, credibility
from flankwatch.fuse.cluster import fuse, fuse_events
from flankwatch.fuse.compat import compatible, modality_family, quantities_close, same_count
from flankwatch.fuse.merge import corroborated_confidence, lead_mention, merged_quantities
from flankwatch.fuse.model import Disagreement, EventSource, Figure, FusedEvent
from flankwatch.fuse.provenance import Source, Sources, detect_pairs
from flankwatch.fuse.publishers import Kind, Publisher, Publishers, load_publishers, normalise_name
from flankwatch.fuse.timing import mention_interval, placement_day, published

__all__ = [
    "CREDIBILITY",
    "Disagreement",
    "EventSource",
    "Figure",
    "FusedEvent",
    "Kind",
    "Publisher",
    "Publishers",
    "Source",
    "Sources",
    "compatible",
    "confidence",
    "corroborated_confidence",
    "credibility",
    "detect_pairs",
    "fuse",
    "fuse_events",
    "lead_mention",
    "load_publishers",
    "mention_interval",
    "merged_quantities",
    "modality_family",
    "normalise_name",
    "placement_day",
    "published",
    "quantities_close",
    "same_count",
]
