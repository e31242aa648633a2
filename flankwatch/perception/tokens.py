"""Words, their match keys, and the noise that must not count as words.

Offsets always point into the decoded text as read from the file: masking
replaces noise with spaces of the same length, and every normalisation
(case, Unicode composition, look-alike letters) happens on the keys only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A word: a letter, then letters, combining marks (decomposed diacritics) or
# soft hyphens. Digits, underscores, hyphens and apostrophes end a word, so
# "Russia's" gives "Russia" and "NATO-Russia" gives two words.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u00ad])*")
_COMBINING_OR_SOFT = re.compile(r"[\u0300-\u036f\u00ad]")

# Extraction noise: markdown image references and link targets, bare URLs and
# control characters. Their letters ("png", "https", "zakon") are not words of
# the document.
_NOISE = re.compile(
    r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)"  # ![0_image_0.png](0_image_0.png)
    r"|\]\((?:https?://|www\.)[^)\s]{0,500}\)"  # the (url) of [text](url)
    r"|(?:https?://|www\.)\S+"
    r"|\b\d+_image_\d+\.png\b"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]",
    re.IGNORECASE,
)

_LATIN = re.compile(r"[a-zA-Z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters that look alike in both scripts; PDF extraction mixes them inside words.
_LATIN_LOOKALIKES = "aceiopxykACEHIKMOPTXBY"
_CYRILLIC_LOOKALIKES = "асеіорхукАСЕНІКМОРТХВУ"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its character span and its surface form."""

    start: int
    end: int
    text: str


def mask_noise(text: str) -> str:
    """The text with extraction noise replaced by spaces (same length, same offsets)."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def tokenize(text: str) -> list[Token]:
    """Every word of `text`, in order (run `mask_noise` first to skip noise)."""
    return [Token(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def fold_scripts(word: str) -> str:
    """Map look-alike letters of a mixed Latin/Cyrillic word to its main script.

    "Таble" (Cyrillic Т and а) becomes "Table"; "Бiлорусь" (Latin i) becomes
    "Білорусь". A word in one script is returned unchanged.
    """
    latin = len(_LATIN.findall(word))
    if not latin:
        return word
    cyrillic = len(_CYRILLIC.findall(word))
    if not cyrillic:
        return word
    return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)


def surface_key(word: str) -> str:
    """The case-preserving key of a word: composed, soft hyphens out, scripts folded."""
    if _COMBINING_OR_SOFT.search(word):
        word = unicodedata.normalize("NFC", word.replace("\u00ad", ""))
    return fold_scripts(word)


def word_key(word: str) -> str:
    """The case-insensitive key of a word; ё and е are one letter for matching."""
    return surface_key(word).lower().replace("ё", "е")
