"""Records to table rows and back. Column order here is the one the SQL in `store.py` uses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from flankwatch.records import (
    Assessment,
    Document,
    Event,
    Evidence,
    IndicatorPoint,
    Mention,
    Place,
    Quantity,
    Reason,
    Rejection,
    content_id,
)

DOCUMENT_COLUMNS = (
    "id",
    "name",
    "text",
    "language",
    "published",
    "date_source",
    "title",
    "publisher",
    "url",
    "origin",
    "fmt",
)
MENTION_COLUMNS = (
    "id",
    "doc",
    "type",
    "subtype",
    "modality",
    "date_start",
    "date_end",
    "date_precision",
    "date_source",
    "actors",
    "targets",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "place_id",
    "theatre",
    "quantities",
    "casualties",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "confidence",
    "language",
)
EVENT_COLUMNS = (
    "id",
    "type",
    "subtype",
    "modality",
    "theatre",
    "date_start",
    "date_end",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "place_id",
    "quantities",
    "actors",
    "confidence",
)
POINT_COLUMNS = ("day", "theatre", "type", "unit", "value", "period", "doc", "mention_id")
ASSESSMENT_COLUMNS = (
    "week",
    "theatre",
    "domain",
    "level",
    "previous_level",
    "verdict",
    "reasons",
    "rules_version",
    "responses",
)
REJECTION_COLUMNS = ("id", "origin", "problem", "stage", "recorded_at")


def columns(names: Sequence[str], prefix: str = "") -> str:
    return ", ".join(f"{prefix}{name}" for name in names)


def placeholders(names: Sequence[str]) -> str:
    return ", ".join("?" for _ in names)


def where(filters: Sequence[tuple[str, Any]], *conditions: str) -> tuple[str, list[Any]]:
    """A WHERE clause and its arguments: the `filters` with a value, then `conditions`, joined with AND.

    A filter is (SQL with one ?, value); a None value leaves it out. A condition takes no value.
    """
    given = [(clause, value) for clause, value in filters if value is not None]
    clauses = ["TRUE", *(clause for clause, _ in given), *conditions]
    return " AND ".join(clauses), [value for _, value in given]


def document_row(doc: Document) -> tuple[Any, ...]:
    return (
        doc.id,
        doc.name,
        doc.text,
        doc.language,
        doc.published,
        doc.date_source,
        doc.title,
        doc.publisher,
        doc.url,
        doc.origin,
        doc.fmt,
    )


def document_of(row: Sequence[Any]) -> Document:
    return Document(*row)


def mention_row(m: Mention) -> tuple[Any, ...]:
    return (
        m.id,
        m.doc,
        m.type,
        m.subtype,
        m.modality,
        m.date_start,
        m.date_end,
        m.date_precision,
        m.date_source,
        list(m.actors),
        list(m.targets),
        *_place_row(m.place),
        m.theatre,
        _quantities_json(m.quantities),
        _quantities_json(m.casualties),
        m.evidence.start,
        m.evidence.end,
        m.evidence.text,
        m.confidence,
        m.language,
    )


def mention_of(row: Sequence[Any]) -> Mention:
    (
        _,
        doc,
        type_,
        subtype,
        modality,
        start,
        end,
        precision,
        date_source,
        actors,
        targets,
        p_name,
        p_country,
        p_lat,
        p_lon,
        p_id,
        theatre,
        quantities,
        casualties,
        e_start,
        e_end,
        e_text,
        confidence,
        language,
    ) = row
    return Mention(
        doc=doc,
        type=type_,
        subtype=subtype,
        modality=modality,
        date_start=start,
        date_end=end,
        date_precision=precision,
        date_source=date_source,
        actors=tuple(actors),
        targets=tuple(targets),
        place=_place_of(p_name, p_country, p_lat, p_lon, p_id),
        theatre=theatre,
        quantities=_quantities_of(quantities),
        casualties=_quantities_of(casualties),
        evidence=Evidence(e_start, e_end, e_text),
        confidence=confidence,
        language=language,
    )


def event_row(e: Event) -> tuple[Any, ...]:
    return (
        e.id,
        e.type,
        e.subtype,
        e.modality,
        e.theatre,
        e.date_start,
        e.date_end,
        *_place_row(e.place),
        _quantities_json(e.quantities),
        list(e.actors),
        e.confidence,
    )


def event_of(row: Sequence[Any], mention_ids: tuple[str, ...]) -> Event:
    (
        id_,
        type_,
        subtype,
        modality,
        theatre,
        start,
        end,
        p_name,
        p_country,
        p_lat,
        p_lon,
        p_id,
        quantities,
        actors,
        confidence,
    ) = row
    return Event(
        id=id_,
        type=type_,
        modality=modality,
        theatre=theatre,
        mention_ids=mention_ids,
        subtype=subtype,
        date_start=start,
        date_end=end,
        place=_place_of(p_name, p_country, p_lat, p_lon, p_id),
        quantities=_quantities_of(quantities),
        actors=tuple(actors),
        confidence=confidence,
    )


def point_row(p: IndicatorPoint) -> tuple[Any, ...]:
    return (p.day, p.theatre, p.type, p.unit, p.value, p.period, p.doc, p.mention_id)


def point_of(row: Sequence[Any]) -> IndicatorPoint:
    return IndicatorPoint(*row)


def assessment_row(a: Assessment) -> tuple[Any, ...]:
    reasons = [
        {"text": r.text, "mention_id": r.mention_id, "doc": r.doc, "level": r.level} for r in a.reasons
    ]
    return (
        a.week,
        a.theatre,
        a.domain,
        a.level,
        a.previous_level,
        a.verdict,
        json.dumps(reasons, ensure_ascii=False),
        a.rules_version,
        list(a.responses),
    )


def assessment_of(row: Sequence[Any]) -> Assessment:
    week, theatre, domain, level, previous, verdict, reasons, rules_version, responses = row
    return Assessment(
        week=week,
        theatre=theatre,
        domain=domain,
        level=level,
        previous_level=previous,
        verdict=verdict,
        reasons=tuple(Reason(**r) for r in json.loads(reasons)),
        rules_version=rules_version,
        responses=tuple(responses),
    )


def rejection_row(r: Rejection, when: datetime) -> tuple[Any, ...]:
    return (content_id(r.origin, r.problem, r.stage), r.origin, r.problem, r.stage, when)


def rejection_of(row: Sequence[Any]) -> Rejection:
    _, origin, problem, stage, _ = row
    return Rejection(origin=origin, problem=problem, stage=stage)


def _place_row(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None, None, None, None, None)
    return (place.name, place.country, place.lat, place.lon, place.id)


def _place_of(
    name: str | None, country: str | None, lat: float | None, lon: float | None, id_: str | None
) -> Place | None:
    return None if name is None else Place(name=name, country=country, lat=lat, lon=lon, id=id_)


def _quantities_json(quantities: Sequence[Quantity]) -> str:
    return json.dumps([_quantity_dict(q) for q in quantities], ensure_ascii=False)


def _quantity_dict(q: Quantity) -> dict[str, Any]:
    evidence = (
        None
        if q.evidence is None
        else {"start": q.evidence.start, "end": q.evidence.end, "text": q.evidence.text}
    )
    return {**q.to_json(), "evidence": evidence}


def _quantities_of(text: str) -> tuple[Quantity, ...]:
    quantities = []
    for q in json.loads(text):
        evidence = q.pop("evidence", None)
        quantities.append(Quantity(**q, evidence=Evidence(**evidence) if evidence else None))
    return tuple(quantities)
