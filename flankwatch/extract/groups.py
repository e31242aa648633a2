"""Splitting one trigger's counts into events: one per date and modality.

"263 attempts during the week, after 197 the week before" states two events;
"503 people during the week, up to 94 a day" one with two counts. Each count
takes the date nearest after it (before the next count), else the one before it;
counts with the same date and modality are one event, counts with no date of
their own join the first event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flankwatch.extract.dates import DateExpr
from flankwatch.extract.quantities import QuantityExpr
from flankwatch.extract.sentence import Sentence

_EDGE = re.compile(r"[,;:()\[\]—–\n]")  # a line break too: the rows of a list
STATE_REACH = 4  # tokens before a count within which a state names whose count it is


@dataclass
class Count:
    """A quantity given to a trigger, with the unit it takes there."""

    q: QuantityExpr
    unit: str
    casualty: bool


@dataclass
class Group:
    counts: list[Count] = field(default_factory=list)
    date: DateExpr | None = None
    modality: str | None = None  # None: the trigger's own
    state: str | None = None  # the state its counts are given for ("Латвия — 120 человек; Литва — 45")


def own_dates(sentence: Sentence) -> dict[int, DateExpr]:
    """The date of each quantity of the sentence (by its index), consuming each date once."""
    quantities, dates = sentence.quantities, [d for d in sentence.dates if not (d.comparison or d.redundant)]
    taken: set[int] = set()
    out: dict[int, DateExpr] = {}
    for i, q in enumerate(quantities):
        nxt = quantities[i + 1].char_start if i + 1 < len(quantities) else len(sentence.text)
        after = [
            j
            for j, d in enumerate(dates)
            if j not in taken
            and q.char_end <= d.char_start < nxt
            and not _EDGE.search(sentence.text, q.char_end, d.char_start)
        ]  # "…, the spokeswoman said on Friday"
        if after:
            taken.add(after[0])
            out[i] = dates[after[0]]
    complements = [sentence.char_of(h.start) for h in sentence.hits.get("complement")]
    for i, q in enumerate(quantities):
        if i in out:
            continue
        # "Minsk claimed on May 23 that … 800 people": the date is the claim's, not the count's
        prev = max(
            [quantities[i - 1].char_end if i > 0 else 0, *(c for c in complements if c < q.char_start)]
        )
        before = [
            j
            for j, d in enumerate(dates)
            if j not in taken and prev <= d.char_start and d.char_end <= q.char_start
        ]
        if before:
            out[i] = dates[before[-1]]  # not consumed: "during the week, 503 people … up to 94 a day"
    return out


def own_states(sentence: Sentence, states: frozenset[str]) -> dict[int, str]:
    """The state each quantity is given for: the first state named since the previous count
    ("Латвия — 120 человек; Литва — 45; Польша — 310 попыток"), else the previous count's."""
    named = sorted(
        (h.start, h.payload.code) for h in sentence.hits.get("actor") if getattr(h.payload, "code", None) in states
    )
    out: dict[int, str] = {}
    prev_end, current = sentence.hits.start, None
    for i, q in enumerate(sentence.quantities):
        token = sentence.token_at(q.char_start)
        # named right before the count ("Литва — 45", "Poland recorded 300"), not anywhere in the sentence
        here = [code for at, code in named if max(prev_end, token - STATE_REACH) <= at < token]
        current = here[0] if here else current
        if current is not None:
            out[i] = current
        prev_end = sentence.token_at(q.char_end)
    return out


def group_counts(
    counts: list[Count], sentence: Sentence, modality_at: dict[int, str], states: frozenset[str] = frozenset()
) -> list[Group]:
    """Counts grouped by (date, modality, state). Undated counts join the first group of their
    modality and state; with a single group the trigger's own modality stands. A state splits
    events only when the sentence gives counts for several (a table read as text)."""
    if not counts:
        return [Group()]
    dates = own_dates(sentence)
    index = {id(q): i for i, q in enumerate(sentence.quantities)}
    of_state = own_states(sentence, states)
    # several states, not one state and counts of none
    if len({of_state.get(index[id(c.q)]) for c in counts if not c.casualty} - {None}) < 2:
        of_state = {}
    keyed: dict[tuple[int | None, str, str | None], Group] = {}
    for count in sorted(counts, key=lambda c: c.q.char_start):
        i = index[id(count.q)]
        date = None if count.casualty else dates.get(i)
        mod = modality_at.get(i, "occurred")
        where = of_state.get(i)
        keyed.setdefault(
            (id(date) if date else None, mod, where), Group(date=date, modality=mod, state=where)
        ).counts.append(count)
    ordered = sorted(keyed.values(), key=lambda g: g.counts[0].q.char_start)
    dated = _merge_other_units([g for g in ordered if g.date is not None])
    out = list(dated) or []
    for group in (g for g in ordered if g.date is None):
        home = next((g for g in out if g.modality == group.modality and g.state == group.state), None)
        if home is None:
            out.append(group)
        else:
            home.counts = sorted(home.counts + group.counts, key=lambda c: c.q.char_start)
    out.sort(key=lambda g: g.counts[0].q.char_start)
    if len(out) == 1:
        out[0].modality = None
    return out


def _merge_other_units(groups: list[Group]) -> list[Group]:
    """Groups only split an event when a unit repeats ("355 attempts on Friday and 298 on Saturday");
    "PLN 10 bn … about 700 km between 2024 and 2028" is one event, dated by its latest date."""
    out: list[Group] = []
    for group in groups:
        units = {c.unit for c in group.counts}
        home = next(
            (
                g
                for g in out
                if _compatible(g.modality, group.modality)
                and g.state == group.state
                and not units & {c.unit for c in g.counts}
            ),
            None,
        )
        if home is None:
            out.append(group)
            continue
        home.counts = sorted(home.counts + group.counts, key=lambda c: c.q.char_start)
        if home.date is None or (group.date is not None and group.date.end > home.date.end):
            home.date = group.date
        if "planned" in (home.modality, group.modality):
            home.modality = "planned"
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    """Parts of one event: the same modality, or a plan and its budget stated before the plan's verb."""
    return a == b or {a, b} == {"planned", "occurred"}


def sub_span(sentence: Sentence, group: Group) -> tuple[int, int]:
    """The stretch of the sentence that states one of several events: from the clause
    edge before its first count (or date) to the edge after its last."""
    points = [c.q.char_start for c in group.counts] + [c.q.char_end for c in group.counts]
    if group.date is not None:
        points += [group.date.char_start, group.date.char_end]
    start, end = min(points), max(points)
    text = sentence.text
    left = [m.end() for m in _EDGE.finditer(text, 0, start)]
    right = _EDGE.search(text, end)
    s = left[-1] if left else 0
    e = right.start() if right else len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " .":
        e -= 1
    return s, e
