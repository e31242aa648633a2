"""The assessment's data files: rules, state media, response catalogue — valid, and errors that name them."""

from __future__ import annotations

from pathlib import Path

import pytest

from flankwatch.assess import load_catalogue, load_rules, load_state_media
from flankwatch.assess.datafile import packaged
from flankwatch.errors import DataFileError
from flankwatch.ontology import load_ontology
from flankwatch.records import Document


def test_packaged_rules_rate_every_ontology_type() -> None:
    rules = load_rules("v1")
    covered = {r.type for r in rules.rules}
    assert covered == set(load_ontology().types)
    assert rules.verdict_domains() == ("security", "migration", "military", "political")
    assert rules.domain_of("ENERGY_COERCION") == "political"
    assert rules.domain_of("NOT_A_TYPE") is None


def test_every_domain_and_level_has_response_options_with_a_rationale() -> None:
    catalogue = load_catalogue()
    for domain in ("security", "migration", "military", "political"):
        for level in range(6):
            options = catalogue.options_for(catalogue.for_level(domain, level))
            assert options, (domain, level)
            assert all(o.rationale.strip() and o.title.strip() for o in options)


def test_state_media_are_known_by_publisher_alias_or_web_address() -> None:
    media = load_state_media()
    assert media.covers(Document("1", "a", "t", "ru", publisher="ТАСС"))
    assert media.covers(Document("2", "a", "t", "en", publisher="BelTA (Minsk)"))
    assert media.covers(Document("3", "a", "t", "en", publisher="", url="https://eng.belta.by/news/1"))
    assert not media.covers(
        Document("4", "a", "t", "en", publisher="Polish Border Guard", url="https://strazgraniczna.pl/x")
    )
    assert not media.covers(None)


def _rules_file(tmp_path: Path, rule: str) -> Path:
    """The packaged rules file with its rule list replaced by one rule."""
    head, _, _ = packaged("assess/rules-v1.yaml").read_text("utf-8").partition("\nrules:\n")
    path = tmp_path / "rules-test.yaml"
    path.write_text(head + "\nrules:\n" + rule + "\n", "utf-8")
    return path


def test_a_rule_with_an_unknown_type_names_the_file_and_the_choices(tmp_path: Path) -> None:
    path = _rules_file(tmp_path, "  - {type: MIGRATION_PRESURE, level: 1, label: typo}")
    with pytest.raises(DataFileError) as caught:
        load_rules(path=path)
    message = str(caught.value)
    assert str(path) in message and "MIGRATION_PRESURE" in message and "MIGRATION_PRESSURE" in message


def test_a_level_off_the_ladder_is_refused(tmp_path: Path) -> None:
    path = _rules_file(tmp_path, "  - {type: STRIKE, level: 7, label: too high}")
    with pytest.raises(DataFileError, match="off the ladder"):
        load_rules(path=path)


def test_invalid_yaml_and_missing_files_are_data_file_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules: [unclosed", "utf-8")
    with pytest.raises(DataFileError, match=r"broken\.yaml"):
        load_rules(path=broken)
    with pytest.raises(DataFileError, match="not found"):
        load_catalogue(tmp_path / "absent.yaml")
    with pytest.raises(DataFileError, match="v9"):
        load_rules("v9")


def test_a_rule_naming_an_undefined_cue_is_refused(tmp_path: Path) -> None:
    path = _rules_file(tmp_path, "  - {type: FORCE_DEPLOYMENT, cue: retreat, level: 0, label: back}")
    with pytest.raises(DataFileError, match="cue 'retreat' is not defined"):
        load_rules(path=path)
