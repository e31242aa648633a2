"""Event counts as indicator points: one point per fused event that occurred.

Counting fused events, not mentions, is what keeps "airspace violations per
week" honest: twenty reports of one incursion are one point.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flankwatch.fuse import FusedEvent, placement_day
from flankwatch.indicators.weekly import EVENT_UNIT
from flankwatch.records import Document, IndicatorPoint, Mention


def event_points(
    events: Sequence[FusedEvent], mentions: Mapping[str, Mention], documents: Mapping[str, Document]
) -> list[IndicatorPoint]:
    """A point of value 1 per occurred event, on the day its lead report places it (period 'event').

    The point is filed under the event's best report, so that a count links to a source.
    """
    points = []
    for fused in events:
        if fused.event.modality != "occurred":
            continue
        lead = mentions.get(fused.lead) or next(
            (mentions[i] for i in fused.event.mention_ids if i in mentions), None
        )
        if lead is None:
            continue
        day = placement_day(lead, documents)
        if day is None:
            continue
        best = fused.best
        doc, mention_id = (best.doc, best.mention_id) if best is not None else (lead.doc, lead.id)
        points.append(
            IndicatorPoint(
                day, fused.event.theatre, fused.event.type, EVENT_UNIT, 1.0, "event", doc, mention_id
            )
        )
    return sorted(points, key=lambda p: (p.day, p.theatre, p.type, p.mention_id))
