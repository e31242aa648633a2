"""Dates resolved against the publication date (annotation.md), with their precision."""

from __future__ import annotations

from datetime import date

import pytest

from flankwatch.extract import parse_dates
from flankwatch.extract.dategrammar import DateGrammar
from flankwatch.extract.dates import find_dates
from flankwatch.extract.wordlists import load_date_words
from flankwatch.nlp import default_data_root

THU = date(2024, 3, 21)  # a Thursday
MON = date(2024, 3, 25)


def one(text: str, published: date = THU) -> tuple[str, str, str, str]:
    found = parse_dates(text, published)
    assert len(found) == 1, f"{text!r}: {[(d.text, d.start, d.end) for d in found]}"
    d = found[0]
    return d.start.isoformat(), d.end.isoformat(), d.precision, d.kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Tuesday, 120 people tried to cross.", ("2024-03-19", "2024-03-19", "day", "point")),
        ("on Thursday", ("2024-03-21", "2024-03-21", "day", "point")),  # on or before publication
        ("on Friday", ("2024-03-15", "2024-03-15", "day", "point")),
        ("yesterday", ("2024-03-20", "2024-03-20", "day", "point")),
        ("today", ("2024-03-21", "2024-03-21", "day", "point")),
        ("In the past 24 hours, 14 attempts", ("2024-03-20", "2024-03-20", "day", "point")),
        ("on Monday and Tuesday", ("2024-03-18", "2024-03-19", "day", "range")),
        ("over the weekend", ("2024-03-16", "2024-03-17", "day", "range")),
    ],
)
def test_days_relative_to_publication(text: str, expected: tuple[str, str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("last week", THU, ("2024-03-11", "2024-03-17", "week", "range")),
        ("this week", THU, ("2024-03-18", "2024-03-21", "week", "range")),
        # a weekly digest published on Monday covers the week that just ended
        ("during the week", MON, ("2024-03-18", "2024-03-24", "week", "range")),
        ("the week before", MON, ("2024-03-11", "2024-03-17", "week", "range")),
        ("during the week", THU, ("2024-03-18", "2024-03-21", "week", "range")),
        ("in W21", THU, ("2024-05-20", "2024-05-26", "week", "range")),
        ("from 18 to 24 March", MON, ("2024-03-18", "2024-03-24", "week", "range")),  # Monday to Sunday
    ],
)
def test_weeks(text: str, published: date, expected: tuple[str, str, str, str]) -> None:
    assert one(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on March 20 and 21", ("2024-03-20", "2024-03-21", "day", "range")),
        ("on 20 and 21 March", ("2024-03-20", "2024-03-21", "day", "range")),
        ("March 20-21, 2024", ("2024-03-20", "2024-03-21", "day", "range")),
        ("from March 30 to April 2", ("2024-03-30", "2024-04-02", "day", "range")),
        ("on 20 March 2024", ("2024-03-20", "2024-03-20", "day", "point")),
        ("on March 20, 2023", ("2023-03-20", "2023-03-20", "day", "point")),
        ("2024-06-13", ("2024-06-13", "2024-06-13", "day", "point")),
        ("20.03.2024", ("2024-03-20", "2024-03-20", "day", "point")),
        ("on December 28", ("2023-12-28", "2023-12-28", "day", "point")),  # the year nearest publication
        ("in April", ("2024-04-01", "2024-04-30", "month", "point")),
        ("in early March", ("2024-03-01", "2024-03-31", "month", "point")),
        ("in March 2022", ("2022-03-01", "2022-03-31", "month", "point")),
        ("in 2021", ("2021-01-01", "2021-12-31", "year", "point")),
        ("in the first quarter of 2024", ("2024-01-01", "2024-03-31", "quarter", "point")),
        ("since late 2022", ("2022-10-01", "2024-03-21", "quarter", "since")),
        ("last month", ("2024-02-01", "2024-02-29", "month", "range")),
        ("this year", ("2024-01-01", "2024-12-31", "year", "range")),
        ("between 2024 and 2028", ("2024-01-01", "2028-12-31", "year", "range")),
        ("work planned for 2024–2028", ("2024-01-01", "2028-12-31", "year", "range")),
    ],
)
def test_explicit_dates_and_ranges(text: str, expected: tuple[str, str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since 2021", ("2021-01-01", "2024-03-21", "year", "since")),
        ("since the start of the year", ("2024-01-01", "2024-03-21", "day", "since")),
        ("since the start of March", ("2024-03-01", "2024-03-21", "day", "since")),
        ("since January", ("2024-01-01", "2024-03-21", "month", "since")),
        ("since the start of the migration crisis in 2021", ("2021-01-01", "2024-03-21", "year", "since")),
        ("since the crossings were shut on December 15", ("2023-12-15", "2024-03-21", "day", "since")),
        # a target: the period it names; "by the end of" runs from the statement to that end
        ("by the end of 2024", ("2024-03-21", "2024-12-31", "year", "until")),
        ("by 2027", ("2027-01-01", "2027-12-31", "year", "until")),
    ],
)
def test_since_and_by(text: str, expected: tuple[str, str, str, str]) -> None:
    assert one(text) == expected


