"""Date expressions resolved against the publication date.

Steps: (1) every pattern of the language's DateGrammar runs over the text;
(2) the longest non-overlapping matches are kept; (3) each is resolved to a
start, an end and a precision; (4) a since/by/until word before it turns it into
a span from that point to publication, or a target date. Candidate spans of an
explicit date the grammar cannot read (an inflected month) go to dateparser, with
the language hint. Returned dates always lie in 1900..2100 with start <= end.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from flankwatch.extract.alternation import fold
from flankwatch.extract.dategrammar import DateGrammar

PRECISIONS = ("day", "week", "month", "quarter", "year")
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2100, 12, 31)
# "MINSK, 13 March (BelTA) –": the dateline dates the text, not the events in it.
_DATELINE = re.compile(r"\s*[A-ZÀ-ŽА-ЯЁІЇЄҐЎ][A-ZÀ-ŽА-ЯЁІЇЄҐЎ .'/-]{2,},\s*$")  # Latin and Cyrillic capitals
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LOOSE = re.compile(
    r"(?<![\w.])(?:[0-3]?\d\.?\s+[^\W\d_]{3,}\.?|[^\W\d_]{3,}\.?\s+[0-3]?\d,?)\s+(?:19|20)\d\d(?!\w)"
)


@dataclass(frozen=True, slots=True)
class DateExpr:
    """One date expression: what it covers, how precisely, and where it is in the text."""

    start: date
    end: date
    precision: str  # day, week, month, quarter, year
    kind: str  # point, range, since, until
    char_start: int
    char_end: int
    text: str
    period: str | None = None  # the quantity period it implies ("last week" -> week, "since" -> total)
    period_days: int | None = None
    comparison: bool = False  # follows "highest since", "fewer than in": not the event's own date
    redundant: bool = False  # restates another date ("last week, from 1 to 7 January"): not a count either
    weekday: bool = False  # a weekday name, resolved backwards from publication
    relative: bool = False  # "yesterday", "last week", "next month": counted from publication
    current: bool = False  # "this week", "this month": the period so far; a plan takes all of it
    end_of: bool = False  # names the end of a period ("the end of 2024", "2024. gada beigām", "metų pabaigos")


def find_dates(
    text: str, published: date | None, grammar: DateGrammar, dateparser_language: str | None = None
) -> list[DateExpr]:
    """Every date expression of `text`, in text order."""
    found: list[DateExpr] = []
    anchors = _Anchors(grammar, text)
    if not anchors.cue():
        return found  # no digit, no month or weekday name, no date word: no pattern could match
    for gates, patterns in grammar.runs:
        if not anchors.hold(gates):
            continue
        for pattern in patterns:
            for match in pattern.regex.finditer(text):
                expr = _resolve(pattern.name, match, published, grammar)
                if expr is not None:
                    found.append(_with_duration(_with_prefix(expr, text, published, grammar), text, grammar))
    kept = _longest(found)
    if dateparser_language and published is not None and anchors.hold(("year",)):  # _LOOSE ends in a year
        kept = _longest(kept + _loose(text, published, kept, dateparser_language))
    kept = sorted((e for e in kept if MIN_DATE <= e.start <= e.end <= MAX_DATE), key=lambda e: e.char_start)
    kept = _merge_ranges([_as_week(e) for e in _prefer_weeks(_drop_appositive_weekdays(kept), text, grammar)])
    kept = [replace(e, redundant=True) if _DATELINE.match(text, 0, e.char_start) else e for e in kept]
    kept = _year_from_context(kept, grammar)
    return [_final(e, text, grammar) for e in _same_days(kept, text, grammar)]


def has_year(text: str) -> bool:
    """Whether a date's text names its year."""
    return _HAS_YEAR.search(text) is not None


def _year_from_context(kept: list[DateExpr], grammar: DateGrammar) -> list[DateExpr]:
    """A day or month without its year takes the year the sentence named before it ("Осенью 2021
    года ситуация обострилась: 8 ноября у Кузницы …"), not the one nearest publication."""
    year = None
    out = []
    for e in kept:
        explicit = _HAS_YEAR.search(e.text)
        if explicit:
            year = int(explicit.group())
        elif (
            year is not None
            and e.precision in ("day", "month")
            and not (e.weekday or e.current)
            and e.start.year == e.end.year != year
            and grammar.month_rx.search(e.text)
        ):
            try:
                e = replace(e, start=e.start.replace(year=year), end=e.end.replace(year=year))
            except ValueError:  # 29 February
                pass
        out.append(e)
    return out


