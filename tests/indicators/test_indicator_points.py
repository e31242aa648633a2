"""Indicator points: one number per day and source, never the sum of duplicate reports;
cumulative totals kept as totals, and increments only where two totals of one source allow it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from indicator_records import Reports

from flankwatch.fuse import Sources, fuse_events
from flankwatch.indicators import build_indicators, daily_points, increments, total_points, weekly_series

MONDAY = date(2024, 3, 18)
LONG = " ".join(
    f"Line {n}: officers at post {n} counted migrants and reported to headquarters." for n in range(30)
)


def test_a_source_restating_a_day_gives_one_point_and_its_later_figure_stands() -> None:
    reports = Reports()
    reports.count("daily", MONDAY, 97, published=MONDAY + timedelta(days=1))
    reports.count(
        "weekly-summary", MONDAY, 99, publisher="Straż Graniczna", published=MONDAY + timedelta(days=7)
    )
    reports.count("wire", MONDAY, 97, publisher="Baltic Wire Service")
    sources = Sources.build(reports.documents)
    points = daily_points(reports.mentions, reports.documents, sources)
    assert sorted((p.doc, p.value) for p in points) == [("weekly-summary", 99), ("wire", 97)]
    # Without sources every document stands alone (the figure of the first edition is kept too).
    assert len(daily_points(reports.mentions, reports.documents)) == 3


def test_a_syndicated_copy_adds_no_point() -> None:
    reports = Reports()
    reports.count("wire", MONDAY, 120, publisher="Baltic Wire Service", text=LONG)
    reports.count(
        "reprint",
        MONDAY,
        120,
        publisher="Vilnius Daily",
        text="Reprinted. " + LONG,
        published=MONDAY + timedelta(days=2),
    )
    sources = Sources.build(reports.documents)
    assert sources.of("reprint").copy_of == "wire"
    assert [p.doc for p in daily_points(reports.mentions, reports.documents, sources)] == ["wire"]


def test_totals_are_kept_as_totals_and_never_as_daily_counts() -> None:
    reports = Reports()
    reports.total("jan", date(2024, 1, 1), date(2024, 3, 17), 4000, qualifier="more_than")
    points = total_points(reports.mentions, reports.documents, Sources.build(reports.documents))
    assert [(p.day, p.value, p.period) for p in points] == [(date(2024, 3, 17), 4000, "total")]
    assert daily_points(reports.mentions, reports.documents) == []


def test_two_totals_of_one_source_give_the_increment_between_them() -> None:
    reports = Reports()
    since = date(2024, 1, 1)
    reports.total("t1", since, date(2024, 3, 10), 3000)
    reports.total("t2", since, date(2024, 3, 17), 3420)
    reports.total("t3", since, date(2024, 3, 24), 3900)
    (first, second) = increments(reports.mentions, reports.documents, Sources.build(reports.documents))
    assert (first.start, first.end, first.days, first.value) == (date(2024, 3, 11), date(2024, 3, 17), 7, 420)
    assert (second.value, second.source, second.docs) == (480, "Polish Border Guard", ("t2", "t3"))


def test_no_increment_across_sources_starts_qualifiers_or_from_a_lower_total() -> None:
    reports = Reports()
    reports.total("guard", date(2024, 1, 1), date(2024, 3, 10), 3000)
    reports.total("wire", date(2024, 1, 1), date(2024, 3, 17), 3500, publisher="Baltic Wire Service")
    reports.total("since-2021", date(2021, 1, 1), date(2024, 3, 17), 50000)
    reports.total("about", date(2024, 1, 1), date(2024, 3, 24), 3600, qualifier="about")
    reports.total("lower", date(2024, 1, 1), date(2024, 3, 31), 2900)
    assert increments(reports.mentions, reports.documents, Sources.build(reports.documents)) == []


def test_the_weekly_series_compares_each_week_with_the_twelve_before() -> None:
    reports = Reports()
    for week in range(14):
        for offset, value in ((0, 20 + week % 3), (2, 18 + week % 2)):
            day = MONDAY + timedelta(days=7 * week + offset)
            reports.count(f"sg-{day}", day, value)
    surge = MONDAY + timedelta(days=7 * 14)
    reports.count("surge", surge, 400)
    reports.count("belta", surge + timedelta(days=1), 900, publisher="BelTA")
    sources = Sources.build(reports.documents)
    points = daily_points(reports.mentions, reports.documents, sources)
    figures = weekly_series(points, trusted=lambda doc: not sources.of(doc).adversary)
    last = figures[-1]
    assert (last.week, last.basis, last.value, last.anomaly) == ("2024-W26", "daily", 400, "high")
    assert last.baseline is not None and last.baseline.weeks == 12 and last.baseline.median == 21
    assert last.doc == "surge"  # the adversary's 900 is left out
    assert figures[0].baseline is None and figures[0].anomaly is None  # no weeks before: nothing to compare


def test_event_counts_count_happenings_not_reports_and_quiet_weeks_are_zero() -> None:
    reports = Reports()
    incident = "BORDER_INCIDENT"
    for key, publisher in (("guard", "Polish Border Guard"), ("wire", "Baltic Wire Service"), ("tv", "TVN")):
        reports.count(key, MONDAY, 1, unit="incidents", period=None, publisher=publisher, event_type=incident)
    weeks = ["2024-W11", "2024-W12", "2024-W13"]
    events = fuse_events(reports.mentions, reports.documents)
    found = build_indicators(reports.mentions, reports.documents, events, weeks)
    counts = [f for f in found.series if f.unit == "events" and f.type == incident]
    assert [(f.week, f.value) for f in counts] == [("2024-W11", 0), ("2024-W12", 1), ("2024-W13", 0)]


_days = st.lists(
    st.tuples(
        st.integers(0, 6),
        st.sampled_from(["guard", "guard-2", "wire", "herald"]),
        st.sampled_from([10, 97, 100, 300]),
    ),
    max_size=12,
)
_PUBLISHERS = {"guard": "Polish Border Guard", "guard-2": "Straż Graniczna", "wire": "Baltic Wire Service"}


@settings(max_examples=40)
@given(_days, st.randoms(use_true_random=False))
def test_a_day_is_never_the_sum_of_its_reports_and_order_does_not_matter(
    days: list, rnd: random.Random
) -> None:
    reports = Reports()
    for offset, key, value in days:
        reports.count(
            f"{key}-{offset}-{value}",
            MONDAY + timedelta(days=offset),
            value,
            publisher=_PUBLISHERS.get(key, "Warsaw Herald"),
        )
    sources = Sources.build(reports.documents)
    points = daily_points(reports.mentions, reports.documents, sources)
    shuffled = list(reports.mentions)
    rnd.shuffle(shuffled)
    assert daily_points(shuffled, reports.documents, sources) == points
    assert len({(p.day, sources.key(p.doc)) for p in points}) == len(points)  # one per day and source
    for figure in weekly_series(points):
        stated = [value for offset, _, value in days]
        assert figure.value <= max(stated) and figure.typical is not None and figure.typical <= figure.value


def test_troops_in_exercises_add_up_each_exercise_once() -> None:
    reports = Reports()
    drill = "MILITARY_EXERCISE"
    for key, publisher, value in (
        ("mod", "Ministry of National Defence of Poland", 3000),
        ("wire", "Reuters", 3100),
    ):
        reports.count(key, MONDAY, value, unit="troops", period=None, publisher=publisher, event_type=drill)
    reports.count(
        "other",
        MONDAY + timedelta(days=2),
        5000,
        unit="troops",
        period=None,
        event_type=drill,
        theatre="LT-BY",
    )
    events = fuse_events(reports.mentions, reports.documents)
    found = build_indicators(reports.mentions, reports.documents, events, ["2024-W12"])
    troops = {(f.theatre, f.week): f.value for f in found.series if f.unit == "troops"}
    assert troops == {("PL-BY", "2024-W12"): 3000, ("LT-BY", "2024-W12"): 5000}  # not 6,100: one exercise
