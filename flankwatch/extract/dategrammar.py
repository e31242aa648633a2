"""The patterns that find date expressions, built from a language's date words.

Each pattern has a name that dates.py resolves against the publication date.
Patterns are tried together and the longest non-overlapping matches win, so
"on March 20 and 21" is one range, not a day and a number.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from flankwatch.extract.alternation import alternation, fold
from flankwatch.extract.wordlists import DATE_FUNCTION_WORDS, DateWords

_YEAR = r"(?<![\w\-–.,])(?P<{n}>(?:19|20)\d\d)(?![\w\-]|[.,]\d)"
COMPARISON_REACH = 4  # words before a date that can make it a point of comparison
_SEGMENT = re.compile(r"[,;:(—–]")
_WORD = re.compile(r"\w+")
_END = r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰])"  # a word ends here; a footnote mark may follow ("11 червня¹")
_DAY = r"(?<![\w.,])(?P<{n}>[0-3]?\d)(?:{ord})?(?![\d%.,]\d)" + _END


def _starts(*word_lists) -> str:
    """A lookahead for the first characters of the words a pattern opens with: the same matches,
    found sooner, as most positions of a text fail on their first character."""
    firsts = {word[0] for words in word_lists for word in words if word}
    if not firsts:
        return ""
    firsts |= {c.upper() for c in firsts} | {c.lower() for c in firsts}
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return alternation(words)  # a trie: matches as the longest-first alternation does, faster


@dataclass(frozen=True, slots=True)
class DatePattern:
    name: str
    regex: re.Pattern[str]
    needs: str  # the anchor the text must contain for the pattern to be worth running
    also: tuple[str, ...] = ()  # finer anchors it needs as well (a year, a word of its own)


# What each pattern cannot match without: a digit, a month or weekday name, or a relative word.
_NEEDS = {
    "iso": "digit",
    "numeric": "digit",
    "numeric_dm": "digit",
    "numeric_d_dm": "digit",
    "numeric_dm_dm": "digit",
    "numeric_yy": "digit",
    "year_range": "digit",
    "between_years": "digit",
    "year": "digit",
    "year_marked": "digit",
    "isoweek": "digit",
    "year_part": "digit",
    "since_start_year": "digit",
    "end_year": "digit",
    "week_of_dm": "month",
    "week_of_md": "month",
    "md_md": "month",
    "dm_dm": "month",
    "md_d": "month",
    "d_dm": "month",
    "md": "month",
    "dm": "month",
    "ydm": "month",
    "ymd": "month",
    "ym": "month",
    "rel_year_month": "month",
    "month_rel_year": "month",
    "start_month_post": "month",
    "end_month_post": "month",
    "start_year_post": "digit",
    "end_year_post": "digit",
    "my": "month",
    "month_range": "month",
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


# Finer anchors: the year or the word of a list that a pattern cannot match without. Most
# sentences hold a digit but no year, and no quarter, half or "end of" word; their patterns
# are then not run at all, which is most of what reading dates costs.
_ALSO = {
    "iso": ("iso",),
    "numeric": ("numeric",),
    "numeric_dm": ("numeric_dm",),
    "numeric_d_dm": ("numeric_dm",),
    "numeric_dm_dm": ("numeric_dm",),
    "numeric_yy": ("numeric_dm",),
    "isoweek": ("isoweek",),
    "year_range": ("year",),
    "between_years": ("year", "between"),
    "year": ("year",),
    "year_marked": ("year", "year_suffix"),
    "my": ("year",),
    "ydm": ("year",),
    "ymd": ("year",),
    "ym": ("year",),
    "year_part": ("year", "year_parts"),
    "since_start_year": ("year", "since", "start_of"),
    "end_year": ("year", "end_of"),
    "start_year_post": ("year", "start_of_after"),
    "end_year_post": ("year", "end_of_after"),
    "start_month": ("start_of",),
    "end_month": ("end_of",),
    "start_period": ("start_of",),
    "end_period": ("end_of",),
    "start_month_post": ("start_of_after",),
    "end_month_post": ("end_of_after",),
    "start_period_post": ("start_of_after",),
    "end_period_post": ("end_of_after",),
    "quarter": ("quarters",),
    "half": ("halves",),
    "weekend": ("weekend",),
    "rel_days": ("rel_days",),
    "rel_weeks": ("rel_weeks",),
    "rel_months": ("rel_months",),
    "rel_years": ("rel_years",),
    "rel_year_month": ("rel_years",),
    "month_rel_year": ("rel_years",),
}


# Words most sentences lack: one search for all of them spares a search for each list.
_RARE = ("quarters", "halves", "year_parts", "start_of", "end_of", "start_of_after", "end_of_after", "since", "between")


def _also(name: str) -> tuple[str, ...]:
    also = _ALSO.get(name, ())
    first = next((i for i, anchor in enumerate(also) if anchor in _RARE), None)
    return also if first is None else (*also[:first], "rare", *also[first:])


class DateGrammar:
    """Compiled date patterns of one language, and the word tables to read them."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        self.months = {k.rstrip(".").lower(): v for k, v in words.months.items()}
        self.weekdays = {k.rstrip(".").lower(): v for k, v in words.weekdays.items()}
        w = words.words
        self._ord = _alt(w["ordinal_suffix"])
        # "2024 m.", with an ordinal dot "2024. gada", or the ordinal dot alone ("No 2024. līdz 2028. gadam")
        self._yearsuffix = (
            rf"(?:\.?\s+(?:{_alt(w['year_suffix'])})(?!\w)|\.(?=\s+\w))?" if w["year_suffix"] else ""
        )
        # a year followed by its year word ("2021 года", "2024 m."), looked at before the year is read
        self._marked_ahead = (
            rf"(?=(?:19|20)\d\d(?:-\w+)?\.?\s+(?:{_alt(w['year_suffix'])})(?!\w))" if w["year_suffix"] else r"(?!)"
        )
        self.patterns = tuple(
            DatePattern(name, re.compile(rx, re.IGNORECASE), _NEEDS.get(name, "always"), _also(name))
            for name, rx in self._sources()
        )
        # Neighbouring patterns that need the same anchors, checked once per text for all of them.
        self.runs: tuple[tuple[tuple[str, ...], tuple[DatePattern, ...]], ...] = tuple(
            (gates, tuple(group))
            for gates, group in itertools.groupby(self.patterns, key=lambda p: (p.needs, *p.also))
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
            **self._name_anchors(capitalised=True),
            "year": re.compile(r"(?:19|20)\d\d"),
            "iso": re.compile(r"\d{4}-\d\d-\d\d"),
            "numeric": re.compile(r"\d[./][0-3]?\d[./](?:19|20)\d\d"),
            "numeric_dm": re.compile(r"\d\.[01]\d"),
        }
        # Word anchors are searched in the folded text (alternation.fold), case-sensitively:
        # the same answer as IGNORECASE in the text, five times faster.
        self.folded_anchors = {
            "relative": re.compile(rf"\b(?:{_alt([fold(w) for w in relative])})\b"),
            "isoweek": re.compile(r"w[0-5]?\d"),
            **self._name_anchors(capitalised=False),
            **self._word_anchors(),
        }
        self._cues()
        self.month_rx = re.compile(self.month(), re.IGNORECASE)
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
        # "o godz. 12.05", "в 12.05": a clock time, not the 12th of May (where the language lists time_of_day)
        clock = words.words.get("time_of_day")
        self.clock = re.compile(rf"(?<!\w){wd('time_of_day')}\s*$", re.IGNORECASE) if clock else None
        self._suffixes = {
            kind: re.compile(rf"(?<!\w){wd(kind)}$" if words.words[kind] else r"(?!)", re.IGNORECASE)
            for kind in ("since", "by", "until")
        }
        self.same_day = (
            re.compile(rf"(?<!\w){wd('same_day')}(?!\w)", re.IGNORECASE) if words.words["same_day"] else None
        )
        self.duration = (
            re.compile(
                rf"(?:,?\s*\d\d?[:.]\d\d)?\s*,?\s*{wd('for_duration')}\s+(?P<n>\d{{1,4}})\s+"
                rf"(?P<u>{_alt(list(words.duration_days))})(?!\w)",
                re.IGNORECASE,
            )
            if words.duration_days and words.words["for_duration"]
            else None
        )
        self._comparisons = tuple(c for c in words.comparison_words if " " in c)
        self._comparison_words = frozenset(c for c in words.comparison_words if " " not in c)

    def _cues(self) -> None:
        """One search that any text with a date in it passes: the anchors a run of patterns needs
        first, raw ones (a digit, an English month name) in `cue`, word ones in `folded_cue`. A text
        that fails both holds no date (most sentences fail it, and then cost two searches)."""
        first = {next((g for g in gates if g != "always"), "always") for gates, _ in self.runs}
        if "always" in first:  # a pattern that needs nothing: every text is a candidate
            self.cue, self.folded_cue = re.compile(""), re.compile("")
            return
        raw = [self.anchors[a].pattern for a in sorted(first) if a in self.anchors]
        folded = [self.folded_anchors[a].pattern for a in sorted(first) if a not in self.anchors]
        self.cue = re.compile("|".join(f"(?:{r})" for r in raw) or "(?!)")
        self.folded_cue = re.compile("|".join(f"(?:{r})" for r in folded) or "(?!)")

    def _name_anchors(self, capitalised: bool) -> dict[str, re.Pattern[str]]:
        """Month and weekday anchors: the names as the patterns accept them, without the word
        boundaries that keep `re` from scanning fast — capitalised names in the text, the others
        in the folded text (found under `anchors` or `folded_anchors`)."""
        if capitalised != self.words.capitalised:
            return {}
        out = {}
        for key, table in (("month", self.months), ("weekday", self.weekdays)):
            if capitalised:
                names = [v for n in table for v in (n.capitalize(), n.upper())]
                out[key] = re.compile(alternation(names, ignorecase=False))
            else:
                out[key] = re.compile(alternation([fold(n) for n in table], ignorecase=False))
        return out

    def _word_anchors(self) -> dict[str, re.Pattern[str]]:
        """The word anchors of `_ALSO`: each matches somewhere in the folded form of every text
        its patterns match."""
        words = self.words
        lists = {
            **{key: list(self.words.words[key]) for key in DATE_FUNCTION_WORDS},
            "quarters": list(words.quarters),
            "halves": list(words.halves),
            "year_parts": list(words.year_parts),
            "rel_days": list(words.relative_days),
            "rel_weeks": list(words.relative_weeks),
            "rel_months": list(words.relative_months),
            "rel_years": list(words.relative_years),
        }
        lists["rare"] = [word for key in _RARE for word in lists[key]]
        return {key: re.compile(_alt([fold(v) for v in values])) for key, values in lists.items()}

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
        # "Sept." and "Sept" as two words of a trie: the same matches as `Sept\.?` in a
        # longest-first alternation, without trying forty names at every position.
        words = [f + "." for f, abbr in forms if abbr] + [f for f, _ in forms]
        body = alternation(words, separator=r"\ ", ignorecase=not self.words.capitalised)
        flags = "(?-i:" if self.words.capitalised else "(?:"
        return rf"(?<!\w)(?P<{group}>{flags}{body})){_END}"

    def month(self, n: str = "m") -> str:
        return self._names(self.months, n)

    def weekday(self, n: str = "w") -> str:
        return self._names(self.weekdays, n)

    def day(self, n: str = "d") -> str:
        return _DAY.format(n=n, ord=self._ord)

    def year(self, n: str = "y") -> str:
        glued = [x[1:] for x in self.words.words["year_suffix"] if x.startswith("-") and len(x) > 1]
        if not glued:
            return _YEAR.format(n=n) + self._yearsuffix
        # a suffix glued with a hyphen: "у лютому 2022-го", "з 2014-го"
        return rf"(?<![\w\-–.,])(?P<{n}>(?:19|20)\d\d)(?:-(?:{_alt(glued)})(?!\w))?(?![\w\-]|[.,]\d)" + self._yearsuffix

    def word(self, key: str) -> str:
        return rf"(?:{_alt(self.words.words[key])})"

    # -- the patterns, longest forms first ----------------------------------------------
    def _sources(self) -> list[tuple[str, str]]:
        w, M, D, Y = self.word, self.month, self.day, self.year
        rng = rf"\s*(?:{_alt(self.words.words['range'])})\s*"
        of = rf"(?:\s+{w('of')})?"
        sp = r"[\s,]+"
        days = rf"(?:,\s*[0-3]?\d(?:{self._ord})?(?![\d%.,]\d|\w))*"
        part = rf"(?:(?P<part>{_alt(self.words.words['part_of_month'])})\s*)?"
        rel = {
            k: _alt(list(getattr(self.words, f"relative_{k}"))) for k in ("days", "weeks", "months", "years")
        }
        period_starts = _alt(list(self.words.period_starts))
        prep_keys = ("in", "since", "until", "by", "between", "of", "end_of", "start_of")
        preps = "|".join(w(k) for k in prep_keys) + r"|the|from|and"
        prep_words = [x for k in prep_keys for x in self.words.words[k]] + ["the", "from", "and"]
        part_words = list(self.words.words["part_of_month"])
        month_first = _starts(self.months)
        wrel = rf"last|next|this|past|{w('last')}|{w('next')}|{w('last_week')}"
        wrel_words = ["last", "next", "this", "past"] + [
            x for k in ("last", "next", "last_week") for x in self.words.words[k]
        ]
        return [
            ("iso", r"(?<![\d\-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d\-])"),
            # "19.03.2024", "19/03/2024" (a US "03/19/2024" is read by its day over 12, in dates.py)
            (
                "numeric",
                r"(?<![\d./])(?P<d>[0-3]?\d)(?P<sep>[./])(?P<mo>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d./]\d)",
            ),
            *(
                [
                    # "19.03.24" in a table or a telegram: a two-digit year
                    ("numeric_yy", r"(?<![\d./])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<yy>\d\d)(?![\d./]\d|\d)"),
                    # "с 18.03 по 20.03", "18.03–20.03"
                    (
                        "numeric_dm_dm",
                        rf"(?<![\d.,])(?P<d>[0-3]?\d)\.(?P<mo>[01]\d)\.?{rng}(?P<d2>[0-3]?\d)\.(?P<mo2>[01]\d)(?![\d%]|[.,]\d)",
                    ),
                    ("numeric_dm", r"(?<![\d.,])(?P<d>[0-3]?\d)\.(?P<mo>[01]\d)(?![\d%]|[.,]\d)"),
                    (
                        "numeric_d_dm",
                        r"(?<![\d.,])(?P<d>[0-3]?\d)\.?\s*[–-]\s*(?P<d2>[0-3]?\d)\.(?P<mo>[01]\d)(?![\d%]|[.,]\d)",
                    ),
                ]
                if self.words.numeric_day_month
                else []
            ),
            # "the week of 15 April", "the week of May 20": the week that day falls in
            ("week_of_dm", rf"\b{w('week')}\s+(?:{w('of')}\s+)?{D('d')}{of}\s+{M('m')}(?:,?\s+{Y()})?"),
            ("week_of_md", rf"\b{w('week')}\s+(?:{w('of')}\s+)?{M('m')}\s+{D('d')}(?:{sp}{Y()})?"),
            ("md_md", rf"{month_first}{M('m')}\s+{D('d')}{rng}{M('m2')}\s+{D('d2')}(?:{sp}{Y()})?"),
            ("dm_dm", rf"(?=\d){D('d')}{of}\s+{M('m')}{rng}{D('d2')}{of}\s+{M('m2')}(?:\s+{Y()})?"),
            # "March 18, 19 and 20", "18, 19 and 20 March": a list of days runs from the first to the last
            ("md_d", rf"{month_first}{M('m')}\s+{D('d')}{days}{rng}{D('d2')}(?:{sp}{Y()})?"),
            ("d_dm", rf"(?=\d){D('d')}{days}{rng}{D('d2')}{of}\s+{M('m')}(?:\s+{Y()})?"),
            ("md", rf"{month_first}{M('m')}\s+{D('d')}(?:{sp}{Y()})?"),
            ("dm", rf"(?=\d){D('d')}{of}\s+{M('m')}(?:,?\s+{Y()})?"),
            # "з лютого по квітень 2022 року", "from February to April 2022": a span of months
            (
                "month_range",
                _starts(self.words.words["between"], self.months)
                + rf"(?:{w('between')}\s+)?{M('m')}{rng}{M('m2')}(?:,?\s+{Y()})?",
            ),
            ("my", rf"{part}{M('m')},?\s+{Y()}"),
            # the year first, as Baltic languages write it: "2023. gada 10. augusta", "2024 m. birželio 5"
            ("ydm", rf"{Y()}{sp}{D('d')}{of}\s+{M('m')}"),
            ("ymd", rf"{Y()}{sp}{M('m')}\s+{D('d')}"),
            ("ym", rf"{Y()}{sp}{M('m')}(?![\s,]+\d)"),
            ("rel_year_month", rf"(?P<r>{rel['years']})\s+{M('m')}(?![\s,]+\d)"),
            # the month first: "в августе прошлого года", "in August last year"
            ("month_rel_year", rf"{part}{M('m')}\s+(?P<r>{rel['years']})(?!\w)"),
            # "start"/"end" after what it bounds: "metų pradžios", "2024. gada beigām", "septembra beigām"
            ("start_period_post", rf"\b(?P<ps>{period_starts})\s+{w('start_of_after')}(?!\w)"),
            ("end_period_post", rf"\b(?P<ps>{period_starts})\s+{w('end_of_after')}(?!\w)"),
            ("start_year_post", rf"{Y()}\s+{w('start_of_after')}(?!\w)"),
            ("end_year_post", rf"{Y()}\s+{w('end_of_after')}(?!\w)"),
            ("start_month_post", rf"{M('m')}\s+{w('start_of_after')}(?!\w)"),
            ("end_month_post", rf"{M('m')}\s+{w('end_of_after')}(?!\w)"),
            (
                "year_part",
                rf"(?:the\s+)?(?P<yp>{_alt(list(self.words.year_parts))})(?:\s+{w('of')})?\s+{Y()}",
            ),
            ("start_month", rf"{w('start_of')}\s+{M('m')}(?:,?\s+{Y()})?"),
            ("end_month", rf"{w('end_of')}\s+{M('m')}(?:,?\s+{Y()})?"),
            # "since the start of 2023", "since the start of the crisis in 2021", "с начала кризиса 2021 года";
            # not "с начала года … 2000 человек": a year further on needs "in" before it or its year word after it
            (
                "since_start_year",
                rf"{w('since')}\s+{w('start_of')}(?:\s+the)?(?:\s+|[^\d.;:]{{0,60}}?\s+(?:{w('in')}\s+|{self._marked_ahead}))"
                + Y(),
            ),
            ("start_period", rf"{w('start_of')}\s+(?P<ps>{period_starts})\b"),
            ("end_year", rf"{w('end_of')}\s+{Y()}"),
            ("end_period", rf"{w('end_of')}\s+(?P<ps>{period_starts})\b"),
            (
                "quarter",
                rf"(?:the\s+)?(?P<q>{_alt(list(self.words.quarters))})\b(?:\s+(?:{w('of')}\s+)?{Y()})?",
            ),
            ("half", rf"(?:the\s+)?(?P<h>{_alt(list(self.words.halves))})\b(?:\s+(?:{w('of')}\s+)?{Y()})?"),
            # the first letters it may start with, checked first: most positions fail there at once
            (
                "month",
                _starts(prep_words, part_words, self.months)
                + rf"(?:(?P<prep>{preps})\s+)?{part}{M('m')}(?![\s,]+\d)",
            ),
            ("weekday_range", rf"{self.weekday('w')}{rng}{self.weekday('w2')}"),
            (
                "weekday",
                rf"{_starts(wrel_words, self.weekdays)}(?:(?P<wrel>{wrel})\s+)?{self.weekday('w')}",
            ),
            ("weekend", rf"\b(?:{w('weekend')})\b"),
            *(
                (f"rel_{k}", rf"{_starts(getattr(self.words, f'relative_{k}'))}\b(?P<r>{rel[k]})\b")
                for k in ("days", "weeks", "months", "years")
            ),
            ("isoweek", r"(?<![\w\-])(?:(?P<y>(?:19|20)\d\d)-)?W(?P<wk>[0-5]?\d)(?!\w)"),
            (
                "year_range",
                r"(?<![\w\-–.,])(?P<y>(?:19|20)\d\d)\s*[–\-]\s*(?P<y2>(?:19|20)\d\d)(?![\w\-]|[.,]\d)",
            ),
            ("between_years", rf"{w('between')}\s+{Y('y')}\s+(?:and|to|–|-|{w('range')})\s+{Y('y2')}"),
            ("year", rf"(?P<prep>{preps})\s+{Y()}"),
            # a year marked by its own word needs no preposition: "2025 m.", "2022 metais", "2024. gadā"
            ("year_marked", rf"(?<![\w\-–.,])(?P<y>(?:19|20)\d\d)\.?\s+(?:{_alt(self.words.words['year_suffix'])})(?!\w)"),
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

    def suffix(self, expr_text: str) -> str | None:
        """The since/by/until word a date ends with, where a language says it after ("aasta algusest",
        "31. maini")."""
        for kind in ("since", "by", "until"):
            if self._suffixes[kind].search(expr_text):
                return kind
        return None

    def ends_period(self, text: str, start: int, date_start: int) -> bool:
        """Whether a by/until prefix names the end of a period ("by the end of 2024")."""
        return re.search(rf"{self.word('end_of')}\s*$", text[start:date_start], re.IGNORECASE) is not None

    def is_comparison(self, text: str, start: int) -> bool:
        """Whether a date follows a comparison in its stretch of text ("the highest since May")."""
        segment = _SEGMENT.split(text[max(0, start - 80) : start])[-1].lower()
        # the last few words only: "fewer than 20 people during the week" is no comparison
        near = _WORD.findall(segment)[-COMPARISON_REACH:]
        if self._comparison_words.intersection(near):
            return True
        joined = " ".join(near)
        return any(c in joined for c in self._comparisons)