def _same_days(kept: list[DateExpr], text: str, grammar: DateGrammar) -> list[DateExpr]:
    """ "w poniedziałek … tego dnia odnotowaliśmy 97 prób": "that day" is the day named before it."""
    if grammar.same_day is None or not kept:
        return kept
    out = list(kept)
    for m in grammar.same_day.finditer(text):
        before = [e for e in kept if e.char_end <= m.start() and e.precision == "day" and e.start == e.end]
        if before and not any(e.char_start < m.end() and m.start() < e.char_end for e in kept):
            last = before[-1]
            same = replace(last, kind="point", weekday=False, text=m.group())
            out.append(replace(same, char_start=m.start(), char_end=m.end()))
    return sorted(out, key=lambda e: e.char_start)


def _final(e: DateExpr, text: str, grammar: DateGrammar) -> DateExpr:
    """The date with its comparison flag and its text as it now spans (copied only if they change)."""
    comparison, span = grammar.is_comparison(text, e.char_start), text[e.char_start : e.char_end]
    return e if (comparison, span) == (e.comparison, e.text) else replace(e, comparison=comparison, text=span)


class _Anchors:
    """Which of the grammar's anchors a text holds, each searched once, word anchors in the folded text."""

    def __init__(self, grammar: DateGrammar, text: str) -> None:
        self.grammar, self.text = grammar, text
        self.found: dict[str, bool] = {"always": True}
        self.folded: str | None = None

    def cue(self) -> bool:
        """Whether the text holds any anchor a run of patterns starts from (DateGrammar.cue)."""
        if self.grammar.cue.search(self.text):
            return True
        self.folded = fold(self.text)
        return self.grammar.folded_cue.search(self.folded) is not None

    def hold(self, names: tuple[str, ...]) -> bool:
        found = self.found
        for name in names:
            held = found.get(name)
            if held is None:
                held = found[name] = self._search(name)
            if not held:
                return False
        return True

    def _search(self, name: str) -> bool:
        if name in self.grammar.anchors:
            return self.grammar.anchors[name].search(self.text) is not None
        if self.folded is None:
            self.folded = fold(self.text)
        return self.grammar.folded_anchors[name].search(self.folded) is not None


def _drop_appositive_weekdays(found: list[DateExpr]) -> list[DateExpr]:
    """ "on Monday, 26 February", "вчера (20 марта)", "w nocy z 18 na 19 marca", "за тыдзень 20–26 траўня":
    the explicit date says it; the weekday, relative day or week next to it adds nothing."""

    def explicit(e: DateExpr | None) -> bool:
        return (
            e is not None
            and not (e.weekday or e.relative)
            and e.precision == "day"
            and e.kind in ("point", "range")
        )

    out = []
    for i, e in enumerate(found):
        prev, nxt = (found[i - 1] if i else None), (found[i + 1] if i + 1 < len(found) else None)
        if (e.weekday or (e.relative and e.precision in ("day", "week"))) and (
            (explicit(nxt) and nxt.char_start - e.char_end <= 3)
            or (explicit(prev) and e.char_start - prev.char_end <= 3)
        ):
            continue
        out.append(e)
    return out


def _as_week(e: DateExpr) -> DateExpr:
    """A day range that runs exactly Monday to Sunday is a week ("from 18 to 24 March")."""
    if e.precision == "day" and e.start.weekday() == 0 and (e.end - e.start).days == 6:
        return replace(e, precision="week", period=e.period or "week", period_days=e.period_days or 7)
    return e


def _prefer_weeks(found: list[DateExpr], text: str, grammar: DateGrammar) -> list[DateExpr]:
    """ "Last week, from 1 to 7 January": one week, said twice; the day range is marked redundant
    (not for "… than in the previous week", a week of comparison)."""
    weeks = {
        (e.start, e.end)
        for e in found
        if e.precision == "week" and e.kind != "since" and not grammar.is_comparison(text, e.char_start)
    }
    return [
        replace(e, redundant=True) if e.precision == "day" and (e.start, e.end) in weeks else e for e in found
    ]


