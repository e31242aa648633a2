"""Quantities: value, range, unit, qualifier, period; numbers as texts write them."""

from __future__ import annotations

from datetime import date

import pytest

from flankwatch.extract import parse_quantities

Q = tuple[float, float | None, str | None, str, str | None, int | None]


def quantities(text: str) -> list[Q]:
    return [
        (q.value, q.value_max, q.unit, q.qualifier, q.period, q.period_days)
        for q in parse_quantities(text, published=date(2024, 3, 21))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("up to 210 attempts a day", [(210, None, "attempts", "up_to", "day", 1)]),
        ("417 attempts over two days", [(417, None, "attempts", "exact", "span", 2)]),
        ("more than 50,000 since 2021", [(50000, None, None, "more_than", "total", None)]),
        ("about 90,000 troops", [(90000, None, "troops", "about", None, None)]),
        ("nearly 150 people a day", [(150, None, "people", "about", "day", 1)]),
        ("at least 12 drones", [(12, None, "drones", "at_least", None, None)]),
        ("fewer than ten people", [(10, None, "people", "less_than", None, None)]),
        ("2,000–4,000 migrants", [(2000, 4000, "people", "exact", None, None)]),
        ("between 97 and 150 a day", [(97, 150, None, "exact", "day", 1)]),
        ("100 km of barbed wire", [(100, None, "km", "exact", None, None)]),
        ("a 186km-long fence", [(186, None, "km", "exact", None, None)]),
        ("210 illegal crossing attempts", [(210, None, "attempts", "exact", None, None)]),
    ],
)
def test_counts_ranges_qualifiers_and_periods(text: str, expected: list[Q]) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("4 500 troops", 4500, "troops"),
        ("4\u2009500 troops", 4500, "troops"),  # thin space
        ("4\u00a0500 troops", 4500, "troops"),  # no-break space
        ("4,500 troops", 4500, "troops"),
        ("1 043 people", 1043, "people"),
        ("2,3 % of GDP", 2.3, "pct_gdp"),
        ("2.3 percent of GDP", 2.3, "pct_gdp"),
        ("$4.75 bn", 4.75e9, "usd"),
        ("$4.75bn", 4.75e9, "usd"),
        ("PLN 10 bn", 1e10, "pln"),
        ("10 billion zlotys", 1e10, "pln"),
        ("EUR 1.5 billion", 1.5e9, "eur"),
        ("€300m", 3e8, "eur"),
        ("two soldiers", 2, "troops"),
        ("a dozen drones", 12, "drones"),
        ("twenty-five vehicles", 25, "vehicles"),
        ("three thousand troops", 3000, "troops"),
    ],
)
def test_numbers_as_texts_write_them(text: str, value: float, unit: str) -> None:
    found = quantities(text)
    assert [(q[0], q[2]) for q in found] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("No violators were recorded.", "people"),
        ("There were no attempts on Sunday.", "attempts"),
        ("No one tried to cross.", "people"),
        ("Not a single attempt was recorded.", "attempts"),
    ],
)
def test_zero_is_a_value(text: str, unit: str) -> None:
    assert quantities(text) == [(0, None, unit, "exact", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The Su-25 and the S-400 in Zapad-2021, Dragon-24 and Ryś-21.",
        "Under Article 4, the 14th package was adopted in 2024.",
        "The missile spent 39 seconds in Polish airspace.",
        "A zone 200 m wide for 90 days; a 17-year-old boy.",
        "On 20 March 2024 and on Tuesday.",
    ],
)
def test_no_quantities_from_years_dates_models_or_durations(text: str) -> None:
    assert quantities(text) == []


def test_a_qualifier_covers_both_counts_joined_by_and() -> None:
    assert quantities("about 20,000 soldiers and 3,500 vehicles") == [
        (20000, None, "troops", "about", None, None),
        (3500, None, "vehicles", "about", None, None),
    ]


def test_the_nearest_unit_noun_wins() -> None:
    assert quantities("100 additional soldiers and drone operators") == [
        (100, None, "troops", "exact", None, None)
    ]


def test_casualties_are_marked() -> None:
    found = parse_quantities("Stones injured three soldiers, killing two; police detained 9 people.")
    assert [(q.value, q.casualty) for q in found] == [(3, "injured"), (2, "killed"), (9, "detained")]


def test_offsets_cover_the_quantity() -> None:
    text = "Guards recorded up to 210 attempts a day."
    q = parse_quantities(text)[0]
    assert text[q.char_start : q.char_end] == "up to 210 attempts"
