"""Load and validate the packaged ontology.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from flankwatch.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Ontology:
    version: str
    modalities: tuple[str, ...]
    qualifiers: tuple[str, ...]
    periods: tuple[str, ...]
    units: tuple[str, ...]
    casualty_units: tuple[str, ...]
    domains: dict[str, str]
    types: dict[str, dict[str, Any]]
    theatres: dict[str, tuple[str, ...]]

    def domain_of(self, event_type: str) -> str:
        return str(self.types[event_type]["domain"])

    def check_type(self, event_type: str, where: str) -> None:
        if event_type not in self.types:
            known = ", ".join(sorted(self.types))
            raise DataFileError(where, f"{event_type!r} is not a known event type (known: {known})")

    def check_unit(self, unit: str, where: str) -> None:
        if unit not in self.units and unit not in self.casualty_units:
            raise DataFileError(where, f"{unit!r} is not a known unit (known: {', '.join(self.units)})")


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged ontology, validated once per process."""
    where = "flankwatch/ontology/ontology.yaml"
    raw = yaml.safe_load(resources.files("flankwatch.ontology").joinpath("ontology.yaml").read_text("utf-8"))
    onto = Ontology(
        version=raw["version"],
        modalities=tuple(raw["modalities"]),
        qualifiers=tuple(raw["qualifiers"]),
        periods=tuple(raw["periods"]),
        units=tuple(raw["units"]),
        casualty_units=tuple(raw["casualty_units"]),
        domains=dict(raw["domains"]),
        types=dict(raw["types"]),
        theatres={k: tuple(v["countries"]) for k, v in raw["theatres"].items()},
    )
    for name, spec in onto.types.items():
        if spec.get("domain") not in onto.domains:
            raise DataFileError(where, f"{name} -> domain: {spec.get('domain')!r} is not a known domain")
        for unit in spec.get("units", []):
            onto.check_unit(unit, f"{where} -> {name} -> units")
    return onto