def _merge_ranges(found: list[DateExpr]) -> list[DateExpr]:
    """ "on 13 June ... until 10 September", "from April 29 until May 31": one range."""
    out: list[DateExpr] = []
    for e in found:
        prev = out[-1] if out else None
        if (
            e.kind == "until"
            and prev is not None
            and (prev.kind in ("point", "range") or (prev.kind == "since" and prev.start == prev.end))
            and not prev.weekday  # "on Tuesday extended the regime until 31 December": the day of the decision
            and prev.precision == "day"
            and not prev.redundant
            and prev.start <= e.end
            and e.char_start - prev.char_end < 150
        ):
            out[-1] = replace(
                prev, end=e.end, kind="range", char_end=e.char_end, period=None, period_days=None
            )
            continue
        out.append(e)
    return out


def _longest(found: list[DateExpr]) -> list[DateExpr]:
    kept: list[DateExpr] = []
    for expr in sorted(found, key=lambda e: (-(e.char_end - e.char_start), e.char_start)):
        if all(expr.char_end <= k.char_start or expr.char_start >= k.char_end for k in kept):
            kept.append(expr)
    return kept


def _with_prefix(expr: DateExpr, text: str, published: date | None, grammar: DateGrammar) -> DateExpr:
    kind, start = grammar.prefix(text, expr.char_start)
    if kind is None:  # a case ending says it after the date: "aasta algusest" (since the start of the year)
        kind = grammar.suffix(expr.text)
    if kind is None or expr.kind in ("since", "until"):
        return expr
    if kind == "since" and expr.kind == "range" and not expr.relative:
        return expr  # "с 1 по 7 мая", "od poniedziałku do środy", "с января по март": a range has its own end
    span_text = text[start : expr.char_end]
    if (
        kind == "since"
        and published is not None
        and expr.start > published
        and expr.precision == "month"
        and expr.kind == "point"
        and not _HAS_YEAR.search(expr.text)
    ):  # "since December" in a June text is the December before, not the coming one
        first, last = _month_span(expr.start.year - 1, expr.start.month)
        expr = replace(expr, start=first, end=last)
    if kind == "since" and published is not None and expr.start > published:
        return expr  # "od 13 czerwca" written before it: where something starts, no count since then
    if kind == "since":
        end = published if published is not None and published >= expr.start else expr.end
        return replace(
            expr, end=end, kind="since", period="total", period_days=None, char_start=start, text=span_text
        )
    expr = _ahead(expr, published)
    # "by 2027": from the statement to the target, or the target year itself where the language's
    # annotation reads it so (dates.yaml by_target); "by the end of 2024": from the statement
    ends = grammar.ends_period(text, start, expr.char_start) or (grammar.words.by_target and not expr.end_of)
    start_day = published if published is not None and published < expr.end and not ends else expr.start
    return replace(
        expr, start=start_day, kind="until", period=None, period_days=None, char_start=start, text=span_text
    )


def _with_duration(expr: DateExpr, text: str, grammar: DateGrammar) -> DateExpr:
    """A start day with its length ("od 13 czerwca przez 90 dni"): the range it covers, that day included."""
    rx = grammar.duration
    if rx is None or expr.precision != "day" or expr.start != expr.end or expr.kind not in ("point", "since"):
        return expr
    found = rx.match(text, expr.char_end)
    if found is None:
        return expr
    days = int(found.group("n")) * grammar.words.duration_days[_norm(found.group("u"))]
    if not 1 < days <= 3660:
        return expr
    end = expr.start + timedelta(days=days - 1)
    return replace(expr, end=end, kind="range", period=None, period_days=None, char_end=found.end())


def _ahead(expr: DateExpr, published: date | None) -> DateExpr:
    """A deadline given without its year lies ahead ("продлил режим до 31 декабря" in March is this
    December, not the last one); one a few weeks past is a text looking back ("closed until 14 April")."""
    if (
        published is None
        or (published - expr.end).days <= 31
        or _HAS_YEAR.search(expr.text)
        or expr.precision not in ("day", "month")
    ):
        return expr
    try:
        return replace(expr, start=expr.start.replace(year=expr.start.year + 1), end=expr.end.replace(year=expr.end.year + 1))
    except ValueError:  # 29 February
        return expr


