"""The Extractor: evidence offsets, batching, long documents, languages, versions."""

from __future__ import annotations

from collections.abc import Callable

from conftest import make_doc

from flankwatch.extract import VERSION, Extractor
from flankwatch.records import Mention

TEXT = (
    "Polish Border Guard: up to 210 attempts a day\n\n"
    "On Tuesday, Polish border guards recorded 210 attempts to cross the border from Belarus near Kuźnica. "
    '"They came in groups," the spokeswoman said. '
    "Lukashenko threatened to cut gas transit to Lithuania.\n"
)


def test_evidence_is_the_sentence_at_its_offsets(extract: Callable[..., list[Mention]]) -> None:
    found = extract(TEXT)
    assert found
    for m in found:
        assert TEXT[m.evidence.start : m.evidence.end] == m.evidence.text
        assert m.evidence.text == m.evidence.text.strip()
        for q in m.quantities:
            assert q.evidence is not None and TEXT[q.evidence.start : q.evidence.end] == q.evidence.text
    assert (
        found[0].evidence.text == "Polish Border Guard: up to 210 attempts a day"
    )  # a headline is a sentence


def test_mentions_carry_the_document_id_and_language(extractor: Extractor) -> None:
    found = extractor.extract(make_doc(TEXT))
    assert {(m.doc, m.language) for m in found} == {("doc-1", "en")}


def test_extract_many_equals_extract_in_input_order(extractor: Extractor) -> None:
    docs = [
        make_doc(TEXT),
        make_doc("Nothing happened here.", language="ru"),
        make_doc("Finland closed all crossings on its border with Russia."),
        make_doc(""),
    ]
    docs = [
        d.__class__(**{**{f: getattr(d, f) for f in d.__slots__}, "id": f"d{i}"}) for i, d in enumerate(docs)
    ]
    batched = list(extractor.extract_many(docs, batch_size=2))
    assert [d.id for d, _ in batched] == ["d0", "d1", "d2", "d3"]
    assert [found for _, found in batched] == [extractor.extract(d) for d in docs]


def test_a_language_without_lexicons_gives_nothing(extractor: Extractor) -> None:
    assert extractor.extract(make_doc(TEXT, language="xx")) == []
    assert "en" in extractor.languages()


def test_long_documents_are_read_in_segments_with_true_offsets(extractor: Extractor) -> None:
    filler = "The weather was calm and nothing else was reported that day.\n" * 2500  # > 100,000 characters
    text = filler + TEXT
    found = extractor.extract(make_doc(text))
    assert found and all(text[m.evidence.start : m.evidence.end] == m.evidence.text for m in found)
    assert found[0].evidence.start > 100_000


def test_version_is_stated() -> None:
    assert VERSION == Extractor.VERSION == Extractor().version
    assert isinstance(VERSION, str) and VERSION


def test_mentions_serialise_with_the_stable_fields(extract: Callable[..., list[Mention]]) -> None:
    record = extract(TEXT)[1].to_json()
    assert list(record) == [
        "doc",
        "type",
        "subtype",
        "modality",
        "date_start",
        "date_end",
        "date_precision",
        "date_source",
        "actors",
        "targets",
        "place",
        "theatre",
        "quantities",
        "casualties",
        "evidence",
        "confidence",
        "language",
    ]
    assert record["date_start"] == "2024-03-19" and record["place"]["name"] == "Kuźnica"
    assert 0 < record["confidence"] <= 1
