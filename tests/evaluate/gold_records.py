"""Hand-made gold documents and predictions for the scorer tests."""

from __future__ import annotations

from datetime import date

from flankwatch.evaluate import GoldDoc, GoldEvent
from flankwatch.records import Document, Evidence, Mention, Quantity

TEXT = (
    "On Tuesday 97 people tried to cross near Kuźnica. Belarus began an exercise with 3,000 troops. "
    "Minsk accused Warsaw of sending drones. Lithuania closed two crossings."
)


def sentence(text: str, n: int) -> Evidence:
    parts = text.split(". ")
    start = sum(len(p) + 2 for p in parts[:n])
    return Evidence(start, start + len(parts[n]) + 1, parts[n] + ".")


def gold_doc(doc_id: str, events: list[GoldEvent], language: str = "en", split: str = "dev") -> GoldDoc:
    doc = Document(id=doc_id, name=doc_id, text=TEXT, language=language, published=date(2024, 3, 21))
    return GoldDoc(doc, split, tuple(events))


def gold(event_type: str, n: int, **fields: object) -> GoldEvent:
    return GoldEvent(type=event_type, evidence=sentence(TEXT, n), **fields)  # type: ignore[arg-type]


def predicted(doc: str, event_type: str, n: int, **fields: object) -> Mention:
    return Mention(doc=doc, type=event_type, evidence=sentence(TEXT, n), **fields)  # type: ignore[arg-type]


def people(value: float) -> tuple[Quantity, ...]:
    return (Quantity(value=value, unit="people"),)
