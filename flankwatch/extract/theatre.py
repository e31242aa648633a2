"""Theatre assignment by the data rules of data/theatres/rules.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib.resources.abc import Traversable
from itertools import pairwise

from flankwatch.extract.datafile import Where, choice, mapping, only_keys, str_list
from flankwatch.extract.gazetteer import GazetteerPlace
from flankwatch.extract.sentence import Sentence
from flankwatch.nlp import read_yaml
from flankwatch.ontology import Ontology

TYPE_KEYS = (
    "actor_pair_types",
    "document_types",
    "country_types",
    "migration_types",
    "host_types",
    "abroad_types",
    "felt_types",
)
RULES = ("two_borders", "place_border", "border_phrase", "actor_pair", "place_country", "country", "document")


@dataclass(frozen=True, slots=True)
class TheatreRules:
    order: tuple[str, ...]
    actor_pair_types: frozenset[str]
    document_types: frozenset[str]
    country_types: frozenset[str]
    migration_types: frozenset[str]
    host_types: frozenset[str]  # a joint activity bears on the first acting state (the host)
    abroad_types: frozenset[str]  # bear where they land, never on the acting state's own country
    felt_types: frozenset[str]  # felt in a country: a place gives its country, not its border
    default_pairs: dict[str, str]  # alpha-2 of the reporting state -> its usual pair
    pairs: dict[frozenset[str], str]  # {PL, BY} -> PL-BY
    countries: frozenset[str]  # single-country theatres


@dataclass
class DocumentState:
    """What earlier sentences of a document established: its border pair and its states."""

    last_pair: str | None = None
    states: list[str] = field(default_factory=list)  # alpha-2, most recent last
    publisher: str | None = None  # the actor code the publisher speaks for (BelTA -> BLR)
    home: str | None = None  # alpha-2 of the publisher's country (publishers.yaml `country`), if known
    last_date: tuple[date, date, str] | None = None  # the latest date an event of the text was given
    last_statement: tuple[date, date, str] | None = None  # the date of the latest threat or accusation
    seen_types: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)  # type -> (modality, parties) stated
    # type -> the member whose several borders the text's measure of that type covers
    wide: dict[str, str] = field(default_factory=dict)

    def note(self, theatre: str, states: list[str]) -> None:
        if "-" in theatre:
            self.last_pair = theatre
        for s in states:
            if s in self.states:
                self.states.remove(s)
            self.states.append(s)


def load_theatre_rules(root: Traversable, ontology: Ontology) -> TheatreRules:
    rel = "theatres/rules.yaml"
    raw, where = mapping(read_yaml(root, rel), Where(rel)), Where(rel)
    only_keys(
        raw,
        (
            "order",
            "actor_pair_types",
            "document_types",
            "country_types",
            "migration_types",
            "host_types",
            "abroad_types",
            "felt_types",
            "default_pairs",
        ),
        where,
    )
    order = tuple(
        choice(r, RULES, where / "order", "theatre rule") for r in str_list(raw.get("order"), where / "order")
    )
    types = {}
    for key in TYPE_KEYS:
        for name in str_list(raw.get(key), where / key):
            ontology.check_type(name, str(where / key))
        types[key] = frozenset(str_list(raw.get(key), where / key))
    pair_names = [t for t, c in ontology.theatres.items() if len(c) == 2]
    defaults = {
        k: choice(v, pair_names, where / "default_pairs" / k, "border pair")
        for k, v in mapping(raw.get("default_pairs"), where / "default_pairs", allow_none=True).items()
    }
    return TheatreRules(
        order=order,
        actor_pair_types=types["actor_pair_types"],
        document_types=types["document_types"],
        country_types=types["country_types"],
        migration_types=types["migration_types"],
        host_types=types["host_types"],
        abroad_types=types["abroad_types"],
        felt_types=types["felt_types"],
        default_pairs=defaults,
        pairs={frozenset(c): t for t, c in ontology.theatres.items() if len(c) == 2},
        countries=frozenset(t for t, c in ontology.theatres.items() if len(c) == 1),
    )


@dataclass(frozen=True, slots=True)
class TheatreInput:
    event_type: str
    sentence: Sentence
    place: GazetteerPlace | None
    party_states: list[str]  # alpha-2 of the event's actors and targets
    actor_states: list[str]
    target_states: list[str]
    sentence_states: list[tuple[int, str, bool]]  # (token, alpha-2, after a locative)
    document: DocumentState


def decide(rules: TheatreRules, x: TheatreInput, border_window: int) -> str:
    for rule in rules.order:
        theatre = _RULES[rule](rules, x, border_window)
        if theatre:
            return theatre
    return "REGION"


def _two_borders(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    """ "Poland's borders with Belarus and Russia", "the fence on our borders with Russia and Belarus":
    a measure along several borders of one member bears on the member itself, and so do the
    later events of its type in the text ("the programme will cost PLN 10 bn")."""
    if x.event_type not in rules.country_types:
        return None
    named = [s for _, s, _ in x.sentence_states]
    for border in x.sentence.hits.get("border"):
        near = dict.fromkeys(
            s for tok, s, _ in x.sentence_states if border.start - window <= tok < border.end + window
        )
        others = [s for s in near if not _is_member(rules, s)]
        if len(others) < 2:
            continue
        for member in [*named, *x.party_states, *x.document.states[::-1]]:
            if _is_member(rules, member) and all(rules.pairs.get(frozenset((member, o))) for o in others):
                x.document.wide[x.event_type] = member  # remembered for the document rule
                return member
    return None


def _place_border(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    if x.place is None or not x.place.borders:
        return None
    if x.event_type in rules.felt_types and x.place.country in rules.countries:
        sides = {s for b in x.place.borders for s in b.split("-")} - {x.place.country}
        if not sides & {*(s for _, s, _ in x.sentence_states), *x.party_states}:
            return None  # GPS jamming over Ida-Viru is felt in Estonia: the place's country
    if len(x.place.borders) == 1:
        return x.place.borders[0]
    named = [s for _, s, _ in x.sentence_states] + x.party_states
    for state in [*named, *x.document.states[::-1]]:
        for border in x.place.borders:
            sides = border.split("-")
            # the document's states do not choose a border of two non-members (Gomel: UA-BY, not BY-RU)
            if state in sides and state != x.place.country and (state in named or _has_member(rules, sides)):
                return border
    return x.place.borders[0]


def _border_phrase(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    """ "the Polish-Belarusian border", "Poland's borders with Belarus and Russia", "the border with
    Ukraine"; and a pair written with a dash and no border word ("Poland–Belarus: 263 attempts")."""
    states = x.sentence_states
    for (t1, a, _), (t2, b, _) in pairwise(states):
        if (
            a != b
            and 1 <= t2 - t1 <= 3
            and x.sentence.words(t1 + 1, t2) in (["-"], ["–"], ["—"], ["'s", "–"])
        ):
            pair = rules.pairs.get(frozenset((a, b)))
            if pair:
                return pair
    for border in x.sentence.hits.get("border"):
        near = list(
            dict.fromkeys(s for tok, s, _ in states if border.start - window <= tok < border.end + window)
        )
        if len(near) >= 3:
            members = [s for s in near if s in rules.countries and _is_member(rules, s)]
            if members:
                return members[0]
        if len(near) >= 2:
            pair = rules.pairs.get(frozenset(near[:2]))
            members = [s for _, s, _ in states if _is_member(rules, s) and s in rules.countries]
            if (
                pair
                and not any(_is_member(rules, s) for s in near[:2])
                and members
                and x.event_type in rules.country_types
            ):
                return members[0]  # "Poland … its borders with Belarus and Russia": Poland's own
            if pair:
                return pair
        if not near and x.event_type in rules.migration_types and x.document.last_pair:
            return x.document.last_pair  # "driven from Minsk to the border": the text's border
        if len(near) == 1:
            if x.event_type in rules.migration_types and near[0] in rules.default_pairs:
                return rules.default_pairs[near[0]]  # crossings at Lithuania's border are at the Belarusian one
            pair = _pair_with(rules, near[0], x)
            if pair:
                return pair
    return None


