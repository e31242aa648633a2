"""Who said what: the figures sources give for one count of an event, when they differ.

A count is a unit and a period (attempts a day, troops, people in the week).
Restatements by one source of the same figure are one; figures that differ
only in their qualifier ("up to 400" and "400") are one figure. Two or more
figures are a disagreement: `major` when they are further apart than the
fusion tolerance, else a rounding worth showing (9,300 against 9,350).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from flankwatch.fuse.compat import DEFAULT_TOLERANCE, period_key, quantities_close
from flankwatch.fuse.merge import own_figures
from flankwatch.fuse.model import Disagreement, Figure
from flankwatch.records import Mention, Quantity

CountKey = tuple[str, tuple[str | None, int | None]]
# (publisher, grade) of a mention's report
Describe = Callable[[Mention], tuple[str, str]]


def disagreements(
    members: Sequence[Mention], describe: Describe, tolerance: float = DEFAULT_TOLERANCE
) -> tuple[Disagreement, ...]:
    """Every count of the event on which its mentions give different figures."""
    by_count: dict[CountKey, list[tuple[Quantity, Mention]]] = defaultdict(list)
    for m in members:
        for q in own_figures(m):  # parts of a total in one sentence dispute nothing
            by_count[(q.unit, period_key(q))].append((q, m))
    out = []
    for key in sorted(by_count, key=lambda k: (k[0], str(k[1]))):
        figures = _figures(by_count[key], describe)
        if len(figures) < 2:
            continue
        sample = by_count[key][0][0]
        lowest, highest = figures[0], figures[-1]
        top = highest.value_max or highest.value
        ratio = top / lowest.value if lowest.value > 0 else float("inf")
        major = not all(
            quantities_close(_as_quantity(a, sample), _as_quantity(b, sample), tolerance)
            for a in figures
            for b in figures
        )
        out.append(Disagreement(sample.unit, sample.period, sample.period_days, figures, ratio, major))
    return tuple(out)


def _figures(stated: list[tuple[Quantity, Mention]], describe: Describe) -> tuple[Figure, ...]:
    groups: dict[tuple[float, float | None], list[tuple[Quantity, Mention]]] = defaultdict(list)
    for q, m in stated:
        top = q.value_max if q.value_max is not None and q.value_max > q.value else None
        groups[(q.value, top)].append((q, m))
    figures = []
    for (value, top), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        qualifiers = sorted({q.qualifier for q, _ in items}, key=lambda x: (x != "exact", x))
        who: dict[str, tuple[str, str]] = {}
        for _, m in sorted(items, key=lambda pair: (pair[1].doc, pair[1].id)):
            publisher, grade = describe(m)
            who.setdefault(publisher, (m.doc, grade))
        figures.append(
            Figure(
                value=value,
                value_max=top,
                qualifier=qualifiers[0],
                docs=tuple(sorted({m.doc for _, m in items})),
                publishers=tuple(who),
                grades=tuple(g for _, g in who.values()),
            )
        )
    return tuple(figures)


def _as_quantity(f: Figure, like: Quantity) -> Quantity:
    return Quantity(f.value, like.unit, f.value_max, f.qualifier, like.period, like.period_days)
