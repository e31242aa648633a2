"""Small stand-ins for the stages, injected through `pipeline.Stages` (never patched into production code)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flankwatch.errors import InputError
from flankwatch.fuse import Sources
from flankwatch.indicators import Indicators
from flankwatch.pipeline import Stages
from flankwatch.records import (
    Assessment,
    Document,
    Event,
    Evidence,
    IndicatorPoint,
    Mention,
    Quantity,
    Reason,
)
from flankwatch.weeks import week_of

_COUNT = re.compile(r"(\d+) (?:people|attempts)")


class NumberExtractor:
    """One MIGRATION_PRESSURE mention per "<n> people" in the text, dated at publication."""

    def __init__(self, version: str = "numbers-1", refuse: str = "") -> None:
        self.version = version
        self.refuse = refuse  # text that makes it raise InputError
        self.seen: list[str] = []

    def extract(self, doc: Document) -> list[Mention]:
        self.seen.append(doc.id)
        if self.refuse and self.refuse in doc.text:
            raise InputError(doc.name, "no pipeline for this text")
        return [
            Mention(
                doc=doc.name,
                type="MIGRATION_PRESSURE",
                evidence=Evidence(m.start(), m.end(), m[0]),
                date_start=doc.published,
                date_end=doc.published,
                date_precision="day",
                theatre="PL-BY",
                quantities=(Quantity(float(m[1]), "attempts", period="day", period_days=1),),
            )
            for m in _COUNT.finditer(doc.text)
        ]


def fuse(mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources) -> list[Event]:
    return [
        Event(
            id=f"e-{m.id}",
            type=m.type,
            modality=m.modality,
            theatre=m.theatre,
            mention_ids=(m.id,),
            date_start=m.date_start,
            date_end=m.date_end,
            quantities=m.quantities,
        )
        for m in mentions
    ]


def indicators(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    events: Sequence[Event],
    weeks: Sequence[str],
    sources: Sources,
) -> Indicators:
    points = [
        IndicatorPoint(m.date_start, m.theatre, m.type, q.unit, q.value, q.period, m.doc, m.id)
        for m in mentions
        if m.date_start
        for q in m.quantities
    ]
    return Indicators(tuple(points), (), ())


def assess_weeks(
    mentions: Sequence[Mention], documents: Mapping[str, Document], weeks: Sequence[str], **given: object
) -> list[Assessment]:
    out = []
    for week in weeks:
        found = [m for m in mentions if m.date_start and week_of(m.date_start) == week]
        level = 1 if found else 0
        reasons = tuple(Reason(f"{m.evidence.text} ({documents[m.doc].name})", m.id, m.doc, 1) for m in found)
        out.append(
            Assessment(week, "PL-BY", "security", level, 0, "escalated" if level else "unchanged", reasons)
        )
    return out


@dataclass(frozen=True)
class Rendered:
    markdown: str
    html: str


def render_digest(
    week: str,
    assessments: Sequence[Assessment],
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    events: Sequence[object],
    **given: object,
) -> Rendered:
    lines = [f"# Digest {week}"] + [f"- level {a.level}: {a.verdict}" for a in assessments]
    lines += [f"- {m.evidence.text} [{documents[m.doc].name}]" for m in mentions]
    return Rendered("\n".join(lines) + "\n", "<html><body>" + "<br>".join(lines) + "</body></html>\n")


def fake_stages(extractor: NumberExtractor | None = None) -> Stages:
    chosen = extractor or NumberExtractor()
    return Stages(lambda: chosen, fuse, indicators, assess_weeks, render_digest)


def corpus_line(name: str, text: str, published: date | None, language: str = "en") -> str:
    import json

    return json.dumps(
        {
            "id": name,
            "url": f"https://x.example/{name}",
            "title": name.title(),
            "published": published.isoformat() if published else None,
            "publisher": "Wire",
            "language": language,
            "text": text,
        },
        ensure_ascii=False,
    )


class BatchExtractor(NumberExtractor):
    """Also offers `extract_many`, as the real extractor does; counts how it was called."""

    VERSION = "batch-7"

    def __init__(self, refuse: str = "") -> None:
        super().__init__(version="", refuse=refuse)
        self.batches = 0

    def extract_many(self, docs):  # type: ignore[no-untyped-def]
        self.batches += 1
        for doc in docs:
            yield doc, self.extract(doc)
