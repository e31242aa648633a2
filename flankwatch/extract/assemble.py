"""From one sentence's hits to its mentions.

Steps: (1) keep the triggers whose context words fit; (2) read the sentence's dates
and quantities; (3) per event type take its strongest trigger and its modality;
(4) give each quantity to the nearest trigger that counts in its unit; (5) split a
trigger's counts into one event per date and modality (groups.py); (6) give each
event its place, actors and targets, theatre, date, period and confidence;
(7) apply the speech-act rule to what an adversary's speaker asserts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from flankwatch.extract.actors import ActorTable
from flankwatch.extract.alternation import alternation
from flankwatch.extract.dates import DateExpr, find_dates
from flankwatch.extract.discourse import is_current, note_heading, threatened, without_restatements
from flankwatch.extract.groups import Count, Group, group_counts, own_dates, sub_span
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.matching import Hit
from flankwatch.extract.modality import modality_of
from flankwatch.extract.roles import ActorMention, actor_mentions
from flankwatch.extract.sentence import Sentence
from flankwatch.extract.shape import EventShape, shape_event
from flankwatch.extract.theatre import DocumentState
from flankwatch.records import Evidence, Mention, Quantity

MIN_WORDS = 3  # fewer words than this make a heading, not a statement
_LIVE_ENTRY = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")  # a sentence opening with a time of day
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
    if sentence.hits.heading:
        note_heading(kit, sentence, info.published, state)
        return []
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
        groups = group_counts(cand.counts, sentence, modality_at, frozenset(kit.actors.alpha2_of))
        for k, group in enumerate(groups):
            here_places, here_actors = _of_state(kit, group, places, actors)
            shape = shape_event(kit, sentence, type_name, cand.hit, here_places, here_actors, state)
            mention = _mention(
                kit, sentence, info, shape, cand, group, k == 0, len(groups) > 1, state.last_date, state.last_statement
            )
            if (
                mention.date_source == "text"
                and mention.modality == "occurred"
                and mention.date_start is not None
                and _carries(mention, info.published)
            ):
                state.last_date = (
                    mention.date_start,
                    mention.date_end or mention.date_start,
                    mention.date_precision or "day",
                )
            out.append(mention)
    result = _threat_dates(
        threatened(
            _speech_acts(
                kit, out, sentence, actors, info, state.publisher, state.last_statement, is_current(state.last_date, info.published)
            )
        ),
        claims=kit.dates.words.statements_on_publication,
    )
    result = without_restatements(kit, result, sentence, state)
    for mention in result:
        if mention.type in SPEECH_ACTS and mention.date_source == "text" and mention.date_start is not None:
            state.last_statement = (
                mention.date_start,
                mention.date_end or mention.date_start,
                mention.date_precision or "day",
            )
    return result






def _carries(mention: Mention, published: date | None) -> bool:
    """Whether an event's date may date the undated sentences after it: not a span that runs up to
    publication ("since 1 January") or past it ("until 1 August"), which is a period, not a day."""
    if published is None or mention.date_start is None or mention.date_end is None:
        return True
    if mention.date_end > published and mention.date_precision == "day":
        return False  # "until 1 August"; a month or year running past publication is still a period of the text
    return not (mention.date_end == published and mention.date_start < mention.date_end and mention.date_precision != "week")






def _of_state(
    kit: LanguageKit, group: Group, places: list[Hit], actors: list[ActorMention]
) -> tuple[list[Hit], list[ActorMention]]:
    """The places and actors of one state's counts ("Латвия — 120 человек; Литва — 45"): its own
    and the non-state ones; all of them when the counts are not split by state."""
    if group.state is None:
        return places, actors
    alpha2 = kit.actors.alpha2_of.get(group.state)
    table = kit.actors
    mine = [m for m in actors if m.code == group.state or not table.is_state(m.code)]
    return [p for p in places if p.payload.country == alpha2], mine




def _threat_dates(mentions: list[Mention], claims: bool = False) -> list[Mention]:
    """What is threatened without a date of its own is dated by the threat that states it (annotation:
    "Lukashenko threatened on Tuesday to cut gas transit" dates both on Tuesday); with `claims` (a
    language whose annotation dates statements, dates.yaml statements_on_publication) what is claimed
    is dated by its accusation too ("Minsk claimed on Wednesday that Ukraine massed troops")."""
    pairs = (("threatened", "THREAT_RHETORIC"), ("claimed", "ACCUSATION")) if claims else (("threatened", "THREAT_RHETORIC"),)
    if claims:  # a plan with no target date takes the date of the statement that makes it (ontology.md)
        said = next((m for m in mentions if m.type in SPEECH_ACTS and m.date_source == "text"), None)
        if said is not None:
            mentions = [
                replace(m, date_start=said.date_start, date_end=said.date_end, date_precision=said.date_precision, date_source="text")
                if m.modality == "planned" and m.date_source == "publication"
                else m
                for m in mentions
            ]
    for modality, act in pairs:
        said = next((m for m in mentions if m.type == act and m.date_start is not None), None)
        if said is None:
            continue
        mentions = [
            replace(
                m,
                date_start=said.date_start,
                date_end=said.date_end,
                date_precision=said.date_precision,
                date_source=said.date_source,
            )
            if m.modality == modality and m.date_start is None
            else m
            for m in mentions
        ]
    return mentions


def _context_fits(hit: Hit, sentence: Sentence) -> bool:
    entry = hit.payload
    if not entry.near and not entry.not_near:
        return True
    window = sentence.words(hit.start - entry.window, hit.end + entry.window)
    joined = " " + " ".join(window) + " "
    keys = sentence.keys(hit.start - entry.window, hit.end + entry.window)
    if keys != window:  # an inflected language: context words also match by lemma or stem
        joined += " ".join(keys) + " "
        window = window + keys

    def present(words: tuple[str, ...]) -> bool:
        near = _near_words(words)
        return (
            (near.number and any(w[:1].isdigit() for w in window))
            or near.starts(window, joined)
            or any(f" {p} " in joined for p in near.phrases)
            or not near.plain.isdisjoint(window)
        )

    if entry.not_near and present(entry.not_near):
        return False
    return not entry.near or present(entry.near)


@dataclass(frozen=True, slots=True)
class _Near:
    """A near/not_near list by kind, so that one pass over the window tests them all:
    "#num" (any number), "word*" prefixes, phrases of several words, and plain words."""

    number: bool
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]
    plain: frozenset[str]
    # the prefixes as one regex over the joined window (" w1 w2 … "), when each is a non-empty
    # word: a prefix after a space starts a word there, so the search answers what startswith would
    prefix_rx: re.Pattern[str] | None

    def starts(self, window: list[str], joined: str) -> bool:
        """Whether a word of the window starts with one of the prefixes."""
        if self.prefix_rx is not None:
            return self.prefix_rx.search(joined) is not None
        return bool(self.prefixes) and any(w.startswith(self.prefixes) for w in window)


@lru_cache(maxsize=4096)
def _near_words(words: tuple[str, ...]) -> _Near:
    prefixes = tuple(w[:-1] for w in words if w.endswith("*"))
    plain_words = all(p and not any(c.isspace() for c in p) for p in prefixes)
    return _Near(
        number="#num" in words,
        prefixes=prefixes,
        phrases=tuple(w for w in words if " " in w and not w.endswith("*")),
        plain=frozenset(w for w in words if not w.endswith("*") and w != "#num"),
        prefix_rx=(
            re.compile(f"(?<= )(?:{alternation(prefixes, ignorecase=False)})")
            if prefixes and plain_words
            else None
        ),
    )


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
        if hit.payload.metonym_of and (not located or _speaks_in(sentence, hit)):
            actors.append((hit, hit.payload.metonym_of))
        elif (hit.start, hit.end) not in actor_spans or located:
            places.append(hit)
    return places, actors


def _speaks_in(sentence: Sentence, place: Hit) -> bool:
    """ "В Вильнюсе в среду назвали …", "officials in Minsk said": a capital followed by its reporting verb speaks."""
    verbs = sentence.hits.get("report") + [h for h in sentence.hits.get("trigger") if h.payload.type in SPEECH_ACTS]
    return any(
        0 <= v.start - place.end <= 3 and "," not in sentence.words(place.end, v.start) for v in verbs
    )


def _assign_quantities(kit: LanguageKit, sentence: Sentence, candidates: dict[str, Candidate]) -> None:
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
    last_statement: tuple[date, date, str] | None = None,
) -> Mention:
    rules = kit.lexicon.types[shape.type]
    modality = group.modality or cand.modality
    speech_act = shape.type in SPEECH_ACTS
    expr = group.date or _best_date(
        sentence, cand.hit, speech_act=speech_act, planned=modality == "planned", occurred=modality == "occurred"
    )
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
    start, end, precision, source = _dates(
        expr,
        modality,
        info.published,
        speech_act and kit.dates.words.statements_on_publication and is_current(state_date, info.published),
    )
    if expr is None and speech_act and kit.dates.words.statements_carry and last_statement is not None:
        start, end, precision = last_statement  # "«…», — сказал он" after "заявил во вторник"
        source = "text"
    if expr is None and kit.dates.words.live_entries and info.published and _LIVE_ENTRY.match(sentence.text):
        start = end = info.published  # "10:42 …": a live-blog entry of the day of publication
        precision, source = "day", "text"
    inherited = None
    looks_back = bool(set(sentence.lower) & set(kit.dates.words.words["earlier"]))  # "Ранее Польша закрыла …"
    if start is None and modality == "occurred" and state_date is not None and rules.dated_by_context and not looks_back:
        start, end, precision = (
            state_date  # dated by the sentences before it ("On Monday … Groups of 50 tried …")
        )
        source = "text"
        if precision == "week":  # "Last week … 31 people. Most of them – 17 – near Druskininkai": per week too
            inherited = DateExpr(start, end, "week", "range", 0, 0, "", period="week", period_days=7)
        elif precision == "day" and start == end and rules.daily_counts:  # "Wczoraj … Najwięcej, bo 48, …": per day
            inherited = DateExpr(start, end, "day", "point", 0, 0, "")
    dated = (expr or inherited) if rules.period_from_date else None
    daily = several or rules.daily_counts
    quantities = tuple(_record(sentence, c, dated, daily) for c in group.counts if not c.casualty)
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


def _best_date(
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


def _dates(
    expr: DateExpr | None, modality: str, published: date | None, statement: bool = False
) -> tuple[date | None, date | None, str | None, str]:
    """The text's date; else, for a plan, the date it was made (publication, annotation.md), and
    for a statement too where the language's annotation dates it so (dates.yaml statements_on_publication)."""
    if expr is not None:
        return expr.start, expr.end, expr.precision, "text"
    if (modality == "planned" or statement) and published is not None:
        return published, published, "day", "publication"
    return None, None, None, "publication"


