"""Admiralty grades: a report's information credibility (1–6), and an event's confidence.

Source reliability (A–F) is the publisher's, from data/publishers.yaml. The
credibility of one report of an event follows from corroboration and modality:

| credibility | when |
|---|---|
| 1 confirmed | another independent source asserts the event; this report's figures are not contradicted |
| 2 probably true | asserted and consistent: not confirmed, but an independent, non-adversary source |
|   | reports the same type in the same theatre within a week; or confirmed with its figure |
|   | disputed by an equal or less reliable source |
| 3 possibly true | asserted, with nothing to confirm or match it; or a relayed claim others assert |
| 4 doubtful | its figure is contradicted by a more reliable independent source |
| 5 improbable | … and is three times (or a third of) what that source says |
| 6 cannot be judged | a relayed, unconfirmed claim ("Minsk claimed …") |

"Asserted" is any modality but `claimed`: a plan, threat or option reported
as such is a statement the report makes itself. Independent means another
source key (`provenance.py`): copies and repeats of one publisher never confirm.

The event's confidence is the weight of its best report: reliability weight ×
credibility weight, so that it rises with corroboration (1 needs a second
source) and with the standing of the sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flankwatch.fuse.compat import DEFAULT_TOLERANCE, quantities_close, same_count
from flankwatch.fuse.provenance import Source
from flankwatch.records import Mention

RELIABILITY_WEIGHT = {"A": 0.95, "B": 0.85, "C": 0.7, "D": 0.5, "E": 0.25, "F": 0.5}
CREDIBILITY_WEIGHT = {1: 1.0, 2: 0.85, 3: 0.65, 4: 0.4, 5: 0.15, 6: 0.4}
CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
_IMPROBABLE_RATIO = 3.0


@dataclass(frozen=True, slots=True)
class Report:
    """A mention with the source of its document, as grading sees it."""

    mention: Mention
    source: Source

    @property
    def asserted(self) -> bool:
        return self.mention.modality != "claimed"


def credibility(report: Report, members: Sequence[Report], consistent: bool) -> int:
    """The credibility of one report among the reports of its event (table above)."""
    others = [r for r in members if r.source.key != report.source.key]
    confirmed = any(r.asserted for r in others)
    if not report.asserted:
        return 3 if confirmed else 6
    contradicted = _contradiction(report, [r for r in others if r.asserted])
    if contradicted is not None:
        return 5 if contradicted >= _IMPROBABLE_RATIO else 4
    if confirmed:
        return 1 if not _disputed(report, others) else 2
    return 2 if consistent else 3


def confidence(grades: Sequence[tuple[str, int]]) -> float:
    """The event's confidence: the best reliability × credibility weight of its reports."""
    best = max((RELIABILITY_WEIGHT.get(r, 0.5) * CREDIBILITY_WEIGHT[c] for r, c in grades), default=0.0)
    return round(best, 3)


def _contradiction(report: Report, others: Sequence[Report]) -> float | None:
    """The ratio by which a more reliable independent source contradicts this report's figure, if any."""
    worst: float | None = None
    for q in report.mention.quantities:
        stating = [(r, x) for r in others for x in r.mention.quantities if same_count(q, x)]
        if not stating:
            continue
        best = max(_weight(r) for r, _ in stating)
        if best <= _weight(report):
            continue  # only a more reliable source can overrule a figure (F, unjudged, ranks with D)
        reference = [x for r, x in stating if _weight(r) == best]
        if any(quantities_close(q, x, DEFAULT_TOLERANCE) for x in reference):
            continue
        ratio = max(_ratio(q.value, x.value) for x in reference)
        worst = ratio if worst is None else max(worst, ratio)
    return worst


def _disputed(report: Report, others: Sequence[Report]) -> bool:
    """Some independent source gives another figure for one of this report's counts."""
    return any(
        same_count(q, x) and not quantities_close(q, x, DEFAULT_TOLERANCE)
        for q in report.mention.quantities
        for r in others
        for x in r.mention.quantities
    )


def _weight(report: Report) -> float:
    return RELIABILITY_WEIGHT.get(report.source.reliability, 0.5)


def _ratio(a: float, b: float) -> float:
    low, high = sorted((abs(a), abs(b)))
    return float("inf") if low == 0 else high / low
