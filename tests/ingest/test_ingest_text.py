"""Bytes to normalised text: encodings of the region, binary and empty input, normalisation."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flankwatch.errors import InputError
from flankwatch.ingest.decode import decode
from flankwatch.ingest.normalise import normalise

TEXTS = {
    "ru": "Пограничники Беларуси сообщили, что 120 мигрантов пытались пересечь границу у Гродно.",
    "uk": "Прикордонники України повідомили про рух військ біля кордону з Білоруссю.",
    "lt": "Pasieniečiai apgręžė 30 migrantų prie Medininkų užkardos, pranešė VSAT.",
    "lv": "Valsts robežsardze ziņoja, ka 150 cilvēkiem neļāva šķērsot robežu pie Silenes.",
    "pl": "Straż Graniczna poinformowała, że 120 osób próbowało przekroczyć granicę koło Kuźnicy. Świetnie.",
}


@pytest.mark.parametrize(
    ("lang", "codec"),
    [
        ("ru", "cp1251"),
        ("uk", "cp1251"),
        ("lt", "cp1257"),
        ("lv", "cp1257"),
        ("pl", "iso8859_2"),
        ("pl", "cp1250"),
        ("ru", "koi8_r"),
        ("ru", "utf-8"),
        ("pl", "utf-8-sig"),
        ("lv", "utf-16"),
    ],
)
def test_texts_of_the_region_decode_in_their_usual_encodings(lang, codec):
    assert decode(TEXTS[lang].encode(codec), "x.txt") == TEXTS[lang].removeprefix("\ufeff")


def test_a_charset_declared_in_html_is_used():
    page = '<html><head><meta charset="windows-1251"></head><body>Граница закрыта.</body></html>'
    assert "Граница закрыта" in decode(page.encode("cp1251"), "p.html", html=True)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty: no text in the file"),
        (b"  \n\t\n", "empty: no text in the file"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary content, not text (control bytes found); is the extension right?",
        ),
        (bytes(range(1, 32)) * 20, "binary content, not text (control bytes found); is the extension right?"),
        (
            codecs.BOM_UTF8 + b"\xff\xfe bad",
            "undecodable: starts with a utf-8-sig byte-order mark but is not utf-8-sig",
        ),
    ],
)
def test_empty_and_binary_input_is_an_error_naming_the_file(data, problem):
    with pytest.raises(InputError) as caught:
        decode(data, "inputs/bad.txt")
    assert (caught.value.origin, caught.value.problem) == ("inputs/bad.txt", problem)
    assert str(caught.value) == f"inputs/bad.txt: {problem}"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("国境警備隊は、120人が国境を越えようとしたと発表した。", "shift_jis"),
        ("Η συνοριοφυλακή ανέφερε ότι 120 άτομα προσπάθησαν να περάσουν τα σύνορα.", "cp1253"),
        ("邊境警衛隊表示有120人試圖越境。", "big5"),
    ],
)
def test_text_in_an_encoding_outside_the_region_is_undecodable_not_garbled(text, codec):
    with pytest.raises(InputError, match=r"^inputs/x.txt: undecodable: not UTF-8"):
        decode(text.encode(codec), "inputs/x.txt")


def test_normalisation_composes_unifies_line_endings_and_drops_invisible_characters():
    raw = "\ufeffKuz\u0301nica\r\nline\rthree\x07\u200b soft\u00adhyphen  \n\n"
    assert normalise(raw) == "Kuźnica\nline\nthree soft" + "hyphen"


def test_spaces_inside_numbers_are_kept_as_written():
    assert normalise("1\u00a0256 and 2\u2009400 and 3\u202f000") == "1\u00a0256 and 2\u2009400 and 3\u202f000"


def test_leading_text_is_not_trimmed_so_offsets_match_the_text_as_read():
    assert normalise("  Indented start.\n") == "  Indented start."


@given(st.text())
def test_normalisation_never_raises_and_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "\ufeff" not in once


@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_an_input_error(data):
    try:
        assert isinstance(decode(data, "any.bin"), str)
    except InputError as exc:
        assert exc.origin == "any.bin" and exc.problem
