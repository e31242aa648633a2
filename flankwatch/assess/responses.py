"""The graduated response catalogue (flankwatch/data/responses.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flankwatch.assess.datafile import need, packaged, read_yaml
from flankwatch.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Response:
    """One option analysts weigh, and why."""

    id: str
    title: str
    rationale: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Options by id, and for each domain and level the ids on the table."""

    version: str
    options: dict[str, Response]
    table: dict[str, dict[int, tuple[str, ...]]]

    def for_level(self, domain: str, level: int) -> tuple[str, ...]:
        """Option ids for a domain at a level (the nearest level below if not listed)."""
        levels = self.table.get(domain, {})
        for candidate in range(level, -1, -1):
            if candidate in levels:
                return levels[candidate]
        return ()

    def options_for(self, ids: tuple[str, ...]) -> tuple[Response, ...]:
        return tuple(self.options[i] for i in ids if i in self.options)


@lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> Catalogue:
    """The packaged catalogue, or a user file of the same shape."""
    where = path or packaged("responses.yaml")
    name = str(where)
    raw = read_yaml(where)
    options = {}
    for key, spec in need(raw, "options", dict, name).items():
        spot = f"{name} -> options -> {key}"
        if not isinstance(spec, dict):
            raise DataFileError(spot, "must be a mapping with title and rationale")
        options[str(key)] = Response(
            str(key), need(spec, "title", str, spot), need(spec, "rationale", str, spot)
        )
    table: dict[str, dict[int, tuple[str, ...]]] = {}
    for domain, levels in need(raw, "catalogue", dict, name).items():
        spot = f"{name} -> catalogue -> {domain}"
        if not isinstance(levels, dict):
            raise DataFileError(spot, "must map levels 0–5 to lists of option ids")
        table[str(domain)] = {
            int(level): _ids(ids, options, f"{spot} -> {level}") for level, ids in levels.items()
        }
    return Catalogue(version=str(need(raw, "version", str, name)), options=options, table=table)


def _ids(ids: object, options: dict[str, Response], where: str) -> tuple[str, ...]:
    if not isinstance(ids, list):
        raise DataFileError(where, "must be a list of option ids")
    for option in ids:
        if option not in options:
            raise DataFileError(
                where, f"{option!r} is not a defined option (known: {', '.join(sorted(options))})"
            )
    return tuple(ids)
