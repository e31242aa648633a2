"""Assemble the digest's view of one week from assessments, mentions and events.

Steps of `build_view`:
1. place and rate every mention (the assessment's own rules, so the digest
   and the verdicts agree on what occurred and what is only to watch);
2. group the week's mentions into items (one per happening), and count last
   week's for comparison;
3. indicator statistics from sources other than the adversary's state media;
4. the theatre table, then the sections — security first — numbering sources
   in the order the reader meets them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from flankwatch.assess import Catalogue, Placed, Rules, place_all
from flankwatch.fuse import FusedEvent, Sources
from flankwatch.indicators import daily_points, weekly_points, weekly_stats
from flankwatch.records import Assessment, Document, Mention
from flankwatch.report.items import week_items
from flankwatch.report.labels import Labels
from flankwatch.report.lead import Stats
from flankwatch.report.model import DigestView
from flankwatch.report.sections import SectionContext, section, theatre_rows
from flankwatch.report.sources import SourceBook
from flankwatch.weeks import parse_week, previous_week


def build_view(
    week: str,
    assessments: Sequence[Assessment],
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    events: Sequence[FusedEvent],
    *,
    labels: Labels,
    rules: Rules,
    sources: Sources,
    catalogue: Catalogue,
) -> DigestView:
    monday, sunday = parse_week(week)
    placed = place_all(mentions, documents, rules, sources)
    this_week = placed.get(week, [])
    items = week_items(this_week, events, documents, rules, sources)
    book = SourceBook(documents, sources)
    context = SectionContext(
        week=week,
        items=items,
        before=_counts_before(placed, week, events, documents, rules, sources),
        stats=_stats(mentions, documents, sources, rules),
        assessments=[a for a in assessments if a.week == week],
        documents=documents,
        book=book,
        labels=labels,
        catalogue=catalogue,
        surge_factor=rules.surge_factor,
    )
    theatres = theatre_rows(context.assessments, labels, catalogue)
    sections = tuple(section(domain, context) for domain in rules.verdict_domains())
    note = labels["generated_note"].format(
        documents=len({p.mention.doc for p in this_week}), mentions=len(this_week)
    )
    return DigestView(
        week=week,
        title=f"{labels['title']} — {week}",
        subtitle=labels["subtitle"],
        period=f"{labels.day(monday)} – {labels.day(sunday)} {sunday.year}",
        note=note,
        theatres=theatres,
        sections=sections,
        sources=book.entries(),
    )


def _counts_before(
    placed: Mapping[str, list[Placed]],
    week: str,
    events: Sequence[FusedEvent],
    documents: Mapping[str, Document],
    rules: Rules,
    sources: Sources,
) -> dict[str, int]:
    """Occurred items last week per domain (and overall); -1 when the data start this week."""
    last = previous_week(week)
    if not any(w <= last for w in placed):
        return {}
    last_items = week_items(placed.get(last, []), events, documents, rules, sources)
    items = [i for i in last_items if i.kind == "occurred"]
    counts = Counter(i.domain for i in items)
    return {"security": len(items), **{d: counts.get(d, 0) for d in rules.domains}}


def _stats(
    mentions: Sequence[Mention], documents: Mapping[str, Document], sources: Sources, rules: Rules
) -> Stats:
    """Indicator statistics from sources that may move a level alone (never the adversary's own figures)."""
    trusted = [m for m in mentions if sources.of(m.doc).kind not in rules.sources.not_alone]
    return Stats(
        daily=weekly_stats(daily_points(trusted, documents, sources)),
        weekly=weekly_stats(weekly_points(trusted, documents, sources)),
        mentions={m.id: m for m in trusted},
    )
