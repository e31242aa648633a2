"""The project's gold corpus: documents and their annotated events.

Files: flankwatch/data/sample/corpus/*.jsonl (one document a line) and
flankwatch/data/sample/gold/*.jsonl (one line per document with its events);
the format is docs/annotation.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from flankwatch.errors import DataFileError
from flankwatch.records import Document, Evidence, Quantity

SPLITS = ("dev", "heldout")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One annotated event; `alternatives` are other types the scorer accepts."""

    type: str
    evidence: Evidence
    modality: str = "occurred"
    subtype: str | None = None
    alternatives: tuple[str, ...] = ()
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    theatre: str = "REGION"
    place: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    casualties: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A corpus document, its split, and its gold events."""

    doc: Document
    split: str
    events: tuple[GoldEvent, ...]

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def language(self) -> str:
        return self.doc.language


def sample_root() -> Path:
    """flankwatch/data/sample inside the installed package."""
    return Path(str(resources.files("flankwatch").joinpath("data", "sample")))


def load_gold(root: Path | None = None) -> list[GoldDoc]:
    """Every gold document, in corpus order; errors name the file and line."""
    root = root or sample_root()
    corpus: dict[str, tuple[Document, str]] = {}
    for path, n, row in _rows(root / "corpus"):
        where = f"{path}:{n}"
        document = _document(row, path, where)
        if document.id in corpus:
            raise DataFileError(
                where, f"document id {document.id!r} occurs twice (first in {corpus[document.id][1]})"
            )
        corpus[document.id] = (document, where)
    out = []
    for path, n, row in _rows(root / "gold"):
        where = f"{path}:{n}"
        doc_id = _need(row, "doc", str, where)
        if doc_id not in corpus:
            raise DataFileError(where, f"gold for {doc_id!r}, which is not in the corpus")
        split = _need(row, "split", str, where)
        if split not in SPLITS:
            raise DataFileError(where, f"split {split!r} must be one of {', '.join(SPLITS)}")
        events = tuple(
            _event(e, f"{where} event {i}") for i, e in enumerate(_need(row, "events", list, where))
        )
        out.append(GoldDoc(corpus[doc_id][0], split, events))
    return out


def _rows(folder: Path) -> Iterator[tuple[Path, int, dict[str, Any]]]:
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(f"{path}:{n}", f"not JSON: {exc}") from exc
            if not isinstance(row, dict):
                raise DataFileError(f"{path}:{n}", "each line must be a JSON object")
            yield path, n, row


def _document(row: dict[str, Any], path: Path, where: str) -> Document:
    doc_id = _need(row, "id", str, where)
    return Document(
        id=doc_id,
        name=doc_id,
        text=_need(row, "text", str, where),
        language=_need(row, "language", str, where),
        published=_date(row.get("published"), where, "published"),
        date_source="metadata",
        title=str(row.get("title") or ""),
        publisher=str(row.get("publisher") or ""),
        url=str(row.get("url") or ""),
        origin=str(path),
        fmt="jsonl",
    )


def _event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise DataFileError(where, "an event must be a JSON object")
    evidence = _need(raw, "evidence", dict, where)
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise DataFileError(where, "evidence start/end are not set (run: python tools/gold.py offsets)")
    return GoldEvent(
        type=_need(raw, "type", str, where),
        evidence=Evidence(start, end, str(evidence.get("text") or "")),
        modality=str(raw.get("modality") or "occurred"),
        subtype=raw.get("subtype"),
        alternatives=tuple(raw.get("alternatives") or ()),
        date_start=_date(raw.get("date_start"), where, "date_start"),
        date_end=_date(raw.get("date_end"), where, "date_end"),
        date_precision=raw.get("date_precision"),
        theatre=str(raw.get("theatre") or "REGION"),
        place=raw.get("place"),
        actors=tuple(raw.get("actors") or ()),
        targets=tuple(raw.get("targets") or ()),
        quantities=tuple(_quantity(q, where) for q in raw.get("quantities") or ()),
        casualties=tuple(_quantity(q, where) for q in raw.get("casualties") or ()),
    )


def _quantity(raw: Any, where: str) -> Quantity:
    if not isinstance(raw, dict) or not isinstance(raw.get("value"), (int, float)):
        raise DataFileError(where, f"quantity {raw!r} needs a numeric value")
    value_max = raw.get("value_max")
    return Quantity(
        value=float(raw["value"]),
        unit=str(raw.get("unit")),
        value_max=float(value_max) if value_max is not None else None,
        qualifier=str(raw.get("qualifier") or "exact"),
        period=raw.get("period"),
        period_days=raw.get("period_days"),
    )


def _date(value: Any, where: str, key: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(where, f"{key} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _need(row: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if not isinstance(row.get(key), kind):
        raise DataFileError(where, f"{key!r} is missing or not a {kind.__name__}")
    return row[key]