def _has_member(rules: TheatreRules, states: list[str]) -> bool:
    return any(_is_member(rules, s) for s in states)


def _is_member(rules: TheatreRules, state: str) -> bool:
    """NATO or EU members come first in the ontology's pairs (PL-BY) and are never second;
    non-members are second somewhere (UA in PL-UA, BY in PL-BY)."""
    return any(pair.startswith(state + "-") for pair in rules.pairs.values()) and not any(
        pair.endswith("-" + state) for pair in rules.pairs.values()
    )


def _pair_with(rules: TheatreRules, state: str, x: TheatreInput) -> str | None:
    """The pair of a border named by one side: the other side from the sentence, the event's
    parties or the document; two non-members only when the sentence names both."""
    named = [s for _, s, _ in x.sentence_states]
    found = []
    for other in [*named, *x.party_states, *x.document.states[::-1]]:
        pair = rules.pairs.get(frozenset((state, other)))
        if pair and (other in named or _is_member(rules, state) or _is_member(rules, other)):
            found.append((not (_is_member(rules, state) or _is_member(rules, other)), pair))
    # a member's border before two non-members' ("Belarus may cut Russian oil … if Poland … on the border")
    if found:
        return min(found, key=lambda f: f[0])[1]
    last = x.document.last_pair  # "troops will return to the border", in a text about that border
    if last and state in last.split("-"):
        return last
    home = x.document.home  # "granicy z Białorusią" in a Polish publisher's text: PL-BY
    return rules.pairs.get(frozenset((state, home))) if home and _is_member(rules, home) else None


