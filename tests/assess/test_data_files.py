"""The assessment's data files: rules (every version) and response catalogue, valid; errors name them."""

from __future__ import annotations

from pathlib import Path

import pytest

from flankwatch.assess import current_version, load_catalogue, load_rules, versions
from flankwatch.assess.datafile import packaged
from flankwatch.errors import DataFileError, UsageError
from flankwatch.ontology import load_ontology


@pytest.mark.parametrize("version", versions())
def test_every_packaged_rules_version_rates_every_ontology_type(version: str) -> None:
    rules = load_rules(version)
    assert rules.version == version
    covered = {r.type for r in rules.rules}
    assert covered == set(load_ontology().types)
    assert rules.verdict_domains() == ("security", "migration", "military", "political")
    assert rules.domain_of("ENERGY_COERCION") == "political"
    assert rules.domain_of("NOT_A_TYPE") is None
    assert any(r.level > 0 and "MIGRATION_PRESSURE" in r.types for r in rules.indicators)


def test_the_newest_version_is_the_default_and_v1_keeps_its_meaning() -> None:
    assert versions()[:2] == ("v1", "v2") and current_version() == versions()[-1]
    assert load_rules() == load_rules(current_version())
    v1 = load_rules("v1")
    (surge,) = v1.indicators  # v1's single surge rule: 8 weeks, 2 of them, twice the median, no spread test
    assert (surge.anomaly.weeks, surge.anomaly.min_weeks, surge.anomaly.factor, surge.anomaly.z) == (
        8,
        2,
        2.0,
        0.0,
    )
    assert surge.basis == ("daily", "weekly") and surge.anomaly.min_value == 30
    assert v1.sources.not_alone == {"adversary state media"} and not v1.sources.own_activity
    assert v1.max_hold_weeks == 0
    v2 = load_rules("v2")
    assert v2.sources.not_alone == {"adversary state media", "adversary official"}
    assert "MILITARY_EXERCISE" in v2.sources.own_activity
    assert {r.type: r.hold_weeks for r in v2.rules if r.hold_weeks}["STRATEGIC_WEAPONS"] == 3


def test_every_domain_and_level_has_response_options_with_a_rationale() -> None:
    catalogue = load_catalogue()
    for domain in ("security", "migration", "military", "political"):
        for level in range(6):
            options = catalogue.options_for(catalogue.for_level(domain, level))
            assert options, (domain, level)
            assert all(o.rationale.strip() and o.title.strip() for o in options)


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
    with pytest.raises(UsageError, match=r"no rules 'v9'; the packaged versions are v1, v2"):
        load_rules("v9")


def test_hold_weeks_must_be_a_whole_number_and_releases_known_types(tmp_path: Path) -> None:
    path = _rules_file(tmp_path, "  - {type: STRIKE, level: 4, label: strike, hold_weeks: -1}")
    with pytest.raises(DataFileError, match="hold_weeks -1"):
        load_rules(path=path)
    path = _rules_file(tmp_path, "  - {type: STRIKE, level: 4, label: strike, releases: [STRIKES]}")
    with pytest.raises(DataFileError, match="STRIKES"):
        load_rules(path=path)


def test_an_indicator_rule_with_an_unknown_basis_names_the_choices(tmp_path: Path) -> None:
    text = (
        packaged("assess/rules-v2.yaml")
        .read_text("utf-8")
        .replace("basis: [daily, weekly, totals]", "basis: [hourly]")
    )
    path = tmp_path / "rules-x.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(
        DataFileError, match=r"indicators\[0\].*basis 'hourly' is not one of daily, weekly, totals, events"
    ):
        load_rules(path=path)


def test_a_confidence_minimum_outside_zero_to_one_is_refused(tmp_path: Path) -> None:
    text = packaged("assess/rules-v2.yaml").read_text("utf-8").replace("  5: 0.6\n", "  5: 6\n")
    path = tmp_path / "rules-c.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(
        DataFileError, match=r"min_confidence: level 5: 6 is not a confidence between 0 and 1"
    ):
        load_rules(path=path)
    assert load_rules("v2").cap_for(0.55) == 4 and load_rules("v2").cap_for(0.4) == 3
    assert load_rules("v1").cap_for(0.0) == 5


def test_a_rule_naming_an_undefined_cue_is_refused(tmp_path: Path) -> None:
    path = _rules_file(tmp_path, "  - {type: FORCE_DEPLOYMENT, cue: retreat, level: 0, label: back}")
    with pytest.raises(DataFileError, match="cue 'retreat' is not defined"):
        load_rules(path=path)
