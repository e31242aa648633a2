"""The actor table (data/actors/*.yaml): codes, sides and names in each language."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from flankwatch.extract.datafile import Where, choice, expand_all, mapping, only_keys, str_list, text
from flankwatch.nlp import read_yaml

KINDS = ("state", "organisation", "nonstate", "institution", "person", "media")
OWN_CODE_KINDS = ("state", "organisation", "nonstate")
SIDES = ("adversary", "ally", "other")
_KEYS = ("kind", "actor", "alpha2", "side", "names")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One named thing that acts: a state, an organisation, or someone speaking for one."""

    id: str
    code: str  # the actor code it stands for (POL for the Polish Border Guard)
    kind: str
    side: str
    names: dict[str, tuple[str, ...]]  # language -> expanded names


@dataclass(frozen=True, slots=True)
class ActorTable:
    entries: dict[str, ActorEntry]
    alpha2_of: dict[str, str]  # state code -> ISO alpha-2
    alpha3_of: dict[str, str]  # ISO alpha-2 -> state code

    def side(self, code: str) -> str:
        entry = self.entries.get(code)
        return entry.side if entry else "other"

    def is_state(self, code: str) -> bool:
        return code in self.alpha2_of

    def names(self, language: str) -> list[tuple[str, str]]:
        """(entry id, name) pairs to match in a language."""
        return [(e.id, name) for e in self.entries.values() for name in e.names.get(language, ())]

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(e.code for e in self.entries.values())


def load_actors(root: Traversable) -> ActorTable:
    """Every file of `actors/`, validated: kinds, sides, and that each `actor` exists."""
    raw: dict[str, tuple[str, dict]] = {}
    folder = root.joinpath("actors")
    for path in sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
        where = Where(f"actors/{path.name}")
        for key, entry in mapping(read_yaml(root, f"actors/{path.name}"), where, allow_none=True).items():
            if key in raw:
                raise (where / key).fail(f"duplicate id (also in actors/{raw[key][0]})")
            raw[key] = (path.name, mapping(entry, where / key))
    states = {k: e for k, (_, e) in raw.items() if e.get("kind") == "state"}
    entries = {
        key: _entry(key, entry, Where(f"actors/{name}", key), raw) for key, (name, entry) in raw.items()
    }
    alpha2_of = {k: str(e["alpha2"]) for k, e in states.items()}
    return ActorTable(entries, alpha2_of, {v: k for k, v in alpha2_of.items()})


def _entry(key: str, entry: dict, where: Where, raw: dict[str, tuple[str, dict]]) -> ActorEntry:
    only_keys(entry, _KEYS, where)
    kind = choice(entry.get("kind"), KINDS, where / "kind", "actor kind")
    if kind in OWN_CODE_KINDS:
        code = key
    else:
        code = text(entry.get("actor"), where / "actor")
        target = raw.get(code)
        if target is None or target[1].get("kind") not in OWN_CODE_KINDS:
            raise (where / "actor").fail(
                f"{code!r} is not a state, organisation or non-state actor of actors/"
            )
    if kind == "state":
        alpha2 = text(entry.get("alpha2"), where / "alpha2")
        if len(alpha2) != 2 or not alpha2.isupper():
            raise (where / "alpha2").fail(f"{alpha2!r} is not an ISO 3166 alpha-2 code")
        side = choice(entry.get("side"), SIDES, where / "side", "side")
    elif kind in OWN_CODE_KINDS:
        side = choice(entry.get("side", "other"), SIDES, where / "side", "side")
    else:  # institutions, people and media take the side of the actor they stand for
        if "side" in entry:
            raise (where / "side").fail(f"a {kind} takes the side of its actor {code}; remove the key")
        side = str(raw[code][1].get("side", "other"))
    names = {}
    for language, values in mapping(entry.get("names"), where / "names", allow_none=True).items():
        names[language] = expand_all(str_list(values, where / "names" / language), where / "names" / language)
    return ActorEntry(key, code, kind, side, names)
