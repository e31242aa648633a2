"""Perception runs in the store: a hand-built analysis goes in and comes back equal; the SQL
aggregates match hand-computed values; reruns change nothing; a failed write leaves the store as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flankwatch.errors import StoreError, UsageError
from flankwatch.perception import aggregate
from flankwatch.perception.records import (
    FirstAppearance,
    GroupCount,
    PerceptionDocument,
    PerceptionResult,
    PerceptionSettings,
    TargetCount,
    TargetInfo,
    TargetMention,
)
from flankwatch.records import Rejection, content_id
from flankwatch.store import TABLES, Store
from flankwatch.store.migrate import migrate, packaged_migrations
from flankwatch.store.perception import PERCEPTION_TABLES, run_id

STAMPS = ("created_at", "stored_at")
TOPICS = ("migration_borders", "military", "energy_transit")
TARGETS = (
    TargetInfo("belarus", "Belarus", 1, "flankwatch/data/targets/belarus.yaml", (("en", 23), ("lv", 6))),
    TargetInfo("russia", "Russia", 2, "flankwatch/data/targets/russia.yaml", (("en", 5),)),
)


def _doc(
    name: str, country: str, year: int, doc_type: str, words: int, **extra: object
) -> PerceptionDocument:
    return PerceptionDocument(
        id=content_id("text of", name),
        name=name,
        path=f"/corpus/{name}",
        country=country,
        year=year,
        title=name.split("_")[2].removesuffix(".txt"),
        doc_type=doc_type,
        language=str(extra.pop("language", "en")),
        languages=("en",),
        language_source="detected",
        original=bool(extra.pop("original", False)),
        encoding=str(extra.pop("encoding", "utf-8")),
        words=words,
        chars=words * 6,
        **extra,  # type: ignore[arg-type]
    )


DOCUMENTS = (
    _doc("latvia_2016_Concept_noneng.txt", "latvia", 2016, "concept", 500, language="lv", original=True),
    _doc("lithuania_2010_Strategy.txt", "lithuania", 2010, "strategy", 1000),
    _doc("lithuania_2016_Annex.txt", "lithuania", 2016, "white_paper", 1000),
    _doc(
        "lithuania_2016_WhitePaper.txt",
        "lithuania",
        2016,
        "white_paper",
        2000,
        encoding="cp1257",
        warnings=("not valid UTF-8; read as cp1257", "3 control character(s), read as spaces"),
        institution="Ministry of National Defence",
    ),
    _doc(
        "lithuania_2016_WhitePaperCopy.txt",
        "lithuania",
        2016,
        "white_paper",
        2000,
        set_aside="same text as lithuania_2016_WhitePaper.txt, 97% of 5-word sequences shared",
        duplicate_of="lithuania_2016_WhitePaper.txt",
    ),
)
# (document, target) -> (names, demonyms, adjectives)
TALLIES = {
    ("latvia_2016_Concept_noneng.txt", "belarus"): (0, 0, 2),
    ("latvia_2016_Concept_noneng.txt", "russia"): (1, 0, 0),
    ("lithuania_2010_Strategy.txt", "belarus"): (2, 0, 1),
    ("lithuania_2010_Strategy.txt", "russia"): (0, 0, 0),
    ("lithuania_2016_Annex.txt", "belarus"): (1, 0, 0),
    ("lithuania_2016_Annex.txt", "russia"): (1, 0, 0),
    ("lithuania_2016_WhitePaper.txt", "belarus"): (4, 1, 0),
    ("lithuania_2016_WhitePaper.txt", "russia"): (3, 0, 0),
    ("lithuania_2016_WhitePaperCopy.txt", "belarus"): (4, 1, 0),
    ("lithuania_2016_WhitePaperCopy.txt", "russia"): (3, 0, 0),
}
WRITTEN = {"belarus": ("Belarus", "Belarusians", "Baltkrievijas"), "russia": ("Russia's", "", "")}


def _mentions(doc: str, target: str, tally: tuple[int, int, int]) -> list[TargetMention]:
    found = []
    for category, n, text in zip(("names", "demonyms", "adjectives"), tally, WRITTEN[target], strict=True):
        for i in range(n):
            start = 100 * len(found) + (0 if target == "belarus" else 10_000)  # Belarus first, as written
            found.append(
                TargetMention(
                    doc=doc,
                    target=target,
                    category=category,
                    text=text,
                    start=start,
                    end=start + len(text),
                    form=f"{text}<form>",
                    language="lv" if text.startswith("Balt") else "en",
                    topic=TOPICS[(i + len(found)) % 3],
                    cues=("border", "fence") if i % 2 else (),
                    left=f"«quoted» left {i}",
                    right="right — with 'quotes'" if i else "",
                )
            )
    return found


def _result(documents: tuple[PerceptionDocument, ...] = DOCUMENTS, **extra: object) -> PerceptionResult:
    counts = tuple(
        TargetCount(d.name, t.id, d.words, *TALLIES[(d.name, t.id)]) for d in documents for t in TARGETS
    )
    mentions = tuple(
        m for d in documents for t in TARGETS for m in _mentions(d.name, t.id, TALLIES[(d.name, t.id)])
    )
    chosen = PerceptionSettings(breakpoints=(2014,))
    fields: dict[str, object] = {
        "source": "/corpus",
        "targets": TARGETS,
        "settings": chosen,
        "documents": documents,
        "counts": counts,
        "mentions": mentions,
        "groups": aggregate.groups(documents, counts),
        "first": aggregate.first_appearances(documents, counts),
        "growth": aggregate.growth(documents, counts, chosen.breakpoints),
        "topics": aggregate.topic_counts(documents, mentions),
        "rejections": (Rejection("/corpus/notes.txt", "cannot tell country and year", "perception"),),
        "morphology": {"ru": True},
    }
    fields.update(extra)
    return PerceptionResult(**fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "s.duckdb") as opened:
        yield opened


def test_a_run_comes_back_equal_to_what_was_written(store: Store) -> None:
    result = _result()
    run = store.perception.write(result)
    assert run == run_id(result)
    assert store.perception.result(run) == result
    assert {t: store.counts()[t] for t in PERCEPTION_TABLES} == {
        "perception_runs": 1,
        "perception_documents": 5,
        "perception_counts": 10,
        "perception_mentions": 24,
    }
    assert set(PERCEPTION_TABLES) <= set(TABLES)


def test_the_run_record_summarises_the_analysis(store: Store) -> None:
    run = store.perception.write(_result())
    stored = store.perception.run(run)
    assert stored is not None
    assert (stored.documents, stored.counted, stored.mentions) == (5, 4, 24)
    assert (stored.countries, stored.year_from, stored.year_to) == (("latvia", "lithuania"), 2010, 2016)
    assert stored.target_ids == ("belarus", "russia") and stored.targets == TARGETS
    assert stored.settings == PerceptionSettings(breakpoints=(2014,))
    assert stored.rejections == (
        Rejection("/corpus/notes.txt", "cannot tell country and year", "perception"),
    )
    assert stored.created_at == stored.stored_at
    assert json.loads(json.dumps(stored.to_json()))["settings"]["breakpoints"] == [2014]
    assert store.perception.run("no-such-run") is None and store.perception.result("no-such-run") is None


def test_groups_pool_counted_documents_by_country_year_type_and_target(store: Store) -> None:
    run = store.perception.write(_result())
    assert store.perception.groups(run, target="belarus") == [
        GroupCount("latvia", 2016, "concept", "belarus", 1, 500, 0, 2),
        GroupCount("lithuania", 2010, "strategy", "belarus", 1, 1000, 2, 3),
        # the Annex and the White Paper; the copy of the White Paper is set aside
        GroupCount("lithuania", 2016, "white_paper", "belarus", 2, 3000, 5, 6),
    ]
    pooled = store.perception.groups(run, country="lithuania", year_from=2011, target="belarus")[0]
    assert pooled.to_json()["rate_per_10k"] == round(10_000 * 5 / 3000, 3)
    assert len(store.perception.groups(run)) == 6
    assert store.perception.groups(run, doc_type="strategy", year_to=2009) == []


def test_first_appearance_is_the_earliest_year_then_the_first_name(store: Store) -> None:
    run = store.perception.write(_result())
    assert store.perception.first_appearances(run) == [
        FirstAppearance(
            "latvia", "belarus", None, None, 2016, "latvia_2016_Concept_noneng.txt", 2016, 2016, 1
        ),
        FirstAppearance(
            "latvia",
            "russia",
            2016,
            "latvia_2016_Concept_noneng.txt",
            2016,
            "latvia_2016_Concept_noneng.txt",
            2016,
            2016,
            1,
        ),
        FirstAppearance(
            "lithuania",
            "belarus",
            2010,
            "lithuania_2010_Strategy.txt",
            2010,
            "lithuania_2010_Strategy.txt",
            2010,
            2016,
            3,
        ),
        # 2016 holds the Annex and the White Paper, both naming Russia: the first by name wins
        FirstAppearance(
            "lithuania",
            "russia",
            2016,
            "lithuania_2016_Annex.txt",
            2016,
            "lithuania_2016_Annex.txt",
            2010,
            2016,
            3,
        ),
    ]
    assert [
        f.country for f in store.perception.first_appearances(run, target="russia", country="latvia")
    ] == ["latvia"]


def test_topics_and_growth_match_the_analysis_aggregates(store: Store) -> None:
    result = _result()
    run = store.perception.write(result)
    assert tuple(store.perception.topics(run)) == result.topics
    assert sum(t.mentions for t in store.perception.topics(run, target="belarus", country="lithuania")) == 9
    growth = store.perception.growth(run, target="belarus", country="lithuania")
    assert [(g.period_from, g.period_to) for g in growth] == [("before 2014", "2014 on")]
    assert growth[0].factor == round((5 / 3000) / (2 / 1000), 2)
    assert store.perception.growth("no-such-run") == []


def test_documents_and_counts_filter(store: Store) -> None:
    run = store.perception.write(_result())
    perception = store.perception
    assert [d.name for d in perception.documents(run, counted=False)] == ["lithuania_2016_WhitePaperCopy.txt"]
    assert len(perception.documents(run, counted=True)) == 4
    assert [
        d.name for d in perception.documents(run, country="lithuania", year=2016, doc_type="white_paper")
    ] == [
        "lithuania_2016_Annex.txt",
        "lithuania_2016_WhitePaper.txt",
        "lithuania_2016_WhitePaperCopy.txt",
    ]
    white = perception.documents(run, country="lithuania", year=2016)[1]
    assert white.encoding == "cp1257" and white.warnings[1] == "3 control character(s), read as spaces"
    assert white.institution == "Ministry of National Defence"
    assert perception.counts(run, doc="lithuania_2016_WhitePaper.txt") == [
        TargetCount("lithuania_2016_WhitePaper.txt", "belarus", 2000, 4, 1, 0),
        TargetCount("lithuania_2016_WhitePaper.txt", "russia", 2000, 3, 0, 0),
    ]
    assert [c.doc for c in perception.counts(run, target="russia", country="latvia")] == [
        "latvia_2016_Concept_noneng.txt"
    ]
    assert len(perception.counts(run, counted=False)) == 2


def test_the_concordance_filters_and_pages(store: Store) -> None:
    result = _result()
    run = store.perception.write(result)
    perception = store.perception
    doc = "lithuania_2016_WhitePaper.txt"
    expected = [m for m in result.mentions if m.doc == doc and m.target == "belarus"]
    assert perception.mentions(run, doc=doc, target="belarus") == expected
    assert perception.mention_total(run, doc=doc, target="belarus") == 5
    assert perception.mentions(run, doc=doc, target="belarus", limit=2, offset=1) == expected[1:3]
    assert perception.mentions(run, doc=doc, target="belarus", offset=4) == expected[4:]
    assert [m.text for m in perception.mentions(run, category="adjectives")] == ["Baltkrievijas"] * 3
    assert perception.mention_total(run, country="lithuania", year=2016) == 18
    on_energy = perception.mentions(run, topic="energy_transit")
    assert on_energy and all(m.topic == "energy_transit" for m in on_energy)
    with pytest.raises(UsageError, match="may be negative"):
        perception.mentions(run, limit=-1)


def test_writing_the_same_analysis_again_changes_nothing_but_stored_at(store: Store) -> None:
    run = store.perception.write(_result())
    before = store.snapshot(skip_columns=("stored_at",))
    first = store.perception.run(run)
    again = store.perception.write(_result())
    assert again == run
    assert store.snapshot(skip_columns=("stored_at",)) == before
    second = store.perception.run(run)
    assert first is not None and second is not None
    assert second.created_at == first.created_at and second.stored_at >= first.stored_at


def test_where_the_files_lie_does_not_change_the_run_id(store: Store) -> None:
    moved = tuple(replace(d, path=f"/elsewhere/{d.name}") for d in DOCUMENTS)
    assert run_id(_result(moved, source="/elsewhere")) == run_id(_result())
    run = store.perception.write(_result())
    assert store.perception.write(_result(moved, source="/elsewhere")) == run
    stored = store.perception.run(run)
    assert stored is not None and stored.source == "/elsewhere"  # the last write says where it was read
    assert store.perception.documents(run)[0].path.startswith("/elsewhere/")


@pytest.mark.parametrize(
    "change",
    [
        {"settings": PerceptionSettings(breakpoints=(2015,))},
        {"targets": TARGETS[:1]},
        {"morphology": {"ru": False}},
        {"documents": (replace(DOCUMENTS[0], id="edited text"), *DOCUMENTS[1:])},
        {"documents": (replace(DOCUMENTS[0], year=2017), *DOCUMENTS[1:])},
    ],
    ids=["settings", "targets", "morphology", "text", "metadata"],
)
def test_another_analysis_is_another_run_beside_the_first(store: Store, change: dict[str, object]) -> None:
    first = store.perception.write(_result())
    rest = dict(change)
    other = _result(rest.pop("documents", DOCUMENTS), **rest)  # type: ignore[arg-type]
    second = store.perception.write(other)
    assert second != first
    assert [r.id for r in store.perception.runs()] == [second, first]  # the last written first
    assert store.perception.result(first) == _result()
    assert store.perception.latest() == store.perception.run(second)


def test_runs_filter_by_target_and_delete_removes_a_run_whole(store: Store) -> None:
    both = store.perception.write(_result())
    belarus_only = store.perception.write(_result(targets=TARGETS[:1]))
    assert [r.id for r in store.perception.runs(target="russia")] == [both]
    latest = store.perception.latest(target="belarus")
    assert latest is not None and latest.id == belarus_only
    assert store.perception.delete(both) is True
    assert store.perception.delete(both) is False
    assert store.perception.documents(both) == [] and store.perception.mentions(both) == []
    assert [r.id for r in store.perception.runs()] == [belarus_only]
    assert store.counts()["perception_documents"] == 5


def test_a_failed_write_leaves_the_earlier_run_as_it_was(store: Store) -> None:
    result = _result()
    run = store.perception.write(result)
    before = store.snapshot()
    # Two mentions with one id (same document, target and offsets) cannot both be stored.
    broken = replace(result, mentions=(*result.mentions, result.mentions[0]))
    assert run_id(broken) == run
    with pytest.raises(StoreError, match=rf"s\.duckdb: cannot store perception run {run}"):
        store.perception.write(broken)
    assert store.snapshot() == before


def test_two_documents_of_one_name_are_refused_naming_both_files(store: Store) -> None:
    twin = replace(DOCUMENTS[1], path="/other/lithuania_2010_Strategy.txt")
    with pytest.raises(
        StoreError,
        match=r"two documents are named 'lithuania_2010_Strategy.txt' "
        r"\(/corpus/lithuania_2010_Strategy.txt and /other/",
    ):
        store.perception.write(_result((*DOCUMENTS, twin)))
    assert store.counts()["perception_runs"] == 0


def test_a_run_that_read_nothing_is_stored_with_its_rejections(store: Store) -> None:
    run = store.perception.write(_result(()))
    stored = store.perception.run(run)
    assert stored is not None and (stored.documents, stored.year_from, stored.countries) == (0, None, ())
    assert stored.rejections[0].origin == "/corpus/notes.txt"
    assert store.perception.groups(run) == [] and store.perception.first_appearances(run) == []


def test_readers_read_runs_and_cannot_write_them(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as writer:
        run = writer.perception.write(_result())
    with Store.open(path, read_only=True) as reader:
        assert reader.perception.result(run) == _result()
        with pytest.raises(StoreError, match="opened read-only"):
            reader.perception.write(_result())


_any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(st.tuples(_any_text, _any_text, _any_text), min_size=1, max_size=4),
    warnings=st.lists(_any_text, max_size=3),
)
def test_any_text_round_trips(store: Store, texts: list[tuple[str, str, str]], warnings: list[str]) -> None:
    document = replace(DOCUMENTS[1], warnings=tuple(warnings), title=texts[0][0])
    mentions = tuple(
        TargetMention(
            document.name,
            "belarus",
            "names",
            text,
            10 * i,
            10 * i + 5,
            "f",
            "en",
            "other",
            (left,),
            left,
            right,
        )
        for i, (text, left, right) in enumerate(texts)
    )
    result = _result((document,), mentions=mentions)
    run = store.perception.write(result)
    back = store.perception.result(run)
    assert back is not None
    assert back.mentions == mentions and back.documents == (document,)


def test_a_store_from_before_perception_gets_its_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    migrate(conn, packaged_migrations()[:1], str(path))  # 0001_initial only, as an older flankwatch left it
    conn.execute("INSERT INTO store_state VALUES ('analysed_fingerprint', '3:abc')")
    conn.close()
    with Store.open(path) as store:
        assert "0003_perception" in store.migrations()
        assert store.analysed_fingerprint() == "3:abc"
        run = store.perception.write(_result())
        assert store.perception.result(run) == _result()
