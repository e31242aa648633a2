"""The HTML report and the per-document concordance pages (view models + Jinja2).

The report opens with the findings a researcher looks for first (per target
and country: first year named, rate per period, growth), then one section per
country (chart, year-by-type table, topics, concordance samples), the list of
documents with why any is set aside, and the method. Every count links to the
concordance page of its document, where each mention stands in its context
with its character offsets.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader

from flankwatch.perception.aggregate import periods
from flankwatch.perception.metadata import doc_type_label
from flankwatch.perception.records import PerceptionDocument, PerceptionResult, TargetMention, rate_per_10k
from flankwatch.perception.topics import topic_index

SAMPLES_PER_TARGET = 8


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Templates sit beside this module, so they ship as package data like the YAML files.
    def load(name: str) -> str:
        return resources.files("flankwatch.perception").joinpath(name).read_text("utf-8")

    return Environment(loader=FunctionLoader(load), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def page_name(doc: str) -> str:
    """The concordance page of a document, relative to the report."""
    return re.sub(r"[^\w.-]", "_", doc.rsplit(".", 1)[0]) + ".html"


def report_page(result: PerceptionResult, charts: dict[str, str]) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        result=result,
        overview=_overview(result),
        glance=_glance(result),
        countries=_countries(result, charts),
        documents=_documents(result),
        method=_method(result),
        topics=topic_index().labels,
        labels={t.id: t.label for t in result.targets},
        page_name=page_name,
        type_label=doc_type_label,
    )


def concordance_pages(result: PerceptionResult) -> dict[str, str]:
    template = _environment().get_template("concordance.html.j2")
    by_doc: dict[str, list[TargetMention]] = defaultdict(list)
    for mention in result.mentions:
        by_doc[mention.doc].append(mention)
    pages = {}
    for document in result.documents:
        counts = [c for c in result.counts if c.doc == document.name]
        pages[page_name(document.name)] = template.render(
            document=document,
            counts=counts,
            mentions=by_doc.get(document.name, []),
            labels={t.id: t.label for t in result.targets},
            topics=topic_index().labels,
            type_label=doc_type_label,
            rate=rate_per_10k,
        )
    return pages


def _overview(result: PerceptionResult) -> dict[str, Any]:
    counted = [d for d in result.documents if d.counted]
    return {
        "documents": len(result.documents),
        "counted": len(counted),
        "set_aside": len(result.documents) - len(counted),
        "rejected": len(result.rejections),
        "countries": len({d.country for d in counted}),
        "years": (min(d.year for d in counted), max(d.year for d in counted)) if counted else None,
        "words": sum(d.words for d in counted),
        "warned": sum(1 for d in result.documents if d.warnings),
        "periods": [p.label for p in periods(result.settings.breakpoints)],
    }


def _glance(result: PerceptionResult) -> dict[str, list[dict[str, Any]]]:
    """Per target, one row per country: first year named, rate per period, growth factors."""
    spans = [p.label for p in periods(result.settings.breakpoints)]
    rates: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    factors: dict[tuple[str, str], list[tuple[str, str, float | None]]] = defaultdict(list)
    for g in result.growth:
        rates[(g.country, g.target)].update({g.period_from: g.rate_from, g.period_to: g.rate_to})
        factors[(g.country, g.target)].append((g.period_from, g.period_to, g.factor))
    table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for first in result.first:
        key = (first.country, first.target)
        table[first.target].append(
            {
                "first": first,
                "rates": [rates[key].get(label) for label in spans],
                "factors": factors[key],
                "total": _total_rate(result, first.country, first.target),
            }
        )
    return dict(table)


def _total_rate(result: PerceptionResult, country: str, target: str) -> float:
    groups = [g for g in result.groups if g.country == country and g.target == target]
    return rate_per_10k(sum(g.mentions for g in groups), sum(g.words for g in groups))


def _countries(result: PerceptionResult, charts: dict[str, str]) -> list[dict[str, Any]]:
    counted = {d.name: d for d in result.documents if d.counted}
    sections: list[dict[str, Any]] = []
    for country in sorted({d.country for d in counted.values()}):
        rows: dict[tuple[int, str], dict[str, Any]] = {}
        for g in result.groups:
            if g.country == country:
                row = rows.setdefault(
                    (g.year, g.doc_type),
                    {"year": g.year, "type": g.doc_type, "docs": g.docs, "words": g.words, "targets": {}},
                )
                row["targets"][g.target] = g
        mentions = [m for m in result.mentions if m.doc in counted and counted[m.doc].country == country]
        own: list[PerceptionDocument] = [d for d in counted.values() if d.country == country]
        sections.append(
            {
                "country": country,
                "chart": charts.get(country, ""),
                "rows": [rows[k] for k in sorted(rows)],
                "docs": sorted(own, key=lambda d: (d.year, d.name)),
                "topics": _topic_shares(mentions),
                "samples": _samples(mentions, counted),
            }
        )
    return sections


def _topic_shares(mentions: list[TargetMention]) -> dict[str, list[tuple[str, int, float]]]:
    shares: dict[str, list[tuple[str, int, float]]] = {}
    by_target: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        by_target[mention.target][mention.topic] += 1
    for target, tally in by_target.items():
        total = sum(tally.values())
        shares[target] = [(t, tally[t], 100 * tally[t] / total) for t in topic_index().ids if tally[t]]
    return shares


def _samples(
    mentions: list[TargetMention], counted: dict[str, PerceptionDocument]
) -> dict[str, list[tuple[Any, TargetMention]]]:
    """Up to SAMPLES_PER_TARGET names per target: newest documents first, one per document
    before a second, and within a document the mention with most topic cues around it
    (a sentence, not a table of contents)."""
    picked: dict[str, list[tuple[Any, TargetMention]]] = {}
    by_target: dict[str, list[TargetMention]] = defaultdict(list)
    for mention in mentions:
        if mention.category == "names":
            by_target[mention.target].append(mention)
    for target, found in by_target.items():
        order = sorted(found, key=lambda m: (-counted[m.doc].year, m.doc, -len(m.cues), m.start))
        seen: Counter[str] = Counter()
        ranked = []
        for position, mention in enumerate(order):
            seen[mention.doc] += 1
            ranked.append((seen[mention.doc], position, mention))
        ranked.sort(key=lambda r: r[:2])
        picked[target] = [(counted[m.doc], m) for _, _, m in ranked[:SAMPLES_PER_TARGET]]
    return picked


def _documents(result: PerceptionResult) -> list[dict[str, Any]]:
    counts = {(c.doc, c.target): c for c in result.counts}
    return [
        {"doc": d, "counts": [counts.get((d.name, t.id)) for t in result.targets]}
        for d in sorted(result.documents, key=lambda d: (d.country, d.year, d.name))
    ]


def _method(result: PerceptionResult) -> dict[str, Any]:
    return {"forms": {t.id: t.forms for t in result.targets}, "morphology": result.morphology}