# -- resolution -----------------------------------------------------------------------
def _resolve(name: str, m: re.Match[str], published: date | None, g: DateGrammar) -> DateExpr | None:
    clock = g.clock
    if name.startswith("numeric_d") and clock is not None and clock.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "o godz. 12.05": a time of day
    try:
        resolved = _RESOLVERS[name](m, published, g)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None  # Feb 30, day 45, year 0: not a date
    if resolved is None:
        return None
    start, end, precision, kind, period = resolved
    if end < start:
        return None
    core = {"year": "y", "month": "part" if name == "month" and m.group("part") else "m"}.get(name)
    cs = m.start(core) if core else m.start()
    days = {"week": 7, "day": 1}.get(period or "")
    current = name.startswith("rel_") and published is not None and end == published and precision != "day"
    return DateExpr(
        start,
        end,
        precision,
        kind,
        cs,
        m.end(),
        m.string[cs : m.end()],
        period,
        days,
        weekday=name in ("weekday", "weekday_range"),
        relative=name.startswith("rel_") or name == "weekend",
        current=current,
        end_of=name.startswith("end_"),
    )


def _year(m: re.Match[str], key: str, fallback: int | None) -> int:
    if m.groupdict().get(key):
        return int(m.group(key))
    if fallback is None:
        raise ValueError("no year")
    return fallback


def _nearest(month: int, day: int, published: date | None, year: int | None) -> date:
    """A day given without its year: the year that puts it nearest the publication date."""
    if year is not None:
        return date(year, month, day)
    if published is None:
        raise ValueError("no year and no publication date")
    candidates = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days))


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _nearest_month(month: int, published: date | None, year: int | None) -> tuple[date, date]:
    if year is None:
        if published is None:
            raise ValueError("no year")
        year = min(
            (published.year - 1, published.year, published.year + 1),
            key=lambda y: abs((date(y, month, 15) - published).days),
        )
    return _month_span(year, month)


def _given_year(m: re.Match[str], key: str = "y") -> int | None:
    if m.groupdict().get("yy"):
        return 2000 + int(m.group("yy"))  # "19.03.24"
    return int(m.group(key)) if m.groupdict().get(key) else None


def _day(m, p, g):  # iso, numeric, md, dm
    month = int(m.group("mo")) if "mo" in m.groupdict() else g.months[m.group("m").rstrip(".").lower()]
    day = int(m.group("d"))
    if month > 12 and day <= 12 and m.groupdict().get("sep") == "/":
        day, month = month, day  # "03/19/2024": month first, as US copy writes it
    d = _nearest(month, day, p, _given_year(m))
    return d, d, "day", "point", None


def _day_range(m, p, g):  # md_md, dm_dm, md_d, d_dm, numeric_d_dm, numeric_dm_dm
    groups = m.groupdict()
    m1 = int(m.group("mo")) if "mo" in groups else g.months[m.group("m").rstrip(".").lower()]
    m2 = g.months[m.group("m2").rstrip(".").lower()] if groups.get("m2") else int(groups.get("mo2") or m1)
    start = _nearest(m1, int(m.group("d")), p, _given_year(m))
    end = date(start.year + (1 if m2 < m1 else 0), m2, int(m.group("d2")))
    return start, end, "day", "range", None


def _week_of(m, p, g):
    """ "the week of 15 April": Monday to Sunday of the week that day falls in."""
    d, _, _, _, _ = _day(m, p, g)
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6), "week", "range", "week"


def _month_year(m, p, g):
    start, end = _month_span(int(m.group("y")), g.months[m.group("m").rstrip(".").lower()])
    return start, end, "month", "point", None


def _month_range(m, p, g):
    """ "з лютого по квітень 2022 року": from the first day of one month to the last of the other."""
    m1, m2 = (g.months[m.group(k).rstrip(".").lower()] for k in ("m", "m2"))
    last_start, last_end = _nearest_month(m2, p, _given_year(m))
    first = date(last_start.year - (1 if m1 > m2 else 0), m1, 1)
    return first, last_end, "month", "range", None


def _month(m, p, g):
    if not (g.words.capitalised or g.words.bare_months) and not (m.group("prep") or m.group("part")):
        return None  # an uncapitalised month name alone is too often a plain word
    start, end = _nearest_month(g.months[m.group("m").rstrip(".").lower()], p, None)
    return start, end, "month", "point", None


