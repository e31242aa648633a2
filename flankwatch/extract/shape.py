"""Who, where and which theatre: the parts of an event that come from actors and places."""

from __future__ import annotations

from dataclasses import dataclass, replace

from flankwatch.extract.gazetteer import GazetteerPlace
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.matching import Hit
from flankwatch.extract.roles import ActorMention, RoleContext, located_at, resolve
from flankwatch.extract.sentence import Sentence
from flankwatch.extract.theatre import DocumentState, TheatreInput, decide


@dataclass(frozen=True, slots=True)
class EventShape:
    type: str  # may differ from the trigger's type (deployment abroad -> allied support)
    place: GazetteerPlace | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    theatre: str


def shape_event(
    kit: LanguageKit,
    sentence: Sentence,
    type_name: str,
    trigger: Hit,
    places: list[Hit],
    mentions: list[ActorMention],
    state: DocumentState,
) -> EventShape:
    """Place, actors, targets and theatre of one event, and its type after the home/abroad rules."""
    table = kit.actors
    place = _best_place(sentence, places, trigger)
    named = _sentence_states(kit, sentence, mentions)  # read once: the roles and the theatre both need them
    located = [table.alpha3_of[s] for _, s, after in named if after and s in table.alpha3_of]
    ctx = RoleContext(sentence, trigger, mentions, table, place, None, state.publisher)
    recent = next((table.alpha3_of[s] for s in state.states[::-1] if s in table.alpha3_of), None)
    type_name = _home_or_abroad(kit, type_name, ctx, located, recent)
    rules = kit.lexicon.types[type_name]
    actors, targets = _parties(rules.actors, rules.targets, ctx)
    theatre = decide(
        kit.theatres,
        _theatre_input(kit, type_name, sentence, place, actors, targets, named, state),
        kit.lexicon.places.border_window,
    )
    actors, targets = _parties(rules.actors, rules.targets, replace(ctx, theatre=theatre))
    state.note(theatre, [table.alpha2_of[m.code] for m in mentions if m.code in table.alpha2_of])
    return EventShape(type_name, place, actors, targets, theatre)


def _parties(
    actor_chain: tuple[str, ...], target_chain: tuple[str, ...], ctx: RoleContext
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actors and targets, each state on one side only ("German soldiers arrived in Lithuania"); a
    target that is the actor itself gives way to the next strategy ("залетел со стороны Литвы")."""
    actors, targets = resolve(actor_chain, ctx), resolve(target_chain, ctx)
    actors = tuple(a for a in actors if a not in targets) or actors
    targets = tuple(t for t in targets if t not in actors) or resolve(target_chain, ctx, exclude=actors)
    return actors, targets


def _home_or_abroad(
    kit: LanguageKit, type_name: str, ctx: RoleContext, located: list[str], recent: str | None
) -> str:
    """An ally's forces sent to another allied state are allied support; a state's own, a deployment."""
    rules = kit.lexicon.types[type_name]
    if not (rules.abroad_type or rules.home_type):
        return type_name
    table = kit.actors
    actors = [c for c in resolve(("subject",), ctx) if table.is_state(c)]
    inside = [
        m.code for m in ctx.mentions if ctx.trigger.start <= m.hit.start < ctx.trigger.end
    ]  # "to help Poland"
    where = [c for c in (*resolve(("object",), ctx), *inside, *located) if table.is_state(c)]
    if ctx.place is not None and ctx.place.country in table.alpha3_of:
        where.append(table.alpha3_of[ctx.place.country])
    if not where and recent:  # "station 4,800 soldiers in the country": the country the document is about
        where = [recent]
    abroad = any(
        a != w and table.side(a) == "ally" and table.side(w) == "ally" for a in actors for w in where
    )
    if rules.abroad_type and abroad:
        return rules.abroad_type
    if rules.home_type and actors and not abroad and where and set(where) <= set(actors):
        return rules.home_type
    return type_name


def _best_place(sentence: Sentence, places: list[Hit], trigger: Hit) -> GazetteerPlace | None:
    """The most specific place in the trigger's clause (else the sentence); the first named on a tie."""
    if not places:
        return None
    clause = sentence.clause(trigger.start)
    best = max(places, key=lambda h: (sentence.clause(h.start) == clause, h.payload.specificity, -h.start))
    return best.payload  # type: ignore[no-any-return]


def _sentence_states(
    kit: LanguageKit, sentence: Sentence, mentions: list[ActorMention]
) -> list[tuple[int, str, bool]]:
    table = kit.actors
    return [
        (m.hit.start, table.alpha2_of[m.code], located_at(sentence, m))
        for m in mentions
        if m.code in table.alpha2_of
    ]


def _theatre_input(
    kit: LanguageKit,
    type_name: str,
    sentence: Sentence,
    place: GazetteerPlace | None,
    actors: tuple[str, ...],
    targets: tuple[str, ...],
    named: list[tuple[int, str, bool]],
    state: DocumentState,
) -> TheatreInput:
    table = kit.actors

    def states(codes: tuple[str, ...]) -> list[str]:
        return [table.alpha2_of[c] for c in codes if c in table.alpha2_of]

    return TheatreInput(
        type_name,
        sentence,
        place,
        states(actors) + states(targets),
        states(actors),
        states(targets),
        named,
        state,
    )
