"""Numbers as texts write them: "4,500", "4 500" (thin and no-break spaces too),
"2,3", "4.75bn", "10 million", "twenty-five", "a dozen".

Words and conventions come from lexicons/<lang>/numbers.yaml; this module only
knows digits. Numbers glued to letters on their left ("Su-25", "S-400", "W21",
"Zapad-2021") are model names or labels, never numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from flankwatch.extract.alternation import NEVER, alternation, fold
from flankwatch.extract.wordlists import NumberWords

SPACES = " \u00a0\u2009\u202f"
MAX_VALUE = 1e15  # larger values are typos or identifiers, not counts
_DIGIT = re.compile(r"\d")
_LABEL_BEFORE = re.compile(r"[^\W\d_][-‐‑–]?$")  # a letter (and a hyphen) right before the digits


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int
    end: int
    value: float
    in_words: bool = False
    scale: str | None = None  # the scale word or abbreviation applied ("bn", "million")
    money_only_scale: bool = False  # "m", "k", "bn"-like abbreviations that only count after money
    glued: str | None = None  # letters glued to the digits that are not a scale ("km", "th")
    grouped: bool = False  # written with thousands separators


def _alternation(words: list[str]) -> str:
    # a trie matching as the longest-first alternation does; an empty list stays empty, as it was
    return alternation(words, r"[\s\-]+") if words else ""


class NumberGrammar:
    """Finds and reads the numbers of one language."""

    def __init__(self, words: NumberWords) -> None:
        self.words = words
        comma = words.thousands_comma
        group = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|" if comma else ""
        spaced = rf"\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?![\d])(?:[.,]\d+)?"
        digits = rf"(?P<digits>{group}{spaced}|\d+(?:[.,]\d+)?)"
        scale_words = _alternation(list(words.scales))
        word_numbers = _alternation(list(words.words))
        self._scales = {k.lower(): v for k, v in words.scales.items()}
        self._word_values = {re.sub(r"[\s\-]+", " ", k.lower()): v for k, v in words.words.items()}
        # "3 тыс." keeps its dot, listed or not ("2 тис." as "2 тис"): an abbreviation's dot is no full stop
        in_digits = rf"{digits}(?P<glued>[^\W\d_]+)?(?:[{SPACES}]?(?P<scale>{scale_words})(?:(?<=\.)|\b(?:\.(?=[{SPACES}]*[^\W\d_]))?))?"
        # whole words only: "ten" is no number in "tensions", nor "trzy" in "trzymać"
        in_words = rf"(?P<words>\b(?:{word_numbers})\b(?:[\s\-]+(?:{word_numbers}|{scale_words}|and)\b)*)"
        self.regex = re.compile(rf"{in_digits}|{in_words}", re.IGNORECASE)
        # Most sentences hold no number word: for them the digits alone find the same numbers, twice as fast.
        self._digits_only = re.compile(rf"{in_digits}|(?P<words>{NEVER})", re.IGNORECASE)
        folded_words = alternation([fold(w) for w in words.words], r"[\s\-]+", ignorecase=False)
        self._has_words = re.compile(rf"\b(?:{folded_words})\b")

    def find(self, text: str, folded: str | None = None) -> list[NumberMatch]:
        """The numbers of `text`; `folded` is fold(text) when the caller has it already."""
        out: list[NumberMatch] = []
        words = bool(self._has_words.search(fold(text) if folded is None else folded))
        if not words and not _DIGIT.search(text):
            return out  # no digit, no number word: nothing to read
        regex = self.regex if words else self._digits_only
        phones = _phones(text)
        for match in regex.finditer(text):
            if phones and any(s <= match.start() < e for s, e in phones):
                continue
            number = self._read(match, text)
            if number is not None:
                out.append(number)
        return _join_stray_spaces(text, out) if self.words.thousands_comma and len(out) > 1 else out

    def _read(self, match: re.Match[str], text: str) -> NumberMatch | None:
        if match.group("words"):
            return self._read_words(match)
        if _LABEL_BEFORE.search(text[max(0, match.start() - 2) : match.start()]):
            return None
        if _is_clock(text, match.start(), match.end()) or _is_footnote(text, match.start(), match.end()):
            return None
        raw = match.group("digits")
        value = self.read_digits(raw)
        if value is None:
            return None
        glued, scale = (match.group("glued") or "").lower(), (match.group("scale") or "").lower()
        if glued and glued in self._scales and not scale:
            scale, glued = glued, ""
        if scale:
            value *= self._scales[scale]
        if not math.isfinite(value) or value > MAX_VALUE:
            return None
        return NumberMatch(
            match.start(),
            match.end(),
            value,
            False,
            scale or None,
            scale in self.words.money_only_scales,
            glued or None,
            grouped=any(c in raw for c in SPACES)
            or (self.words.thousands_comma and bool(re.search(r",\d{3}", raw))),
        )

    def read_digits(self, raw: str) -> float | None:
        """'4,500' -> 4500, '4 500' -> 4500, '2,3' -> 2.3, '4.75' -> 4.75."""
        if raw.isdigit():  # the common case, "210"
            return float(raw) if len(raw) <= 20 else None
        s = re.sub(f"[{SPACES}]", "", raw)
        if self.words.thousands_comma and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "")
        elif "," in s:
            if "," not in self.words.decimal_separators:
                return None
            s = s.replace(",", ".")
        if len(s) > 20:
            return None
        try:
            return float(s)
        except ValueError:
            return None

    def _read_words(self, match: re.Match[str]) -> NumberMatch | None:
        tokens = re.split(r"[\s\-]+", match.group("words").lower().strip())
        while tokens and tokens[-1] == "and":
            tokens.pop()
        value = self._words_value(tokens)
        if value is None:
            return None
        end = match.start() + len(match.group("words").rstrip())
        if match.group("words").lower().rstrip().endswith(" and"):
            end = match.start() + match.group("words").lower().rstrip().rfind(" and")
        return NumberMatch(match.start(), end, value, True)

    def _words_value(self, tokens: list[str]) -> float | None:
        total, current, i, seen = 0.0, 0.0, 0, False
        while i < len(tokens):
            for size in (3, 2, 1):  # longest word phrase first ("half a dozen", "a dozen")
                phrase = " ".join(tokens[i : i + size])
                if size == 1 and seen and phrase in self._scales:
                    continue  # "дві тисячі": after a number a word that is also a number ("тисячі") scales it
                if len(tokens) - i >= size and phrase in self._word_values:
                    current += self._word_values[phrase]
                    i, seen = i + size, True
                    break
            else:
                token = tokens[i]
                if token in self._scales:
                    scale = self._scales[token]
                    if scale == 100:
                        current = (current or 1) * 100
                    else:
                        total, current = total + (current or 1) * scale, 0.0
                    seen = True
                elif token != "and":
                    return None
                i += 1
        return total + current if seen else None


# Telephone numbers: "+48 22 500 40 00", "8 (017) 329-18-00", "329-18-00", "22 500 40 00" (four groups or
# more, not all of three digits as thousands are).
_PHONE = re.compile(
    r"\+\d[\d \-()]{5,}\d"
    r"|(?<![\d,.])(?:\d{1,3} ?)?\(\d{2,5}\) ?\d{2,4}(?:[ -]\d{2,4})+"
    r"|(?<![\d,.])\d{2,4}(?:-\d{2,4}){2,}(?![\d])"
    r"|(?<![\d,.])\d{1,4}(?: \d{2,4}){3,}(?![\d])"
)


_PHONE_GATE = re.compile(r"\d[ \-)]+\d{2,4}[ \-]\d")  # three digit groups at least


def _phones(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not _PHONE_GATE.search(text):
        return spans
    for m in _PHONE.finditer(text):
        groups = re.split(r"[ \-]", m.group())
        if m.group()[0].isdigit() and " " in m.group() and all(len(g) == 3 for g in groups[1:]):
            continue  # "4 500 000 000": thousands, not a telephone
        spans.append(m.span())
    return spans


_STRAY = re.compile(r", \d{3}")  # "4, 500": a thousands comma followed by a stray space
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|or\b|&)")


def _join_stray_spaces(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """ "4, 500 troops" is 4,500 — unless it is a list ("1, 200 and 300")."""
    out: list[NumberMatch] = []
    for n in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.in_words
            and not prev.grouped
            and prev.scale is None
            and prev.glued is None
            and prev.end - prev.start <= 3
            and text[prev.start : prev.end].isdigit()
            and _STRAY.fullmatch(text, prev.end, n.end)
            and not n.in_words
            and not _LIST_AFTER.match(text, n.end)
            and not text[: prev.start].rstrip().endswith(",")
        ):
            out[-1] = NumberMatch(prev.start, n.end, prev.value * 1000 + n.value, grouped=True)
            continue
        out.append(n)
    return out


def _is_footnote(text: str, start: int, end: int) -> bool:
    """Whether digits are a footnote or reference marker: "granicy[12]", "[3]"."""
    return text[start - 1 : start] == "[" and text[end : end + 1] == "]"


def _is_clock(text: str, start: int, end: int) -> bool:
    """Whether digits are the hours or the minutes of a time of day ("о 04:23", "at 9:05")."""
    if text[end : end + 1] != ":" and text[start - 1 : start] != ":":
        return False  # no colon next to the digits: no time of day
    digits = text[start:end]
    hours = re.fullmatch(r"\d{1,2}", digits) and re.match(r":[0-5]\d(?!\d)", text[end : end + 4])
    minutes = re.fullmatch(r"[0-5]\d", digits) and re.search(r"(?<!\d)\d{1,2}:$", text[max(0, start - 4) : start])
    return bool(hours or minutes)
