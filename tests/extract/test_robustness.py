"""No text crashes the extractor, and every offset it returns points at the text it quotes.

Property tests draw from all of Unicode, from mixed scripts, and from the tokens that
trip up number, date and footnote handling; the large cases (a 10 MB document, lines of
a million characters) run once each, outside hypothesis, to keep the suite fast.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flankwatch.extract import Extractor
from flankwatch.ontology import load_ontology
from flankwatch.records import Document, Mention

ONTOLOGY = load_ontology()
# The languages of the benchmark corpus; compiling every language's lexicons would cost more than the checks.
LANGUAGES = tuple(code for code in ("en", "ru", "pl") if code in Extractor().languages())

# Pieces that stress the grammars: event words of several languages, numbers with stray
# spaces, escaped symbols, footnote markers glued to words, dates, and odd characters.
PIECES = (
    "troops",
    "migrants tried to cross the border",
    "detained",
    "near Kuźnica",
    "Poland",
    "Belarus",
    "Гродно",
    "военнослужащих",
    "попытки незаконного пересечения границы",
    "cudzoziemców",
    "przekroczyć granicę",
    "4, 500",
    "4 ,500",
    "4 . 5",
    "2,3 %",
    "1 000 000",
    "9" * 40,
    "-0",
    "1e308",
    "0x1F",
    "٣٤٥",
    "४५६",
    "\\$",
    "\\%",
    "\\n",
    "\\\\",
    "$",
    "€4.75 bn",
    "PLN 10 bn",
    "rose.¹²",
    "troops[3]",
    "migrants³",
    "crossed[12][13]",
    "border.[4]",
    "(see note 7)",
    "¹",
    "⁴⁵⁶",
    "on 12 March",
    "last week",
    "on Monday",
    "since 2021",
    "2024-13-45",
    "31.02.2024",
    "W53",
    "\u200b",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\u00ad",
    "\u0301",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u2028",
    "🇵🇱",
    "👨‍👩‍👧",
    "漢字",
    "عربى",
    "עברית",
    "ελληνικά",
    "…",
    "—",
    "«",
    "»",
    "“",
    "„",
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.text(st.characters(codec="utf-8"), max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join),
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)))


def _doc(text: str, language: str = "en", published: date | None = date(2024, 3, 21)) -> Document:
    return Document(id="r", name="robust.txt", text=text, language=language, published=published)


def _check(text: str, mentions: list[Mention]) -> None:
    """Every offset quotes the text exactly, and every field stays in the ontology's range."""
    for m in mentions:
        assert 0 <= m.evidence.start < m.evidence.end <= len(text)
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
        assert (
            m.type in ONTOLOGY.types and m.modality in ONTOLOGY.modalities and m.theatre in ONTOLOGY.theatres
        )
        for q in (*m.quantities, *m.casualties):
            assert math.isfinite(q.value) and q.value >= 0
            if q.evidence is not None:
                assert text[q.evidence.start : q.evidence.end] == q.evidence.text
        if m.date_start is not None:
            assert m.date_end is not None and m.date_start <= m.date_end


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=PUBLISHED, language=st.sampled_from(LANGUAGES))
def test_no_text_crashes_the_extractor_and_offsets_hold(
    extractor: Extractor, text: str, published: date | None, language: str
) -> None:
    _check(text, extractor.extract(_doc(text, language, published)))


@settings(max_examples=40, deadline=None)
@given(surrogates=st.lists(st.integers(0xD800, 0xDFFF), min_size=1, max_size=5))
def test_lone_surrogates_are_read_and_quoted_as_they_are(extractor: Extractor, surrogates: list[int]) -> None:
    # A JSON escape ("\ud800") or a lenient decoder leaves them; spaCy cannot encode them.
    text = (
        "On Monday " + "".join(map(chr, surrogates)) + " 200 migrants tried to cross the border near Kuźnica."
    )
    found = extractor.extract(_doc(text))
    _check(text, found)
    assert any(m.type == "MIGRATION_PRESSURE" for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday 4, 500 migrants tried to cross the border near Kuźnica.¹²",
        "Border guards detained 12 smugglers[3] who had helped migrants cross the border near Terespol on 12 March[4].",
        "Poland will spend 4.1 \\% of GDP on defence; the fence cost \\$ 400 million.",
        "On Tuesday 2 0 0 migrants tried to cross the border.[12][13]",
        "Migrants tried to cross the border 300 times last week.\u200b\u200b\u202e",
        "Near Гродно 3\u00a0000 troops[2] were deployed, and 4 500 migrants tried to cross the border near Kuźnica on 12 March 2024.",
    ],
)
def test_glued_markers_escapes_and_stray_spaces_keep_offsets(extractor: Extractor, text: str) -> None:
    found = extractor.extract(_doc(text))
    _check(text, found)
    assert found, "an event sentence with odd characters still yields its mention"


def test_a_footnote_marker_does_not_become_a_count(extractor: Extractor) -> None:
    text = "On Monday 40 migrants tried to cross the border near Kuźnica.¹²"
    [found] = [m for m in extractor.extract(_doc(text)) if m.type == "MIGRATION_PRESSURE"]
    assert [q.value for q in found.quantities] == [40]


def test_a_ten_megabyte_document(extractor: Extractor) -> None:
    paragraph = (
        "Residents of the border villages say the winter has been hard. Жители говорят о морозах. "
        "Mieszkańcy mówią o mrozach. 漢字 ελληνικά \u200b rose.¹² troops[3] \\$ 4, 500\n"
    )
    event = "On Monday 140 migrants tried to cross the border near Kuźnica, the Border Guard said.\n"
    block = paragraph * 60 + event
    text = (block * (10_000_000 // len(block) + 1))[:10_000_000]
    found = extractor.extract(_doc(text))
    _check(text, found)
    assert len([m for m in found if m.type == "MIGRATION_PRESSURE"]) >= text.count(event) - 1


def test_a_million_character_word_and_a_million_character_line(extractor: Extractor) -> None:
    for text in ("x" * 1_000_000, ("Kuźnica,Гродно;4,500[3]¹²" * 50_000)[:1_000_000]):
        _check(text, extractor.extract(_doc(text)))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\x00", ".", "¹²", "\\$", "\ufeff"])
def test_empty_and_degenerate_texts_yield_nothing(extractor: Extractor, text: str) -> None:
    assert extractor.extract(_doc(text)) == []
