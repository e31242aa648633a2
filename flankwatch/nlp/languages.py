"""The languages flankwatch reads, as data (`data/lexicons/languages.yaml`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from flankwatch.errors import DataFileError
from flankwatch.nlp.morphology import MORPHOLOGIES, normaliser_for, read_morphology

MATCH_ATTRS = ("LOWER", "NORM", "ORTH")


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    """How one language is tokenised and matched."""

    code: str  # ISO 639-1, as in Document.language
    name: str
    spacy: str  # the spaCy language whose blank tokenizer is used
    dateparser: str  # the language hint given to dateparser
    match_attr: str = "LOWER"  # token attribute compared by the phrase matchers
    morphology: str = "none"  # none, lemma (pymorphy3) or stem (suffix list); see nlp/morphology.py
    suffixes: tuple[str, ...] = ()  # endings stripped by `stem`, from lexicons/<code>/morphology.yaml
    min_stem: int = 3  # an ending is stripped only if this many letters remain
    abbreviations: tuple[str, ...] = ()  # words written with a dot that ends no sentence ("2025 m.", "proc.")
    letters: str = ""  # letters the borrowed tokenizer's rules lack ("ў" for Belarusian on Russian rules)

    def normalise(self) -> Callable[[str], str]:
        """The word -> match key function of this language (identity without morphology)."""
        return normaliser_for(self.code, self.morphology, self.suffixes, self.min_stem)


def default_data_root() -> Traversable:
    """The packaged `flankwatch/data` folder (lexicons, gazetteer, actors, theatres)."""
    return resources.files("flankwatch").joinpath("data")


# libyaml's parser where PyYAML has it: the same values from every data file, seven times faster,
# which is most of what compiling a language costs (and every worker process compiles them).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(root: Traversable, relative: str) -> Any:
    """Parse one YAML data file, turning syntax errors into a DataFileError naming it."""
    node = root
    for part in relative.split("/"):
        node = node.joinpath(part)
    try:
        return yaml.load(node.read_text("utf-8"), Loader=_SAFE_LOADER)  # a safe loader: no arbitrary objects
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
    data_root = root or default_data_root()
    return {str(code): _spec(str(code), entry, f"{where} -> {code}", data_root) for code, entry in raw.items()}


def _spec(code: str, entry: Any, where: str, root: Traversable) -> LanguageSpec:
    if not isinstance(entry, dict):
        raise DataFileError(where, "expected a mapping with name, spacy and dateparser")
    for key in ("name", "spacy", "dateparser"):
        if not isinstance(entry.get(key), str):
            raise DataFileError(f"{where} -> {key}", "missing or not a string")
    attr = str(entry.get("match_attr", "LOWER"))
    if attr not in MATCH_ATTRS:
        raise DataFileError(f"{where} -> match_attr", f"{attr!r} is not one of {', '.join(MATCH_ATTRS)}")
    morphology = str(entry.get("morphology", "none"))
    if morphology not in MORPHOLOGIES:
        raise DataFileError(f"{where} -> morphology", f"{morphology!r} is not one of {', '.join(MORPHOLOGIES)}")
    if morphology != "none" and attr != "NORM":
        raise DataFileError(f"{where} -> match_attr", f"morphology {morphology!r} needs match_attr: NORM")
    suffixes, min_stem = (), 3
    if morphology == "stem":
        relative = f"lexicons/{code}/morphology.yaml"
        suffixes, min_stem = read_morphology(read_yaml(root, relative), relative)
    abbreviations = entry.get("abbreviations", [])
    if not isinstance(abbreviations, list) or not all(isinstance(a, str) and a.strip(".") for a in abbreviations):
        raise DataFileError(f"{where} -> abbreviations", "expected a list of words (written without their dot)")
    return LanguageSpec(
        code,
        entry["name"],
        entry["spacy"],
        entry["dateparser"],
        attr,
        morphology,
        suffixes,
        min_stem,
        tuple(a.strip(".") for a in abbreviations),
        letters=_letters(entry.get("letters", ""), f"{where} -> letters"),
    )


def _letters(value: Any, where: str) -> str:
    if not isinstance(value, str) or not all(c.isalpha() for c in value):
        raise DataFileError(where, "expected a string of letters")
    return value
