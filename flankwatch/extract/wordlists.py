"""Date, number and quantity words of one language (lexicons/<lang>/{dates,numbers,quantities}.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any

from flankwatch.extract.datafile import Where, choice, expand_all, mapping, number, only_keys, str_list
from flankwatch.nlp import read_yaml

DATE_FUNCTION_WORDS = (
    "since",
    "start_of",
    "end_of",
    "until",
    "by",
    "range",
    "between",
    "in",
    "on",
    "of",
    "week",
    "weekend",
    "part_of_month",
    "ordinal_suffix",
    "year_suffix",
    "start_of_after",
    "end_of_after",
    "last",  # before a weekday: the one of the week before ("в прошлую среду"), as "last" is in English
    "next",  # before a weekday: the coming one ("в следующую пятницу")
    "last_week",  # before a weekday: that day of the previous week ("в прошлую среду")
    "earlier",  # a sentence with one looks back ("Ранее Польша закрыла …"): it takes no date from the sentences before
    "for_duration",  # before a number of days after a start: "od 13 czerwca przez 90 dni"
    "same_day",  # the day a date before it in the sentence names: "tego dnia", "that day"
    "time_of_day",  # before a clock time: "o godz. 12.05" is no date
)
PERIODS = ("day", "week", "month", "year", "total")
QUALIFIERS = ("about", "up_to", "at_least", "more_than", "less_than")
CASUALTIES = ("killed", "injured", "detained")


@dataclass(frozen=True, slots=True)
class DateWords:
    capitalised: bool  # month and weekday names are written with a capital (English)
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, tuple[str, int]]  # ("pub" | "digest", week offset)
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    period_starts: dict[str, str]
    quarters: dict[str, int]
    halves: dict[str, int]
    year_parts: dict[str, tuple[int, int]]  # first month, length in months
    comparison_words: tuple[str, ...]
    words: dict[str, tuple[str, ...]]
    # A month name alone is a date: languages that say "in June" by case ("birželį", "jūnijā").
    bare_months: bool = False
    # "by 2027" dates a plan in 2027 and "by the end of 2024" runs from now to that end
    # (false: the other way round, as English annotation reads them).
    by_target: bool = False
    # "19.03" is the 19th of March: decimals take a comma in the language, so a dot between a
    # day and a two-digit month makes a date even without its year (Polish communiqués).
    numeric_day_month: bool = False
    # day units of a duration after a start date ("od 13 czerwca przez 90 dni": dni -> 1)
    duration_days: dict[str, int] = field(default_factory=dict)
    # A threat or accusation the text gives no date is dated by publication (false: left undated).
    statements_on_publication: bool = False
    # An undated statement takes the date of the statement before it in the document ("«…», — сказал он"
    # after "заявил во вторник"), before falling back to publication.
    statements_carry: bool = False
    # A sentence opening with a time of day ("10:42 Лукашенко пригрозив …") is a live-blog entry: with
    # no date of its own it happened on the day of publication, not on the day of the entry before.
    live_entries: bool = False


@dataclass(frozen=True, slots=True)
class NumberWords:
    decimal_separators: tuple[str, ...]
    thousands_comma: bool
    words: dict[str, float]
    scales: dict[str, float]
    money_only_scales: frozenset[str]


@dataclass(frozen=True, slots=True)
class QuantityWords:
    max_gap: int
    units: dict[str, tuple[str, ...]]
    money: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # unit -> (symbols, words)
    percent: tuple[str, ...]
    gdp: tuple[str, ...]
    qualifiers: dict[str, tuple[str, ...]]
    periods: dict[str, tuple[str, ...]]
    span_lead: tuple[str, ...]
    span_fillers: tuple[str, ...]
    span_units: dict[str, int]
    zero: tuple[str, ...]
    zero_people: tuple[str, ...]
    casualties: dict[str, tuple[str, ...]]
    casualty_window: int
    durations: tuple[str, ...]
    label_words: tuple[str, ...]
    partitives: tuple[str, ...] = ()
    # Words after a unit noun that make it a zero count: "порушень не зафіксовано" (no violations recorded).
    zero_after: tuple[str, ...] = ()
    # Words joining the ends of a range besides dashes ("2,000 to 4,000"), opener-joiner pairs
    # ("between 97 and 150", "od 100 do 200"), and conjunctions that share a qualifier
    # ("about 20,000 soldiers and 3,500 vehicles"); English when a file does not say.
    range_words: tuple[str, ...] = ("to",)
    range_pairs: tuple[tuple[str, str], ...] = (("between", "and"),)
    conjunctions: tuple[str, ...] = ("and",)
    change_pairs: tuple[tuple[str, str], ...] = ()  # "z 6 tys. do 7 tys.": from an old level to the new one


def _int_map(value: Any, where: Where, low: int, high: int) -> dict[str, int]:
    return {
        k.lower(): int(number(v, where / k, low=low, high=high))
        for k, v in mapping(value, where, allow_none=True).items()
    }


def _week_map(value: Any, where: Where) -> dict[str, tuple[str, int]]:
    """Week offsets: an integer from the publication week, or `digest`/`digest-1` from the digest's week."""
    out = {}
    for key, raw in mapping(value, where, allow_none=True).items():
        if isinstance(raw, str) and raw.startswith("digest"):
            rest = raw[len("digest") :]
            try:
                out[key.lower()] = ("digest", int(rest) if rest else 0)
            except ValueError as exc:
                raise (where / key).fail(f"{raw!r}: write digest, digest-1, digest-2 ...") from exc
        else:
            out[key.lower()] = ("pub", int(number(raw, where / key, low=-4, high=4)))
    return out


