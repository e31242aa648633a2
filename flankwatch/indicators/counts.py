"""Event counts as indicator points: one point per fused event that occurred, and one per figure it has.

Counting fused events, not mentions, is what keeps "airspace violations per
week" honest: twenty reports of one incursion are one point. An event's own
figures without a period (the troops of an exercise, the drones of an
incursion) become points too, so that "troops in exercises per week" adds up
each exercise once, at the figure fusion settled on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flankwatch.fuse import FusedEvent, placement_day
from flankwatch.indicators.daily import point_value
from flankwatch.indicators.weekly import EVENT_UNIT
from flankwatch.records import Document, IndicatorPoint, Mention


def event_points(
    events: Sequence[FusedEvent], mentions: Mapping[str, Mention], documents: Mapping[str, Document]
) -> list[IndicatorPoint]:
    """Per occurred event, on the day its lead report places it (period 'event'): a point of value 1
    in the unit `events`, and a point per figure of the event that has no period.

    The points are filed under the event's best report, so that a number links to a source.
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
        event = fused.event
        points.append(
            IndicatorPoint(day, event.theatre, event.type, EVENT_UNIT, 1.0, "event", doc, mention_id)
        )
        for q in event.quantities:
            if q.period is None:
                value = point_value(q)
                points.append(
                    IndicatorPoint(day, event.theatre, event.type, q.unit, value, "event", doc, mention_id)
                )
    return sorted(points, key=lambda p: (p.day, p.theatre, p.type, p.unit, p.mention_id))
