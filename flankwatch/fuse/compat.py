"""Can two mentions describe the same happening? Dates, places, actors and numbers decide.

Type, theatre and modality family are compared by blocking in `cluster.py`;
this module answers the finer questions:
1. subtypes, when both have one, agree;
2. the dates overlap;
3. the places may be one scene (`places.py`);
4. for types defined by who acts (an exercise, a deployment, a sanction), the
   actors share someone — a NATO drill and a Russian one on the same day stay apart;
5. the numbers agree within a tolerance — unless both mentions pin the same
   days in their text: then they count the same thing, and a different figure
   is a disagreement that fusion flags (9,300 against 9,350, or a state-media
   figure three times the border guard's), not a second happening. Within one
   document, different figures are different counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from flankwatch.fuse.places import places_compatible
from flankwatch.fuse.timing import mention_interval
from flankwatch.records import Document, Mention, Quantity

# Reports of one happening round differently ("about 9,300" against 9,350).
DEFAULT_TOLERANCE = 0.15

# What a party claims happened and what others say did happen can be one
# happening; plans, threats and options under consideration are each their own.
_FAMILY = {"occurred": "factual", "claimed": "factual"}

# Types whose happening is defined by who acts; attribution of the others
# (an incident, an incursion, a strike) is what sources dispute.
ACTOR_DEFINED = frozenset(
    {
        "MILITARY_EXERCISE",
        "FORCE_DEPLOYMENT",
        "AIR_ACTIVITY",
        "DEFENCE_POSTURE",
        "STRATEGIC_WEAPONS",
        "SANCTIONS",
        "DIPLOMATIC_ACTION",
        "ALLIED_SUPPORT",
        "BORDER_FORTIFICATION",
        "BORDER_REGIME",
        "THREAT_RHETORIC",
        "ACCUSATION",
        "ENERGY_COERCION",
        "MIGRANT_INSTRUMENTALISATION",
    }
)
_BYSTANDERS = frozenset({"NS:MIGRANTS"})


def modality_family(modality: str) -> str:
    """'factual' for occurred and claimed; other modalities are their own family."""
    return _FAMILY.get(modality, modality)


def dates_overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Two intervals share a day; two undated mentions are not told apart by date."""
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] and b[0] <= a[1]


def period_key(q: Quantity) -> tuple[str | None, int | None]:
    # A count without period words on a one-day mention is that day's count.
    if q.period in (None, "day") or (q.period == "span" and q.period_days == 1):
        return ("day", None)
    return (q.period, q.period_days if q.period == "span" else None)


def same_count(a: Quantity, b: Quantity) -> bool:
    """Same unit and period: two statements of one count."""
    return a.unit == b.unit and period_key(a) == period_key(b)


def quantities_close(a: Quantity, b: Quantity, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Same unit and period, and value ranges that meet once widened by the tolerance."""
    if not same_count(a, b):
        return False
    a_lo, a_hi = a.value, max(a.value_max if a.value_max is not None else a.value, a.value)
    b_lo, b_hi = b.value, max(b.value_max if b.value_max is not None else b.value, b.value)
    slack = tolerance * max(abs(a_hi), abs(b_hi))
    return a_lo <= b_hi + slack and b_lo <= a_hi + slack


def quantities_agree(
    a: tuple[Quantity, ...], b: tuple[Quantity, ...], tolerance: float = DEFAULT_TOLERANCE
) -> bool:
    """Every unit both mentions count has a pair of close values of the same period.

    A mention without numbers, or one counting other units (an exercise's
    troops against its aircraft), does not contradict the other; a day's count
    and a week's count of one unit are two counts, not one.
    """
    for unit in {q.unit for q in a} & {q.unit for q in b}:
        left = [q for q in a if q.unit == unit]
        right = [q for q in b if q.unit == unit]
        if not any(quantities_close(x, y, tolerance) for x in left for y in right):
            return False
    return True


def counts_comparable(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> bool:
    """Every unit both mentions count has a pair of the same period (the figures may differ)."""
    for unit in {q.unit for q in a} & {q.unit for q in b}:
        left = [q for q in a if q.unit == unit]
        right = [q for q in b if q.unit == unit]
        if not any(same_count(x, y) for x in left for y in right):
            return False
    return True


def pinned_to_same_days(a: Mention, b: Mention, documents: Mapping[str, Document] | None = None) -> bool:
    """Two texts name exactly the same days (day precision): they count one thing.

    Within one document two figures for one day are two counts (a total and a
    part of it), never a dispute: a text does not contradict itself.
    """
    if a.doc == b.doc:
        return False
    if a.date_source != "text" or b.date_source != "text" or a.date_start is None:
        return False
    if a.date_precision != "day" or b.date_precision != "day":
        return False
    return mention_interval(a, documents) == mention_interval(b, documents)


def actors_compatible(a: Mention, b: Mention) -> bool:
    """For actor-defined types, two named sets of actors must share someone."""
    if a.type not in ACTOR_DEFINED:
        return True
    left, right = set(a.actors) - _BYSTANDERS, set(b.actors) - _BYSTANDERS
    return not left or not right or bool(left & right)


def compatible(
    a: Mention,
    b: Mention,
    documents: Mapping[str, Document] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> bool:
    """Two mentions of one block (type, modality family, theatre) may be one event (steps above)."""
    if a.subtype and b.subtype and a.subtype != b.subtype:
        return False
    if not dates_overlap(mention_interval(a, documents), mention_interval(b, documents)):
        return False
    if not places_compatible(a.place, b.place) or not actors_compatible(a, b):
        return False
    if quantities_agree(a.quantities, b.quantities, tolerance):
        return True
    return counts_comparable(a.quantities, b.quantities) and pinned_to_same_days(a, b, documents)
