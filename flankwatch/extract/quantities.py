"""Quantities: a number with its unit, range, qualifier and period, or a zero count.

Steps for one sentence: (1) find period phrases ("a day", "over two days") and
zero counts ("no attempts", "no one"); (2) read every number that is not part of
a date, a period phrase, a label ("Article 4") or a model name ("Su-25"); (3) join
ranges ("2,000–4,000"); (4) read money and % of GDP around the number, or the unit
noun after it (a few words may intervene); (5) take the qualifier before it, the
casualty word around it, and the nearest period phrase in its stretch of text.
Numbers without a unit are kept with unit None: the extractor gives them the
unit of the trigger they stand next to, or drops them; a bare number closing a
parenthesis or a later clause repeats the unit of the count before it.
Not counts: list markers, ordinals ("5. pants"), day.month dates ("25.03"),
measure compounds ("200-metre"), vague plurals ("тысячи мигрантов"), parts of
another count ("including two children"), telephone numbers (numbers.py).
A period phrase that is also a date ("last week") is marked period_dated: the
extractor keeps it only for event types whose counts take their period from dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flankwatch.extract.alternation import NEVER, alternation, fold
from flankwatch.extract.dates import DateExpr
from flankwatch.extract.numbers import NumberGrammar, NumberMatch
from flankwatch.extract.wordlists import NumberWords, QuantityWords

MAX_SENTENCE = 20_000  # characters; longer "sentences" are tables or garbage, read only their start
_PERIOD_DAYS = {"day": 1, "week": 7}
_CLAUSE_EDGE = re.compile(r"[,;]")
_CLAUSE_END = re.compile(r"\s*(?:[)\];,.!?]|$)")
_NEW_CLAUSE = re.compile(r"[(;,]")
_HYPHEN_WORD = re.compile(r"[-‐‑]([^\W\d_]+(?:[-‐‑][^\W\d_]+)*)")  # "-km", "-метровую", "-year-old"
_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])")  # "25.03", "11.06": a date in a list
_ORDINAL = re.compile(r"\.\s?([^\W\d_])")  # a dot, then a letter
_DASH_GAP = re.compile(r"[-–—]")  # no spaces: "20–26", not "14 May – 20 attempts"
_LIST_MARK = re.compile(r"[.)]\s")
_BULLETS = " \t•·▪*-–—"
_DIGIT_BEFORE = re.compile(r"\d[\s\u00a0]*$")


@dataclass(frozen=True, slots=True)
class QuantityExpr:
    value: float
    unit: str | None
    value_max: float | None = None
    qualifier: str = "exact"
    period: str | None = None
    period_days: int | None = None
    casualty: str | None = None  # killed, injured, detained
    char_start: int = 0
    char_end: int = 0
    # the period phrase is also a date ("last week", "since 2021", "yesterday"): what it implies for a
    # count depends on the event type (extract/counting.py keeps it only where dates give periods)
    period_dated: bool = False


def _named(template: str, alternatives: dict[str, str]) -> re.Pattern[str]:
    """`template` around an alternation whose branches are named groups (the group says which matched);
    a regex that never matches when there is nothing to name."""
    if not alternatives:
        return re.compile(NEVER)
    return re.compile(template.format("|".join(f"(?P<{k}>{v})" for k, v in alternatives.items())), re.IGNORECASE)


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return alternation(words)  # a trie: matches as the longest-first alternation does, faster


def _bounded(words: tuple[str, ...] | list[str]) -> str:
    """An alternation that only matches whole words, symbols included ("%", "$"); a footnote mark
    glued to a word ends it ("мигрантов²")."""
    return rf"(?<![\w])(?:{_alt(words)})(?![^\W\d_]|[0-9_])"


class QuantityGrammar:
    def __init__(self, words: QuantityWords, numbers: NumberWords) -> None:
        self.words = words
        self._gdp_sentence = False
        self._blocked: list[tuple[int, int]] = []  # the dates and period phrases of the sentence being read
        self.numbers = NumberGrammar(numbers)
        self._unit_of = {_norm(p): unit for unit, phrases in words.units.items() for p in phrases}
        gap = rf"(?:[^\s\d.,;:()]+\s+){{0,{words.max_gap}}}?"  # lazy: the nearest unit noun wins
        self._unit_after = re.compile(
            rf"^\s*(?:-\s*|\(\s*)?{gap}(?P<u>{_bounded(list(self._unit_of))})", re.IGNORECASE  # "2 (citizens of …)"
        )
        self._unit_glued = {k: v for k, v in self._unit_of.items() if " " not in k}
        # One regex for all qualifiers, one for money before and one after: each alternative a named group.
        # The leftmost match ending at the number is the longest phrase ("не более" over "более").
        self._qualifier_before = _named(
            r"(?:^|(?<=\W))(?:{})\s*$", {q: _alt(p) for q, p in words.qualifiers.items() if p}
        )
        self._money_before = _named(r"(?:{})\s?$", {u: _alt(s) for u, (s, _) in words.money.items() if s})
        self._money_after = _named(
            r"^\s*(?:{})(?!\w)", {u: _alt((*s, *w)) for u, (s, w) in words.money.items() if (*s, *w)}
        )
        self._percent_gdp = re.compile(
            rf"^\s*(?:{_alt(words.percent)})\s*(?:{_alt(words.gdp)})\b", re.IGNORECASE
        )
        self._percent = re.compile(rf"^\s*(?:{_alt(words.percent)})(?!\w)", re.IGNORECASE)
        self._gdp = re.compile(rf"(?<!\w)(?:{_alt(words.gdp)})\b", re.IGNORECASE)
        self._partitive = re.compile(rf"^\s*(?:{_alt(words.partitives)})\b", re.IGNORECASE)
        self._duration_after = re.compile(rf"^\s*(?:-\s*)?{_bounded(words.durations)}", re.IGNORECASE)
        self._label_before = re.compile(rf"(?<![\w])(?:{_alt(words.label_words)})\s*$", re.IGNORECASE)
        self._casualty_after = re.compile(
            rf"^(?:\s+[^\s\d.;:]+){{0,{words.casualty_window}}}?\s+(?P<c>{_bounded([w for v in words.casualties.values() for w in v])})",
            re.IGNORECASE,
        )
        self._casualty_of = {_norm(w): kind for kind, ws in words.casualties.items() for w in ws}
        self._casualty_before = re.compile(
            rf"(?P<c>{_bounded([w for v in words.casualties.values() for w in v])})\s+$", re.IGNORECASE
        )
        self._period = re.compile(_bounded([p for ps in words.periods.values() for p in ps]), re.IGNORECASE)
        self._period_of = {_norm(p): kind for kind, ps in words.periods.items() for p in ps}
        self._span = re.compile(
            rf"(?<!\w)(?:{_alt(words.span_lead)})\s+(?:(?:{_alt(words.span_fillers)})\s+)*(?P<n>\S+?)\s+(?P<u>{_alt(list(words.span_units))})\b",
            re.IGNORECASE,
        )
        # ranges: "2,000–4,000", "2,000 to 4,000", "between 97 and 150", "od 100 do 200"
        self._range = re.compile(rf"\s*(?:–|—|-|{_alt(words.range_words)})\s*", re.IGNORECASE)
        about = _alt(words.qualifiers.get("about", ()))
        self._range_pairs = [
            (
                re.compile(rf"(?<!\w)(?:{_alt((opener,))})\s+(?:(?:{about})\s*)?$", re.IGNORECASE),
                re.compile(rf"\s+(?:{_alt((joiner,))})\s+", re.IGNORECASE),
            )
            for opener, joiner in words.range_pairs
        ]
        scales = [w for w in numbers.scales if len(w) > 3]  # words ("тысячи"), not abbreviations ("тыс.", "k")
        self._lone_scale = re.compile(
            rf"(?<!\w)(?:{_alt([w for ws in words.qualifiers.values() for w in ws])})\s+(?P<s>{_bounded(scales)})",
            re.IGNORECASE,
        )
        self._and = re.compile(rf"\s+(?:{_alt(words.conjunctions)})\s+", re.IGNORECASE)
        # a change from one level to another ("z ok. 6 tys. do ok. 7 tys."): the count is the new level
        self._change_pairs = [
            (
                re.compile(rf"(?<!\w)(?:{_alt((opener,))})\s+(?:(?:{about})\s*)?$", re.IGNORECASE),
                re.compile(rf"\s+(?:{_alt((joiner,))})\s+(?:(?:{about})\s*)?", re.IGNORECASE),
            )
            for opener, joiner in words.change_pairs
        ]
        self._bare_joiner = re.compile(rf"\s+(?:{_alt([j for _, j in words.change_pairs])})\s+", re.IGNORECASE)
        # "порушень не зафіксовано": the unit before the words that make it none; the negation closes its
        # clause, so more words may stand between ("katseid Eesti-Vene maismaapiiril nädala jooksul ei registreeritud")
        clause_gap = r"(?:[^\s\d.,;:()]+\s+){0,6}?"
        zero_after = (
            rf"|(?P<u2>{_bounded(list(self._unit_of))})\s+{clause_gap}(?:{_bounded(words.zero_after)})" if words.zero_after else ""
        )
        # "vakar – nė vieno.": a zero word closing its clause repeats the unit of the count before it
        zero_alone = rf"|(?<=[–—:-])\s*(?P<z>{_bounded(words.zero)})(?=\s*(?:[.;)!]|$))" if words.zero else ""
        self._zero = re.compile(
            rf"{_bounded(words.zero)}\s+{gap}(?P<u>{_bounded(list(self._unit_of))})|(?P<p>{_bounded(words.zero_people)}){zero_after}{zero_alone}",
            re.IGNORECASE,
        )
        # The words each of the regexes above cannot match without, looked for in the folded
        # sentence (alternation.fold): a sentence without any is spared the regex.
        periods = [p for ps in words.periods.values() for p in ps]
        self._needs = {
            # each regex wants its words at a word's start ("no" in "no attempts", not in "November")
            name: tuple(re.compile(rf"(?<!\w)(?:{alternation([fold(w) for w in group], ignorecase=False)})") for group in groups)
            for name, groups in (
                ("span", (words.span_lead, list(words.span_units))),
                ("period", (periods,)),
                ("zero", ((*words.zero, *words.zero_people, *words.zero_after),)),
                ("gdp", (words.gdp,)),
                ("scale", (scales,)),
            )
        }

    # -- public -------------------------------------------------------------------------
    def find(self, text: str, dates: list[DateExpr] = ()) -> list[QuantityExpr]:  # type: ignore[assignment]
        """Every quantity of a sentence, in text order."""
        text = text[:MAX_SENTENCE]
        folded = fold(text)
        zeros = self._zeros(text) if self._may("zero", folded) else []
        numbers = self._candidates(text, folded)
        if not numbers and not zeros:
            return []  # most sentences: no period, unit or qualifier needs looking for
        periods = self._periods(text, dates, folded)
        # "2.75 % of GDP … at least 3 %": both are % of GDP
        self._gdp_sentence = self._may("gdp", folded) and bool(self._gdp.search(text))
        blocked = [(d.char_start, d.char_end) for d in dates] + [(s, e) for s, e, *_ in periods]
        self._blocked = blocked
        found = zeros + self._numbers(text, numbers, blocked + [(z.char_start, z.char_end) for z in zeros], len(dates))
        found = _shared_qualifiers(text, sorted(found, key=lambda q: q.char_start), self._and)
        # "since 2021" is a period of any count (total); other dates imply one only for some event types
        dated = [(d.char_start, d.char_end) for d in dates if d.kind != "since"]
        since = [(d.char_start, d.char_end) for d in dates if d.kind == "since"]
        return _with_periods(_elliptic_units(text, found), periods, text, dated, since)

    # -- steps --------------------------------------------------------------------------
    def _may(self, regex: str, folded: str) -> bool:
        """Whether the folded text holds the words a regex needs (so that running it can find anything)."""
        return all(needed.search(folded) for needed in self._needs[regex])

    def _periods(
        self, text: str, dates: list[DateExpr], folded: str | None = None
    ) -> list[tuple[int, int, str, int | None]]:
        # Only "since ..." gives every count a period (total); what "last week" or "on Monday" imply
        # for a count depends on the event type, and the extractor decides it.
        # "the highest figure since December", "the most so far this year": a comparison, no period
        compared = [(d.char_start, d.char_end) for d in dates if d.comparison]
        out: list[tuple[int, int, str, int | None]] = [
            (d.char_start, d.char_end, "total", None) for d in dates if d.kind == "since" and not d.comparison
        ]
        folded = fold(text) if folded is None else folded
        for m in self._span.finditer(text) if self._may("span", folded) else ():
            if any(d.char_start <= m.start() < d.char_end for d in dates):
                continue  # "od 13 czerwca przez 90 dni": the length of a dated range, no period of a count
            n = self.numbers.find(m.group("n"))
            days = self.words.span_units.get(m.group("u").lower(), 0)
            if n and days:
                out.append((m.start(), m.end(), "span", max(1, int(n[0].value * days))))
        for m in self._period.finditer(text) if self._may("period", folded) else ():
            if not any(s <= m.start() < e for s, e, *_ in out) and not _overlaps(m.start(), m.end(), compared):
                kind = self._period_of.get(_norm(m.group()))
                if kind:
                    out.append((m.start(), m.end(), kind, _PERIOD_DAYS.get(kind)))
        return out

    def _zeros(self, text: str) -> list[QuantityExpr]:
        out = []
        for m in self._zero.finditer(text):
            if m.groupdict().get("z"):
                out.append(QuantityExpr(0.0, None, char_start=m.start(), char_end=m.end()))  # unit from the count before
                continue
            unit = "people" if m.group("p") else self._unit_of.get(_norm(m.group("u") or m.groupdict().get("u2") or ""))
            if unit:  # "no one was injured", "neviens necieta": a zero casualty count
                casualty = self._casualty(text, m.start(), m.end())
                out.append(QuantityExpr(0.0, unit, casualty=casualty, char_start=m.start(), char_end=m.end()))
        if any(q.unit not in ("people", None) for q in out):  # "nebuvo užfiksuota nė vieno bandymo": one zero, in its own unit
            out = [q for q in out if q.unit != "people" or q.casualty]
        return out

    def _candidates(self, text: str, folded: str) -> list[NumberMatch]:
        """The numbers of a sentence, with the lone scales after a qualifier ("около тысячи"), in text order."""
        found = self.numbers.find(text, folded)
        if self._may("scale", folded):
            found += [n for n in self._lone_scales(text) if not any(f.start < n.end and n.start < f.end for f in found)]
            found.sort(key=lambda n: n.start)
        return found

    def _numbers(
        self, text: str, found: list[NumberMatch], blocked: list[tuple[int, int]], n_dates: int = 0
    ) -> list[QuantityExpr]:
        numbers = [
            n
            for n in found
            # no date holds "20,000" or "4.75 bn": such a number inside a date's span is a count the date ran over
            if not any(s <= n.start < e and not (i < n_dates and (n.grouped or n.scale)) for i, (s, e) in enumerate(blocked))
            and not _ends_a_day_range(text, n, blocked[:n_dates])
        ]
        out: list[QuantityExpr] = []
        i = 0
        changed_from: NumberMatch | None = None
        while i < len(numbers):
            first, last = numbers[i], numbers[i]
            if i + 1 < len(numbers) and self._is_change(text, first, numbers[i + 1]):
                i += 1  # the old level of a change is no count of the event
                changed_from = first
                continue
            if i + 1 < len(numbers) and self._is_range(text, first, numbers[i + 1]):
                last = numbers[i + 1]
                i += 1
            quantity = self._read(text, first, last)
            if (
                quantity is not None
                and changed_from is not None
                and quantity.qualifier == "up_to"
                and self._bare_joiner.fullmatch(text, changed_from.end, first.start)
            ):
                quantity = replace(quantity, qualifier="exact")  # "z 300 do 100": "do" joins, bounds nothing
            changed_from = None
            if quantity is not None:
                out.append(quantity)
            i += 1
        return out

    def _lone_scales(self, text: str) -> list[NumberMatch]:
        """A scale word with no number before it counts one of it after a qualifier ("около тысячи
        военных", "about a thousand"); alone it is a vague plural ("тысячи мигрантов"), no count."""
        out = []
        for m in self._lone_scale.finditer(text):
            value = self.numbers.words.scales.get(m.group("s").lower())
            if value and not _DIGIT_BEFORE.search(text, 0, m.start("s")):
                out.append(NumberMatch(m.start("s"), m.end("s"), value, in_words=True))
        return out

    def _is_change(self, text: str, first: NumberMatch, second: NumberMatch) -> bool:
        """ "z 6 tys. do 7 tys.": a level changing (quantities.yaml change_pairs)."""
        between = text[first.end : second.start]
        before = text[max(0, first.start - 30) : first.start]
        return any(joiner.fullmatch(between) and opener.search(before) for opener, joiner in self._change_pairs)

    def _is_range(self, text: str, first: NumberMatch, second: NumberMatch) -> bool:
        """ "2,000–4,000", "2,000 to 4,000", and "between 97 and 150" (quantities.yaml range words)."""
        between = text[first.end : second.start]
        if self._range.fullmatch(between):
            return True
        before = text[max(0, first.start - 30) : first.start]
        return any(joiner.fullmatch(between) and opener.search(before) for opener, joiner in self._range_pairs)

    def _read(self, text: str, first: NumberMatch, last: NumberMatch) -> QuantityExpr | None:
        before, after = text[max(0, first.start - 40) : first.start], text[last.end : last.end + 120]
        if self._duration_after.match(after):
            return None
        label = self._label_before.search(before)
        if label and not _overlaps(first.start - len(before) + label.start(), first.start, self._blocked):
            return None  # "Article 4", "package 14"; not "на этой неделе 2 самолёта" (a date, no label)
        if first is last and _LIST_MARK.match(after) and not text[: first.start].strip(_BULLETS):
            return None  # "4. 14 JAN: …", "2) …": the number of a list item
        if first is last and not first.in_words and _is_ordinal(after):
            return None  # "5. pants", "2027. gadam": an ordinal (lt, lv, et write them with a dot)
        if _looks_like_year(first) and first is last and not self._unit_after.match(after[:30]):
            return None
        unit, end, money = self._unit(before, after, last, first)
        if unit is None and (_HYPHEN_WORD.match(after) or (first is last and _DAY_MONTH.fullmatch(text, first.start, first.end))):
            return None  # "200-metre zone", "25.03 | 74": a measure word or a day and month, not a count
        if unit is None and (
            first.money_only_scale
            or (last.glued and last.glued not in self._unit_glued)
            or self._partitive.match(after)
            or self._percent.match(after)
        ):
            return None  # "11 of them", "51 % more": parts and shares are not counts
        value, value_max = first.value, (last.value if last is not first else None)
        if (
            value_max is not None and last.scale and not first.scale
        ):  # "2-4 bn": the scale applies to both ends
            value = first.value * self.numbers.words.scales.get(last.scale, 1)
        if value_max is not None and value_max <= value:
            value_max = None
        start = first.start - (len(money) if money else 0)
        qualifier, qstart = self._qualifier(text[max(0, start - 40) : start])
        casualty = self._casualty(text, start, last.end + end)
        return QuantityExpr(
            value,
            unit,
            value_max,
            qualifier,
            casualty=casualty,
            char_start=start - qstart,
            char_end=last.end + end,
        )

    def _unit(
        self, before: str, after: str, last: NumberMatch, first: NumberMatch
    ) -> tuple[str | None, int, str]:
        """The unit, how far past the number it reaches, and the money symbol before the number."""
        m = self._money_before.search(before)
        if m:
            return m.lastgroup, 0, m.group()
        m = self._money_after.match(after)
        if m:
            return m.lastgroup, m.end(), ""
        pct = self._percent_gdp.match(after) or (self._percent.match(after) if self._gdp_sentence else None)
        if pct:
            return "pct_gdp", pct.end(), ""
        if last.glued and last.glued in self._unit_glued:
            return self._unit_glued[last.glued], 0, ""
        compound = _HYPHEN_WORD.match(after)
        if compound:  # "1,340-km border": only the word joined to the number can be its unit
            unit = self._unit_glued.get(compound.group(1).lower())
            return (unit, compound.end(), "") if unit else (None, 0, "")
        m = self._unit_after.match(after)
        if m and not last.money_only_scale:
            return self._unit_of.get(_norm(m.group("u"))), m.end(), ""
        return None, 0, ""

    def _qualifier(self, before: str) -> tuple[str, int]:
        """The qualifier whose words end right before the number; the longest phrase wins, so that
        "не более" is up_to and not more_than, whatever order the file lists them in."""
        m = self._qualifier_before.search(before)
        return (m.lastgroup, len(before) - m.start()) if m else ("exact", 0)

    def _casualty(self, text: str, start: int, end: int) -> str | None:
        after = self._casualty_after.match(text[end : end + 80])
        if after:
            return self._casualty_of.get(_norm(after.group("c")))
        before = self._casualty_before.search(text[max(0, start - 30) : start])
        return self._casualty_of.get(_norm(before.group("c"))) if before else None


def _with_periods(
    found: list[QuantityExpr],
    periods: list[tuple[int, int, str, int | None]],
    text: str = "",
    dated: list[tuple[int, int]] = (),  # type: ignore[assignment]
    since: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[QuantityExpr]:
    """Each quantity takes a period phrase inside its own words ("w szczytowym dniu – 400"), else
    the nearest after it (before the next quantity, and not opening the next one's clause: "26 tys.,
    a od początku 2024 r. 9 tys."), else the nearest before it that no quantity took: "between 12
    and 27 a day, against 206 the week before"."""
    chosen: dict[int, tuple[int, int, str, int | None]] = {}

    def fits(q: QuantityExpr, p: tuple[int, int, str, int | None]) -> bool:
        if q.unit == "km" and p[2] == "span":
            return False  # "60 km … for 90 days": how long a zone stands, no span of a count
        # "a team of 20 soldiers has been there since April": troops since a date are a level, no total
        return not (q.unit == "troops" and p[:2] in since)

    for i, q in enumerate(found):
        inside = [p for p in periods if q.char_start <= p[0] and p[1] <= q.char_end and fits(q, p)]
        if inside:
            chosen[i] = inside[0]
    for i, q in enumerate(found):
        if i in chosen:
            continue
        nxt = found[i + 1].char_start if i + 1 < len(found) else 10**9
        after = [
            p
            for p in periods
            if q.char_end <= p[0] < nxt
            and fits(q, p)
            and not (nxt < 10**9 and _CLAUSE_EDGE.search(text, q.char_end, p[0]))
        ]
        if after:
            chosen[i] = min(after, key=lambda p: p[0])
    taken = set(chosen.values())
    for i, q in enumerate(found):
        if i in chosen:
            continue
        prev = found[i - 1].char_end if i > 0 else -1
        before = [p for p in periods if prev <= p[1] <= q.char_start and p not in taken and fits(q, p)]
        if before:
            chosen[i] = max(before, key=lambda p: p[1])
    return [
        replace(q, period=chosen[i][2], period_days=chosen[i][3], period_dated=_overlaps(*chosen[i][:2], dated))
        if i in chosen
        else q
        for i, q in enumerate(found)
    ]


def _shared_qualifiers(text: str, found: list[QuantityExpr], conjunction: re.Pattern[str]) -> list[QuantityExpr]:
    """ "about 20,000 soldiers and 3,500 vehicles": the qualifier covers both."""
    out = list(found)
    for i in range(1, len(out)):
        prev, q = out[i - 1], out[i]
        if (
            q.qualifier == "exact"
            and prev.qualifier != "exact"
            and text[prev.char_start : prev.char_start + 1].isalpha()  # "~30 trucks and 6 BTRs": a sign binds one number
            and conjunction.fullmatch(text[prev.char_end : q.char_start])
        ):
            out[i] = replace(q, qualifier=prev.qualifier)
    return out


def _elliptic_units(text: str, found: list[QuantityExpr]) -> list[QuantityExpr]:
    """ "9 incidents in June (4 in May)", "50 persons this week, and since January – 7,518.": a bare
    number closing a parenthesis or a later clause repeats the unit of the count before it (not one in
    the same clause: "of 28 drones, 25" is a part)."""
    out = list(found)
    for i in range(1, len(out)):
        prev, q = out[i - 1], out[i]
        if (
            q.unit is None
            and prev.unit is not None
            and prev.casualty is None
            and _CLAUSE_END.match(text, q.char_end)
            and _NEW_CLAUSE.search(text, prev.char_end, q.char_start)
        ):
            out[i] = replace(q, unit=prev.unit)
    return out


def _ends_a_day_range(text: str, n: NumberMatch, dates: list[tuple[int, int]]) -> bool:
    """ "the week of May 20–26": a day number joined by a dash to a date is the other end of its range."""
    if n.in_words or n.grouped or n.scale or not (n.value.is_integer() and 1 <= n.value <= 31):
        return False
    return any(_DASH_GAP.fullmatch(text, e, n.start) or _DASH_GAP.fullmatch(text, n.end, s) for s, e in dates)


def _is_ordinal(after: str) -> bool:
    """A dot and then a lowercase word: "5. pants", "2027. gadam" (no sentence goes on in lowercase)."""
    m = _ORDINAL.match(after)
    return bool(m and m.group(1).islower())


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _looks_like_year(n: NumberMatch) -> bool:
    return (
        not n.in_words
        and not n.grouped
        and n.scale is None
        and n.value.is_integer()
        and 1900 <= n.value <= 2100
    )


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()
