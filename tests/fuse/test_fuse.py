"""Fusion: one event per happening, whatever the order of the mentions; disputes kept, not split."""

from __future__ import annotations

import random
from datetime import date, timedelta

from fuse_records import document, documents, mention
from hypothesis import given
from hypothesis import strategies as st

from flankwatch.fuse import fuse, fuse_events, mention_interval, placement_day
from flankwatch.records import Place

TUESDAY = date(2024, 3, 19)


def test_three_reports_of_one_day_become_one_event_with_every_source() -> None:
    docs = documents(TUESDAY, guard="Polish Border Guard", wire_a="Baltic Wire Service", wire_b="Reuters")
    mentions = [
        mention("guard", TUESDAY, value=97, confidence=0.8),
        mention("wire_a", TUESDAY, value=97),
        mention("wire_b", TUESDAY, value=100, start=80),
    ]
    (fused,) = fuse_events(mentions, docs)
    assert set(fused.event.mention_ids) == {m.id for m in mentions}
    assert {s.doc for s in fused.sources} == {"guard", "wire_a", "wire_b"} and fused.independent == 3
    assert fused.event.quantities[0].value == 97  # the border guard's figure: the most reliable source
    assert fused.best is not None and fused.best.grade == "A1"  # confirmed by independent sources
    assert fused.event.confidence == 0.95


def test_two_reports_of_one_source_do_not_corroborate_each_other() -> None:
    docs = documents(
        TUESDAY, guard="Polish Border Guard", guard2="Straż Graniczna", wire="Baltic Wire Service"
    )
    one_doc = fuse_events(
        [mention("guard", TUESDAY, value=97), mention("guard", TUESDAY, value=97, start=200)], docs
    )
    one_publisher = fuse_events(
        [mention("guard", TUESDAY, value=97), mention("guard2", TUESDAY, value=97)], docs
    )
    two_sources = fuse_events([mention("guard", TUESDAY, value=97), mention("wire", TUESDAY, value=97)], docs)
    assert [f.independent for f in (*one_doc, *one_publisher, *two_sources)] == [1, 1, 2]
    # Alone, the border guard's report is "possibly true"; a wire confirming it makes it "confirmed".
    assert one_doc[0].best.grade == one_publisher[0].best.grade == "A3"
    assert two_sources[0].best.grade == "A1"
    assert one_doc[0].event.confidence < two_sources[0].event.confidence
    assert [s.counted for s in one_publisher[0].sources].count(True) == 1


def test_different_days_types_modalities_and_theatres_stay_apart() -> None:
    base = mention("a", TUESDAY, value=97)
    others = [
        mention("b", TUESDAY + timedelta(days=1), value=97),
        mention("c", TUESDAY, value=97, event_type="BORDER_INCIDENT"),
        mention("d", TUESDAY, value=97, modality="planned"),
        mention("e", TUESDAY, value=97, theatre="LT-BY"),
    ]
    assert len(fuse([base, *others])) == 5


def test_what_a_party_claims_and_what_others_report_can_be_one_happening() -> None:
    docs = documents(TUESDAY, guard="Polish Border Guard", belta="BelTA")
    (fused,) = fuse_events(
        [mention("guard", TUESDAY, value=97), mention("belta", TUESDAY, value=97, modality="claimed")], docs
    )
    assert fused.event.modality == "occurred"  # someone asserts it happened
    assert {s.modality for s in fused.sources} == {"occurred", "claimed"}


def test_numbers_within_tolerance_agree_and_a_far_figure_is_a_dispute_not_a_second_event() -> None:
    docs = documents(TUESDAY, guard="Polish Border Guard", wire="Baltic Wire Service", belta="BelTA")
    (close,) = fuse_events(
        [mention("guard", TUESDAY, value=9300), mention("wire", TUESDAY, value=9350)], docs
    )
    (far,) = fuse_events([mention("guard", TUESDAY, value=97), mention("belta", TUESDAY, value=300)], docs)
    (minor,) = close.disagreements
    assert (
        not minor.major
        and minor.summary() == "9,300 (Polish Border Guard) against 9,350 (Baltic Wire Service)"
    )
    (major,) = far.disagreements
    assert major.major and round(major.ratio, 2) == 3.09
    assert [(f.value, f.publishers) for f in major.figures] == [
        (97, ("Polish Border Guard",)),
        (300, ("BelTA",)),
    ]
    assert far.event.quantities[0].value == 97  # the border guard's figure stands
    assert far.source_of(far.event.mention_ids[0]) is not None
    belta = next(s for s in far.sources if s.doc == "belta")
    assert (
        belta.grade == "E5"
    )  # unreliable source, a figure three times a completely reliable one's: improbable


def test_far_figures_split_within_one_document_or_when_the_days_are_vague() -> None:
    same_doc = fuse([mention("a", TUESDAY, value=97), mention("a", TUESDAY, value=300, start=80)])
    week = TUESDAY - timedelta(days=1), TUESDAY + timedelta(days=5)
    vague = fuse(
        [
            mention("a", week[0], end_day=week[1], value=600, period="week", precision="week"),
            mention("b", week[0], end_day=week[1], value=2400, period="week", precision="week"),
        ]
    )
    assert len(same_doc) == 2 and len(vague) == 2


def test_places_far_apart_are_two_happenings_and_a_region_fits_its_towns() -> None:
    kuznica = Place("Kuźnica", "PL", 53.513, 23.647, "kuznica")
    terespol = Place("Terespol", "PL", 52.075, 23.615, "terespol")
    podlaskie = Place("Podlaskie", "PL", 53.13, 23.16, "podlaskie")
    incident = "BORDER_INCIDENT"
    apart = fuse(
        [
            mention("a", TUESDAY, event_type=incident, place=kuznica),
            mention("b", TUESDAY, event_type=incident, place=terespol),
        ]
    )
    region = fuse(
        [
            mention("a", TUESDAY, event_type=incident, place=kuznica),
            mention("b", TUESDAY, event_type=incident, place=podlaskie),
        ]
    )
    assert len(apart) == 2 and len(region) == 1


def test_exercises_by_different_sides_on_one_day_stay_apart() -> None:
    drill = "MILITARY_EXERCISE"
    events = fuse(
        [
            mention("a", TUESDAY, event_type=drill, actors=("POL", "NATO"), period=None),
            mention("b", TUESDAY, event_type=drill, actors=("RUS",), period=None),
            mention("c", TUESDAY, event_type=drill, actors=("RUS", "BLR"), period=None),
        ]
    )
    assert sorted(len(e.mention_ids) for e in events) == [1, 2]


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
