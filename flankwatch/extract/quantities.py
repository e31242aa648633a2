"""Quantities: a number with its unit, range, qualifier and period, or a zero count.

Steps for one sentence: (1) find period phrases ("a day", "over two days") and
zero counts ("no attempts", "no one"); (2) read every number that is not part of
a date, a period phrase, a label ("Article 4") or a model name ("Su-25"); (3) join
ranges ("2,000–4,000"); (4) read money and % of GDP around the number, or the unit
noun after it (a few words may intervene); (5) take the qualifier before it, the
casualty word around it, and the nearest period phrase in its stretch of text.
Numbers without a unit are kept with unit None: the extractor gives them the
unit of the trigger they stand next to, or drops them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flankwatch.extract.alternation import alternation, fold
from flankwatch.extract.dates import DateExpr
from flankwatch.extract.numbers import NumberGrammar, NumberMatch
from flankwatch.extract.wordlists import NumberWords, QuantityWords

MAX_SENTENCE = 20_000  # characters; longer "sentences" are tables or garbage, read only their start
_PERIOD_DAYS = {"day": 1, "week": 7}
_CLAUSE_EDGE = re.compile(r"[,;]")


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
        self.numbers = NumberGrammar(numbers)
        self._unit_of = {_norm(p): unit for unit, phrases in words.units.items() for p in phrases}
        gap = rf"(?:[^\s\d.,;:()]+\s+){{0,{words.max_gap}}}?"  # lazy: the nearest unit noun wins
        self._unit_after = re.compile(
            rf"^\s*(?:-\s*)?{gap}(?P<u>{_bounded(list(self._unit_of))})", re.IGNORECASE
        )
        self._unit_glued = {k: v for k, v in self._unit_of.items() if " " not in k}
        self._qualifier_before = [
            (q, re.compile(rf"(?:^|(?<=\W))(?:{_alt(p)})\s*$", re.IGNORECASE))
            for q, p in words.qualifiers.items()
        ]
        self._money_before = {
            u: re.compile(rf"(?:{_alt(s)})\s?$", re.IGNORECASE) for u, (s, _) in words.money.items() if s
        }
        self._money_after = {
            u: re.compile(rf"^\s*(?:{_alt((*s, *w))})(?!\w)", re.IGNORECASE)
            for u, (s, w) in words.money.items()
        }
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
        zero_after = (  # "порушень не зафіксовано": the unit before the words that make it none
            rf"|(?P<u2>{_bounded(list(self._unit_of))})\s+{gap}(?:{_bounded(words.zero_after)})" if words.zero_after else ""
        )
        self._zero = re.compile(
            rf"{_bounded(words.zero)}\s+{gap}(?P<u>{_bounded(list(self._unit_of))})|(?P<p>{_bounded(words.zero_people)}){zero_after}",
            re.IGNORECASE,
        )
        # The words each of the regexes above cannot match without, looked for in the folded
        # sentence (alternation.fold): a sentence without any is spared the regex.
        periods = [p for ps in words.periods.values() for p in ps]
        self._needs = {
            name: tuple(re.compile(alternation([fold(w) for w in group], ignorecase=False)) for group in groups)
            for name, groups in (
                ("span", (words.span_lead, list(words.span_units))),
                ("period", (periods,)),
                ("zero", ((*words.zero, *words.zero_people, *words.zero_after),)),
                ("gdp", (words.gdp,)),
            )
        }

    # -- public -------------------------------------------------------------------------
    def find(self, text: str, dates: list[DateExpr] = ()) -> list[QuantityExpr]:  # type: ignore[assignment]
        """Every quantity of a sentence, in text order."""
        text = text[:MAX_SENTENCE]
        folded = fold(text)
        periods = self._periods(text, dates, folded)
        # "2.75 % of GDP … at least 3 %": both are % of GDP
        self._gdp_sentence = self._may("gdp", folded) and bool(self._gdp.search(text))
        zeros = self._zeros(text) if self._may("zero", folded) else []
        blocked = [(d.char_start, d.char_end) for d in dates] + [(s, e) for s, e, *_ in periods]
        found = zeros + self._numbers(text, blocked + [(z.char_start, z.char_end) for z in zeros])
        found = _shared_qualifiers(text, sorted(found, key=lambda q: q.char_start), self._and)
        return _with_periods(found, periods, text)

    # -- steps --------------------------------------------------------------------------
    def _may(self, regex: str, folded: str) -> bool:
        """Whether the folded text holds the words a regex needs (so that running it can find anything)."""
        return all(needed.search(folded) for needed in self._needs[regex])

    def _periods(
        self, text: str, dates: list[DateExpr], folded: str | None = None
    ) -> list[tuple[int, int, str, int | None]]:
        # Only "since ..." gives every count a period (total); what "last week" or "on Monday" imply
        # for a count depends on the event type, and the extractor decides it.
        out: list[tuple[int, int, str, int | None]] = [
            (d.char_start, d.char_end, "total", None) for d in dates if d.kind == "since"
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
            if not any(s <= m.start() < e for s, e, *_ in out):
                kind = self._period_of.get(_norm(m.group()))
                if kind:
                    out.append((m.start(), m.end(), kind, _PERIOD_DAYS.get(kind)))
        return out

    def _zeros(self, text: str) -> list[QuantityExpr]:
        out = []
        for m in self._zero.finditer(text):
            unit = "people" if m.group("p") else self._unit_of.get(_norm(m.group("u") or m.groupdict().get("u2") or ""))
            if unit:  # "no one was injured", "neviens necieta": a zero casualty count
                casualty = self._casualty(text, m.start(), m.end())
                out.append(QuantityExpr(0.0, unit, casualty=casualty, char_start=m.start(), char_end=m.end()))
        if any(q.unit != "people" for q in out):  # "nebuvo užfiksuota nė vieno bandymo": one zero, in its own unit
            out = [q for q in out if q.unit != "people" or q.casualty]
        return out

    def _numbers(self, text: str, blocked: list[tuple[int, int]]) -> list[QuantityExpr]:
        numbers = [n for n in self.numbers.find(text) if not any(s <= n.start < e for s, e in blocked)]
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
        if self._label_before.search(before) or self._duration_after.match(after):
            return None
        if _looks_like_year(first) and first is last and not self._unit_after.match(after[:30]):
            return None
        unit, end, money = self._unit(before, after, last, first)
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
        for unit, rx in self._money_before.items():
            m = rx.search(before)
            if m:
                return unit, 0, m.group()
        for unit, rx in self._money_after.items():
            m = rx.match(after)
            if m:
                return unit, m.end(), ""
        pct = self._percent_gdp.match(after) or (self._percent.match(after) if self._gdp_sentence else None)
        if pct:
            return "pct_gdp", pct.end(), ""
        if last.glued and last.glued in self._unit_glued:
            return self._unit_glued[last.glued], 0, ""
        m = self._unit_after.match(after)
        if m and not last.money_only_scale:
            return self._unit_of.get(_norm(m.group("u"))), m.end(), ""
        return None, 0, ""

    def _qualifier(self, before: str) -> tuple[str, int]:
        for qualifier, rx in self._qualifier_before:
            m = rx.search(before)
            if m:
                return qualifier, len(before) - m.start()
        return "exact", 0

    def _casualty(self, text: str, start: int, end: int) -> str | None:
        after = self._casualty_after.match(text[end : end + 80])
        if after:
            return self._casualty_of.get(_norm(after.group("c")))
        before = self._casualty_before.search(text[max(0, start - 30) : start])
        return self._casualty_of.get(_norm(before.group("c"))) if before else None


def _with_periods(
    found: list[QuantityExpr], periods: list[tuple[int, int, str, int | None]], text: str = ""
) -> list[QuantityExpr]:
    """Each quantity takes a period phrase inside its own words ("w szczytowym dniu – 400"), else
    the nearest after it (before the next quantity, and not opening the next one's clause: "26 tys.,
    a od początku 2024 r. 9 tys."), else the nearest before it that no quantity took: "between 12
    and 27 a day, against 206 the week before"."""
    chosen: dict[int, tuple[int, int, str, int | None]] = {}
    for i, q in enumerate(found):
        inside = [p for p in periods if q.char_start <= p[0] and p[1] <= q.char_end]
        if inside:
            chosen[i] = inside[0]
    for i, q in enumerate(found):
        if i in chosen:
            continue
        nxt = found[i + 1].char_start if i + 1 < len(found) else 10**9
        after = [
            p
            for p in periods
            if q.char_end <= p[0] < nxt and not (nxt < 10**9 and _CLAUSE_EDGE.search(text, q.char_end, p[0]))
        ]
        if after:
            chosen[i] = min(after, key=lambda p: p[0])
    taken = set(chosen.values())
    for i, q in enumerate(found):
        if i in chosen:
            continue
        prev = found[i - 1].char_end if i > 0 else -1
        before = [p for p in periods if prev <= p[1] <= q.char_start and p not in taken]
        if before:
            chosen[i] = max(before, key=lambda p: p[1])
    return [
        replace(q, period=chosen[i][2], period_days=chosen[i][3]) if i in chosen else q
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
            and conjunction.fullmatch(text[prev.char_end : q.char_start])
        ):
            out[i] = replace(q, qualifier=prev.qualifier)
    return out


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