def _rel_year_month(m, p, g):
    """ "praėjusių metų rugpjūtį", "pagājušā gada augusta": a month of a year named relative to publication."""
    year = _need(p).year + g.words.relative_years[_norm(m.group("r"))]
    start, end = _month_span(year, g.months[m.group("m").rstrip(".").lower()])
    return start, end, "month", "point", None


def _start_year_post(m, p, g):
    d = date(int(m.group("y")), 1, 1)
    return d, d, "day", "point", None


def _since_start_year(m, p, g):
    y = int(m.group("y"))
    end = p if p is not None and p.year >= y else date(y, 12, 31)
    return date(y, 1, 1), end, "year", "since", "total"


def _period_bounds(unit: str, p: date) -> tuple[date, date]:
    if unit == "year":
        return date(p.year, 1, 1), date(p.year, 12, 31)
    if unit == "month":
        return _month_span(p.year, p.month)
    monday = p - timedelta(days=p.weekday())
    return monday, monday + timedelta(days=6)


def _start_period(m, p, g):
    start, _ = _period_bounds(g.words.period_starts[_norm(m.group("ps"))], _need(p))
    return start, start, "day", "point", None


def _end_period(m, p, g):
    """ "by the end of the year": the year it ends (annotation.md dates a target by its period)."""
    unit = g.words.period_starts[_norm(m.group("ps"))]
    start, end = _period_bounds(unit, _need(p))
    return start, end, unit, "point", None


def _end_year(m, p, g):
    y = int(m.group("y"))
    return date(y, 1, 1), date(y, 12, 31), "year", "point", None


