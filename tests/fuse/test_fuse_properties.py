"""Fusion's promises, for any input: order does not matter, rerunning changes nothing,
every report is kept, and a copy of a document never counts as a second source."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from fuse_records import document, mention
from hypothesis import given, settings
from hypothesis import strategies as st

from flankwatch.fuse import Sources, fuse_events
from flankwatch.records import Place

TUESDAY = date(2024, 3, 19)
PUBLISHERS = {
    "guard": "Polish Border Guard",
    "wire": "Baltic Wire Service",
    "herald": "Warsaw Herald",
    "belta": "BelTA",
    "blog": "Some Blog",
}
DOCUMENTS = {
    key: document(
        key,
        TUESDAY + timedelta(days=3),
        publisher,
        text=" ".join(f"{publisher} reports item {n} from border post {n * 7} today." for n in range(40)),
    )
    for key, publisher in PUBLISHERS.items()
}
PLACES = [
    None,
    Place("Kuźnica", "PL", 53.513, 23.647, "kuznica"),
    Place("Terespol", "PL", 52.075, 23.615, "terespol"),
]

_mentions = st.builds(
    mention,
    doc=st.sampled_from(sorted(PUBLISHERS)),
    day=st.one_of(st.none(), st.integers(0, 6).map(lambda n: TUESDAY + timedelta(days=n))),
    value=st.one_of(st.none(), st.sampled_from([0, 20, 21, 97, 100, 300, 9300, 9350])),
    event_type=st.sampled_from(["MIGRATION_PRESSURE", "BORDER_INCIDENT", "MILITARY_EXERCISE"]),
    theatre=st.sampled_from(["PL-BY", "LT-BY"]),
    modality=st.sampled_from(["occurred", "claimed", "planned"]),
    start=st.integers(0, 5).map(lambda n: n * 50),
    place=st.sampled_from(PLACES),
    actors=st.sampled_from([(), ("BLR",), ("POL",), ("BLR", "RUS")]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_mentions, max_size=14), st.randoms(use_true_random=False))
def test_fused_events_do_not_depend_on_the_order_of_the_mentions(mentions: list, rnd: random.Random) -> None:
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert fuse_events(mentions, DOCUMENTS) == fuse_events(shuffled, DOCUMENTS)


@settings(max_examples=60, deadline=None)
@given(st.lists(_mentions, max_size=14))
def test_fusing_again_changes_nothing_and_every_report_is_kept_once(mentions: list) -> None:
    events = fuse_events(mentions, DOCUMENTS)
    assert fuse_events(mentions + mentions, DOCUMENTS) == events
    assert fuse_events(mentions, DOCUMENTS) == events
    covered = [s.mention_id for e in events for s in e.sources]
    assert sorted(covered) == sorted({m.id for m in mentions})
    assert sorted(mid for e in events for mid in e.event.mention_ids) == sorted(covered)
    for e in events:
        assert 1 <= e.independent <= len({DOCUMENTS[s.doc].publisher for s in e.sources})
        assert 0.0 <= e.event.confidence <= 0.99
        assert all(1 <= s.credibility <= 6 and s.reliability in "ABCDEF" for s in e.sources)


@settings(max_examples=40, deadline=None)
@given(st.lists(_mentions, min_size=1, max_size=10))
def test_a_near_duplicate_copy_of_a_report_adds_no_independent_source(mentions: list) -> None:
    copy = replace(
        DOCUMENTS["guard"],
        id="reprint",
        name="reprint",
        publisher="Daily Reprint",
        text=DOCUMENTS["guard"].text + " Reprinted with permission.",
    )  # same day: the original is then the one with the smaller id, "guard"
    docs = {**DOCUMENTS, "reprint": copy}
    copies = [replace(m, doc="reprint") for m in mentions if m.doc == "guard"]
    with_copy = fuse_events(mentions + copies, docs)
    without = fuse_events(mentions, docs)
    sources = Sources.build(docs)
    assert sources.of("reprint").copy_of == "guard" and sources.of("guard").copy_of is None
    assert sources.key("reprint") == sources.key("guard")
    assert sum(e.independent for e in with_copy) == sum(e.independent for e in without)
