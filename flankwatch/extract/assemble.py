"""From one sentence's hits to its mentions.

Steps: (1) keep the triggers whose context words fit; (2) read the sentence's dates
and quantities; (3) per event type take its strongest trigger and its modality;
(4) give each quantity to the nearest trigger that counts in its unit; (5) split a
trigger's counts into one event per date and modality (groups.py); (6) give each
event its place, actors and targets, theatre, date, period and confidence;
(7) apply the speech-act rule to what an adversary's speaker asserts.
"""

from __future__ import annotations

from datetime import date

from flankwatch.extract.candidate import Candidate, DocumentInfo
from flankwatch.extract.choice import context_fits, outermost, strongest_per_type
from flankwatch.extract.counting import assign_quantities, counted_also, record_quantity
from flankwatch.extract.dates import DateExpr, find_dates
from flankwatch.extract.dating import as_planned, best_date, carries, dates_of
from flankwatch.extract.discourse import is_current, note_heading, threatened, without_restatements
from flankwatch.extract.entries import asked, is_question, live_entry
from flankwatch.extract.groups import Group, group_counts, sub_span
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.layout import Row, heads_table, in_columns, row_dates, rows_below, table_of
from flankwatch.extract.lists import by_rows, rows_of, without_item_number
from flankwatch.extract.matching import Hit
from flankwatch.extract.modality import modality_of
from flankwatch.extract.roles import ActorMention, actor_mentions
from flankwatch.extract.sentence import Sentence
from flankwatch.extract.shape import EventShape, shape_event
from flankwatch.extract.speech import SPEECH_ACTS, speech_acts, threat_dates
from flankwatch.extract.theatre import DocumentState
from flankwatch.records import Evidence, Mention

__all__ = ["DocumentInfo", "sentence_mentions"]

MIN_WORDS = 3  # fewer words than this make a heading, not a statement


def sentence_mentions(
    kit: LanguageKit, sentence: Sentence, info: DocumentInfo, state: DocumentState
) -> list[Mention]:
    """The mentions a sentence states; for the first line of a table (its header or a row), also
    those of the table's rows, which are read once, in order ("18 May | 210 | Kuźnica" under
    "Date | Attempts | Section")."""
    out: list[Mention] = []
    if sentence.hits.heading:
        note_heading(kit, sentence, info.published, state)
    elif not (sentence.hits.get("generic") or sum(w[:1].isalnum() for w in sentence.lower) < MIN_WORDS):
        # not a reminder, a habit, an analyst's reading, or a bare heading ("Sanctions")
        out = _statement(kit, sentence, info, state)
    for row in rows_below(kit, sentence):
        out += _statement(kit, row, info, state, row)
    return out


