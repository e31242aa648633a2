"""Short, plain-English descriptions used in reasons (the digest has its own, richer ones)."""

from __future__ import annotations

from collections.abc import Sequence

from flankwatch.fuse import FusedEvent
from flankwatch.records import Mention, Quantity

_QUALIFIER = {
    "exact": "",
    "about": "about ",
    "up_to": "up to ",
    "at_least": "at least ",
    "more_than": "more than ",
    "less_than": "fewer than ",
}
_PERIOD = {
    "day": " a day",
    "week": " in the week",
    "month": " in the month",
    "year": " a year",
    "total": " in total",
}
_SINGULAR = {"people": "person", "km": "km", "usd": "usd", "eur": "eur", "pln": "pln", "pct_gdp": "pct_gdp"}


def number(value: float) -> str:
    """1234.0 → '1,234'; 2.5 → '2.5'; 18.004 → '18' (one decimal at most, none when it is zero)."""
    shown = round(float(value), 1)
    return f"{shown:,.0f}" if shown.is_integer() else f"{shown:,.1f}"


def describe_quantity(q: Quantity) -> str:
    """'up to 210 attempts a day', '2,000–4,000 troops', '417 attempts over 2 days'."""
    amount = number(q.value)
    if q.value_max is not None and q.value_max > q.value:
        amount = f"{amount}–{number(q.value_max)}"
    if q.period == "span" and q.period_days:
        period = f" over {q.period_days} days"
    else:
        period = _PERIOD.get(q.period or "", "")
    return f"{_QUALIFIER.get(q.qualifier, '')}{amount} {_unit(q)}{period}"


def _unit(q: Quantity) -> str:
    """'1 missile', '1 person', but '2 missiles'."""
    if q.value != 1 or q.value_max is not None:
        return q.unit
    return _SINGULAR.get(q.unit, q.unit.removesuffix("s"))


def describe_event(label: str, fused: FusedEvent, lead: Mention) -> str:
    """'Migration pressure: 2024-05-22, Dubicze Cerkiewne; 400 attempts a day — 4 sources, best A1'.

    The event's date and place are its lead report's; its numbers the fused ones.
    """
    event = fused.event
    parts = []
    if event.date_start is not None:
        end = event.date_end or event.date_start
        parts.append(
            event.date_start.isoformat() + (f" to {end.isoformat()}" if end != event.date_start else "")
        )
    if event.place is not None:
        parts.append(event.place.name)
    text = f"{label[:1].upper()}{label[1:]}: {', '.join(parts) or 'undated'}"
    if event.quantities:
        text += "; " + ", ".join(describe_quantity(q) for q in event.quantities)
    casualties = [c for c in lead.casualties if c.value > 0]
    if casualties:
        text += "; " + ", ".join(f"{number(c.value)} {c.unit}" for c in casualties)
    best = fused.best
    if best is None:
        return text
    count = fused.independent
    sources = f"{count} sources" if count != 1 else "1 source"
    return f"{text} — {sources}, best {best.grade}"


def join_levels(levels: Sequence[int]) -> str:
    return ", ".join(str(v) for v in levels)
