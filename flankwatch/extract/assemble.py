"""From one sentence's hits to its mentions.

Steps: (1) keep the triggers whose context words fit; (2) read the sentence's dates
and quantities; (3) per event type take its strongest trigger and its modality;
(4) give each quantity to the nearest trigger that counts in its unit; (5) split a
trigger's counts into one event per date and modality (groups.py); (6) give each
event its place, actors and targets, theatre, date, period and confidence;
(7) apply the speech-act rule to what an adversary's speaker asserts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from flankwatch.extract.dates import DateExpr, find_dates
from flankwatch.extract.groups import Count, Group, group_counts, sub_span
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.matching import Hit
from flankwatch.extract.modality import modality_of
from flankwatch.extract.roles import ActorMention, actor_mentions
from flankwatch.extract.sentence import Sentence
from flankwatch.extract.shape import EventShape, shape_event
from flankwatch.extract.theatre import DocumentState
from flankwatch.records import Evidence, Mention, Quantity

MIN_WORDS = 3  # fewer words than this make a heading, not a statement
UNITLESS_REACH = 8  # tokens between a bare number and the trigger that gives it a unit
SPEECH_ACTS = ("THREAT_RHETORIC", "ACCUSATION")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    language: str
    published: date | None


@dataclass
class Candidate:
    """A trigger chosen for its type, with what has been decided about it so far."""

    hit: Hit
    modality: str
    negated: bool
    counts: list[Count] = field(default_factory=list)


def sentence_mentions(
    kit: LanguageKit, sentence: Sentence, info: DocumentInfo, state: DocumentState
) -> list[Mention]:
    if sentence.hits.get("generic") or sum(w[:1].isalnum() for w in sentence.lower) < MIN_WORDS:
        return []  # a reminder, a habit, an analyst's reading, or a bare heading ("Sanctions")
    triggers = _outermost([h for h in sentence.hits.get("trigger") if _context_fits(h, sentence)])
    if not triggers:
        return []
    sentence.dates = find_dates(sentence.text, info.published, kit.dates, kit.spec.dateparser)
    sentence.quantities = kit.quantities.find(sentence.text, sentence.dates)
    places, extra_actors = _places_and_metonyms(sentence)
    actors = actor_mentions(sentence, extra_actors)
    candidates = {}
    for type_name, hit in _strongest_per_type(triggers).items():
        call = modality_of(hit, sentence, kit.lexicon.cues)
        # the threat or accusation itself was made, whatever it says (speech-act rule)
        modality = "occurred" if type_name in SPEECH_ACTS else call.modality
        candidates[type_name] = Candidate(hit, modality, call.negated)
    for type_name in [t for t in candidates if set(kit.lexicon.types[t].yields_to) & set(candidates)]:
        del candidates[type_name]
    _assign_quantities(kit, sentence, candidates)
    _counted_also(kit, candidates)
    modality_at = {
        i: modality_of(Hit("trigger", None, t, t + 1), sentence, kit.lexicon.cues).modality
        for i, t in ((i, sentence.token_at(q.char_start)) for i, q in enumerate(sentence.quantities))
    }
    out: list[Mention] = []
    for type_name, cand in candidates.items():
        if cand.negated and not any(c.q.value == 0 for c in cand.counts):
            continue
        groups = group_counts(cand.counts, sentence, modality_at)
        for k, group in enumerate(groups):
            shape = shape_event(kit, sentence, type_name, cand.hit, places, actors, state)
            mention = _mention(
                kit, sentence, info, shape, cand, group, k == 0, len(groups) > 1, state.last_date
            )
            if (
                mention.date_source == "text"
                and mention.modality == "occurred"
                and mention.date_start is not None
            ):
                state.last_date = (
                    mention.date_start,
                    mention.date_end or mention.date_start,
                    mention.date_precision or "day",
                )
            out.append(mention)
    return _speech_acts(kit, out, sentence, actors, info, state.publisher)


def _context_fits(hit: Hit, sentence: Sentence) -> bool:
    entry = hit.payload
    if not entry.near and not entry.not_near:
        return True
    window = sentence.words(hit.start - entry.window, hit.end + entry.window)
    joined = " " + " ".join(window) + " "

    def present(words: tuple[str, ...]) -> bool:
        for word in words:
            if word == "#num":
                if any(w[:1].isdigit() for w in window):
                    return True
            elif word.endswith("*"):
                if any(w.startswith(word[:-1]) for w in window):
                    return True
            elif (" " in word and f" {word} " in joined) or word in window:
                return True
        return False

    if entry.not_near and present(entry.not_near):
        return False
    return not entry.near or present(entry.near)


def _outermost(triggers: list[Hit]) -> list[Hit]:
    """Triggers not inside a longer trigger of another type ("raising the jamming at ICAO" is diplomacy)."""
    return [
        h
        for h in triggers
        if not any(
            o.payload.type != h.payload.type
            and o.start <= h.start
            and h.end <= o.end
            and (o.end - o.start) > (h.end - h.start)
            for o in triggers
        )
    ]


def _strongest_per_type(triggers: list[Hit]) -> dict[str, Hit]:
    best: dict[str, Hit] = {}
    for hit in triggers:
        current = best.get(hit.payload.type)
        if current is None or (hit.payload.weight, hit.end - hit.start) > (
            current.payload.weight,
            current.end - current.start,
        ):
            best[hit.payload.type] = hit
    return best


def _places_and_metonyms(sentence: Sentence) -> tuple[list[Hit], list[tuple[Hit, str]]]:
    """Places, and capitals that stand for their government ("Minsk said"): those are actors."""
    actor_spans = {(h.start, h.end) for h in sentence.hits.get("actor")}
    places, actors = [], []
    for hit in sentence.hits.get("place"):
        located = sentence.preceded_by(hit, "locative", gap=2)
        if sentence.doc[hit.start : hit.end].text.isupper():
            continue  # "MINSK, 13 March (BelTA) –": where the text was filed, neither who nor where it happened
        if hit.payload.metonym_of and not located:
            actors.append((hit, hit.payload.metonym_of))
        elif (hit.start, hit.end) not in actor_spans or located:
            places.append(hit)
    return places, actors


def _assign_quantities(kit: LanguageKit, sentence: Sentence, candidates: dict[str, Candidate]) -> None:
    """Each quantity goes to the nearest trigger whose type counts in its unit."""
    onto = kit.ontology
    for q in sentence.quantities:
        token = sentence.token_at(q.char_start)
        options = []
        for type_name, cand in candidates.items():
            rules = kit.lexicon.types[type_name]
            distance = min(abs(token - cand.hit.start), abs(token - cand.hit.end))
            unit = q.unit
            if unit is None:
                unit = cand.hit.payload.unit or rules.unit
                # a series of counts ("263 during the week, after 197 the week before") shares its unit
                reach = (
                    len(sentence.lower)
                    if rules.period_from_date and token > cand.hit.start
                    else UNITLESS_REACH
                )
                if unit is None or distance > reach:
                    continue
            if q.casualty and rules.casualties:
                options.append((distance, type_name, q.casualty, True))
            elif unit in onto.types[type_name].get("units", []):
                options.append((distance, type_name, unit, False))
        if options:
            _, type_name, unit, casualty = min(options)
            candidates[type_name].counts.append(Count(q, unit, casualty))


def _counted_also(kit: LanguageKit, candidates: dict[str, Candidate]) -> None:
    """A type that states a second one when it has a count (instrumentalisation with numbers)."""
    for type_name, cand in list(candidates.items()):
        also = kit.lexicon.types[type_name].counted_also
        if also and also not in candidates and any(not c.casualty for c in cand.counts):
            units = kit.ontology.types[also].get("units", [])
            counts = [c for c in cand.counts if c.unit in units]
            if counts:
                candidates[also] = Candidate(cand.hit, cand.modality, cand.negated, list(counts))


def _mention(
    kit: LanguageKit,
    sentence: Sentence,
    info: DocumentInfo,
    shape: EventShape,
    cand: Candidate,
    group: Group,
    primary: bool,
    several: bool,
    state_date: tuple[date, date, str] | None,
) -> Mention:
    rules = kit.lexicon.types[shape.type]
    modality = group.modality or cand.modality
    speech_act = shape.type in SPEECH_ACTS
    expr = group.date or _best_date(sentence, cand.hit, speech_act=speech_act)
    if (
        expr is not None
        and modality == "planned"
        and sentence.clause(sentence.token_at(expr.char_start)) != sentence.clause(cand.hit.start)
        and info.published
        and expr.end < info.published
    ):
        expr = (
            None  # "Following the attack on 28 May, the minister decided to reinforce …": not the plan's date
        )
    expr = _as_planned(expr, modality, info.published)
    if (
        modality == "occurred"
        and expr is not None
        and info.published is not None
        and expr.start > info.published
    ):
        modality = "planned"  # a date after publication is a plan, whatever the verb
    start, end, precision, source = _dates(expr, modality, info.published, speech_act)
    if start is None and modality == "occurred" and state_date is not None:
        start, end, precision = (
            state_date  # dated by the sentences before it ("On Monday … Groups of 50 tried …")
        )
        source = "text"
    dated = expr if rules.period_from_date else None
    quantities = tuple(_record(sentence, c, dated, several) for c in group.counts if not c.casualty)
    casualties = tuple(_record(sentence, c, None, several) for c in group.counts if c.casualty)
    if primary:
        evidence = sentence.evidence
    else:
        s, e = sub_span(sentence, group)
        evidence = Evidence(sentence.char_start + s, sentence.char_start + e, sentence.text[s:e])
    confidence = (
        cand.hit.payload.weight
        + 0.08 * bool(shape.place)
        + 0.08 * bool(expr)
        + 0.06 * bool(quantities)
        + 0.05 * bool(shape.actors)
        - 0.1 * (modality == "hypothetical")
    )
    return Mention(
        doc=info.id,
        type=shape.type,
        evidence=evidence,
        subtype=cand.hit.payload.subtype,
        modality=modality,
        date_start=start,
        date_end=end,
        date_precision=precision,
        date_source=source,
        actors=shape.actors,
        targets=shape.targets,
        place=shape.place.record() if shape.place else None,
        theatre=shape.theatre,
        quantities=quantities,
        casualties=casualties,
        confidence=min(0.98, max(0.05, confidence)),
        language=info.language,
    )


def _as_planned(expr: DateExpr | None, modality: str, published: date | None) -> DateExpr | None:
    """A plan's date: "will be summoned on Monday" is the coming Monday, "later this month" the whole month."""
    if expr is None or modality != "planned" or published is None:
        return expr
    if expr.weekday and expr.end < published:
        return replace(expr, start=expr.start + timedelta(days=7), end=expr.end + timedelta(days=7))
    if expr.current:
        return replace(expr, end=_period_end(expr.start, expr.precision))
    return expr


