"""Property tests: the parsers and the extractor never raise on any text, and stay in range."""

from __future__ import annotations

import math
from datetime import date

from conftest import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from flankwatch.extract import Extractor, parse_dates, parse_quantities
from flankwatch.ontology import load_ontology

ONTOLOGY = load_ontology()
PRECISIONS = {"day", "week", "month", "quarter", "year"}

# Text that hits the grammars: numbers in odd spellings, date words, units, symbols, scripts.
PIECES = st.sampled_from(
    [
        "4, 500",
        "4 500",
        "4\u2009500",
        "2,3 %",
        "\\$",
        "$4.75 bn",
        "PLN 10 bn",
        "9" * 40,
        "1e308",
        "0",
        "-5",
        "Su-25",
        "S-400",
        "Zapad-2021",
        "March 20 and 21",
        "since 2021",
        "last week",
        "on Tuesday",
        "by the end of 2024",
        "31 February",
        "Q5",
        "W99",
        "2024-13-45",
        "30.02.2024",
        "between",
        "and",
        "to",
        "–",
        "up to",
        "about",
        "no",
        "attempts",
        "troops",
        "km",
        "% of GDP",
        "a day",
        "over two days",
        "a dozen",
        "twenty-five",
        "hundred",
        "Białoruś",
        "Беларусь",
        "Гродно",
        "Kuźnica",
        "¹",
        "[12]",
        "\n",
        "\u00a0",
        "…",
        "“",
        "–",
        " ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=40).map(" ".join),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join),
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))


@settings(max_examples=300)
@given(text=TEXTS, published=PUBLISHED)
def test_date_parser_never_raises_and_stays_in_range(text: str, published: date | None) -> None:
    for d in parse_dates(text, published):
        assert date(1900, 1, 1) <= d.start <= d.end <= date(2100, 12, 31)
        assert d.precision in PRECISIONS
        assert 0 <= d.char_start < d.char_end <= len(text)
        assert text[d.char_start : d.char_end] == d.text


@settings(max_examples=300)
@given(text=TEXTS)
def test_quantity_parser_never_raises_and_stays_in_range(text: str) -> None:
    for q in parse_quantities(text):
        assert math.isfinite(q.value) and q.value >= 0
        assert q.value_max is None or (math.isfinite(q.value_max) and q.value_max > q.value)
        assert q.unit is None or q.unit in ONTOLOGY.units
        assert q.qualifier in ONTOLOGY.qualifiers
        assert q.period is None or q.period in ONTOLOGY.periods
        assert q.period_days is None or q.period_days >= 1
        assert q.casualty is None or q.casualty in ONTOLOGY.casualty_units
        assert 0 <= q.char_start < q.char_end <= len(text)


EXTRACTOR = Extractor()


@settings(max_examples=60)
@given(text=TEXTS, published=PUBLISHED)
def test_extractor_never_raises_and_its_offsets_hold(text: str, published: date | None) -> None:
    doc = make_doc(text, published.isoformat() if published else None)
    for m in EXTRACTOR.extract(doc):
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
        assert (
            m.type in ONTOLOGY.types and m.modality in ONTOLOGY.modalities and m.theatre in ONTOLOGY.theatres
        )


def test_a_million_character_line() -> None:
    text = ("attempts 4, 500 troops \\$ Su-25 " * 40_000)[:1_000_000]
    assert isinstance(EXTRACTOR.extract(make_doc(text)), list)
