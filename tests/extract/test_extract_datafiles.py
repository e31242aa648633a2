"""Data files are validated into readable errors that name the file, the place and the choices."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_doc

from flankwatch.errors import DataFileError
from flankwatch.extract import Extractor
from flankwatch.extract.datafile import Where, expand_phrase


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def error_of(root: Path) -> str:
    with pytest.raises(DataFileError) as caught:
        Extractor(data_root=root).extract(make_doc("Polish border guards recorded 20 attempts."))
    return str(caught.value)


def test_a_unit_the_type_does_not_know(data_copy: Path) -> None:
    edit(
        data_copy / "lexicons/en/triggers.yaml", "  unit: attempts\n  entries:", "  unit: attempt\n  entries:"
    )
    message = error_of(data_copy)
    assert message.startswith(
        "lexicons/en/triggers.yaml -> MIGRATION_PRESSURE -> unit: 'attempt' is not a known unit"
    )
    assert "(known: attempts, people, incidents)" in message


def test_an_unknown_event_type(data_copy: Path) -> None:
    edit(data_copy / "lexicons/en/triggers.yaml", "\nSANCTIONS:\n", "\nSANCTION:\n")
    assert "'SANCTION' is not a known event type (known: ACCUSATION," in error_of(data_copy)


def test_an_unknown_key_names_the_allowed_ones(data_copy: Path) -> None:
    edit(data_copy / "lexicons/en/triggers.yaml", "      weight: 0.8\n", "      wieght: 0.8\n")
    assert re.search(
        r"triggers.yaml -> MIGRATION_PRESSURE -> entries -> 0: unknown key 'wieght' \(allowed: .*weight",
        error_of(data_copy),
    )


def test_an_unquoted_no_is_explained(data_copy: Path) -> None:
    edit(
        data_copy / "lexicons/en/triggers.yaml",
        "reported, day, week, tried, attempted, border]",
        "reported, day, week, tried, attempted, border, no]",
    )
    assert "YAML reads no/yes/on/off as booleans, quote the word" in error_of(data_copy)


def test_broken_yaml_names_the_file(data_copy: Path) -> None:
    (data_copy / "lexicons/en/modality.yaml").write_text("cues: [unclosed\n", "utf-8")
    assert error_of(data_copy).startswith("lexicons/en/modality.yaml: not valid YAML")


def test_a_place_on_an_unknown_border(data_copy: Path) -> None:
    edit(data_copy / "gazetteer/pl.yaml", "  border: PL-BY\n", "  border: PL-XX\n")
    message = error_of(data_copy)
    assert message.startswith(
        "gazetteer/pl.yaml -> kuznica_bruzgi -> border: 'PL-XX' is not a known border pair"
    )


def test_an_institution_of_an_unknown_actor(data_copy: Path) -> None:
    edit(data_copy / "actors/institutions.yaml", "  actor: POL\n", "  actor: POLAND\n")
    assert "actors/institutions.yaml -> PL_BORDER_GUARD -> actor: 'POLAND' is not a state" in error_of(
        data_copy
    )


def test_a_new_place_is_data_not_code(data_copy: Path) -> None:
    with (data_copy / "gazetteer/pl.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "- id: nowhereville\n  name: Nowhereville\n  kind: town\n  country: PL\n  lat: 52.0\n  lon: 23.5\n"
            "  border: PL-BY\n  aliases:\n    en: [Nowhere Ville]\n"
        )
    found = Extractor(data_root=data_copy).extract(make_doc("Migrants tried to cross near Nowhere Ville."))
    assert (
        found[0].place is not None and found[0].place.name == "Nowhereville" and found[0].theatre == "PL-BY"
    )


def test_a_language_folder_without_triggers_yields_nothing(data_copy: Path) -> None:
    extractor = Extractor(data_root=data_copy)
    assert extractor.extract(make_doc("Polish border guards recorded 20 attempts.", language="pl")) == []


@pytest.mark.parametrize(
    ("phrase", "forms"),
    [
        (
            "illegal? crossing attempts|attempt",
            [
                "illegal crossing attempts",
                "illegal crossing attempt",
                "crossing attempts",
                "crossing attempt",
            ],
        ),
        ("tried|attempted to cross", ["tried to cross", "attempted to cross"]),
        ("?", ["?"]),
    ],
)
def test_phrase_syntax(phrase: str, forms: list[str]) -> None:
    assert expand_phrase(phrase, Where("test")) == forms


def test_a_phrase_that_explodes_is_refused() -> None:
    with pytest.raises(DataFileError, match="expands into"):
        expand_phrase(" ".join(["a|b|c|d"] * 6), Where("test"))
