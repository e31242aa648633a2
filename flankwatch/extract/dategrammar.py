"""The patterns that find date expressions, built from a language's date words.

Each pattern has a name that dates.py resolves against the publication date.
Patterns are tried together and the longest non-overlapping matches win, so
"on March 20 and 21" is one range, not a day and a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flankwatch.extract.wordlists import DateWords

_YEAR = r"(?<![\w\-–.,])(?P<{n}>(?:19|20)\d\d)(?![\w\-]|[.,]\d)"
COMPARISON_REACH = 4  # words before a date that can make it a point of comparison
_SEGMENT = re.compile(r"[,;:(—–]")
_WORD = re.compile(r"\w+")
_DAY = r"(?<![\w.,])(?P<{n}>[0-3]?\d)(?:{ord})?(?![\d%.,]\d|\w)"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


@dataclass(frozen=True, slots=True)
class DatePattern:
    name: str
    regex: re.Pattern[str]
    needs: str  # the anchor the text must contain for the pattern to be worth running


# What each pattern cannot match without: a digit, a month or weekday name, or a relative word.
_NEEDS = {
    "iso": "digit",
    "numeric": "digit",
    "year_range": "digit",
    "between_years": "digit",
    "year": "digit",
    "isoweek": "digit",
    "year_part": "digit",
    "since_start_year": "digit",
    "end_year": "digit",
    "md_md": "month",
    "dm_dm": "month",
    "md_d": "month",
    "d_dm": "month",
    "md": "month",
    "dm": "month",
    "my": "month",
    "start_month": "month",
    "end_month": "month",
    "month": "month",
    "weekday_range": "weekday",
    "weekday": "weekday",
    "weekend": "relative",
    "rel_days": "relative",
    "rel_weeks": "relative",
    "rel_months": "relative",
    "rel_years": "relative",
}


class DateGrammar:
    """Compiled date patterns of one language, and the word tables to read them."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        self.months = {k.rstrip(".").lower(): v for k, v in words.months.items()}
        self.weekdays = {k.rstrip(".").lower(): v for k, v in words.weekdays.items()}
        w = words.words
        self._ord = _alt(w["ordinal_suffix"])
        self._yearsuffix = rf"(?:\s+(?:{_alt(w['year_suffix'])}))?" if w["year_suffix"] else ""
        self.patterns = tuple(
            DatePattern(name, re.compile(rx, re.IGNORECASE), _NEEDS.get(name, "always"))
            for name, rx in self._sources()
        )
        relative = [
            *words.relative_days,
            *words.relative_weeks,
            *words.relative_months,
            *words.relative_years,
            *words.words["weekend"],
        ]
        self.anchors = {
            "digit": re.compile(r"\d"),
            "month": re.compile(self.month(), re.IGNORECASE),
            "weekday": re.compile(self.weekday(), re.IGNORECASE),
            "relative": re.compile(rf"\b(?:{_alt(relative)})\b", re.IGNORECASE),
        }
        wd = self.word
        self._prefixes = tuple(
            (kind, re.compile(rx, re.IGNORECASE))
            for kind, rx in (
                ("since", rf"\b{wd('since')}\s+$"),
                ("by", rf"\b{wd('by')}(?:\s+{wd('end_of')})?\s+$"),
                ("until", rf"\b{wd('until')}(?:\s+{wd('end_of')})?\s+$"),
                ("since", rf"\b{wd('since')}\s[^.;:,()\d]{{0,60}}?\s{wd('on')}\s+$"),
            )
        )
        self._comparisons = tuple(c for c in words.comparison_words if " " in c)
        self._comparison_words = frozenset(c for c in words.comparison_words if " " not in c)

    # -- building blocks --------------------------------------------------------------
    def _names(self, table: dict[str, int], group: str) -> str:
        forms: list[tuple[str, bool]] = []
        longest: dict[int, int] = {}
        for name, value in table.items():
            longest[value] = max(longest.get(value, 0), len(name))
        abbreviations = {
            n for n, v in table.items() if len(n) < longest[v]
        }  # "Sept." takes a dot, "May" does not
        for name in table:
            variants = [name.capitalize(), name.upper()] if self.words.capitalised else [name]
            forms.extend((v, name in abbreviations) for v in variants)
        body = "|".join(
            re.escape(f) + (r"\.?" if abbr else "")
            for f, abbr in sorted(forms, key=lambda x: len(x[0]), reverse=True)
        )
        flags = "(?-i:" if self.words.capitalised else "(?:"
        return rf"(?<!\w)(?P<{group}>{flags}{body}))(?!\w)"

    def month(self, n: str = "m") -> str:
        return self._names(self.months, n)

    def weekday(self, n: str = "w") -> str:
        return self._names(self.weekdays, n)

    def day(self, n: str = "d") -> str:
        return _DAY.format(n=n, ord=self._ord)

    def year(self, n: str = "y") -> str:
        return _YEAR.format(n=n) + self._yearsuffix

    def word(self, key: str) -> str:
        return rf"(?:{_alt(self.words.words[key])})"

    # -- the patterns, longest forms first ----------------------------------------------
    def _sources(self) -> list[tuple[str, str]]:
        w, M, D, Y = self.word, self.month, self.day, self.year
        rng = rf"\s*(?:{_alt(self.words.words['range'])})\s*"
        of = rf"(?:\s+{w('of')})?"
        sp = r"[\s,]+"
        part = rf"(?:(?P<part>{_alt(self.words.words['part_of_month'])})\s*)?"
        rel = {
            k: _alt(list(getattr(self.words, f"relative_{k}"))) for k in ("days", "weeks", "months", "years")
        }
        period_starts = _alt(list(self.words.period_starts))
        preps = (
            "|".join(w(k) for k in ("in", "since", "until", "by", "between", "of", "end_of", "start_of"))
            + r"|the|from|and"
        )
        return [
            ("iso", r"(?<![\d\-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d\-])"),
            ("numeric", r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)"),
            ("md_md", rf"{M('m')}\s+{D('d')}{rng}{M('m2')}\s+{D('d2')}(?:{sp}{Y()})?"),
            ("dm_dm", rf"{D('d')}{of}\s+{M('m')}{rng}{D('d2')}{of}\s+{M('m2')}(?:\s+{Y()})?"),
            ("md_d", rf"{M('m')}\s+{D('d')}{rng}{D('d2')}(?:{sp}{Y()})?"),
            ("d_dm", rf"{D('d')}{rng}{D('d2')}{of}\s+{M('m')}(?:\s+{Y()})?"),
            ("md", rf"{M('m')}\s+{D('d')}(?:{sp}{Y()})?"),
            ("dm", rf"{D('d')}{of}\s+{M('m')}(?:,?\s+{Y()})?"),
            ("my", rf"{part}{M('m')},?\s+{Y()}"),
            (
                "year_part",
                rf"(?:the\s+)?(?P<yp>{_alt(list(self.words.year_parts))})(?:\s+{w('of')})?\s+{Y()}",
            ),
            ("start_month", rf"{w('start_of')}\s+{M('m')}(?:,?\s+{Y()})?"),
            ("end_month", rf"{w('end_of')}\s+{M('m')}(?:,?\s+{Y()})?"),
            (
                "since_start_year",
                rf"{w('since')}\s+{w('start_of')}(?:\s+the)?[^\d.;:]{{0,60}}?\s+(?:{w('in')}\s+)?{Y()}",
            ),
            ("start_period", rf"{w('start_of')}\s+(?P<ps>{period_starts})\b"),
            ("end_year", rf"{w('end_of')}\s+{Y()}"),
            ("end_period", rf"{w('end_of')}\s+(?P<ps>{period_starts})\b"),
            (
                "quarter",
                rf"(?:the\s+)?(?P<q>{_alt(list(self.words.quarters))})\b(?:\s+(?:{w('of')}\s+)?{Y()})?",
            ),
            ("half", rf"(?:the\s+)?(?P<h>{_alt(list(self.words.halves))})\b(?:\s+(?:{w('of')}\s+)?{Y()})?"),
            ("month", rf"(?:(?P<prep>{preps})\s+)?{part}{M('m')}(?![\s,]+\d)"),
            ("weekday_range", rf"{self.weekday('w')}{rng}{self.weekday('w2')}"),
            ("weekday", rf"(?:(?P<wrel>last|next|this|past)\s+)?{self.weekday('w')}"),
            ("weekend", rf"\b(?:{w('weekend')})\b"),
            ("rel_days", rf"\b(?P<r>{rel['days']})\b"),
            ("rel_weeks", rf"\b(?P<r>{rel['weeks']})\b"),
            ("rel_months", rf"\b(?P<r>{rel['months']})\b"),
            ("rel_years", rf"\b(?P<r>{rel['years']})\b"),
            ("isoweek", r"(?<![\w\-])(?:(?P<y>(?:19|20)\d\d)-)?W(?P<wk>[0-5]?\d)(?!\w)"),
            (
                "year_range",
                r"(?<![\w\-–.,])(?P<y>(?:19|20)\d\d)\s*[–\-]\s*(?P<y2>(?:19|20)\d\d)(?![\w\-]|[.,]\d)",
            ),
            ("between_years", rf"{w('between')}\s+{Y('y')}\s+(?:and|to|–|-)\s+{Y('y2')}"),
            ("year", rf"(?P<prep>{preps})\s+{Y()}"),
        ]

    def prefix(self, text: str, start: int) -> tuple[str | None, int]:
        """The since/until/by word before a date, and where it starts ("since 2021",
        "since the crossings were shut on December 15", "by the end of 2024")."""
        window = text[max(0, start - 70) : start]
        for kind, rx in self._prefixes:
            found = rx.search(window)
            if found:
                return kind, start - (len(window) - found.start())
        return None, start

    def ends_period(self, text: str, start: int, date_start: int) -> bool:
        """Whether a by/until prefix names the end of a period ("by the end of 2024")."""
        return re.search(rf"{self.word('end_of')}\s*$", text[start:date_start], re.IGNORECASE) is not None

    def is_comparison(self, text: str, start: int) -> bool:
        """Whether a date follows a comparison in its stretch of text ("the highest since May")."""
        segment = _SEGMENT.split(text[max(0, start - 80) : start])[-1].lower()
        near = _WORD.findall(segment)[
            -COMPARISON_REACH:
        ]  # "fewer than 20 people during the week" is no comparison
        return bool(self._comparison_words.intersection(near)) or any(
            c in " ".join(near) for c in self._comparisons
        )
