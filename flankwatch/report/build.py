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

from flankwatch.assess import Catalogue, Placed, Rules, StateMedia, place_all
from flankwatch.indicators import daily_points, weekly_points, weekly_stats
from flankwatch.records import Assessment, Document, Event, Mention
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
    events: Sequence[Event],
    *,
    labels: Labels,
    rules: Rules,
    state_media: StateMedia,
    catalogue: Catalogue,
) -> DigestView:
    monday, sunday = parse_week(week)
    placed = place_all(mentions, documents, rules, state_media)
    this_week = placed.get(week, [])
    items = week_items(this_week, events, documents, rules)
    book = SourceBook(documents)
    context = SectionContext(
        week=week,
        items=items,
        before=_counts_before(placed, week, events, documents, rules),
        stats=_stats(mentions, documents, state_media),
        assessments=[a for a in assessments if a.week == week],
        documents=documents,
        book=book,
        labels=labels,
        catalogue=catalogue,
        surge_factor=rules.surge.factor,
    )
    theatres = theatre_rows(context.assessments, labels)
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
    events: Sequence[Event],
    documents: Mapping[str, Document],
    rules: Rules,
) -> dict[str, int]:
    """Occurred items last week per domain (and overall); -1 when the data start this week."""
    last = previous_week(week)
    if not any(w <= last for w in placed):
        return {}
    items = [i for i in week_items(placed.get(last, []), events, documents, rules) if i.kind == "occurred"]
    counts = Counter(i.domain for i in items)
    return {"security": len(items), **{d: counts.get(d, 0) for d in rules.domains}}


def _stats(mentions: Sequence[Mention], documents: Mapping[str, Document], state_media: StateMedia) -> Stats:
    trusted = [m for m in mentions if not state_media.covers(documents.get(m.doc))]
    return Stats(
        daily=weekly_stats(daily_points(trusted, documents)),
        weekly=weekly_stats(weekly_points(trusted, documents)),
        mentions={m.id: m for m in trusted},
    )
