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


def _grouped(extractor: Extractor, text: str) -> list[tuple[str, bool, list[str]]]:
    """(sentence text, heading, trigger words) of what the matchers hand on, read from the doc alone."""
    kit = extractor.kit("en")
    assert kit is not None
    doc = kit.nlp(text)
    return [
        (doc[s.start : s.end].text.strip(), s.heading, [doc[h.start : h.end].text for h in s.get("trigger")])
        for s in kit.matchers.sentences(doc)
    ]


def test_only_sentences_with_a_trigger_and_short_numbered_lines_are_handed_on(extractor: Extractor) -> None:
    text = (
        "The weather was mild.\n"
        "Tuesday 2 April\n"
        "Polish border guards recorded 210 attempts to cross the border from Belarus.\n"
        "Attempts to cross by day:\n"
        "3 April - 120\n"
        "4 April - 98\n\n"
        "5 April - 77\n"
    )
    grouped = _grouped(extractor, text)
    assert ("Tuesday 2 April", True, []) in grouped  # a short line with a number: a possible date heading
    assert not any(s.startswith("The weather") for s, _, _ in grouped)  # no trigger, no number: not read
    rows = next(s for s, _, _ in grouped if s.startswith("Attempts to cross by day"))
    assert rows.endswith("4 April - 98")  # the rows under the colon joined; the blank line ends the list
    assert ("5 April - 77", True, []) in grouped


def test_the_text_given_to_the_matchers_and_the_doc_text_group_alike(extractor: Extractor) -> None:
    kit = extractor.kit("en")
    assert kit is not None
    doc = kit.nlp(TEXT + "Figures:\n1 March - 12\n")
    with_text = kit.matchers.sentences(doc, TEXT + "Figures:\n1 March - 12\n")
    assert [(s.start, s.end, s.heading, s.hits) for s in with_text] == [
        (s.start, s.end, s.heading, s.hits) for s in kit.matchers.sentences(doc)
    ]


def test_the_doc_carries_the_text_it_was_made_from(extractor: Extractor) -> None:
    from flankwatch.extract.sentence import doc_text

    kit = extractor.kit("en")
    assert kit is not None
    doc = kit.nlp("Guards saw 12 people.  Then\n\n 30 more.")
    assert doc_text(doc) == doc.text == "Guards saw 12 people.  Then\n\n 30 more."  # built once, and kept
    doc.user_data["flankwatch.text"] = "as the extractor left it"
    assert doc_text(doc) == "as the extractor left it"


def test_table_rows_and_list_items_without_a_trigger_are_handed_on_with_their_hits(extractor: Extractor) -> None:
    kit = extractor.kit("en")
    assert kit is not None
    text = (
        "Attempts to cross the border from Belarus, by day:\n\n"
        "14 May 2024 | 185 | Białowieża | Hajnówka district | night\n"
        "• 15 May 2024: 143 near Białowieża and the Hajnówka district\n"
        "The weather on 16 May 2024 was mild in the whole of the Hajnówka district today\n"
    )
    doc = kit.nlp(text)
    handed = {doc[s.start : s.end].text.strip(): s for s in kit.matchers.sentences(doc)}
    row = handed["14 May 2024 | 185 | Białowieża | Hajnówka district | night"]
    item = handed["• 15 May 2024: 143 near Białowieża and the Hajnówka district"]
    assert row.heading and item.heading and not row.get("trigger")
    assert "Białowieża" in [doc[h.start : h.end].text for h in row.get("place")]  # its hits come along
    assert not any(s.startswith("The weather") for s in handed)  # a long line that is no row: not read
