"""Counts to events (extract/counting.py): which trigger a count goes to, and its period. Sentences
are written for these tests; published on Thursday 2024-03-21."""

from __future__ import annotations

from collections.abc import Callable

from conftest import counts, one

from flankwatch.records import Mention

Extract = Callable[..., list[Mention]]


def test_a_date_gives_a_period_to_a_rate_of_crossings(extract: Extract) -> None:
    m = one(
        extract("Last week the Border Guard recorded 812 attempts to cross the border with Belarus."),
        "MIGRATION_PRESSURE",
    )
    assert counts(m) == [(812, None, "attempts", "exact", "week")]


def test_a_date_gives_no_period_to_a_deployment(extract: Extract) -> None:
    text = "This week the army sent 100 additional soldiers to the border with Belarus."
    m = one(extract(text), "FORCE_DEPLOYMENT")
    assert counts(m) == [(100, None, "troops", "exact", None)]


def test_yesterday_in_a_daily_report_is_per_day(extract: Extract) -> None:
    text = "Yesterday there were 74 attempts to cross the border from the territory of Belarus illegally."
    m = one(extract(text), "MIGRATION_PRESSURE")
    assert counts(m) == [(74, None, "attempts", "exact", "day")]


def test_since_a_date_is_a_total(extract: Extract) -> None:
    text = "More than 50,000 attempts to cross the border with Belarus have been recorded since 2021."
    m = one(extract(text), "MIGRATION_PRESSURE")
    assert counts(m) == [(50000, None, "attempts", "more_than", "total")]


def test_troops_present_since_a_date_are_a_level_not_a_total(extract: Extract) -> None:
    text = "A German advance team of about 20 soldiers has been deployed in Lithuania since April."
    mentions = extract(text)
    found = [c for m in mentions for c in counts(m)]
    assert (20, None, "troops", "about", None) in found


def test_two_months_are_no_monthly_figure(extract: Extract) -> None:
    text = "About 1,300 asylum seekers crossed the border from Russia in November and December."
    m = one(extract(text, published="2024-01-10"), "MIGRATION_PRESSURE")
    assert counts(m) == [(1300, None, "people", "about", None)]


def test_a_count_in_a_reported_event_goes_to_the_event(extract: Extract) -> None:
    text = "Minsk claimed that two Polish helicopters had violated Belarusian airspace near Hrodna."
    mentions = extract(text)
    assert counts(one(mentions, "AIRSPACE_VIOLATION")) == [(2, None, "aircraft", "exact", None)]
    assert all(not m.quantities for m in mentions if m.type == "ACCUSATION")
