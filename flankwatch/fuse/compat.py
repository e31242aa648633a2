"""Can two mentions describe the same happening? Dates and numbers decide.

Type, modality and theatre are compared by blocking in `cluster.py`; this
module answers the finer questions: do the dates overlap, and do the numbers
agree within a tolerance?
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from flankwatch.fuse.timing import mention_interval
from flankwatch.records import Document, Mention, Quantity

# Reports of one happening round differently ("about 9,300" against 9,350);
# a figure three times another is a different count, or a disagreement that
# the next fusion version flags rather than hides.
DEFAULT_TOLERANCE = 0.15


def dates_overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Two intervals share a day; two undated mentions are not told apart by date."""
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] and b[0] <= a[1]


def _period_key(q: Quantity) -> tuple[str | None, int | None]:
    return (q.period, q.period_days if q.period == "span" else None)


def quantities_close(a: Quantity, b: Quantity, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Same unit and period, and value ranges that meet once widened by the tolerance."""
    if a.unit != b.unit or _period_key(a) != _period_key(b):
        return False
    a_lo, a_hi = a.value, max(a.value_max if a.value_max is not None else a.value, a.value)
    b_lo, b_hi = b.value, max(b.value_max if b.value_max is not None else b.value, b.value)
    slack = tolerance * max(abs(a_hi), abs(b_hi))
    return a_lo <= b_hi + slack and b_lo <= a_hi + slack


def quantities_agree(
    a: tuple[Quantity, ...], b: tuple[Quantity, ...], tolerance: float = DEFAULT_TOLERANCE
) -> bool:
    """Every unit both mentions count must have a pair of close values.

    A mention without numbers, or one counting other units (an exercise's
    troops against its aircraft), does not contradict the other.
    """
    shared = {q.unit for q in a} & {q.unit for q in b}
    for unit in shared:
        left = [q for q in a if q.unit == unit]
        right = [q for q in b if q.unit == unit]
        if not any(quantities_close(x, y, tolerance) for x in left for y in right):
            return False
    return True


def compatible(
    a: Mention,
    b: Mention,
    documents: Mapping[str, Document] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> bool:
    """Two mentions of one block (type, modality, theatre) may be one event."""
    if a.subtype and b.subtype and a.subtype != b.subtype:
        return False
    if not dates_overlap(mention_interval(a, documents), mention_interval(b, documents)):
        return False
    return quantities_agree(a.quantities, b.quantities, tolerance)
