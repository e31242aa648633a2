"""Decoding files that are not clean UTF-8, masking noise, and splitting words."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from perception_texts import analyse_text

from flankwatch.perception.decode import decode_bytes
from flankwatch.perception.tokens import fold_scripts, mask_noise, tokenize, word_key

SENTENCES = {
    "ru": "Военная доктрина определяет отношения с Российской Федерацией и Республикой Беларусь. Учения проводятся ежегодно.",
    "uk": "Воєнна доктрина України визначає загрози з боку Російської Федерації та Білорусі. Їхні війська.",
    "lt": "Baltarusijos režimas kelia grėsmę Lietuvos saugumui; Rusijos kariuomenė didina pajėgas šalia sienos.",
    "lv": "Krievijas un Baltkrievijas militārās mācības tuvu Latvijas robežai rada bažas; drošības vide pasliktinās.",
    "pl": "Białoruś i Rosja prowadzą wspólne ćwiczenia wojskowe w pobliżu granicy z Polską; źródło zagrożeń.",
    "et": "Venemaa ja Valgevene sõjaline koostöö süveneb; Eesti julgeolekukeskkond on muutunud pingelisemaks.",
}


@pytest.mark.parametrize(
    ("language", "encoding"),
    [
        ("ru", "cp1251"),
        ("ru", "koi8_r"),
        ("uk", "cp1251"),
        ("lt", "cp1257"),
        ("lv", "cp1257"),
        ("pl", "cp1250"),
        ("pl", "iso8859_2"),
        ("et", "iso8859_13"),
    ],
)
def test_legacy_code_pages_are_recognised(language: str, encoding: str) -> None:
    text = SENTENCES[language]
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert any("not valid UTF-8" in w for w in decoded.warnings)


def test_clean_utf8_has_no_encoding_warning() -> None:
    decoded = decode_bytes((SENTENCES["lt"] + " ").encode("utf-8") * 10)
    assert decoded.encoding == "utf-8" and decoded.warnings == ()


def test_a_few_bad_bytes_in_utf8_stay_utf8_with_a_warning() -> None:
    good = (SENTENCES["ru"] + " ").encode("utf-8") * 5
    decoded = decode_bytes(good[:40] + b"\xff" + good[40:])
    assert decoded.encoding == "utf-8"
    assert "Беларусь" in decoded.text
    assert any("replacement character" in w for w in decoded.warnings)


def test_byte_order_marks_decide() -> None:
    text = SENTENCES["pl"]
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")).text == text


def test_empty_and_control_characters_are_warned() -> None:
    assert decode_bytes(b"").warnings == ("empty file",)
    warned = decode_bytes(("Belarus \x07 " * 60).encode())
    assert any("control character" in w for w in warned.warnings)


def test_counting_works_on_a_cp1251_file() -> None:
    analysis = analyse_text(SENTENCES["ru"], "ru", ("belarus", "russia"), encoding="cp1251")
    assert analysis.document.encoding == "cp1251"
    assert [c.names for c in analysis.counts] == [1, 1]


def test_masking_keeps_offsets_and_drops_noise_words() -> None:
    text = "Belarus ![0_image_0.png](0_image_0.png) see [law](https://zakon.rada.gov.ua/laws/show/x) 0_Image_1.Png end"
    masked = mask_noise(text)
    assert len(masked) == len(text)
    assert [t.text for t in tokenize(masked)] == ["Belarus", "see", "law", "end"]


def test_words_split_at_hyphens_apostrophes_and_digits() -> None:
    words = [t.text for t in tokenize("Russia's NATO-Russia Zapad-2021 Baltkrievijā")]
    assert words == ["Russia", "s", "NATO", "Russia", "Zapad", "Baltkrievijā"]


def test_decomposed_letters_and_soft_hyphens_stay_inside_a_word() -> None:
    decomposed = "Baltkrievija\u0304"  # ā written as a + combining macron
    assert [t.text for t in tokenize(decomposed)] == [decomposed]
    assert word_key(decomposed) == "baltkrievijā"
    assert word_key("Bela\u00adrus") == "belarus"


def test_mixed_scripts_fold_to_the_main_one() -> None:
    assert fold_scripts("\u0422\u0430ble") == "Table"
    assert (
        fold_scripts("\u0411i\u043b\u043e\u0440\u0443\u0441\u044c")
        == "\u0411\u0456\u043b\u043e\u0440\u0443\u0441\u044c"
    )
    assert fold_scripts("Belarus") == "Belarus"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_never_raises(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert isinstance(decoded.text, str)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_analysing_any_text_never_raises_and_offsets_hold(text: str) -> None:
    analysis = analyse_text(text, "ru", ("belarus", "russia"))
    for mention in analysis.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
