"""One language's lexicons, loaded and validated: triggers, modality cues, place words,
and the date, number and quantity words (lexicons/<lang>/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from flankwatch.extract.datafile import Where, choice, expand_all, mapping, number, only_keys, str_list
from flankwatch.extract.wordlists import (
    DateWords,
    NumberWords,
    QuantityWords,
    load_date_words,
    load_number_words,
    load_quantity_words,
)
from flankwatch.nlp import read_yaml
from flankwatch.ontology import Ontology

ROLE_STRATEGIES = (
    "subject",
    "object",
    "speaker",
    "sentence",
    "theatre_member",
    "theatre_other",
    "place_country",
    "adversary",
    "ally",
    "publisher",
    "theatre_opposite",
    "located",
    "opponent",
    "own_side",
    "origin",
)
CUE_KINDS = ("planned", "threatened", "claimed", "hypothetical", "negated", "neutral")  # neutral: hides the cues inside it
_TYPE_KEYS = (
    "roles",
    "unit",
    "casualties",
    "period_from_date",
    "daily_counts",
    "counted_also",
    "abroad_type",
    "home_type",
    "yields_to",
    "open_act",
    "dated_by_context",
    "skip_restated",
    "entries",
)
_ENTRY_KEYS = ("phrases", "subtype", "unit", "near", "not_near", "window", "weight")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    phrases: tuple[str, ...]
    subtype: str | None = None
    unit: str | None = None
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    window: int = 8
    weight: float = 0.6


@dataclass(frozen=True, slots=True)
class TypeRules:
    type: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    unit: str | None
    entries: tuple[TriggerEntry, ...]
    casualties: bool = False  # counts of killed, injured, detained go to Mention.casualties
    period_from_date: bool = False  # a count dated "last week" is per week, "on Monday" per day
    # with period_from_date: a count dated by one day is per day even alone ("wczoraj 121 prób"),
    # as a language's daily border-guard figures mean it; otherwise only in a series of days
    daily_counts: bool = False
    counted_also: str | None = None  # with a count, the sentence also states this type (annotation.md)
    abroad_type: str | None = None  # what it is when an ally acts in another allied state
    home_type: str | None = None  # what it is when a state acts at home
    yields_to: tuple[str, ...] = ()  # types that state the same event better when both are found
    open_act: bool = False  # done in the open (a sanction, a closure): adversary media reporting it make no claim
    skip_restated: bool = False  # a later mention adding no date, count or place restates the first ("В ходе учений …")
    # without a date of its own, an event takes the date the sentences before it gave; false where such a
    # sentence states a practice, not that dated event ("uniformed men escort the migrants to the fence")
    dated_by_context: bool = True


@dataclass(frozen=True, slots=True)
class Cues:
    priority: tuple[str, ...]
    window_before: int
    window_after: int
    before: dict[str, tuple[str, ...]]
    after: dict[str, tuple[str, ...]]
    case_sensitive: frozenset[str]
    reporting: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    passive: tuple[str, ...] = ()
    complementizers: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    # one-word attributions ("według", "pasak"): the actor right after one is the speaker, as after
    # a multi-word one ("according to")
    attributions: tuple[str, ...] = ()

    @property
    def form_keys(self) -> frozenset[str]:
        """The cues matched as written, lower-cased as Sentence.words gives them."""
        return frozenset(c.lower() for c in self.case_sensitive)


@dataclass(frozen=True, slots=True)
class PlaceWords:
    border_words: tuple[str, ...]
    locatives: tuple[str, ...]
    border_window: int
    origins: tuple[str, ...] = ()  # words before where something came from ("со стороны Литвы", "from Belarus")
    # endings of a place named in a locative case, which says "in" without a preposition
    # ("Lietuvoje", "Latvijā", "Eestis"): such a name is a location, as one after a locative is
    locative_endings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    types: dict[str, TypeRules]
    cues: Cues
    places: PlaceWords
    dates: DateWords
    numbers: NumberWords
    quantities: QuantityWords


def has_lexicon(root: Traversable, language: str) -> bool:
    return root.joinpath("lexicons").joinpath(language).joinpath("triggers.yaml").is_file()


def load_lexicon(
    root: Traversable, language: str, ontology: Ontology, actor_codes: frozenset[str]
) -> Lexicon:
    """All lexicon files of a language, validated against the ontology and the actor table."""
    return Lexicon(
        language=language,
        types=load_triggers(root, language, ontology, actor_codes),
        cues=load_cues(root, language),
        places=load_place_words(root, language),
        dates=load_date_words(root, language),
        numbers=load_number_words(root, language),
        quantities=load_quantity_words(root, language, ontology.units),
    )


def load_triggers(
    root: Traversable, language: str, ontology: Ontology, actor_codes: frozenset[str]
) -> dict[str, TypeRules]:
    rel = f"lexicons/{language}/triggers.yaml"
    raw = mapping(read_yaml(root, rel), Where(rel))
    return {
        name: _type_rules(name, spec, Where(rel, name), ontology, actor_codes) for name, spec in raw.items()
    }


def _type_rules(
    name: str, spec: object, where: Where, ontology: Ontology, actor_codes: frozenset[str]
) -> TypeRules:
    ontology.check_type(name, str(where.parts[0]))
    spec = mapping(spec, where)
    only_keys(spec, _TYPE_KEYS, where)
    units = [str(u) for u in ontology.types[name].get("units", [])]
    unit = choice(spec["unit"], units, where / "unit", "unit") if spec.get("unit") is not None else None
    roles = mapping(spec.get("roles"), where / "roles", allow_none=True)
    only_keys(roles, ("actors", "targets"), where / "roles")
    known = (*ROLE_STRATEGIES, *sorted(actor_codes))
    actors = tuple(
        choice(s, known, where / "roles" / "actors", "role strategy or actor code")
        for s in str_list(roles.get("actors", ["subject"]), where / "roles" / "actors")
    )
    targets = tuple(
        choice(s, known, where / "roles" / "targets", "role strategy or actor code")
        for s in str_list(roles.get("targets", ["object"]), where / "roles" / "targets")
    )
    raw_entries = spec.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise (where / "entries").fail("expected a non-empty list of trigger entries")
    entries = tuple(
        _entry(name, e, where / "entries" / str(i), ontology, units) for i, e in enumerate(raw_entries)
    )
    for key in ("casualties", "period_from_date", "daily_counts", "open_act", "dated_by_context", "skip_restated"):
        if not isinstance(spec.get(key, False), bool):
            raise (where / key).fail(f"expected true or false, found {spec[key]!r}")
    for key in ("counted_also", "abroad_type", "home_type"):
        if spec.get(key) is not None:
            ontology.check_type(spec[key], str(where / key))
    yields = tuple(str_list(spec.get("yields_to"), where / "yields_to"))
    for other in yields:
        ontology.check_type(other, str(where / "yields_to"))
    return TypeRules(
        name,
        actors,
        targets,
        unit,
        entries,
        casualties=bool(spec.get("casualties", False)),
        period_from_date=bool(spec.get("period_from_date", False)),
        daily_counts=bool(spec.get("daily_counts", False)),
        counted_also=spec.get("counted_also"),
        abroad_type=spec.get("abroad_type"),
        home_type=spec.get("home_type"),
        yields_to=yields,
        open_act=bool(spec.get("open_act", False)),
        dated_by_context=bool(spec.get("dated_by_context", True)),
        skip_restated=bool(spec.get("skip_restated", False)),
    )


def _entry(name: str, raw: object, where: Where, ontology: Ontology, units: list[str]) -> TriggerEntry:
    entry = mapping(raw, where)
    only_keys(entry, _ENTRY_KEYS, where)
    subtype = entry.get("subtype")
    if subtype is not None:
        choice(subtype, ontology.types[name].get("subtypes", []), where / "subtype", f"subtype of {name}")
    unit = entry.get("unit")
    if unit is not None:
        choice(unit, units, where / "unit", "unit")
    phrases = expand_all(
        str_list(entry.get("phrases"), where / "phrases", allow_none=False), where / "phrases"
    )
    if not phrases:
        raise (where / "phrases").fail("no phrases")
    return TriggerEntry(
        type=name,
        phrases=phrases,
        subtype=subtype,
        unit=unit,
        near=tuple(w.lower() for w in str_list(entry.get("near"), where / "near")),
        not_near=tuple(w.lower() for w in str_list(entry.get("not_near"), where / "not_near")),
        window=int(number(entry.get("window", 8), where / "window", low=1, high=40)),
        weight=number(entry.get("weight", 0.6), where / "weight", low=0, high=1),
    )


def load_cues(root: Traversable, language: str) -> Cues:
    rel = f"lexicons/{language}/modality.yaml"
    raw, where = mapping(read_yaml(root, rel), Where(rel)), Where(rel)
    only_keys(
        raw,
        (
            "priority",
            "window_before",
            "window_after",
            "cues",
            "case_sensitive",
            "reporting",
            "clause_breaks",
            "passive",
            "complementizers",
            "generic",
            "attributions",
        ),
        where,
    )
    priority = tuple(
        choice(p, CUE_KINDS, where / "priority", "modality")
        for p in str_list(raw.get("priority"), where / "priority")
    )
    before, after = {}, {}
    for kind, spec in mapping(raw.get("cues"), where / "cues").items():
        at = where / "cues" / kind
        choice(kind, CUE_KINDS, where / "cues", "cue kind")
        spec = mapping(spec, at)
        only_keys(spec, ("before", "after"), at)
        before[kind] = expand_all(str_list(spec.get("before"), at / "before"), at / "before")
        after[kind] = expand_all(str_list(spec.get("after"), at / "after"), at / "after")
    return Cues(
        priority=priority,
        window_before=int(number(raw.get("window_before", 12), where / "window_before", low=1, high=60)),
        window_after=int(number(raw.get("window_after", 6), where / "window_after", low=0, high=30)),
        before=before,
        after=after,
        case_sensitive=frozenset(str_list(raw.get("case_sensitive"), where / "case_sensitive")),
        reporting=expand_all(str_list(raw.get("reporting"), where / "reporting"), where / "reporting"),
        clause_breaks=expand_all(
            str_list(raw.get("clause_breaks"), where / "clause_breaks"), where / "clause_breaks"
        ),
        passive=expand_all(str_list(raw.get("passive"), where / "passive"), where / "passive"),
        complementizers=expand_all(
            str_list(raw.get("complementizers"), where / "complementizers"), where / "complementizers"
        ),
        generic=expand_all(str_list(raw.get("generic"), where / "generic"), where / "generic"),
        attributions=expand_all(
            str_list(raw.get("attributions"), where / "attributions"), where / "attributions"
        ),
    )


def load_place_words(root: Traversable, language: str) -> PlaceWords:
    rel = f"lexicons/{language}/places.yaml"
    raw, where = mapping(read_yaml(root, rel), Where(rel)), Where(rel)
    only_keys(raw, ("border_words", "locatives", "border_window", "origins", "locative_endings"), where)
    return PlaceWords(
        border_words=expand_all(
            str_list(raw.get("border_words"), where / "border_words"), where / "border_words"
        ),
        locatives=expand_all(str_list(raw.get("locatives"), where / "locatives"), where / "locatives"),
        border_window=int(number(raw.get("border_window", 6), where / "border_window", low=1, high=20)),
        origins=expand_all(str_list(raw.get("origins"), where / "origins"), where / "origins"),
        locative_endings=tuple(e.lower() for e in str_list(raw.get("locative_endings"), where / "locative_endings")),
    )
