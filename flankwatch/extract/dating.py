"""Which of a sentence's dates belongs to an event, and what an undated event's date is.

A statement and what it reports keep their dates apart; a plan takes its target date, or the
date it was made; what happened with no date of its own may take the date the text last set.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from flankwatch.extract.dates import DateExpr, has_year
from flankwatch.extract.matching import Hit
from flankwatch.extract.sentence import Sentence
from flankwatch.records import Mention


def carries(mention: Mention, published: date | None) -> bool:
    """Whether an event's date may date the undated sentences after it: not a span that runs up to
    publication ("since 1 January") or past it ("until 1 August"), which is a period, not a day."""
    if published is None or mention.date_start is None or mention.date_end is None:
        return True
    if mention.date_end > published and mention.date_precision == "day":
        return False  # "until 1 August"; a month or year running past publication is still a period of the text
    return not (mention.date_end == published and mention.date_start < mention.date_end and mention.date_precision != "week")


def as_planned(expr: DateExpr | None, modality: str, published: date | None) -> DateExpr | None:
    """A plan's date: "will be summoned on Monday" is the coming Monday, "later this month" the whole month."""
    if expr is None or modality != "planned" or published is None:
        return expr
    if expr.weekday and expr.end < published:
        return replace(expr, start=expr.start + timedelta(days=7), end=expr.end + timedelta(days=7))
    if (
        # a plan dated a few days back is reported late; one dated half a year back is more likely a past
        # event read as a plan: only a month a season back ("в декабре" in March) is the coming one
        31 < (published - expr.end).days <= 120
        and expr.precision in ("day", "month")
        and expr.kind in ("point", "range")
        and not (expr.relative or has_year(expr.text))
    ):  # "to be finished in December" written in March: the coming December, not the last
        try:
            return replace(expr, start=expr.start.replace(year=expr.start.year + 1), end=_year_on(expr.end))
        except ValueError:  # 29 February
            return expr
    if expr.current:
        return replace(expr, end=_period_end(expr.start, expr.precision))
    return expr


def _year_on(d: date) -> date:
    """The same day a year later; the last day of February stays the last."""
    if d.month == 2 and d.day >= 28:
        return date(d.year + 1, 3, 1) - timedelta(days=1)
    return d.replace(year=d.year + 1)


def _period_end(start: date, precision: str) -> date:
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(start.year, 12, 31)


def best_date(
    sentence: Sentence, trigger: Hit, speech_act: bool = False, planned: bool = False, occurred: bool = False
) -> DateExpr | None:
    """The date nearest the trigger in its clause, else in the sentence; for what is not a plan,
    a date it lasts until comes last ("on Tuesday extended the regime until 31 December").

    A statement and what it reports keep their dates apart: a threat or accusation takes a
    date before it or right after it ("said on Tuesday"), an event inside a reported part
    ("claimed that …") only the dates inside that part."""
    here = sentence.char_of(trigger.start)
    dates = [d for d in sentence.dates if not (d.comparison or d.redundant)]
    if speech_act:
        dates = _statement_dates(sentence, trigger, dates)
    else:
        cut = _complement_start(sentence, trigger)
        if cut is not None:
            # what a report states as fact with no date of its own happened when it was found:
            # "on Friday guards found that metres of fence had been cut"
            inside = [d for d in dates if d.char_start > cut]
            dates = inside or (dates if occurred else [])
    if not dates:
        return None
    clause = sentence.clause(trigger.start)

    first, last = clause
    bounds = (sentence.char_of(first), sentence.char_of(last) if last < sentence.hits.end else len(sentence.text))

    def rank(d: DateExpr) -> tuple[bool, bool, bool, bool, int]:
        other_clause = sentence.clause(sentence.token_at(d.char_start)) != clause
        enclosed = _set_off(sentence.text, d, (here, sentence.char_of(trigger.end)), bounds)
        # "…, сообщил сегодня министр": the day of the statement, not of what it reports
        statement = not speech_act and d.char_start > here and _after_report(sentence, d)
        return (other_clause, enclosed, statement, d.kind == "until" and not planned, abs(d.char_start - here))

    return min(dates, key=rank)


