"""Who published a document, how reliable it is, and which documents are one source:
the publishers file, syndicated copies and near-duplicates."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fuse_records import document
from hypothesis import given, settings
from hypothesis import strategies as st

from flankwatch.config import sample_corpus_dir
from flankwatch.errors import DataFileError
from flankwatch.fuse import Sources, load_publishers
from flankwatch.fuse.datafile import packaged
from flankwatch.ingest.neardup import NearDuplicate, copy_groups, near_duplicates, similarity, sketch

DAY = date(2024, 5, 22)
STORY = " ".join(
    f"Sentence {n}: the border guard counted {n * 13} attempts near post {n} and patrols were reinforced."
    for n in range(30)
)


def test_every_publisher_of_the_sample_corpus_is_graded() -> None:
    publishers = load_publishers()
    names = {
        json.loads(line)["publisher"]
        for path in sample_corpus_dir().glob("*.jsonl")
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    }
    unlisted = sorted(n for n in names if publishers.by_name(n) is None)
    assert not unlisted, f"add these to data/publishers.yaml: {unlisted}"


def test_publishers_are_found_by_name_alias_or_web_address_and_unknown_ones_are_f() -> None:
    docs = {
        "a": document("a", DAY, "ТАСС"),
        "b": document("b", DAY, "BelTA (Minsk)"),
        "c": document("c", DAY, "", url="https://eng.belta.by/news/1"),
        "d": document("d", DAY, "Straż Graniczna"),
        "e": document("e", DAY, "Some Blog"),
        "f": document("f", DAY, "Polish Border Guard", url="https://strazgraniczna.pl/x"),
    }
    sources = Sources.build(docs)
    assert [sources.of(k).publisher for k in "abcdf"] == [
        "TASS",
        "BelTA",
        "BelTA",
        "Polish Border Guard",
        "Polish Border Guard",
    ]
    assert sources.of("a").kind == "adversary state media" and sources.of("a").adversary
    assert (sources.of("d").reliability, sources.of("d").kind, sources.of("d").adversary) == (
        "A",
        "official",
        False,
    )
    unknown = sources.of("e")
    assert (unknown.reliability, unknown.kind, unknown.publisher) == ("F", "unknown", "Some Blog")
    assert (
        sources.key("d") == sources.key("f") != sources.key("e")
    )  # aliases of one organisation are one source
    assert sources.of("never-seen").reliability == "F"


def test_adversary_officials_are_adversary_sources_too() -> None:
    publishers = load_publishers()
    committee = publishers.by_name("State Border Committee of Belarus")
    assert committee is not None and publishers.is_adversary(committee) and committee.reliability == "D"
    assert not publishers.is_adversary(publishers.by_name("Nash Krai"))  # exile media speak for no state


def test_a_wire_story_rerun_under_its_dateline_is_the_wires_source() -> None:
    rerun = document("herald", DAY, "Warsaw Herald", text="WARSAW, May 22 (Baltic Wire Service) – " + STORY)
    own = document(
        "herald2", DAY, "Warsaw Herald", text="WARSAW, May 22 (Our correspondent) – " + STORY[::-1]
    )
    wire = document("wire", DAY, "Baltic Wire Service", text="Another story entirely. " * 40)
    sources = Sources.build({"herald": rerun, "herald2": own, "wire": wire}, copies={})
    assert sources.of("herald").syndicated_from == "Baltic Wire Service"
    assert sources.key("herald") == sources.key("wire") != sources.key("herald2")
    assert sources.of("herald").publisher == "Warsaw Herald"  # still shown as who printed it


def test_near_duplicates_are_found_and_unrelated_texts_are_not() -> None:
    original = sketch("a", STORY)
    edited = sketch("b", "EXCLUSIVE. " + STORY.replace("reinforced", "strengthened", 2) + " Updated at noon.")
    other = sketch("c", STORY.replace("attempts", "people").replace("border guard", "ministry")[::-1])
    assert similarity(original, edited) >= 0.8 > similarity(original, other)
    assert near_duplicates([edited], [original, other]) == [
        NearDuplicate("a", "b", near_duplicates([edited], [original])[0].similarity)
    ]
    assert near_duplicates([sketch("s", "Too short to judge.")], [sketch("t", "Too short to judge.")]) == []


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_copy_groups_depend_on_the_pairs_not_their_order(rnd: random.Random) -> None:
    pairs = [NearDuplicate("a", "b", 0.9), NearDuplicate("b", "c", 0.85), NearDuplicate("x", "y", 0.95)]
    published = {"a": date(2024, 5, 3), "b": date(2024, 5, 1), "c": date(2024, 5, 2), "x": None, "y": None}
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    groups = copy_groups(shuffled, published)
    assert groups == {"a": "b", "b": "b", "c": "b", "x": "x", "y": "x"}  # the earliest, then the smallest id
    ranked = copy_groups(shuffled, published, rank=lambda d: 0 if d == "y" else 1)
    assert ranked["x"] == ranked["y"] == "y"  # same day (none known): the better ranked publisher's


def test_sources_detect_copies_among_the_documents_when_none_are_given() -> None:
    first = document("first", DAY, "Baltic Wire Service", text=STORY)
    copy = replace(document("copy", date(2024, 5, 23), "Vilnius Daily"), text=STORY + " (Wire)")
    sources = Sources.build({"first": first, "copy": copy})
    assert sources.copies() == {"copy": "first"}
    assert sources.key("copy") == sources.key("first")


def test_a_publishers_file_with_problems_names_the_file_and_the_problem(tmp_path: Path) -> None:
    text = packaged("publishers.yaml").read_text("utf-8")
    bad_letter = tmp_path / "letters.yaml"
    bad_letter.write_text(text.replace("reliability: E\n", "reliability: G\n", 1), "utf-8")
    with pytest.raises(DataFileError, match=r"letters\.yaml.*reliability 'G' is not one of A, B, C, D, E, F"):
        load_publishers(bad_letter)
    bad_kind = tmp_path / "kinds.yaml"
    bad_kind.write_text(text.replace("kind: wire\n", "kind: wires\n", 1), "utf-8")
    with pytest.raises(DataFileError, match=r"kinds\.yaml.*kind 'wires' is not defined"):
        load_publishers(bad_kind)
    twice = tmp_path / "twice.yaml"
    twice.write_text(text + "  - {name: Other, kind: wire, reliability: B, aliases: [BelTA]}\n", "utf-8")
    with pytest.raises(DataFileError, match="alias 'belta' names both BelTA and Other"):
        load_publishers(twice)