def test_a_start_and_an_end_make_one_range() -> None:
    found = parse_dates(
        "The zone came into force on 13 June and stays until 10 September.", date(2024, 6, 14)
    )
    assert [(d.start, d.end, d.kind) for d in found] == [(date(2024, 6, 13), date(2024, 9, 10), "range")]


def test_a_weekday_next_to_its_date_is_one_date() -> None:
    found = parse_dates("Dragon-24 begins on Monday, 26 February.", date(2024, 2, 26))
    assert [(d.start, d.precision) for d in found] == [(date(2024, 2, 26), "day")]


def test_dates_of_comparison_are_marked() -> None:
    found = parse_dates("812 attempts last week, the highest since the autumn of 2021.", THU)
    assert [d.comparison for d in found] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        "The Su-25 and S-400 took part in Zapad-2021.",
        "Spending will reach 2.3 % of GDP, or 4,12 percent.",
        "The missile spent 39 seconds in Polish airspace; the zone is 200 m wide for 90 days.",
        "About 2,021 troops and 12 drones; Article 4; Dragon-24.",
        "Belarus may cut supplies, the march went on, the sun was up.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert parse_dates(text, THU) == []


def test_relative_dates_need_a_publication_date() -> None:
    assert parse_dates("on Tuesday and last week", None) == []
    assert [d.start for d in parse_dates("on 20 March 2024", None)] == [date(2024, 3, 20)]


def test_dateparser_reads_a_candidate_span_the_grammar_cannot() -> None:
    grammar = DateGrammar(load_date_words(default_data_root(), "en"))
    found = find_dates("Die Übung begann am 20 März 2024.", THU, grammar, dateparser_language="de")
    assert [(d.start, d.text) for d in found] == [(date(2024, 3, 20), "20 März 2024")]


def test_offsets_point_at_the_expression() -> None:
    text = "Border guards said on Tuesday that 97 attempts were recorded."
    d = parse_dates(text, THU)[0]
    assert text[d.char_start : d.char_end] == d.text == "Tuesday"


def test_a_dateline_date_is_not_an_event_date() -> None:
    found = parse_dates(
        "MINSK, 24 May (BelTA) – Polish forces pushed 800 refugees back on Wednesday.", date(2024, 5, 24)
    )
    assert [(d.text, d.redundant) for d in found] == [("24 May", True), ("Wednesday", False)]


def test_a_qualifier_before_a_count_is_no_comparison() -> None:
    found = parse_dates("VSAT turned back fewer than 20 people during the week.", MON)
    assert [(d.start, d.comparison) for d in found] == [(date(2024, 3, 18), False)]