def _year_part(m, p, g):
    first, length = g.words.year_parts[_norm(m.group("yp"))]
    y = int(m.group("y"))
    index = y * 12 + first - 1 + length - 1
    start, end = date(y, first, 1), _month_span(index // 12, index % 12 + 1)[1]
    return start, end, "quarter" if length <= 3 else "year", "point", None


def _start_month(m, p, g):
    d = _nearest_month(g.months[m.group("m").rstrip(".").lower()], p, _given_year(m))[0]
    return d, d, "day", "point", None


def _end_month(m, p, g):
    d = _nearest_month(g.months[m.group("m").rstrip(".").lower()], p, _given_year(m))[1]
    return d, d, "day", "point", None


def _quarter(m, p, g):
    q = g.words.quarters[_norm(m.group("q"))]
    year = _year(m, "y", p.year if p else None)
    start, _ = _month_span(year, 3 * q - 2)
    _, end = _month_span(year, 3 * q)
    return start, end, "quarter", "point", None


def _half(m, p, g):
    h = g.words.halves[_norm(m.group("h"))]
    year = _year(m, "y", p.year if p else None)
    return date(year, 6 * h - 5, 1), _month_span(year, 6 * h)[1], "year", "point", None


def _weekday(m, p, g):
    p = _need(p)
    target = g.weekdays[m.group("w").rstrip(".").lower()]
    rel = (m.groupdict().get("wrel") or "").lower()
    back = (p.weekday() - target) % 7
    if rel in g.words.words["last_week"]:
        d = p - timedelta(days=p.weekday() + 7 - target)  # "в прошлую среду": the Wednesday of last week
    elif rel == "next" or rel in g.words.words["next"]:
        d = p + timedelta(days=(target - p.weekday()) % 7 or 7)
    elif (rel in ("last", "past") or rel in g.words.words["last"]) and back == 0:
        d = p - timedelta(days=7)
    else:
        d = p - timedelta(days=back)
    return d, d, "day", "point", None


def _weekday_range(m, p, g):
    p = _need(p)
    end_day = g.weekdays[m.group("w2").rstrip(".").lower()]
    end = p - timedelta(days=(p.weekday() - end_day) % 7)
    span = (end_day - g.weekdays[m.group("w").rstrip(".").lower()]) % 7
    return end - timedelta(days=span), end, "day", "range", None


def _weekend(m, p, g):
    p = _need(p)
    saturday = p - timedelta(days=(p.weekday() - 5) % 7)
    return saturday, min(saturday + timedelta(days=1), max(p, saturday)), "day", "range", None


def _rel_days(m, p, g):
    d = _need(p) + timedelta(days=g.words.relative_days[_norm(m.group("r"))])
    return d, d, "day", "point", None


def _rel_weeks(m, p, g):
    p = _need(p)
    base, offset = g.words.relative_weeks[_norm(m.group("r"))]
    if base == "digest" and p.weekday() == 0:
        offset -= 1  # a digest published on Monday covers the week that just ended
    monday = p - timedelta(days=p.weekday()) + timedelta(weeks=offset)
    end = min(p, monday + timedelta(days=6)) if offset == 0 else monday + timedelta(days=6)
    return monday, end, "week", "range", "week" if offset <= 0 else None


def _rel_months(m, p, g):
    p, offset = _need(p), g.words.relative_months[_norm(m.group("r"))]
    index = p.year * 12 + p.month - 1 + offset
    start, end = _month_span(index // 12, index % 12 + 1)
    return start, (min(p, end) if offset == 0 else end), "month", "range", "month" if offset <= 0 else None


def _rel_years(m, p, g):
    p, offset = _need(p), g.words.relative_years[_norm(m.group("r"))]
    year = p.year + offset
    end = p if "so far" in _norm(m.group("r")) else date(year, 12, 31)
    return date(year, 1, 1), end, "year", "range", {0: "total", -1: "year"}.get(offset)


def _isoweek(m, p, g):
    year = _year(m, "y", p.year if p else None)
    monday = date.fromisocalendar(year, int(m.group("wk")), 1)
    return monday, monday + timedelta(days=6), "week", "range", "week"


def _year_only(m, p, g):
    y = int(m.group("y"))
    return date(y, 1, 1), date(y, 12, 31), "year", "point", None


def _year_range(m, p, g):
    return date(int(m.group("y")), 1, 1), date(int(m.group("y2")), 12, 31), "year", "range", None


def _need(p: date | None) -> date:
    if p is None:
        raise ValueError("a relative date needs the publication date")
    return p


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


_RESOLVERS = {
    "iso": _day,
    "numeric": _day,
    "numeric_dm": _day,
    "numeric_d_dm": _day_range,
    "numeric_dm_dm": _day_range,
    "numeric_yy": _day,
    "md": _day,
    "dm": _day,
    "ydm": _day,
    "ymd": _day,
    "ym": _month_year,
    "week_of_dm": _week_of,
    "week_of_md": _week_of,
    "rel_year_month": _rel_year_month,
    "month_rel_year": _rel_year_month,
    "start_period_post": _start_period,
    "end_period_post": _end_period,
    "start_year_post": _start_year_post,
    "end_year_post": _end_year,
    "start_month_post": _start_month,
    "end_month_post": _end_month,
    "md_md": _day_range,
    "dm_dm": _day_range,
    "md_d": _day_range,
    "d_dm": _day_range,
    "my": _month_year,
    "month_range": _month_range,
    "month": _month,
    "since_start_year": _since_start_year,
    "start_period": _start_period,
    "end_period": _end_period,
    "end_year": _end_year,
    "quarter": _quarter,
    "half": _half,
    "year_part": _year_part,
    "start_month": _start_month,
    "end_month": _end_month,
    "weekday": _weekday,
    "weekday_range": _weekday_range,
    "weekend": _weekend,
    "rel_days": _rel_days,
    "rel_weeks": _rel_weeks,
    "rel_months": _rel_months,
    "rel_years": _rel_years,
    "isoweek": _isoweek,
    "year": _year_only,
    "year_marked": _year_only,
    "year_range": _year_range,
    "between_years": _year_range,
}


# -- dateparser on the spans the grammar could not read -----------------------------------
def _loose(text: str, published: date, known: list[DateExpr], language: str) -> list[DateExpr]:
    out = []
    for match in _LOOSE.finditer(text):
        if any(match.start() < k.char_end and k.char_start < match.end() for k in known):
            continue
        parsed = _dateparser(match.group(), published, language)
        if parsed is not None:
            out.append(DateExpr(parsed, parsed, "day", "point", match.start(), match.end(), match.group()))
    return out


def _dateparser(span: str, published: date, language: str) -> date | None:
    import dateparser  # imported on first need: it costs a third of a second

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        result = dateparser.parse(span, languages=[language], settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input; the span is just not a date
        return None
    return result.date() if result is not None else None
