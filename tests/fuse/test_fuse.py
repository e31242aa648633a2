"""Fusion: one event per happening, whatever the order of the mentions."""

from __future__ import annotations

import random
from datetime import date, timedelta

from fuse_records import document, mention
from hypothesis import given
from hypothesis import strategies as st

from flankwatch.fuse import fuse, mention_interval, placement_day

TUESDAY = date(2024, 3, 19)


def test_three_reports_of_one_day_become_one_event_with_every_source() -> None:
    mentions = [
        mention("guard", TUESDAY, value=97, confidence=0.8),
        mention("wire-a", TUESDAY, value=97),
        mention("wire-b", TUESDAY, value=100, start=80),
    ]
    events = fuse(mentions)
    assert len(events) == 1
    assert set(events[0].mention_ids) == {m.id for m in mentions}
    assert events[0].quantities[0].value == 97  # the lower median of 97, 97, 100
    assert events[0].confidence > 0.8  # corroboration raises confidence above the best single source


def test_two_mentions_in_one_document_are_one_source_for_confidence() -> None:
    one_doc = fuse(
        [
            mention("guard", TUESDAY, value=97, confidence=0.6),
            mention("guard", TUESDAY, value=97, confidence=0.6, start=200),
        ]
    )
    two_docs = fuse(
        [
            mention("guard", TUESDAY, value=97, confidence=0.6),
            mention("wire", TUESDAY, value=97, confidence=0.6),
        ]
    )
    assert one_doc[0].confidence == 0.6
    assert two_docs[0].confidence == 0.84


def test_different_days_types_modalities_and_theatres_stay_apart() -> None:
    base = mention("a", TUESDAY, value=97)
    others = [
        mention("b", TUESDAY + timedelta(days=1), value=97),
        mention("c", TUESDAY, value=97, event_type="BORDER_INCIDENT"),
        mention("d", TUESDAY, value=97, modality="claimed"),
        mention("e", TUESDAY, value=97, theatre="LT-BY"),
    ]
    assert len(fuse([base, *others])) == 5


def test_numbers_within_tolerance_fuse_and_far_apart_do_not() -> None:
    close = fuse([mention("a", TUESDAY, value=9300), mention("b", TUESDAY, value=9350)])
    far = fuse([mention("a", TUESDAY, value=97), mention("belta", TUESDAY, value=300)])
    assert len(close) == 1 and len(far) == 2


def test_other_period_of_the_same_unit_is_another_count() -> None:
    daily = mention("a", TUESDAY, value=97, period="day")
    weekly = mention(
        "b",
        TUESDAY - timedelta(days=1),
        value=600,
        period="week",
        end_day=TUESDAY + timedelta(days=5),
        precision="week",
    )
    assert len(fuse([daily, weekly])) == 2


def test_an_exercise_counted_in_troops_and_in_aircraft_is_one_event() -> None:
    troops = mention("a", TUESDAY, value=3000, unit="troops", period=None, event_type="MILITARY_EXERCISE")
    aircraft = mention("b", TUESDAY, value=40, unit="aircraft", period=None, event_type="MILITARY_EXERCISE")
    events = fuse([troops, aircraft])
    assert len(events) == 1
    assert {q.unit for q in events[0].quantities} == {"troops", "aircraft"}


def test_a_range_overlapping_a_figure_fuses() -> None:
    events = fuse(
        [
            mention("a", TUESDAY, value=2000, value_max=4000, unit="troops", period=None),
            mention("b", TUESDAY, value=3500, unit="troops", period=None),
        ]
    )
    assert len(events) == 1


def test_complete_linkage_does_not_chain_two_days_through_a_vague_mention() -> None:
    vague = mention("digest", TUESDAY, end_day=TUESDAY + timedelta(days=2), precision="week")
    first = mention("a", TUESDAY, value=97)
    third = mention("b", TUESDAY + timedelta(days=2), value=97)
    events = fuse([vague, first, third])
    assert len(events) == 2
    assert sorted(len(e.mention_ids) for e in events) == [1, 2]


def test_undated_mention_takes_its_publication_date_from_the_documents() -> None:
    undated = mention("wire", None, value=97)
    dated = mention("guard", TUESDAY, value=97)
    docs = {"wire": document("wire", TUESDAY + timedelta(days=1))}
    assert len(fuse([undated, dated], docs)) == 1
    assert len(fuse([undated, dated])) == 2  # without its publication date it cannot be placed
    assert mention_interval(undated, docs) == (TUESDAY - timedelta(days=2), TUESDAY + timedelta(days=1))


def test_event_takes_the_date_of_its_most_precise_mention() -> None:
    monthly = mention("think-tank", date(2024, 3, 1), end_day=date(2024, 3, 31), precision="month")
    daily = mention("guard", TUESDAY)
    (event,) = fuse([monthly, daily])
    assert (event.date_start, event.date_end) == (TUESDAY, TUESDAY)


def test_placement_counts_plans_when_said_and_long_ranges_when_reported() -> None:
    docs = {"a": document("a", date(2024, 5, 2))}
    plan = mention("a", date(2024, 6, 1), end_day=date(2024, 6, 30), modality="planned", precision="month")
    total = mention(
        "a", date(2021, 1, 1), end_day=date(2024, 5, 2), period="total", value=50000, precision="year"
    )
    april = mention("a", date(2024, 4, 1), end_day=date(2024, 4, 30), precision="month")
    assert placement_day(plan, docs) == date(2024, 5, 2)
    assert placement_day(total, docs) == date(2024, 5, 2)
    assert placement_day(april, docs) == date(2024, 4, 30)
    assert placement_day(mention("a", TUESDAY), docs) == TUESDAY


_mentions = st.builds(
    mention,
    doc=st.sampled_from(["guard", "wire", "belta", "digest"]),
    day=st.one_of(st.none(), st.integers(0, 6).map(lambda n: TUESDAY + timedelta(days=n))),
    value=st.one_of(st.none(), st.sampled_from([0, 20, 21, 97, 100, 300])),
    event_type=st.sampled_from(["MIGRATION_PRESSURE", "BORDER_INCIDENT"]),
    theatre=st.sampled_from(["PL-BY", "LT-BY"]),
    modality=st.sampled_from(["occurred", "claimed"]),
    start=st.integers(0, 5).map(lambda n: n * 50),
)
_documents = {k: document(k, TUESDAY + timedelta(days=3)) for k in ("guard", "wire", "belta", "digest")}


@given(st.lists(_mentions, max_size=14), st.randoms(use_true_random=False))
def test_fusion_is_order_independent(mentions: list, rnd: random.Random) -> None:
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert fuse(mentions, _documents) == fuse(shuffled, _documents)


@given(st.lists(_mentions, max_size=14))
def test_fusion_is_idempotent_and_covers_every_mention_once(mentions: list) -> None:
    events = fuse(mentions, _documents)
    assert fuse(mentions + mentions, _documents) == events
    covered = [mid for e in events for mid in e.mention_ids]
    assert sorted(covered) == sorted({m.id for m in mentions})
    assert len({e.id for e in events}) == len(events)