def _statement(
    kit: LanguageKit, sentence: Sentence, info: DocumentInfo, state: DocumentState, row: Row | None = None
) -> list[Mention]:
    triggers = (
        sentence.hits.get("trigger")
        if row
        else outermost([h for h in sentence.hits.get("trigger") if context_fits(h, sentence)])
    )
    if not triggers:
        return []
    sentence.dates = find_dates(sentence.text, info.published, kit.dates, kit.spec.dateparser)
    sentence.quantities = without_item_number(sentence, kit.quantities.find(sentence.text, sentence.dates))
    table = table_of(kit, sentence)
    if table is not None:  # a row: its counts in its columns' units, dated by its own or its columns' dates
        sentence.quantities = in_columns(table, sentence.text, sentence.quantities)
        sentence.dates = row_dates(table, sentence.text, sentence.dates, sentence.quantities, row is not None)
    if row is not None and not sentence.quantities:
        return []  # a row states a count; a date alone heads the lines under it
    places, extra_actors = _places_and_metonyms(sentence)
    actors = actor_mentions(sentence, extra_actors)
    candidates = {}
    for type_name, hit in strongest_per_type(triggers).items():
        call = modality_of(hit, sentence, kit.lexicon.cues)
        # the threat or accusation itself was made, whatever it says (speech-act rule)
        modality = "occurred" if type_name in SPEECH_ACTS else call.modality
        candidates[type_name] = Candidate(hit, modality, call.negated)
    for type_name in [t for t in candidates if set(kit.lexicon.types[t].yields_to) & set(candidates)]:
        del candidates[type_name]
    assign_quantities(kit, sentence, candidates)
    counted_also(kit, candidates)
    modality_at = {
        i: modality_of(Hit("trigger", None, t, t + 1), sentence, kit.lexicon.cues).modality
        for i, t in ((i, sentence.token_at(q.char_start)) for i, q in enumerate(sentence.quantities))
    }
    out: list[Mention] = []
    for type_name, cand in candidates.items():
        if cand.negated and not any(c.q.value == 0 for c in cand.counts):
            continue
        groups = by_rows(
            group_counts(cand.counts, sentence, modality_at, frozenset(kit.actors.alpha2_of)), sentence
        )
        for k, group in enumerate(groups):
            here_places, here_actors = _of_state(kit, group, places, actors)
            lines = rows_of(sentence, group)
            if lines is not None:  # a list read with its rows: each row's own place, else the header's
                header = (0, sentence.text.find("\n"))
                here_places = _within(here_places, sentence, lines) or _within(here_places, sentence, header)
            shape = shape_event(kit, sentence, type_name, cand.hit, here_places, here_actors, state)
            mention = _mention(
                kit,
                sentence,
                info,
                shape,
                cand,
                group,
                k == 0 and lines is None,
                len(groups) > 1 or row is not None,
                state.last_date,
                state.last_statement,
            )
            if (
                mention.date_source == "text"
                and mention.modality == "occurred"
                and mention.date_start is not None
                and carries(mention, info.published)
            ):
                state.last_date = (
                    mention.date_start,
                    mention.date_end or mention.date_start,
                    mention.date_precision or "day",
                )
            out.append(mention)
    question = is_question(sentence)  # its date still frames the answer ("How many tried last week?")
    result = threat_dates(
        threatened(
            speech_acts(
                kit,
                out,
                sentence,
                actors,
                info,
                state.publisher,
                state.last_statement,
                is_current(state.last_date, info.published),
            ),
            {t: sentence.clause(c.hit.start)[0] for t, c in candidates.items()},
        ),
        claims=kit.dates.words.statements_on_publication,
    )
    if question:
        result = asked(kit, sentence, result, info.published)
    result = without_restatements(kit, result, sentence, state)
    if row is None and heads_table(sentence):  # "Date | Attempts | Section" states nothing its rows do not
        result = [m for m in result if m.quantities or m.casualties]
    for mention in result:
        if mention.type in SPEECH_ACTS and mention.date_source == "text" and mention.date_start is not None:
            state.last_statement = (
                mention.date_start,
                mention.date_end or mention.date_start,
                mention.date_precision or "day",
            )
    return result


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
    verbs = sentence.hits.get("report") + [
        h for h in sentence.hits.get("trigger") if h.payload.type in SPEECH_ACTS
    ]
    return any(0 <= v.start - place.end <= 3 and "," not in sentence.words(place.end, v.start) for v in verbs)


def _within(places: list[Hit], sentence: Sentence, chars: tuple[int, int]) -> list[Hit]:
    return [p for p in places if chars[0] <= sentence.char_of(p.start) < chars[1]]


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
    expr = group.date or best_date(
        sentence,
        cand.hit,
        speech_act=speech_act,
        planned=modality == "planned",
        occurred=modality == "occurred",
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
    expr = as_planned(expr, modality, info.published)
    if (
        modality == "occurred"
        and expr is not None
        and info.published is not None
        and expr.start > info.published
    ):
        modality = "planned"  # a date after publication is a plan, whatever the verb
    start, end, precision, source = dates_of(
        expr,
        modality,
        info.published,
        speech_act and kit.dates.words.statements_on_publication and is_current(state_date, info.published),
    )
    if expr is None and speech_act and kit.dates.words.statements_carry and last_statement is not None:
        start, end, precision = last_statement  # "«…», — сказал он" after "заявил во вторник"
        source = "text"
    if expr is None and info.published and live_entry(sentence):
        start = end = info.published  # "10:42 …": a live-blog entry of the day of publication
        precision, source = "day", "text"
    inherited = None
    looks_back = bool(set(sentence.lower) & set(kit.dates.words.words["earlier"]))  # "Ранее Польша закрыла …"
    if (
        start is None
        and modality == "occurred"
        and state_date is not None
        and rules.dated_by_context
        and not looks_back
    ):
        start, end, precision = (
            state_date  # dated by the sentences before it ("On Monday … Groups of 50 tried …")
        )
        source = "text"
        if (
            precision == "week"
        ):  # "Last week … 31 people. Most of them – 17 – near Druskininkai": per week too
            inherited = DateExpr(start, end, "week", "range", 0, 0, "", period="week", period_days=7)
        elif (
            precision == "day" and start == end and rules.daily_counts
        ):  # "Wczoraj … Najwięcej, bo 48, …": per day
            inherited = DateExpr(start, end, "day", "point", 0, 0, "")
    dated = (expr or inherited) if rules.period_from_date else None
    daily = several or rules.daily_counts
    quantities = tuple(record_quantity(sentence, c, dated, daily) for c in group.counts if not c.casualty)
    casualties = tuple(record_quantity(sentence, c, None, several) for c in group.counts if c.casualty)
    rows = rows_of(sentence, group)
    if primary:
        evidence = sentence.evidence
    elif rows is not None:
        s, e = rows
        evidence = Evidence(sentence.char_start + s, sentence.char_start + e, sentence.text[s:e])
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
