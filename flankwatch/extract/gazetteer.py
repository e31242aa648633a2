"""The gazetteer (data/gazetteer/*.yaml): places, their aliases per language, borders."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from importlib.resources.abc import Traversable

from flankwatch.extract.datafile import Where, choice, expand_all, mapping, number, only_keys, str_list, text
from flankwatch.nlp import read_yaml
from flankwatch.records import Place

KINDS = ("crossing", "town", "region", "sea")
SPECIFICITY = {
    "crossing": 3,
    "town": 3,
    "region": 2,
    "sea": 1,
}  # most specific wins; a tie goes to the first named
_KEYS = ("id", "name", "kind", "country", "region", "lat", "lon", "border", "metonym_of", "aliases")


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    id: str
    name: str
    kind: str
    country: str | None
    region: str | None
    lat: float
    lon: float
    borders: tuple[str, ...]  # theatre pairs it sits on
    metonym_of: str | None  # actor code when the name stands for a government
    aliases: dict[str, tuple[str, ...]]

    @property
    def specificity(self) -> int:
        return SPECIFICITY[self.kind]

    def record(self) -> Place:
        return Place(name=self.name, country=self.country, lat=self.lat, lon=self.lon, id=self.id)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[str, GazetteerPlace]

    def names(self, language: str) -> list[tuple[str, str]]:
        """(place id, name) pairs to match in a language: the name, its aliases, accent-free copies."""
        out: dict[tuple[str, str], None] = {}
        for place in self.places.values():
            for name in (place.name, *place.aliases.get(language, ())):
                out[(place.id, name)] = None
                out[(place.id, fold_accents(name))] = None
        return list(out)


def fold_accents(name: str) -> str:
    """Kuźnica -> Kuznica, Šalčininkai -> Salcininkai (Ł has no decomposition: mapped by hand)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_gazetteer(
    root: Traversable, theatres: dict[str, tuple[str, ...]], actor_codes: frozenset[str]
) -> Gazetteer:
    """Every file of `gazetteer/`, validated against the ontology's theatres and the actor codes."""
    places: dict[str, GazetteerPlace] = {}
    folder = root.joinpath("gazetteer")
    for path in sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
        rel = f"gazetteer/{path.name}"
        entries = read_yaml(root, rel) or []
        if not isinstance(entries, list):
            raise Where(rel).fail("expected a list of places")
        for i, entry in enumerate(entries):
            place = _place(mapping(entry, Where(rel, str(i))), Where(rel, str(i)), theatres, actor_codes)
            if place.id in places:
                raise Where(rel, place.id).fail("duplicate place id")
            places[place.id] = place
    return Gazetteer(places)


def _place(
    entry: dict, where: Where, theatres: dict[str, tuple[str, ...]], actor_codes: frozenset[str]
) -> GazetteerPlace:
    only_keys(entry, _KEYS, where)
    pid = text(entry.get("id"), where / "id")
    where = Where(where.parts[0], pid)
    borders = tuple(str_list(entry.get("border"), where / "border"))
    for border in borders:
        choice(border, [t for t, c in theatres.items() if len(c) == 2], where / "border", "border pair")
    metonym = entry.get("metonym_of")
    if metonym is not None and metonym not in actor_codes:
        raise (where / "metonym_of").fail(f"{metonym!r} is not an actor code of actors/")
    country = entry.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 2 or not country.isupper()):
        raise (where / "country").fail(f"{country!r} is not an ISO 3166 alpha-2 code")
    aliases = {
        lang: expand_all(str_list(values, where / "aliases" / lang), where / "aliases" / lang)
        for lang, values in mapping(entry.get("aliases"), where / "aliases", allow_none=True).items()
    }
    return GazetteerPlace(
        id=pid,
        name=text(entry.get("name"), where / "name"),
        kind=choice(entry.get("kind"), KINDS, where / "kind", "place kind"),
        country=country,
        region=entry.get("region"),
        lat=number(entry.get("lat"), where / "lat", low=-90, high=90),
        lon=number(entry.get("lon"), where / "lon", low=-180, high=180),
        borders=borders,
        metonym_of=metonym,
        aliases=aliases,
    )
