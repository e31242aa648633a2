"""Perception records to table rows and back, the run record, and the run id.

Column order here is the one the SQL in `store/perception.py` uses; each
column carries its SQL type, because rows go in as one list per column.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from flankwatch.perception.records import (
    FirstAppearance,
    GroupCount,
    PerceptionDocument,
    PerceptionResult,
    PerceptionSettings,
    TargetCount,
    TargetInfo,
    TargetMention,
    TopicCount,
    rate_per_10k,
)
from flankwatch.records import Rejection, content_id

Columns = tuple[tuple[str, str], ...]  # (name, SQL type)

RUN_COLUMNS: Columns = (
    ("id", "VARCHAR"),
    ("source", "VARCHAR"),
    ("target_ids", "VARCHAR[]"),
    ("targets", "JSON"),
    ("breakpoints", "INTEGER[]"),
    ("window_words", "INTEGER"),
    ("prefer", "VARCHAR"),
    ("context_chars", "INTEGER"),
    ("duplicate_threshold", "DOUBLE"),
    ("morphology", "JSON"),
    ("documents", "INTEGER"),
    ("counted", "INTEGER"),
    ("mentions", "INTEGER"),
    ("countries", "VARCHAR[]"),
    ("year_from", "INTEGER"),
    ("year_to", "INTEGER"),
    ("rejections", "JSON"),
    ("flankwatch_version", "VARCHAR"),
    ("created_at", "TIMESTAMP"),
    ("stored_at", "TIMESTAMP"),
)
DOCUMENT_COLUMNS: Columns = (
    ("run", "VARCHAR"),
    ("name", "VARCHAR"),
    ("text_id", "VARCHAR"),
    ("path", "VARCHAR"),
    ("country", "VARCHAR"),
    ("year", "INTEGER"),
    ("title", "VARCHAR"),
    ("doc_type", "VARCHAR"),
    ("institution", "VARCHAR"),
    ("language", "VARCHAR"),
    ("languages", "VARCHAR[]"),
    ("language_source", "VARCHAR"),
    ("original", "BOOLEAN"),
    ("encoding", "VARCHAR"),
    ("words", "INTEGER"),
    ("chars", "INTEGER"),
    ("warnings", "VARCHAR[]"),
    ("set_aside", "VARCHAR"),
    ("duplicate_of", "VARCHAR"),
)
COUNT_COLUMNS: Columns = (
    ("run", "VARCHAR"),
    ("doc", "VARCHAR"),
    ("target", "VARCHAR"),
    ("words", "INTEGER"),
    ("names", "INTEGER"),
    ("demonyms", "INTEGER"),
    ("adjectives", "INTEGER"),
    ("rate_per_10k", "DOUBLE"),
    ("rate_all_per_10k", "DOUBLE"),
)
MENTION_COLUMNS: Columns = (
    ("run", "VARCHAR"),
    ("id", "VARCHAR"),
    ("doc", "VARCHAR"),
    ("target", "VARCHAR"),
    ("category", "VARCHAR"),
    ("start_offset", "INTEGER"),
    ("end_offset", "INTEGER"),
    ("text", "VARCHAR"),
    ("form", "VARCHAR"),
    ("language", "VARCHAR"),
    ("topic", "VARCHAR"),
    ("cues", "VARCHAR[]"),
    ("left_context", "VARCHAR"),
    ("right_context", "VARCHAR"),
)
GROUP_COLUMNS = ("country", "year", "doc_type", "target", "docs", "words", "mentions", "mentions_all")
FIRST_COLUMNS = (
    "country",
    "target",
    "first_year",
    "first_doc",
    "first_year_all",
    "first_doc_all",
    "corpus_from",
    "corpus_to",
    "docs",
)
TOPIC_COLUMNS = ("country", "year", "target", "topic", "mentions")


@dataclass(frozen=True, slots=True)
class PerceptionRun:
    """One stored perception analysis: what was read, with which targets and settings, and when."""

    id: str
    source: str
    targets: tuple[TargetInfo, ...]
    settings: PerceptionSettings
    morphology: Mapping[str, bool]  # language -> pymorphy3 lemmas used
    documents: int  # documents read
    counted: int  # of those, counted in the aggregates
    mentions: int  # mentions of every target and category
    countries: tuple[str, ...]
    year_from: int | None
    year_to: int | None
    rejections: tuple[Rejection, ...]  # files that were not read, and why
    flankwatch_version: str
    created_at: datetime  # UTC, first written
    stored_at: datetime  # UTC, last written

    @property
    def target_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.targets)

    def to_json(self) -> dict[str, Any]:
        """The plain form an API answers with."""
        data = asdict(self)
        data["morphology"] = dict(self.morphology)
        data["created_at"] = self.created_at.isoformat()
        data["stored_at"] = self.stored_at.isoformat()
        return data


def names(columns: Columns, prefix: str = "") -> str:
    return ", ".join(f"{prefix}{name}" for name, _ in columns)


def run_id(result: PerceptionResult) -> str:
    """The id of the analysis `result` came from: its documents, targets, settings and morphology.

    Where the folder lies (the source and the file paths) does not enter it,
    so the same files analysed the same way give the same id on any machine.
    """
    documents = sorted(
        (d.name, d.id, d.country, d.year, d.title, d.doc_type, d.institution, d.original, d.language)
        for d in result.documents
    )
    return content_id(
        "perception-run",
        _canonical([_target_json(t) for t in result.targets]),
        _canonical(asdict(result.settings)),
        _canonical(result.morphology),
        content_id(_canonical(documents), length=64),
    )


def run_row(result: PerceptionResult, run: str, version: str, stamp: datetime) -> tuple[Any, ...]:
    years = [d.year for d in result.documents]
    s = result.settings
    return (
        run,
        result.source,
        [t.id for t in result.targets],
        _canonical([_target_json(t) for t in result.targets]),
        list(s.breakpoints),
        s.window,
        s.prefer,
        s.context_chars,
        s.duplicate_threshold,
        _canonical(result.morphology),
        len(result.documents),
        sum(d.counted for d in result.documents),
        len(result.mentions),
        sorted({d.country for d in result.documents}),
        min(years, default=None),
        max(years, default=None),
        _canonical([asdict(r) for r in result.rejections]),
        version,
        stamp,
        stamp,
    )


def run_of(row: Sequence[Any]) -> PerceptionRun:
    (id_, source, _ids, targets, breakpoints, window, prefer, context, threshold, morphology) = row[:10]
    (documents, counted, mentions, countries, year_from, year_to, rejections) = row[10:17]
    version, created, stored = row[17:20]
    return PerceptionRun(
        id=id_,
        source=source,
        targets=tuple(_target_of(t) for t in json.loads(targets)),
        settings=PerceptionSettings(tuple(breakpoints), window, prefer, context, threshold),
        morphology=json.loads(morphology),
        documents=documents,
        counted=counted,
        mentions=mentions,
        countries=tuple(countries),
        year_from=year_from,
        year_to=year_to,
        rejections=tuple(Rejection(**r) for r in json.loads(rejections)),
        flankwatch_version=version,
        created_at=created,
        stored_at=stored,
    )


def document_row(run: str, d: PerceptionDocument) -> tuple[Any, ...]:
    return (
        run,
        d.name,
        d.id,
        d.path,
        d.country,
        d.year,
        d.title,
        d.doc_type,
        d.institution,
        d.language,
        list(d.languages),
        d.language_source,
        d.original,
        d.encoding,
        d.words,
        d.chars,
        list(d.warnings),
        d.set_aside,
        d.duplicate_of,
    )


def document_of(row: Sequence[Any]) -> PerceptionDocument:
    (_run, name, text_id, path, country, year, title, doc_type, institution, language) = row[:10]
    (languages, source, original, encoding, words, chars, warnings, set_aside, duplicate_of) = row[10:]
    return PerceptionDocument(
        id=text_id,
        name=name,
        path=path,
        country=country,
        year=year,
        title=title,
        doc_type=doc_type,
        language=language,
        languages=tuple(languages),
        language_source=source,
        original=original,
        encoding=encoding,
        words=words,
        chars=chars,
        institution=institution,
        warnings=tuple(warnings),
        set_aside=set_aside,
        duplicate_of=duplicate_of,
    )


def count_row(run: str, c: TargetCount) -> tuple[Any, ...]:
    return (
        run,
        c.doc,
        c.target,
        c.words,
        c.names,
        c.demonyms,
        c.adjectives,
        rate_per_10k(c.mentions, c.words),
        rate_per_10k(c.mentions_all, c.words),
    )


def count_of(row: Sequence[Any]) -> TargetCount:
    return TargetCount(*row[1:7])


def mention_row(run: str, m: TargetMention) -> tuple[Any, ...]:
    return (
        run,
        m.id,
        m.doc,
        m.target,
        m.category,
        m.start,
        m.end,
        m.text,
        m.form,
        m.language,
        m.topic,
        list(m.cues),
        m.left,
        m.right,
    )


def mention_of(row: Sequence[Any]) -> TargetMention:
    (_run, _id, doc, target, category, start, end, text, form, language, topic, cues, left, right) = row
    return TargetMention(
        doc, target, category, text, start, end, form, language, topic, tuple(cues), left, right
    )


def group_of(row: Sequence[Any]) -> GroupCount:
    return GroupCount(*row)


def first_of(row: Sequence[Any]) -> FirstAppearance:
    return FirstAppearance(*row)


def topic_of(row: Sequence[Any]) -> TopicCount:
    return TopicCount(*row)


def _target_json(t: TargetInfo) -> dict[str, Any]:
    return {
        "id": t.id,
        "label": t.label,
        "version": t.version,
        "origin": t.origin,
        "forms": [list(f) for f in t.forms],
    }


def _target_of(data: dict[str, Any]) -> TargetInfo:
    forms = tuple((language, int(n)) for language, n in data["forms"])
    return TargetInfo(data["id"], data["label"], int(data["version"]), data["origin"], forms)


def _canonical(value: Any) -> str:
    # Sorted keys and no spacing choices: the same value always gives the same text, hence the same id.
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
