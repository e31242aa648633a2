"""The digest's sections: the theatre table and one section per domain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flankwatch.assess import SECURITY, WATCH_KINDS, Catalogue
from flankwatch.records import Assessment, Document
from flankwatch.report.bullets import bullet
from flankwatch.report.items import Item
from flankwatch.report.labels import Labels
from flankwatch.report.lead import Stats, charts, headline, lead_paragraph, surge_headline
from flankwatch.report.model import ResponseLine, Section, TheatreRow, WatchGroup
from flankwatch.report.sources import SourceBook

_VERDICT_ORDER = {"escalated": 0, "de-escalated": 1, "unchanged": 2}


@dataclass(frozen=True, slots=True)
class SectionContext:
    """What every section needs: the week's items, statistics and assessments, and the source book."""

    week: str
    items: Sequence[Item]
    before: Mapping[str, int]  # occurred items last week per domain; -1 when that week is unknown
    stats: Stats
    assessments: Sequence[Assessment]
    documents: Mapping[str, Document]
    book: SourceBook
    labels: Labels
    catalogue: Catalogue
    surge_factor: float  # the assessment rules' factor, so headline and verdict agree


def theatre_rows(
    assessments: Sequence[Assessment], labels: Labels, catalogue: Catalogue, options: int = 3
) -> tuple[TheatreRow, ...]:
    """One row per theatre (security, overall): highest level first, then what moved.

    Each row names the first `options` response options for the level reached,
    so that every verdict has its options beside it.
    """
    rows = [a for a in assessments if a.domain == SECURITY]
    rows.sort(key=lambda a: (-a.level, _VERDICT_ORDER.get(a.verdict, 3), a.theatre))
    return tuple(
        TheatreRow(
            code=a.theatre,
            name=labels.theatre(a.theatre),
            level=a.level,
            level_name=labels.level(a.level),
            verdict=a.verdict,
            arrow=labels["arrows"].get(a.verdict, ""),
            reason=a.reasons[0].text if a.reasons else "",
            responses=tuple(r.title for r in catalogue.options_for(a.responses)[:options]),
        )
        for a in rows
    )


def section(domain: str, context: SectionContext) -> Section:
    """One domain: headline, verdict line, lead, events, chart, what to watch, responses."""
    labels, book = context.labels, context.book
    occurred = [
        i for i in context.items if i.kind == "occurred" and (domain == SECURITY or i.domain == domain)
    ]
    before = context.before.get(domain, -1)
    found = [a for a in context.assessments if a.domain == domain]
    level = max((a.level for a in found), default=0)
    previous = max((a.previous_level for a in found), default=level)
    verdict = "escalated" if level > previous else "de-escalated" if level < previous else "unchanged"
    line = f"{labels['verdict_lines'][verdict]}: level {level}, {labels.level(level)}"
    if previous != level:
        line += f" ({labels.phrase('last_week', level=previous)})"
    lead = lead_paragraph(occurred, before, context.stats, context.week, domain, book, labels)
    is_domain = domain != SECURITY
    title = headline(occurred, labels)
    if domain == "migration":
        title = surge_headline(context.stats, context.week, labels, context.surge_factor) or title
    return Section(
        domain=domain,
        title=labels["domains"].get(domain, domain),
        headline=title,
        verdict=verdict,
        verdict_line=line + ".",
        level=level,
        level_name=labels.level(level),
        moves=_moves(found, labels),
        lead=lead,
        charts=charts(context.stats, context.week, book, labels) if domain == "migration" else (),
        bullets=tuple(bullet(i, book, labels, context.documents) for i in occurred) if is_domain else (),
        watch=_watch(domain, context) if is_domain else (),
        responses=_responses(found, domain, level, context.catalogue),
    )


def _moves(found: Sequence[Assessment], labels: Labels) -> str:
    moved = [a for a in found if a.verdict != "unchanged"]
    if not moved:
        return ""
    parts = [
        f"{labels.theatre(a.theatre)} {labels['arrows'][a.verdict]} {a.level}"
        for a in sorted(moved, key=lambda a: (-a.level, a.theatre))
    ]
    return labels.phrase("moves", moves="; ".join(parts))


def _watch(domain: str, context: SectionContext) -> tuple[WatchGroup, ...]:
    groups = []
    for kind in WATCH_KINDS:
        chosen = [i for i in context.items if i.kind == kind and i.domain == domain]
        if chosen:
            bullets = tuple(bullet(i, context.book, context.labels, context.documents) for i in chosen)
            groups.append(WatchGroup(kind, context.labels["watch_kinds"].get(kind, kind), bullets))
    return tuple(groups)


def _responses(
    found: Sequence[Assessment], domain: str, level: int, catalogue: Catalogue
) -> tuple[ResponseLine, ...]:
    top = [a for a in found if a.level == level]
    ids = top[0].responses if top else catalogue.for_level(domain, level)
    return tuple(ResponseLine(r.title, r.rationale) for r in catalogue.options_for(tuple(ids)))
