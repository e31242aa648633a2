"""A week's level per theatre and domain, with the reasons that decided it.

Steps of `week_levels`:
1. group the week's events (and the events whose level the rules hold from
   earlier weeks) by theatre and verdict domain;
2. per domain, the level is the highest level among events that move it; an
   indicator rule whose series stands out raises it to the rule's level;
3. the reasons are the events at that level — one reason per event, with its
   number of independent sources and best Admiralty grade — and the indicator
   comparisons that decided it or explain it;
4. security (overall) is the highest domain, with that domain's reasons.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from flankwatch.assess.board import PlacedEvent
from flankwatch.assess.rules import SECURITY, Rules
from flankwatch.assess.signals import Finding, Signals, reason
from flankwatch.assess.text import describe_event
from flankwatch.ontology import load_ontology
from flankwatch.records import Reason

Key = tuple[str, str]  # theatre, domain
_SUPPORTING = 2  # indicator comparisons kept beside the deciding reasons


@dataclass(frozen=True, slots=True)
class DomainLevel:
    level: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Held:
    """An earlier event whose level the rules keep standing this week."""

    event: PlacedEvent
    since: str  # the week it happened


def week_levels(
    events: Sequence[PlacedEvent], held: Sequence[Held], signals: Signals, week: str, rules: Rules
) -> dict[Key, DomainLevel]:
    """Levels of every (theatre, domain) with an event or a held level this week; security per theatre."""
    groups: dict[Key, list[PlacedEvent]] = defaultdict(list)
    holds: dict[Key, list[Held]] = defaultdict(list)
    for e in events:
        if e.domain is not None:
            groups[(e.theatre, e.domain)].append(e)
    for h in held:
        if h.event.domain is not None:
            holds[(h.event.theatre, h.event.domain)].append(h)
    out: dict[Key, DomainLevel] = {}
    for theatre, domain in sorted(set(groups) | set(holds)):
        found = signals.findings(week, theatre, _types_of(domain, rules))
        out[(theatre, domain)] = _domain_level(
            groups[(theatre, domain)], holds[(theatre, domain)], found, rules
        )
    for theatre in sorted({t for t, _ in out}):
        out[(theatre, SECURITY)] = _overall([v for k, v in out.items() if k[0] == theatre], rules)
    return out


def _domain_level(
    events: list[PlacedEvent], held: list[Held], found: list[Finding], rules: Rules
) -> DomainLevel:
    moving = [e for e in events if e.moves]
    level = max(
        [e.level for e in moving] + [h.event.level for h in held] + [f.level for f in found], default=0
    )
    reasons: list[Reason] = []
    if level > 0:
        reasons = [_event_reason(e) for e in moving if e.level == level]
        reasons += [_held_reason(h) for h in held if h.event.level == level]
    elif moving:
        labels = sorted({e.rule.label for e in moving if e.rule})
        lead = moving[0].lead.mention
        reasons = [Reason(f"Only routine or defensive activity: {', '.join(labels)}", lead.id, lead.doc, 0)]
    indicators = [reason(f) for f in found]
    deciding = [r for r in indicators if r.level == level and level > 0] + reasons
    # The comparison with earlier weeks explains a calm week too: keep some of it.
    supporting = [r for r in indicators if not (r.level == level and level > 0)][:_SUPPORTING]
    kept = deciding[: rules.max_reasons] + supporting
    if not kept:
        kept = [Reason("Nothing occurred that moves the level; see what to watch", level=0)]
    return DomainLevel(level, tuple(kept))


def _event_reason(e: PlacedEvent) -> Reason:
    label = e.rule.label if e.rule else e.fused.event.type
    # The lead report speaks for the event: asserted, and by a source that may move levels.
    lead = e.lead.mention
    text = describe_event(label, e.fused, lead)
    if e.capped_from is not None:
        text += (
            f" (counted at level {e.level}, not {e.capped_from}: "
            f"confidence {e.fused.event.confidence:.2f} is too low for a higher level)"
        )
    return Reason(text, lead.id, lead.doc, e.level)


def _held_reason(h: Held) -> Reason:
    first = _event_reason(h.event)
    text = f"Still standing from {h.since}: {first.text[:1].lower()}{first.text[1:]}"
    return Reason(text, first.mention_id, first.doc, first.level)


def _overall(domains: list[DomainLevel], rules: Rules) -> DomainLevel:
    level = max((d.level for d in domains), default=0)
    reasons = [r for d in domains if d.level == level for r in d.reasons]
    if level > 0:
        reasons = [r for r in reasons if r.level == level] or reasons
    return DomainLevel(level, tuple(reasons[: rules.max_reasons]))


def _types_of(domain: str, rules: Rules) -> frozenset[str]:
    return frozenset(t for t in load_ontology().types if rules.domain_of(t) == domain)
