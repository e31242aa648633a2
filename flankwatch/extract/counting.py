"""Counts to events: each quantity goes to the nearest trigger that counts in its unit, and
becomes a record with its period (from its own words, or from the date it is given for)."""

from __future__ import annotations

from dataclasses import replace

from flankwatch.extract.candidate import Candidate
from flankwatch.extract.dates import DateExpr
from flankwatch.extract.groups import Count, own_dates
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.sentence import Sentence
from flankwatch.extract.speech import SPEECH_ACTS
from flankwatch.records import Evidence, Quantity

UNITLESS_REACH = 8  # tokens between a bare number and the trigger that gives it a unit


def assign_quantities(kit: LanguageKit, sentence: Sentence, candidates: dict[str, Candidate]) -> None:
    """Each quantity goes to the nearest trigger whose type counts in its unit."""
    onto = kit.ontology
    dated = own_dates(sentence) if sentence.quantities else {}
    for i, q in enumerate(sentence.quantities):
        token = sentence.token_at(q.char_start)
        options = []
        for type_name, cand in candidates.items():
            rules = kit.lexicon.types[type_name]
            distance = min(abs(token - cand.hit.start), abs(token - cand.hit.end))
            unit = q.unit
            if unit is None:
                unit = cand.hit.payload.unit or rules.unit
                # a series of counts ("263 during the week, after 197 the week before") shares its unit
                # and so does a dated list before its unit ("20 мая — 310, 21 мая — 352 попытки")
                reach = (
                    len(sentence.lower)
                    if rules.period_from_date and (token > cand.hit.start or i in dated)
                    else UNITLESS_REACH
                )
                if unit is None or distance > reach:
                    continue
            units = onto.types[type_name].get("units", [])
            if q.casualty and rules.casualties:
                options.append((distance, type_name, q.casualty, True))
            elif unit in units:
                options.append((distance, type_name, unit, False))
            elif unit == "people" and "people" not in units and "troops" in units:
                # persons counted for a military event are its personnel ("близько тисячі осіб" called up)
                options.append((distance + UNITLESS_REACH, type_name, "troops", False))
            elif unit == "troops" and "troops" not in units and "people" in units:
                # fighters or agents counted for a non-military event are people ("200 fighters are being trained")
                options.append((distance + UNITLESS_REACH, type_name, "people", False))
        if options:
            # a count in a reported event belongs to the event, not to the words about it: "claimed that
            # two helicopters had entered its airspace" counts the violation, not the accusation
            _, type_name, unit, casualty = min(options, key=lambda o: (o[1] in SPEECH_ACTS, o))
            if q.period_dated and not kit.lexicon.types[type_name].period_from_date:
                # "sent 100 soldiers this week": a date says when, a period only for counts of a rate
                q = replace(q, period=None, period_days=None, period_dated=False)
                sentence.quantities[i] = q  # the same object as the count's: groups find counts by identity
            candidates[type_name].counts.append(Count(q, unit, casualty))


def counted_also(kit: LanguageKit, candidates: dict[str, Candidate]) -> None:
    """A type that states a second one when it has a count (instrumentalisation with numbers)."""
    for type_name, cand in list(candidates.items()):
        also = kit.lexicon.types[type_name].counted_also
        if also and also not in candidates and any(not c.casualty for c in cand.counts):
            units = kit.ontology.types[also].get("units", [])
            counts = [c for c in cand.counts if c.unit in units]
            if counts:
                candidates[also] = Candidate(cand.hit, cand.modality, cand.negated, list(counts))


def record_quantity(sentence: Sentence, count: Count, dated: DateExpr | None, several: bool) -> Quantity:
    q = count.q
    period, days = q.period, q.period_days
    if period is None and dated is not None:
        period, days = _period_of(dated, several)
    return Quantity(
        q.value,
        count.unit,
        q.value_max,
        q.qualifier,
        period,
        days,
        Evidence(
            sentence.char_start + q.char_start,
            sentence.char_start + q.char_end,
            sentence.text[q.char_start : q.char_end],
        ),
    )


def _period_of(d: DateExpr, several: bool) -> tuple[str | None, int | None]:
    """What a count's date says about its period: "last week" is per week, "in January" per
    month; a single day is per day only in a series of daily counts ("355 on Friday and 298
    on Saturday") — on its own it is just when the count was made (annotation practice)."""
    if d.kind == "since":
        return "total", None
    if d.period in ("week", "total"):
        return d.period, 7 if d.period == "week" else None
    if d.precision == "day":
        days = (d.end - d.start).days + 1
        if days == 1:
            return ("day", 1) if several else (None, None)
        return "span", days
    if d.precision == "month" and (d.start.year, d.start.month) != (d.end.year, d.end.month):
        return None, None  # "in November and December": two months, not a monthly figure
    return {"week": ("week", 7), "month": ("month", None), "year": ("year", None)}.get(
        d.precision, (None, None)
    )
