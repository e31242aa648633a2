"""A week's level per theatre and domain, with the reasons that decided it.

Steps of `week_levels`:
1. group the week's placed mentions by theatre and verdict domain;
2. per domain, the level is the highest rule level among mentions that may
   move it (occurred, rated, not a state-media-only claim); for migration the
   surge rule may raise it;
3. the reasons are the events at that level — the mentions fused, one reason
   per event with its number of reports — and the indicator comparisons;
4. security (overall) is the highest domain, with that domain's reasons.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flankwatch.assess import surge
from flankwatch.assess.board import Placed, Series
from flankwatch.assess.rules import SECURITY, Rules
from flankwatch.assess.text import describe_mention
from flankwatch.fuse import fuse, lead_mention
from flankwatch.records import Document, Reason

Key = tuple[str, str]  # theatre, domain
_SUPPORTING = 2  # indicator comparisons kept beside the deciding reasons


@dataclass(frozen=True, slots=True)
class DomainLevel:
    level: int
    reasons: tuple[Reason, ...]


def week_levels(
    placed: Sequence[Placed], series: Series, week: str, rules: Rules, documents: Mapping[str, Document]
) -> dict[Key, DomainLevel]:
    """Levels for every (theatre, domain) with any mention this week, and security per theatre."""
    groups: dict[Key, list[Placed]] = defaultdict(list)
    for p in placed:
        if p.domain is not None:
            groups[(p.mention.theatre, p.domain)].append(p)
    out: dict[Key, DomainLevel] = {}
    for (theatre, domain), items in sorted(groups.items()):
        found = surge.findings(series, week, theatre, rules.surge) if domain == "migration" else []
        out[(theatre, domain)] = _domain_level(items, found, rules, documents)
    for theatre in sorted({t for t, _ in groups}):
        out[(theatre, SECURITY)] = _overall([out[k] for k in out if k[0] == theatre], rules)
    return out


def _domain_level(
    items: list[Placed], found: list[surge.SurgeFinding], rules: Rules, documents: Mapping[str, Document]
) -> DomainLevel:
    moving = [p for p in items if p.moves]
    level = max((_rated(p) for p in moving), default=0)
    if any(f.surged for f in found):
        level = max(level, rules.surge.level)
    reasons: list[Reason] = []
    if level > 0:
        reasons = _event_reasons([p for p in moving if _rated(p) == level], documents)
    elif moving:
        labels = sorted({p.rule.label for p in moving if p.rule})
        first = moving[0].mention
        reasons = [Reason(f"Only routine or defensive activity: {', '.join(labels)}", first.id, first.doc, 0)]
    indicators = [surge.reason(f, rules.surge) for f in found]
    deciding = [r for r in indicators if r.level == level] + reasons
    # The comparison with earlier weeks explains a calm week too: always keep it.
    supporting = [r for r in indicators if r.level != level][:_SUPPORTING]
    kept = deciding[: rules.max_reasons] + supporting
    if not kept:
        kept = [Reason("Nothing occurred that moves the level; see what to watch", level=0)]
    return DomainLevel(level, tuple(kept))


def _rated(p: Placed) -> int:
    return p.rule.level if p.rule else 0


def _event_reasons(deciding: list[Placed], documents: Mapping[str, Document]) -> list[Reason]:
    """One reason per fused event, earliest first."""
    by_id = {p.mention.id: p for p in deciding}
    reasons = []
    for event in fuse([p.mention for p in deciding], documents):
        members = [by_id[i].mention for i in event.mention_ids]
        lead = lead_mention(members)
        rule = by_id[lead.id].rule
        label = rule.label if rule else lead.type
        reports = len({m.doc for m in members})
        reasons.append(
            (
                by_id[lead.id].day,
                Reason(describe_mention(label, lead, reports), lead.id, lead.doc, rule.level if rule else 0),
            )
        )
    return [r for _, r in sorted(reasons, key=lambda pair: (pair[0], pair[1].mention_id or ""))]


def _overall(domains: list[DomainLevel], rules: Rules) -> DomainLevel:
    level = max((d.level for d in domains), default=0)
    reasons = [r for d in domains if d.level == level for r in d.reasons]
    if level > 0:
        reasons = [r for r in reasons if r.level == level] or reasons
    return DomainLevel(level, tuple(reasons[: rules.max_reasons]))
