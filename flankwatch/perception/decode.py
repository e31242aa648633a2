"""Bytes to text for official documents that are not always clean UTF-8.

Steps: 1. a byte-order mark decides; 2. strict UTF-8; 3. otherwise every
candidate legacy encoding of the region (and UTF-8 with replacement) is tried
and the most plausible text wins; 4. the text is checked for what extraction
lost (replacement characters, control characters) and each problem becomes a
warning. Decoding never fails: the worst case is a warned best effort.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Cyrillic (Russian, Ukrainian, Belarusian), Baltic, Central European, Western.
LEGACY_ENCODINGS = ("cp1251", "koi8_u", "cp1257", "cp1250", "iso8859_2", "iso8859_13", "iso8859_5", "cp1252")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WORDS = re.compile(r"[^\W\d_]+")
_C1_OR_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read with, and what is wrong with it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """The most plausible text of `data`, with a warning for every problem found."""
    text, encoding, notes = _decode(data)
    return Decoded(text, encoding, tuple(notes) + _quality_warnings(text, len(data)))


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text, encoding, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    candidates = [("utf-8", data.decode("utf-8", errors="replace"))]
    candidates += [(name, data.decode(name, errors="replace")) for name in LEGACY_ENCODINGS]
    encoding, text = max(candidates, key=lambda c: plausibility(c[1]))
    note = f"not valid UTF-8 (first bad byte at offset {first_bad}); read as {encoding}, the most plausible"
    return text, encoding, [note]


def plausibility(text: str) -> float:
    """How much `text` looks like real writing: words in one script, in one case pattern.

    A wrong code page turns words into mixtures of scripts ("Lietuvа" with a
    Cyrillic а), of upper and lower case in the middle of words (KOI8 read as
    cp1251), or of accented letters only (Cyrillic read as cp1257), and brings
    replacement and control characters.
    """
    score = 0.0
    for word in _WORDS.findall(text):
        score += len(word) if _looks_like_a_word(word) else -2 * len(word)
    score -= 5 * text.count("\ufffd")
    score -= 5 * len(_C1_OR_CONTROL.findall(text))
    return score


def _looks_like_a_word(word: str) -> bool:
    latin = len(_LATIN_LETTER.findall(word))
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    if latin and cyrillic:
        return False
    if latin + cyrillic < len(word):  # Greek, symbols, other scripts from a wrong code page
        return False
    if latin and len(word) > 2 and sum(1 for c in word if c.isascii()) < len(word) / 2:
        return False  # real Latin-script words of the region are mostly ASCII letters
    rest = word[1:]
    return rest.islower() or word.isupper() or len(word) == 1


def _quality_warnings(text: str, size: int) -> tuple[str, ...]:
    notes: list[str] = []
    if size == 0:
        return ("empty file",)
    replaced = text.count("\ufffd")
    if replaced:
        notes.append(f"{replaced} replacement character(s) (U+FFFD): text lost in an earlier extraction")
    controls = len(_C1_OR_CONTROL.findall(text))
    if controls:
        notes.append(f"{controls} control character(s), read as spaces")
    if len(_WORDS.findall(text)) < 50:
        notes.append("fewer than 50 words: rates per 10,000 words are unreliable")
    return tuple(notes)