def _speech_acts(
    kit: LanguageKit,
    out: list[Mention],
    sentence: Sentence,
    mentions: list[ActorMention],
    info: DocumentInfo,
    publisher: str | None,
    last_statement: tuple[date, date, str] | None = None,
    current: bool = True,
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
    # State media quoting the other side ("по версии польской стороны") do not make a claim of it.
    quoted = [m for m in mentions if m.speaker and m.report is not None and table.side(m.code) != "adversary"]
    named = {m.code for m in mentions if not m.border}
    result: list[Mention] = []
    accusers: list[str] = []
    accused: list[str] = []
    said_in: list[Hit] = []  # the reporting verbs of the adversary speakers: they date the accusation
    for mention in out:
        rules = kit.lexicon.types.get(mention.type)
        # a sanction, a closure or an expulsion is done in the open: saying it makes no claim
        in_scope = [] if rules and rules.open_act else [m for m in speakers if _in_report_scope(sentence, m, mention)]
        said_by = [m.code for m in in_scope]
        if (
            not said_by
            and voice
            and not (rules and rules.open_act)  # a sanction or a closure is no claim
            and not any(_in_report_scope(sentence, m, mention) for m in quoted)
        ):
            said_by = [voice]
        # whom it accuses: another state the sentence names, not one the border's name implies
        # ("на белорусско-украинской границе задержаны 15 нарушителей" accuses no one)
        against = [
            c
            for c in (*mention.actors, *mention.targets)
            if c in named and c not in said_by and (table.is_state(c) or _kind(table, c) == "organisation")
        ]
        if (
            said_by
            and against
            and mention.modality in ("occurred", "claimed")  # "заявило, що … нібито": claimed by its own cue
            and mention.type not in SPEECH_ACTS
            and not {table.side(a) for a in mention.actors} & {"adversary"}
            and not set(said_by) & set(mention.actors)
        ):
            mention = replace(mention, modality="claimed")
            accusers.extend(said_by)
            said_in.extend(m.report for m in in_scope if m.report is not None)
            accused.extend(against)
        result.append(mention)
    if accusers and not any(m.type == "ACCUSATION" for m in result):
        # the trailing attribution dates it ("X зафиксировали …, сообщили сегодня в ГПК")
        reports = said_in[::-1] or sentence.hits.get("report")
        expr = next((d for d in (_best_date(sentence, r, speech_act=True) for r in reports) if d), None)
        start, end, precision, source = _dates(
            expr, "occurred", info.published, statement=kit.dates.words.statements_on_publication and current
        )
        if expr is None and kit.dates.words.statements_carry and last_statement is not None:
            start, end, precision = last_statement
            source = "text"
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


def _kind(table: ActorTable, code: str) -> str:
    entry = table.entries.get(code)
    return entry.kind if entry else "other"


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
