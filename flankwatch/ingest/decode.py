"""Bytes to text: BOMs, UTF-8, a declared charset, then a guess among the region's code pages.

Old files from the region come in Windows-1251 (Russian, Ukrainian, Belarusian),
Windows-1257 (Lithuanian, Latvian, Estonian), ISO 8859-2 or Windows-1250
(Polish) and, from old Unix mail, KOI8-R. Every candidate decodes most bytes to
*something*, so the guess scores each decoding by how much it looks like one of
the project's languages: letters
of one alphabet, words with sane capitalisation, no control characters or stray
symbols. When nothing scores well the input is rejected, not guessed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from flankwatch.errors import InputError

CANDIDATES = ("cp1251", "cp1257", "iso8859_2", "cp1250", "koi8_r")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Non-ASCII letters of each language the project reads; Cyrillic covers ru, uk, be.
_ALPHABETS = {
    "pl": set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"),
    "lt": set("ąčęėįšųūžĄČĘĖĮŠŲŪŽ"),
    "lv": set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"),
    "et": set("äõöüšžÄÕÖÜŠŽ"),
    "cyrillic": {chr(c) for c in range(0x0400, 0x0460)} | set("ґҐўЎ"),
}
_ANY_ALPHABET = set().union(*_ALPHABETS.values())
# Punctuation a text in these languages may carry beyond ASCII; anything else suggests mojibake.
_NEUTRAL = set("«»„“”‘’‚–—…°№§©®™·•€\u00a0\u2009\u202f\u00ad")
_WORD = re.compile(r"[^\W\d_]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def decode(data: bytes, origin: str, *, html: bool = False) -> str:
    """Decode `data` or raise InputError (empty, binary, undecodable) naming `origin`."""
    text = _decode(data, origin, html)
    if not text.strip():
        raise InputError(origin, "empty: no text in the file")
    return text


def _decode(data: bytes, origin: str, html: bool) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, origin)
    if not data.strip():
        return ""
    if _looks_binary(data):
        raise InputError(origin, "binary content, not text (control bytes found); is the extension right?")
    declared = _declared_charset(data) if html else None
    for codec in filter(None, (declared, "utf-8")):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return _guess(data, origin)


def _strict(data: bytes, codec: str, origin: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            origin, f"undecodable: starts with a {codec} byte-order mark but is not {codec}"
        ) from exc


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) // 20


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes, origin: str) -> str:
    scored = []
    for codec in CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text), codec, text))
    if scored:
        score, _, text = max(scored, key=lambda item: item[0])
        if score > 0:
            return text
    raise InputError(
        origin,
        "undecodable: not UTF-8, and no Cyrillic, Baltic or Central European "
        "code page (cp1251, cp1257, latin-2, cp1250) reads it as text",
    )


def plausibility(text: str) -> int:
    """How much a decoding looks like text in one of the project's languages (higher is better)."""
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    best_alphabet = max(sum(1 for c in letters if c in alphabet) for alphabet in _ALPHABETS.values())
    foreign = sum(1 for c in letters if c not in _ANY_ALPHABET)
    odd_letters = sum(
        len(word) for word in _WORD.findall(text) if not word.isascii() and not _sane_word(word)
    )
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    symbols = sum(
        1 for c in text if ord(c) > 127 and not c.isalnum() and not c.isspace() and c not in _NEUTRAL
    )
    return best_alphabet - 2 * foreign - 2 * odd_letters - 5 * controls - 2 * symbols


def _sane_word(word: str) -> bool:
    # One script, and lower, UPPER or Capitalised: mojibake mixes both, "ĻīėüņąŠ".
    scripts = {"cyrillic" if "\u0400" <= c <= "\u04ff" else "latin" for c in word}
    return len(scripts) == 1 and (word.islower() or word.isupper() or word.istitle())
