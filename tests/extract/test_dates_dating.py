"""What date an event takes from the dates of its sentence (flankwatch.extract.dating)."""

from __future__ import annotations

from datetime import date

import pytest

from flankwatch.extract import parse_dates
from flankwatch.extract.dating import as_planned, dates_of

PUBLISHED = date(2024, 3, 12)  # a Tuesday


def _planned(text: str, language: str = "en") -> tuple[date, date]:
    expr = as_planned(parse_dates(text, PUBLISHED, language)[0], "planned", PUBLISHED)
    assert expr is not None
    return expr.start, expr.end


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a month a season back, without its year, is the coming one for a plan
        ("The fence is to be finished in December.", "en", (date(2024, 12, 1), date(2024, 12, 31))),
        ("Забор планируют достроить в декабре.", "ru", (date(2024, 12, 1), date(2024, 12, 31))),
        ("Ogrodzenie ma być gotowe w grudniu.", "pl", (date(2024, 12, 1), date(2024, 12, 31))),
        # a weekday of a plan is the coming one
        ("The envoy will be summoned on Monday.", "en", (date(2024, 3, 18), date(2024, 3, 18))),
        # a plan dated a few days back is a late report, and a year named is kept
        ("The talks were to open on 8 March.", "en", (date(2024, 3, 8), date(2024, 3, 8))),
        ("The fence was to be finished in December 2023.", "en", (date(2023, 12, 1), date(2023, 12, 31))),
        # half a year back is more likely a past event than a plan a year ahead
        ("Snap checks like the one in September are planned.", "en", (date(2023, 9, 1), date(2023, 9, 30))),
    ],
)
def test_a_plan_takes_the_coming_date(text: str, language: str, expected: tuple[date, date]) -> None:
    assert _planned(text, language) == expected


def test_what_occurred_keeps_the_nearest_date() -> None:
    expr = parse_dates("The fence was finished in December.", PUBLISHED)[0]
    assert as_planned(expr, "occurred", PUBLISHED) == expr
    assert (expr.start, expr.end) == (date(2023, 12, 1), date(2023, 12, 31))


def test_an_undated_plan_takes_the_publication_date() -> None:
    assert dates_of(None, "planned", PUBLISHED) == (PUBLISHED, PUBLISHED, "day", "publication")
    assert dates_of(None, "occurred", PUBLISHED) == (None, None, None, "publication")