def _period_end(start: date, precision: str) -> date:
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(start.year, 12, 31)


def _record(sentence: Sentence, count: Count, dated: DateExpr | None, several: bool) -> Quantity:
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
    return {"week": ("week", 7), "month": ("month", None), "year": ("year", None)}.get(
        d.precision, (None, None)
    )


def _best_date(sentence: Sentence, trigger: Hit, speech_act: bool = False) -> DateExpr | None:
    """The date nearest the trigger in its clause, else in the sentence.

    A statement and what it reports keep their dates apart: a threat or accusation takes a
    date before it or right after it ("said on Tuesday"), an event inside a reported part
    ("claimed that …") only the dates inside that part."""
    here = sentence.char_of(trigger.start)
    dates = [d for d in sentence.dates if not (d.comparison or d.redundant)]
    if speech_act:
        clause = sentence.clause(trigger.start)
        dates = [
            d
            for d in dates
            if sentence.clause(sentence.token_at(d.char_start)) == clause
            and (d.char_start < here or sentence.token_at(d.char_start) - trigger.end <= 3)
        ]
    else:
        cut = _complement_start(sentence, trigger)
        if cut is not None:
            dates = [d for d in dates if d.char_start > cut]
    if not dates:
        return None
    clause = sentence.clause(trigger.start)

    def rank(d: DateExpr) -> tuple[bool, int]:
        return (sentence.clause(sentence.token_at(d.char_start)) != clause, abs(d.char_start - here))

    return min(dates, key=rank)


