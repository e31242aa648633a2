"""Fusion: mentions of one happening, across documents, become one event.

Public surface: `fuse`, and the timing helpers every later stage shares
(`mention_interval`, `placement_day`).
"""

from flankwatch.fuse.cluster import fuse
from flankwatch.fuse.compat import compatible, quantities_close
from flankwatch.fuse.merge import corroborated_confidence, lead_mention, merged_quantities
from flankwatch.fuse.timing import mention_interval, placement_day, published

__all__ = [
    "compatible",
    "corroborated_confidence",
    "fuse",
    "lead_mention",
    "mention_interval",
    "merged_quantities",
    "placement_day",
    "published",
    "quantities_close",
]
