"""Publication dates as containers and users write them, validated into `date`s."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flankwatch.errors import InputError

_EARLIEST = date(1900, 1, 1)


def parse_published(value: str, origin: str, *, today: date | None = None) -> date:
    """A date from 'YYYY-MM-DD' or an ISO timestamp; InputError naming `origin` otherwise.

    Dates after tomorrow (time zones allow one day) or before 1900 are typos, not news.
    """
    text = value.strip()
    try:
        day = date.fromisoformat(text[:10]) if len(text) <= 10 else datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise InputError(origin, f"published date {value!r} is not a date (write YYYY-MM-DD)") from exc
    latest = (today or date.today()) + timedelta(days=1)
    if not _EARLIEST <= day <= latest:
        raise InputError(
            origin, f"published date {day.isoformat()} is outside {_EARLIEST.year}..{latest.isoformat()}"
        )
    return day