def _year_parts(value: Any, where: Where) -> dict[str, tuple[int, int]]:
    out = {}
    for key, raw in mapping(value, where, allow_none=True).items():
        if not (isinstance(raw, list) and len(raw) == 2):
            raise (where / key).fail("expected [first month, length in months]")
        first = int(number(raw[0], where / key / "0", low=1, high=12))
        out[key.lower()] = (first, int(number(raw[1], where / key / "1", low=1, high=12)))
    return out


def load_date_words(root: Traversable, language: str) -> DateWords:
    rel = f"lexicons/{language}/dates.yaml"
    raw, where = mapping(read_yaml(root, rel), Where(rel)), Where(rel)
    only_keys(raw, ("capitalised_names", *DateWords.__slots__), where)
    words = mapping(raw.get("words"), where / "words", allow_none=True)
    for key in words:
        choice(key, DATE_FUNCTION_WORDS, where / "words", "date function word")
    starts = {
        k.lower(): choice(v, ("year", "month", "week"), where / "period_starts" / k, "period")
        for k, v in mapping(raw.get("period_starts"), where / "period_starts", allow_none=True).items()
    }
    return DateWords(
        capitalised=bool(raw.get("capitalised_names", False)),
        months=_int_map(raw.get("months"), where / "months", 1, 12),
        weekdays=_int_map(raw.get("weekdays"), where / "weekdays", 0, 6),
        relative_days=_int_map(raw.get("relative_days"), where / "relative_days", -7, 7),
        relative_weeks=_week_map(raw.get("relative_weeks"), where / "relative_weeks"),
        relative_months=_int_map(raw.get("relative_months"), where / "relative_months", -12, 12),
        relative_years=_int_map(raw.get("relative_years"), where / "relative_years", -5, 5),
        period_starts=starts,
        quarters=_int_map(raw.get("quarters"), where / "quarters", 1, 4),
        halves=_int_map(raw.get("halves"), where / "halves", 1, 2),
        year_parts=_year_parts(raw.get("year_parts"), where / "year_parts"),
        comparison_words=tuple(
            w.lower() for w in str_list(raw.get("comparison_words"), where / "comparison_words")
        ),
        words={
            k: tuple(w.lower() for w in str_list(words.get(k), where / "words" / k))
            for k in DATE_FUNCTION_WORDS
        },
        bare_months=_flag(raw.get("bare_months", False), where / "bare_months"),
        by_target=_flag(raw.get("by_target", False), where / "by_target"),
        numeric_day_month=_flag(raw.get("numeric_day_month", False), where / "numeric_day_month"),
        duration_days=_int_map(raw.get("duration_days"), where / "duration_days", 1, 366),
        statements_on_publication=_flag(raw.get("statements_on_publication", False), where / "statements_on_publication"),
        statements_carry=_flag(raw.get("statements_carry", False), where / "statements_carry"),
        live_entries=_flag(raw.get("live_entries", False), where / "live_entries"),
    )


def _flag(value: Any, where: Where) -> bool:
    if not isinstance(value, bool):
        raise where.fail(f"expected true or false, found {value!r}")
    return value