def _complement_start(sentence: Sentence, trigger: Hit) -> int | None:
    """Where a reported part holding the trigger starts ("… claimed on May 23 that [Polish forces …]")."""
    before = [h for h in sentence.hits.get("complement") if h.end <= trigger.start]
    return sentence.char_of(before[-1].start) if before else None


def _dates(
    expr: DateExpr | None, modality: str, published: date | None, statement: bool = False
) -> tuple[date | None, date | None, str | None, str]:
    """The text's date; else, for a plan, the date it was made (publication, annotation.md)."""
    if expr is not None:
        return expr.start, expr.end, expr.precision, "text"
    if modality == "planned" and published is not None:
        return published, published, "day", "publication"
    return None, None, None, "publication"


def _speech_acts(
    kit: LanguageKit,
    out: list[Mention],
    sentence: Sentence,
    mentions: list[ActorMention],
    info: DocumentInfo,
    publisher: str | None,
) -> list[Mention]:
    """What an adversary asserts about another party is claimed, and the saying is an ACCUSATION.

    The adversary is a speaker of the sentence ("Minsk said …", "…, the State Border
    Committee said") for the events in what it says, or the publisher itself (state media)
    for every event of its text (annotation.md)."""
    table = kit.actors
    speakers = [
        m for m in mentions if m.speaker and m.report is not None and table.side(m.code) == "adversary"
    ]
    voice = publisher if publisher and table.side(publisher) == "adversary" else None
    if not speakers and not voice:
        return out
    result: list[Mention] = []
    accusers: list[str] = []
    accused: list[str] = []
    for mention in out:
        said_by = [m.code for m in speakers if _in_report_scope(sentence, m, mention)] or (
            [voice] if voice else []
        )
        if (
            said_by
            and mention.modality == "occurred"
            and mention.type not in SPEECH_ACTS
            and not {table.side(a) for a in mention.actors} & {"adversary"}
            and not set(said_by) & set(mention.actors)
        ):
            mention = replace(mention, modality="claimed")
            accusers.extend(said_by)
            accused.extend(
                c for c in (*mention.actors, *mention.targets) if table.is_state(c) and c not in said_by
            )
        result.append(mention)
    if accusers and not any(m.type == "ACCUSATION" for m in result):
        reports = sentence.hits.get("report")
        expr = _best_date(sentence, reports[0], speech_act=True) if reports else None
        start, end, precision, source = _dates(expr, "occurred", info.published, statement=True)
        result.append(
            Mention(
                doc=info.id,
                type="ACCUSATION",
                evidence=sentence.evidence,
                modality="occurred",
                date_start=start,
                date_end=end,
                date_precision=precision,
                date_source=source,
                actors=tuple(dict.fromkeys(accusers)),
                targets=tuple(dict.fromkeys(accused)),
                theatre=result[0].theatre,
                confidence=0.55,
                language=info.language,
            )
        )
    return result


def _in_report_scope(sentence: Sentence, speaker: ActorMention, mention: Mention) -> bool:
    """Whether the mention's sentence part is what the speaker says: after its reporting verb up
    to the next clause break, or before it when the attribution trails (", Minsk said.")."""
    report = speaker.report
    assert report is not None
    first = (
        sentence.token_at(mention.evidence.start - sentence.char_start)
        if mention.evidence.start > sentence.char_start
        else sentence.hits.start
    )
    trigger_tokens = [h.start for h in sentence.hits.get("trigger") if h.payload.type == mention.type] or [
        first
    ]
    token = trigger_tokens[0]
    if token >= report.end:
        return not any(
            report.end <= b <= token and sentence.words(b, b + 1) == [";"] for b in sentence.breaks
        )
    trailing = sentence.hits.end - report.end <= 8
    return trailing and min(speaker.hit.start, report.start) > token
