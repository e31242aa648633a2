"""ISO weeks ('2024-W12'), the unit of assessment and of the digest."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flankwatch.errors import UsageError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week such as '2024-W12'."""
    match = _WEEK.match(week.strip())
    if not match:
        raise UsageError(f"{week!r} is not an ISO week; write it like 2024-W12")
    year, number = int(match[1]), int(match[2])
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError as exc:
        raise UsageError(f"{week!r} is not a week of {year}: {exc}") from exc
    return monday, monday + timedelta(days=6)


def week_of(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def weeks_between(first: date, last: date) -> list[str]:
    """Every ISO week from the one holding `first` to the one holding `last`."""
    weeks, day = [], first - timedelta(days=first.weekday())
    while day <= last:
        weeks.append(week_of(day))
        day += timedelta(days=7)
    return weeks


def previous_week(week: str, n: int = 1) -> str:
    monday, _ = parse_week(week)
    return week_of(monday - timedelta(days=7 * n))