def load_number_words(root: Traversable, language: str) -> NumberWords:
    rel = f"lexicons/{language}/numbers.yaml"
    raw, where = mapping(read_yaml(root, rel), Where(rel)), Where(rel)
    only_keys(raw, NumberWords.__slots__, where)
    seps = tuple(str_list(raw.get("decimal_separators", ["."]), where / "decimal_separators"))
    for sep in seps:
        choice(sep, (".", ","), where / "decimal_separators", "decimal separator")
    scales = {
        k.lower(): number(v, where / "scales" / k, low=1)
        for k, v in mapping(raw.get("scales"), where / "scales").items()
    }
    money_only = frozenset(
        s.lower() for s in str_list(raw.get("money_only_scales"), where / "money_only_scales")
    )
    for scale in money_only:
        choice(scale, scales, where / "money_only_scales", "scale")
    return NumberWords(
        decimal_separators=seps,
        thousands_comma=bool(raw.get("thousands_comma", False)),
        words={
            k.lower(): number(v, where / "words" / k, low=0)
            for k, v in mapping(raw.get("words"), where / "words").items()
        },
        scales=scales,
        money_only_scales=money_only,
    )


def load_quantity_words(root: Traversable, language: str, units: tuple[str, ...]) -> QuantityWords:
    rel = f"lexicons/{language}/quantities.yaml"
    raw, where = mapping(read_yaml(root, rel), Where(rel)), Where(rel)
    only_keys(
        raw,
        (
            "max_gap",
            "units",
            "money",
            "percent",
            "gdp",
            "qualifiers",
            "periods",
            "span",
            "zero",
            "zero_people",
            "zero_after",
            "casualties",
            "casualty_window",
            "durations",
            "label_words",
            "partitives",
            "range_words",
            "range_pairs",
            "conjunctions",
            "change_pairs",
        ),
        where,
    )

    def phrases(value: Any, at: Where) -> tuple[str, ...]:
        return expand_all(str_list(value, at), at)

    def keyed(name: str, known: tuple[str, ...], what: str) -> dict[str, tuple[str, ...]]:
        table = mapping(raw.get(name), where / name, allow_none=True)
        return {choice(k, known, where / name, what): phrases(v, where / name / k) for k, v in table.items()}

    money = {}
    for unit, spec in mapping(raw.get("money"), where / "money", allow_none=True).items():
        at = where / "money" / unit
        choice(unit, units, where / "money", "unit")
        spec = mapping(spec, at)
        money[unit] = (
            tuple(str_list(spec.get("symbols"), at / "symbols")),
            phrases(spec.get("words"), at / "words"),
        )
    span = mapping(raw.get("span"), where / "span", allow_none=True)
    return QuantityWords(
        max_gap=int(number(raw.get("max_gap", 3), where / "max_gap", low=0, high=6)),
        units=keyed("units", units, "unit"),
        money=money,
        percent=tuple(str_list(raw.get("percent"), where / "percent")),
        gdp=phrases(raw.get("gdp"), where / "gdp"),
        qualifiers=keyed("qualifiers", QUALIFIERS, "qualifier"),
        periods=keyed("periods", PERIODS, "period"),
        span_lead=phrases(span.get("lead"), where / "span" / "lead"),
        span_fillers=phrases(span.get("fillers"), where / "span" / "fillers"),
        span_units=_int_map(span.get("units"), where / "span" / "units", 0, 366),
        zero=phrases(raw.get("zero"), where / "zero"),
        zero_people=phrases(raw.get("zero_people"), where / "zero_people"),
        zero_after=phrases(raw.get("zero_after"), where / "zero_after"),
        casualties=keyed("casualties", CASUALTIES, "casualty kind"),
        casualty_window=int(number(raw.get("casualty_window", 5), where / "casualty_window", low=0, high=12)),
        durations=tuple(w.lower() for w in str_list(raw.get("durations"), where / "durations")),
        label_words=tuple(w.lower() for w in str_list(raw.get("label_words"), where / "label_words")),
        partitives=phrases(raw.get("partitives"), where / "partitives"),
        range_words=tuple(str_list(raw.get("range_words", ["to"]), where / "range_words")),
        range_pairs=_pairs(raw.get("range_pairs", [["between", "and"]]), where / "range_pairs"),
        conjunctions=tuple(str_list(raw.get("conjunctions", ["and"]), where / "conjunctions")),
        change_pairs=_pairs(raw.get("change_pairs", []), where / "change_pairs"),
    )


def _pairs(value: Any, where: Where) -> tuple[tuple[str, str], ...]:
    """[[opener, joiner], ...]: the words around a range ("between" … "and")."""
    if not isinstance(value, list):
        raise where.fail("expected a list of [opener, joiner] pairs")
    out = []
    for i, pair in enumerate(value):
        items = str_list(pair, where / str(i))
        if len(items) != 2:
            raise (where / str(i)).fail(f"expected [opener, joiner], found {pair!r}")
        out.append((items[0], items[1]))
    return tuple(out)
