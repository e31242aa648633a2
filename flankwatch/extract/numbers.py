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
        in_digits = rf"{digits}(?P<glued>[^\W\d_]+)?(?:[{SPACES}]?(?P<scale>{scale_words})(?:(?<=\.)|\b))?"  # "3 тыс." keeps its dot
        # whole words only: "ten" is no number in "tensions", nor "trzy" in "trzymać"
        in_words = rf"(?P<words>\b(?:{word_numbers})\b(?:[\s\-]+(?:{word_numbers}|{scale_words}|and)\b)*)"
        self.regex = re.compile(rf"{in_digits}|{in_words}", re.IGNORECASE)
        # Most sentences hold no number word: for them the digits alone find the same numbers, twice as fast.
        self._digits_only = re.compile(rf"{in_digits}|(?P<words>{NEVER})", re.IGNORECASE)
        folded_words = alternation([fold(w) for w in words.words], r"[\s\-]+", ignorecase=False)
        self._has_words = re.compile(rf"\b(?:{folded_words})\b")

    def find(self, text: str) -> list[NumberMatch]:
        out = []
        regex = self.regex if self._has_words.search(fold(text)) else self._digits_only
        for match in regex.finditer(text):
            number = self._read(match, text)
            if number is not None:
                out.append(number)
        return out

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


def _is_footnote(text: str, start: int, end: int) -> bool:
    """Whether digits are a footnote or reference marker: "granicy[12]", "[3]"."""
    return text[start - 1 : start] == "[" and text[end : end + 1] == "]"


def _is_clock(text: str, start: int, end: int) -> bool:
    """Whether digits are the hours or the minutes of a time of day ("о 04:23", "at 9:05")."""
    digits = text[start:end]
    hours = re.fullmatch(r"\d{1,2}", digits) and re.match(r":[0-5]\d(?!\d)", text[end : end + 4])
    minutes = re.fullmatch(r"[0-5]\d", digits) and re.search(r"(?<!\d)\d{1,2}:$", text[max(0, start - 4) : start])
    return bool(hours or minutes)