def _actor_pair(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    if x.event_type not in rules.actor_pair_types:
        return None
    pairs = [
        p for p in (rules.pairs.get(frozenset((a, t))) for a in x.actor_states for t in x.target_states) if p
    ]
    if len(set(pairs)) > 1:
        return None  # "Russia may cut Lithuania, Latvia and Estonia off the grid": no one border
    return pairs[0] if pairs else None


def _place_country(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    source = x.place.country if x.place is not None else None
    if x.event_type in rules.felt_types and source in rules.countries and not _is_member(rules, source):
        felt = [s for s in x.target_states if s in rules.countries and s != source]
        if felt:
            return felt[0]  # "Estonian authorities traced the jamming to Kaliningrad": felt in Estonia
    if x.place is not None and x.place.country in rules.countries:
        return x.place.country
    return None


def _country(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    if x.event_type in rules.host_types:
        named = x.party_states or [s for _, s, _ in x.sentence_states]  # parties may wait for the theatre
        hosts = [s for s in dict.fromkeys(named) if s in rules.countries]
        if len(hosts) > 1:
            return hosts[0]  # "Belarus joins Russia's nuclear drills": the exercise is held in Belarus
    if x.event_type in rules.abroad_types:
        own = set(x.actor_states)  # a strike lands on the other side: "Russia fired 29 missiles at Ukraine"
        struck = [s for s in x.target_states if s in rules.countries and s not in own]
        named = [s for _, s, _ in x.sentence_states if s in rules.countries and s not in own]
        others = list(dict.fromkeys(struck or named))
        if len(others) != 1:
            return None  # sanctions on Russia and Belarus: no one country
        if _is_member(rules, others[0]):  # "Belarus would strike targets in Lithuania": on their border
            pair = next((rules.pairs.get(frozenset((a, others[0]))) for a in own), None)
            return pair or others[0]
        return others[0]
    located = [s for _, s, after_locative in x.sentence_states if after_locative and s in rules.countries]
    if located:
        return located[0]
    if x.event_type not in rules.country_types:
        return None
    parties = [s for s in dict.fromkeys(x.party_states) if s in rules.countries]
    return parties[0] if len(parties) == 1 else None


def _document(rules: TheatreRules, x: TheatreInput, window: int) -> str | None:
    """The pair the document is about, when the sentence itself names none."""
    wide = x.document.wide.get(x.event_type)
    if wide and not any(rules.pairs.get(frozenset((wide, s))) for _, s, _ in x.sentence_states):
        return wide  # "Scope: about 700 km of border" in a text about a programme for several borders
    defaults = [rules.default_pairs[s] for s in x.party_states if s in rules.default_pairs]
    if x.event_type in rules.migration_types and defaults:
        return defaults[
            0
        ]  # crossings on Latvia's border are on the Belarusian one, whatever the text covered before
    last = x.document.last_pair
    if last and defaults and not set(x.party_states) & set(last.split("-")):
        last = None  # a live blog moving from Poland's border to Lithuania's: not the pair before
    if last:
        named_border = bool(x.sentence.hits.get("border"))  # "войска будут возвращены к границе": the text's border
        if x.event_type not in rules.document_types and not named_border and _country(rules, x, window):
            return None  # "Lithuania will spend 2.75 % of GDP" in a text about its border: the country itself
        return last
    if x.event_type in rules.document_types:
        if len(set(defaults)) > 1:
            return None  # "Russia may cut Lithuania, Latvia and Estonia off …": no one usual border
        for state in x.party_states + x.document.states[::-1]:
            if state in rules.default_pairs:
                return rules.default_pairs[state]
    return None


_RULES = {
    "two_borders": _two_borders,
    "place_border": _place_border,
    "border_phrase": _border_phrase,
    "actor_pair": _actor_pair,
    "place_country": _place_country,
    "country": _country,
    "document": _document,
}
