"""Records go into the store and come back equal; writes replace per document; reads filter by dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from flankwatch.records import (
    Assessment,
    Document,
    Event,
    Evidence,
    IndicatorPoint,
    Mention,
    Place,
    Quantity,
    Reason,
    Rejection,
    content_id,
)
from flankwatch.store import Store


def _doc(text: str, published: date | None = date(2024, 3, 21), **extra: object) -> Document:
    return Document(
        id=content_id(text),
        name=f"{text[:8]}.txt",
        text=text,
        language="en",
        published=published,
        date_source="metadata" if published else "none",
        origin=f"in/{text[:8]}.txt",
        **extra,
    )


def _mention(doc: Document, start: int = 0, day: date | None = None, **extra: object) -> Mention:
    return Mention(
        doc=doc.id,
        type="MIGRATION_PRESSURE",
        evidence=Evidence(start, start + 4, doc.text[start : start + 4]),
        date_start=day,
        date_end=day,
        date_precision="day" if day else None,
        **extra,
    )


_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_quantity = st.builds(
    Quantity,
    value=st.floats(0, 1e9, allow_nan=False),
    unit=st.sampled_from(["attempts", "people", "km", "eur"]),
    value_max=st.none() | st.floats(0, 1e9, allow_nan=False),
    qualifier=st.sampled_from(["exact", "about", "up_to", "at_least", "more_than", "less_than"]),
    period=st.none() | st.sampled_from(["day", "week", "span", "total"]),
    period_days=st.none() | st.integers(1, 30),
    evidence=st.none() | st.builds(Evidence, st.integers(0, 50), st.integers(50, 99), _words),
)
_place = st.none() | st.builds(
    Place,
    name=_words.filter(bool),
    country=st.none() | st.sampled_from(["PL", "BY"]),
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    id=st.none() | _words,
)
_mentions = st.builds(
    Mention,
    doc=st.just("d1"),
    type=st.sampled_from(["MIGRATION_PRESSURE", "MILITARY_EXERCISE", "ACCUSATION"]),
    evidence=st.builds(Evidence, st.integers(0, 500), st.integers(500, 900), _words),
    subtype=st.none() | _words,
    modality=st.sampled_from(["occurred", "planned", "claimed"]),
    date_start=st.none() | st.dates(date(2020, 1, 1), date(2026, 1, 1)),
    date_end=st.none() | st.dates(date(2020, 1, 1), date(2026, 1, 1)),
    date_precision=st.none() | st.sampled_from(["day", "week", "month"]),
    date_source=st.sampled_from(["text", "publication"]),
    actors=st.lists(st.sampled_from(["BLR", "RUS", "NS:MIGRANTS"]), max_size=3).map(tuple),
    targets=st.lists(st.sampled_from(["POL", "LTU"]), max_size=2).map(tuple),
    place=_place,
    theatre=st.sampled_from(["PL-BY", "REGION"]),
    quantities=st.lists(_quantity, max_size=3).map(tuple),
    casualties=st.lists(_quantity, max_size=1).map(tuple),
    confidence=st.floats(0, 1),
    language=st.just("en"),
)


@settings(max_examples=30)  # each example opens a fresh DuckDB file
@given(mentions=st.lists(_mentions, max_size=6))
def test_every_field_of_a_mention_survives_the_store(tmp_path_factory, mentions):
    path = tmp_path_factory.mktemp("roundtrip") / "s.duckdb"
    with Store.open(path) as store:
        store.add_documents([Document(id="d1", name="d1", text="x", language="en")])
        store.write_extractions([("d1", mentions)], "v1")
        unique = list({m.id: m for m in reversed(mentions)}.values())
        assert sorted(store.mentions(doc="d1"), key=lambda m: m.id) == sorted(unique, key=lambda m: m.id)


def test_documents_are_stored_once_and_come_back_equal(store):
    first, second = _doc("Alpha report text."), _doc("Beta report text.", published=None, title="B", url="u")
    assert store.add_documents([first, second]) == 2
    assert store.add_documents([first]) == 0
    assert store.documents() == {first.id: first, second.id: second}
    assert store.document(second.id) == second and store.document("nope") is None
    assert store.stored_ids([first.id, "other"]) == {first.id}


def test_rejections_are_recorded_once_and_cleared_when_the_input_goes_in_later(store):
    doc = _doc("Fixed file text.")
    rejection = Rejection(doc.origin, "binary content")
    store.add_documents([], [rejection, rejection])
    store.add_rejections([rejection, Rejection("other.txt", "empty")])
    assert store.rejections() == [rejection, Rejection("other.txt", "empty")]
    store.add_documents([doc])
    assert store.rejections() == [Rejection("other.txt", "empty")]


def test_extraction_replaces_a_documents_mentions_and_records_the_version(store):
    doc = _doc("Alpha Beta Gamma Delta")
    store.add_documents([doc])
    assert store.pending_extraction("v1") == [doc.id]
    old = [_mention(doc, 0), _mention(doc, 6)]
    assert store.write_extractions([(doc.id, old + old)], "v1") == 2
    assert store.pending_extraction("v1") == [] and store.pending_extraction("v2") == [doc.id]
    store.write_extractions([(doc.id, [_mention(doc, 11)])], "v2")
    assert [m.evidence.start for m in store.mentions(doc=doc.id)] == [11]


def test_mentions_are_filed_under_their_date_or_their_documents_publication(store):
    doc = _doc("Alpha Beta Gamma Delta", published=date(2024, 3, 21))
    store.add_documents([doc])
    dated = _mention(doc, 0, day=date(2024, 3, 11))
    undated = _mention(doc, 6)
    store.write_extractions([(doc.id, [dated, undated])], "v1")
    week_11 = store.mentions(start=date(2024, 3, 11), end=date(2024, 3, 17))
    week_12 = store.mentions(start=date(2024, 3, 18), end=date(2024, 3, 24))
    assert (week_11, week_12) == ([dated], [undated])
    assert store.mentions_in_week("2024-W11") == [dated] and store.mentions_in_week("2024-W12") == [undated]
    assert store.mentions(published_start=date(2024, 3, 18), published_end=date(2024, 3, 24)) == [
        dated,
        undated,
    ]


def test_analysis_tables_are_replaced_whole(store):
    doc = _doc("Alpha Beta Gamma Delta")
    store.add_documents([doc])
    mention = _mention(doc, 0, day=date(2024, 3, 19))
    event = Event(
        "e1",
        "MIGRATION_PRESSURE",
        "occurred",
        "PL-BY",
        (mention.id, "m2"),
        date_start=date(2024, 3, 19),
        date_end=date(2024, 3, 20),
        place=Place("Kuźnica", "PL", 53.5, 23.6, "kuznica"),
        quantities=(Quantity(120, "attempts", period="day", period_days=1),),
        actors=("NS:MIGRANTS",),
    )
    point = IndicatorPoint(
        date(2024, 3, 19), "PL-BY", "MIGRATION_PRESSURE", "attempts", 120.0, "day", doc.id, mention.id
    )
    assessment = Assessment(
        "2024-W12",
        "PL-BY",
        "migration",
        2,
        1,
        "escalated",
        (Reason("120 attempts on Tuesday", mention.id, doc.id, 2),),
        "v1",
        ("R1", "R2"),
    )
    store.replace_analysis([event], [point], [assessment], "fp1")
    store.replace_analysis([event], [point], [assessment], "fp1")
    assert store.events() == [event] and store.indicator_points() == [point]
    assert store.assessments("2024-W12") == [assessment] and store.assessments("2024-W13") == []
    assert store.events(start=date(2024, 3, 20), end=date(2024, 3, 24)) == [event]
    assert store.events(start=date(2024, 3, 21), end=date(2024, 3, 24)) == []
    assert store.events(mentions=["m2", "other"]) == [event] and store.events(mentions=["other"]) == []
    assert store.assessed_weeks() == ["2024-W12"] and store.analysed_fingerprint() == "fp1"
    store.replace_analysis([], [], [], "fp2")
    assert store.counts()["events"] == store.counts()["event_mentions"] == store.counts()["assessments"] == 0


def test_the_fingerprint_changes_with_documents_and_extractor_versions(store):
    empty = store.fingerprint()
    doc = _doc("Alpha Beta Gamma Delta")
    store.add_documents([doc])
    added = store.fingerprint()
    store.write_extractions([(doc.id, [])], "v1")
    assert len({empty, added, store.fingerprint()}) == 3
    assert store.published_span() == (doc.published, doc.published)


def test_published_span_covers_dated_documents_only(store):
    store.add_documents(
        [
            _doc("One."),
            _doc("Two.", published=date(2024, 3, 21) + timedelta(days=30)),
            _doc("Undated.", published=None),
        ]
    )
    assert store.published_span() == (date(2024, 3, 21), date(2024, 4, 20))
