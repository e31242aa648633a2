"""Records for the fusion tests, built by hand."""

from __future__ import annotations

from datetime import date

from flankwatch.records import Document, Evidence, Mention, Place, Quantity


def mention(
    doc: str,
    day: date | None,
    *,
    value: float | None = None,
    unit: str = "attempts",
    period: str | None = "day",
    event_type: str = "MIGRATION_PRESSURE",
    theatre: str = "PL-BY",
    modality: str = "occurred",
    start: int = 0,
    confidence: float = 0.5,
    end_day: date | None = None,
    value_max: float | None = None,
    precision: str = "day",
    place: Place | None = None,
    actors: tuple[str, ...] = (),
    extra: tuple[Quantity, ...] = (),
) -> Mention:
    quantities = (
        () if value is None else (Quantity(value=value, unit=unit, period=period, value_max=value_max),)
    ) + extra
    return Mention(
        doc=doc,
        type=event_type,
        evidence=Evidence(start, start + 40, f"sentence at {start} in {doc}"),
        modality=modality,
        date_start=day,
        date_end=end_day or day,
        date_precision=precision if day else None,
        date_source="text" if day else "publication",
        theatre=theatre,
        quantities=quantities,
        confidence=confidence,
        place=place,
        actors=actors,
    )


def document(key: str, published: date, publisher: str = "Wire", text: str = "", url: str = "") -> Document:
    return Document(
        id=key,
        name=key,
        text=text or f"Report {key}. " + "x" * 400,
        language="en",
        published=published,
        publisher=publisher,
        url=url,
    )


def documents(published: date, **publishers: str) -> dict[str, Document]:
    """Documents keyed by name, each from the publisher given: documents(day, guard="Polish Border Guard")."""
    return {key: document(key, published, publisher) for key, publisher in publishers.items()}
