"""The languages flankwatch reads, as data (`data/lexicons/languages.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from flankwatch.errors import DataFileError

MATCH_ATTRS = ("LOWER", "NORM", "ORTH")


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    """How one language is tokenised and matched."""

    code: str  # ISO 639-1, as in Document.language
    name: str
    spacy: str  # the spaCy language whose blank tokenizer is used
    dateparser: str  # the language hint given to dateparser
    match_attr: str = "LOWER"  # token attribute compared by the phrase matchers


def default_data_root() -> Traversable:
    """The packaged `flankwatch/data` folder (lexicons, gazetteer, actors, theatres)."""
    return resources.files("flankwatch").joinpath("data")


def read_yaml(root: Traversable, relative: str) -> Any:
    """Parse one YAML data file, turning syntax errors into a DataFileError naming it."""
    node = root
    for part in relative.split("/"):
        node = node.joinpath(part)
    try:
        return yaml.safe_load(node.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(relative, "file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(relative, f"not valid YAML: {exc}") from exc


def load_languages(root: Traversable | None = None) -> dict[str, LanguageSpec]:
    """Every language of `lexicons/languages.yaml`, validated."""
    where = "lexicons/languages.yaml"
    raw = read_yaml(root or default_data_root(), where)
    if not isinstance(raw, dict):
        raise DataFileError(where, "expected a mapping of language codes")
    return {str(code): _spec(str(code), entry, f"{where} -> {code}") for code, entry in raw.items()}


def _spec(code: str, entry: Any, where: str) -> LanguageSpec:
    if not isinstance(entry, dict):
        raise DataFileError(where, "expected a mapping with name, spacy and dateparser")
    for key in ("name", "spacy", "dateparser"):
        if not isinstance(entry.get(key), str):
            raise DataFileError(f"{where} -> {key}", "missing or not a string")
    attr = str(entry.get("match_attr", "LOWER"))
    if attr not in MATCH_ATTRS:
        raise DataFileError(f"{where} -> match_attr", f"{attr!r} is not one of {', '.join(MATCH_ATTRS)}")
    return LanguageSpec(code, entry["name"], entry["spacy"], entry["dateparser"], attr)
