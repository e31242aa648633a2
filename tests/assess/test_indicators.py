"""Indicator points and weekly statistics: one number per day and source, never a sum of duplicates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from assess_records import Script

from flankwatch.indicators import baseline, daily_points, weekly_points, weekly_stats
from flankwatch.records import Quantity

TUESDAY = date(2024, 3, 19)


def _per_day(value: float, qualifier: str = "exact", value_max: float | None = None) -> tuple[Quantity, ...]:
    return (Quantity(value=value, unit="attempts", period="day", qualifier=qualifier, value_max=value_max),)


def test_headline_and_body_of_one_report_give_one_point_not_a_sum() -> None:
    script = Script()
    script.report("sg", TUESDAY, quantities=_per_day(97))
    script.report("sg", TUESDAY, quantities=_per_day(97))  # restated further down
    points = daily_points(script.mentions, script.documents)
    assert [(p.day, p.value, p.doc) for p in points] == [(TUESDAY, 97, "sg")]


def test_two_sources_give_two_points_and_the_day_takes_their_lower_median() -> None:
    script = Script()
    script.report("sg", TUESDAY, quantities=_per_day(97))
    script.report("wire", TUESDAY, quantities=_per_day(97))
    script.report("tabloid", TUESDAY, quantities=_per_day(300))
    points = daily_points(script.mentions, script.documents)
    assert sorted(p.doc for p in points) == ["sg", "tabloid", "wire"]
    stats = weekly_stats(points)[("PL-BY", "MIGRATION_PRESSURE", "attempts")]["2024-W12"]
    assert (stats.peak, stats.days) == (97, 1)


def test_totals_plans_vague_dates_and_future_days_are_not_daily_points() -> None:
    script = Script()
    total = (Quantity(value=50000, unit="attempts", period="total", qualifier="more_than"),)
    script.report("total", TUESDAY, quantities=total, date_start=date(2021, 1, 1), date_precision="year")
    script.report("plan", TUESDAY, quantities=_per_day(10), modality="planned")
    script.report(
        "month", date(2024, 3, 1), quantities=_per_day(40), date_end=date(2024, 3, 31), date_precision="month"
    )
    script.report("early", TUESDAY + timedelta(days=5), quantities=_per_day(40), published=TUESDAY)
    assert daily_points(script.mentions, script.documents) == []


def test_a_count_without_period_on_one_day_is_that_days_count_and_a_range_gives_its_middle() -> None:
    script = Script()
    script.report("a", TUESDAY, quantities=(Quantity(value=120, unit="people"),))
    script.report("b", TUESDAY + timedelta(days=1), quantities=_per_day(80, value_max=150))
    values = {p.doc: p.value for p in daily_points(script.mentions, script.documents)}
    assert values == {"a": 120, "b": 115}


def test_a_whole_week_figure_is_a_weekly_point() -> None:
    script = Script()
    week = (Quantity(value=1256, unit="people", period="week"),)
    script.report(
        "lv",
        date(2024, 3, 4),
        quantities=week,
        date_end=date(2024, 3, 10),
        date_precision="week",
        theatre="LV-BY",
        published=date(2024, 3, 11),
    )
    (point,) = weekly_points(script.mentions, script.documents)
    assert (point.day, point.value, point.period, point.theatre) == (date(2024, 3, 4), 1256, "week", "LV-BY")
    assert daily_points(script.mentions, script.documents) == []


def test_weekly_peak_typical_and_baseline() -> None:
    script = Script()
    for week, value in (("2024-W10", 10), ("2024-W11", 30), ("2024-W12", 20)):
        script.crossings(week, value)
    monday = date(2024, 3, 25)
    for offset, value in ((0, 100), (1, 300), (2, 200)):
        script.report(f"w13-{offset}", monday + timedelta(days=offset), quantities=_per_day(value))
    stats = weekly_stats(daily_points(script.mentions, script.documents))[
        ("PL-BY", "MIGRATION_PRESSURE", "attempts")
    ]
    w13 = stats["2024-W13"]
    assert (w13.peak, w13.typical, w13.days) == (300, 200, 3)
    assert w13.peak_point.doc == "w13-1"
    base = baseline(stats, "2024-W13", weeks=8, min_weeks=2)
    assert base is not None and (base.median, base.weeks) == (20, 3)
    assert baseline(stats, "2024-W11", weeks=8, min_weeks=2) is None


def test_points_are_independent_of_input_order() -> None:
    script = Script()
    script.crossings("2024-W12", 50)
    script.report("x", TUESDAY, quantities=_per_day(60))
    shuffled = [replace(m) for m in reversed(script.mentions)]
    assert daily_points(script.mentions, script.documents) == daily_points(shuffled, script.documents)
