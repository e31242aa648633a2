"""Country, year, title, document type and language of each official document.

From the file name `<country>_<year>_<Title>[_noneng].txt` (`_noneng` marks
a text in the country's own language, the others are translations) or from a
sidecar file (`metadata.csv` or `metadata.yaml` beside the documents, one row
per file) whose values take precedence. The document type comes from the title
through the patterns of doc_types.yaml.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flankwatch.errors import DataFileError
from flankwatch.perception.lexicon import LANGUAGES
from flankwatch.records import Rejection

SIDECAR_NAMES = ("metadata.csv", "metadata.yaml", "metadata.yml")
SIDECAR_FIELDS = ("file", "country", "year", "title", "doc_type", "language", "original", "institution")

_FILE_NAME = re.compile(
    r"^(?P<country>[A-Za-z][A-Za-z\-]*?)_(?P<year>\d{4})_(?P<title>.+?)(?P<noneng>_noneng)?$"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class DocType:
    id: str
    label: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What is known about a document before reading it."""

    name: str  # file name
    path: str
    country: str  # lower case, as in the file name ("lithuania")
    year: int
    title: str  # words, "National Security Concept"
    doc_type: str  # an id of doc_types.yaml, or a sidecar's own value
    original: bool  # in the country's own language (not a translation)
    language: str | None = None  # from a sidecar; None: detect from the text
    institution: str = ""


@lru_cache(maxsize=1)
def document_types() -> tuple[DocType, ...]:
    """The packaged title-to-type rules, in the order they are tried."""
    where = "flankwatch/perception/doc_types.yaml"
    raw = yaml.safe_load(
        resources.files("flankwatch.perception").joinpath("doc_types.yaml").read_text("utf-8")
    )
    types = []
    for entry in raw.get("types") or ():
        try:
            patterns = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("patterns") or ())
        except re.error as exc:
            raise DataFileError(where, f"{entry.get('id')}: bad pattern: {exc}") from exc
        types.append(DocType(str(entry["id"]), str(entry["label"]), patterns))
    if not any(t.id == "other" for t in types):
        raise DataFileError(where, "needs a last type 'other' for titles no pattern matches")
    return tuple(types)


def doc_type_of(title: str) -> str:
    """The type id of a title ("NationalSecurityConcept" -> "security_concept")."""
    compact = title.replace(" ", "")
    for doc_type in document_types():
        if any(p.search(compact) for p in doc_type.patterns):
            return doc_type.id
    return "other"


def doc_type_label(type_id: str) -> str:
    for doc_type in document_types():
        if doc_type.id == type_id:
            return doc_type.label
    return type_id.replace("_", " ")


def from_file_name(path: Path) -> DocMeta | None:
    """Metadata from `<country>_<year>_<Title>[_noneng].txt`; None when the name does not follow it."""
    match = _FILE_NAME.match(path.stem)
    if not match:
        return None
    raw_title = match.group("title")
    return DocMeta(
        name=path.name,
        path=str(path),
        country=match.group("country").lower(),
        year=int(match.group("year")),
        title=_CAMEL.sub(" ", raw_title).replace("_", " ").strip(),
        doc_type=doc_type_of(raw_title),
        original=bool(match.group("noneng")),
    )


def find_sidecar(folder: Path) -> Path | None:
    for name in SIDECAR_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def read_sidecar(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a sidecar by file name; DataFileError when the file cannot be used at all."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot be read: {exc}") from exc
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _yaml_rows(text, path)
    table: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows, start=1):
        clean = {
            str(k).strip().lower(): str(v).strip() for k, v in row.items() if k is not None and v is not None
        }
        unknown = set(clean) - set(SIDECAR_FIELDS)
        if unknown:
            raise DataFileError(
                str(path),
                f"row {number}: unknown column(s) {sorted(unknown)} (known: {', '.join(SIDECAR_FIELDS)})",
            )
        if not clean.get("file"):
            raise DataFileError(str(path), f"row {number}: no 'file' value")
        table[Path(clean["file"]).name] = clean
    return table


def _csv_rows(text: str) -> list[dict[str, Any]]:
    return list(csv.DictReader(text.splitlines()))


def _yaml_rows(text: str, path: Path) -> list[dict[str, Any]]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"not valid YAML: {exc}") from exc
    if isinstance(raw, dict):  # {file name: {field: value}}
        return [{"file": name, **(fields or {})} for name, fields in raw.items()]
    if isinstance(raw, list) and all(isinstance(row, dict) for row in raw):
        return raw
    raise DataFileError(str(path), "must be a list of rows or a mapping from file name to fields")


def describe(
    path: Path, sidecar: dict[str, dict[str, str]]
) -> tuple[DocMeta | None, Rejection | None, list[str]]:
    """The metadata of one file: from its name, overridden by its sidecar row."""
    base = from_file_name(path)
    row = sidecar.get(path.name)
    if row is None:
        if base is None:
            problem = "cannot tell country and year: name it <country>_<year>_<Title>.txt or list it in metadata.csv"
            return None, Rejection(str(path), problem, stage="perception"), []
        return base, None, []
    return _apply_row(path, base, row)


def _apply_row(
    path: Path, base: DocMeta | None, row: dict[str, str]
) -> tuple[DocMeta | None, Rejection | None, list[str]]:
    warnings: list[str] = []
    try:
        year = int(row["year"]) if row.get("year") else (base.year if base else None)
    except ValueError:
        return (
            None,
            Rejection(str(path), f"sidecar year {row['year']!r} is not a year", stage="perception"),
            [],
        )
    country = row.get("country") or (base.country if base else "")
    if year is None or not country:
        return (
            None,
            Rejection(
                str(path),
                "the sidecar row gives no country or year, nor does the file name",
                stage="perception",
            ),
            [],
        )
    title = row.get("title") or (base.title if base else path.stem)
    language = row.get("language") or None
    if language and language not in LANGUAGES:
        warnings.append(
            f"sidecar language {language!r} is not one of {', '.join(LANGUAGES)}; detecting it instead"
        )
        language = None
    doc_type = _sidecar_doc_type(row.get("doc_type"), title, base, warnings)
    original = (
        row["original"].lower() in ("1", "true", "yes", "y")
        if row.get("original")
        else bool(base and base.original)
    )
    meta = DocMeta(
        path.name,
        str(path),
        country.lower(),
        year,
        title,
        doc_type,
        original,
        language,
        row.get("institution", ""),
    )
    return meta, None, warnings


def _sidecar_doc_type(value: str | None, title: str, base: DocMeta | None, warnings: list[str]) -> str:
    if not value:
        return base.doc_type if base else doc_type_of(title)
    known = {t.id: t.id for t in document_types()} | {t.label.lower(): t.id for t in document_types()}
    if value.lower() in known:
        return known[value.lower()]
    warnings.append(f"sidecar doc_type {value!r} is not a known type; kept as given")
    return re.sub(r"\W+", "_", value.strip().lower())