def _set_off(text: str, d: DateExpr, trigger: tuple[int, int], clause: tuple[int, int]) -> bool:
    """Whether a date sits in an aside set off by commas in the trigger's clause, away from the trigger
    ("часть подразделений, направленных в июне в Гомельскую область, начала возвращаться")."""
    (here, after), (start, end) = trigger, clause
    if d.char_end <= here:
        return "," in text[d.char_end : here] and "," in text[start : d.char_start]
    return "," in text[after : d.char_start] and "," in text[d.char_end : end]


def _statement_dates(sentence: Sentence, trigger: Hit, dates: list[DateExpr]) -> list[DateExpr]:
    """The dates a statement may take: before it or right after it in its clause ("said on
    Tuesday"), not across a comma, which sets off what it reports ("заявив, що у вихідні …",
    "last week guards pushed back 150 people, the committee said"); else the dates before it
    in the sentence ("On Wednesday X said …, but threatened …")."""
    here, after = sentence.char_of(trigger.start), sentence.char_of(trigger.end)
    text = sentence.text
    clause = sentence.clause(trigger.start)

    lead = text.rfind(",", 0, here)  # a trailing attribution: "…, паведамілі ў ДПК", "…, the committee said"
    trailing = (
        lead >= 0
        # it ends the sentence (not "Выступая сегодня …, X предупредил, что …") or is set off by
        # commas ("…, як сцвярджаюць у ДПК, …")
        and (sentence.hits.end - trigger.end <= 8 or 0 <= sentence.token_at(text.find(",", after)) - trigger.end <= 3)
        and sentence.token_at(here) - sentence.token_at(lead) <= 4
        and not any(sentence.token_at(lead) <= b <= trigger.start for b in sentence.breaks)  # ", but threatened", ", і сцвярджаў"
        # ", kad Baltarusija numuš …": a threat inside what is reported is no trailing attribution
        and not any(lead < sentence.char_of(h.start) < here for h in sentence.hits.get("complement"))
    )

    def before(d: DateExpr) -> bool:  # "On Tuesday, X said": a date opening the sentence is the saying's
        opener = len(text[: d.char_start].split()) <= 1 and not text[d.char_end : lead].strip()
        return d.char_end <= here and not (trailing and d.char_end <= lead and not opener)

    def right_after(d: DateExpr) -> bool:
        return sentence.token_at(d.char_start) - trigger.end <= 3 and "," not in text[after : d.char_start]

    own = [
        d
        for d in dates
        if sentence.clause(sentence.token_at(d.char_start)) == clause
        and d.kind != "since"  # "С начала года, по данным ведомства, …": the count's period, not the statement's day
        and (before(d) or (d.char_start >= here and (right_after(d) or _after_report(sentence, d))))
    ]
    # else before it in the sentence, or right after a trailing reporting verb ("…, калі …, заявіў у аўторак Прэзідэнт")
    return own or [d for d in dates if (before(d) or _after_report(sentence, d)) and d.kind != "since"]


def _after_report(sentence: Sentence, d: DateExpr) -> bool:
    """A date right after a trailing reporting verb dates the statement ("…, заявил во вторник Президент")."""
    token = sentence.token_at(d.char_start)
    return any(
        0 <= token - r.end <= 3
        and "," not in sentence.words(r.end, token)
        and not any(r.end <= c.start < token for c in sentence.hits.get("complement"))
        for r in sentence.hits.get("report")
    )


def _complement_start(sentence: Sentence, trigger: Hit) -> int | None:
    """Where a reported part holding the trigger starts ("… claimed on May 23 that [Polish forces …]")."""
    before = [h for h in sentence.hits.get("complement") if h.end <= trigger.start]
    return sentence.char_of(before[-1].start) if before else None


def dates_of(
    expr: DateExpr | None, modality: str, published: date | None, statement: bool = False
) -> tuple[date | None, date | None, str | None, str]:
    """The text's date; else, for a plan, the date it was made (publication, annotation.md), and
    for a statement too where the language's annotation dates it so (dates.yaml statements_on_publication)."""
    if expr is not None:
        return expr.start, expr.end, expr.precision, "text"
    if (modality == "planned" or statement) and published is not None:
        return published, published, "day", "publication"
    return None, None, None, "publication"
