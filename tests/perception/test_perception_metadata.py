"""Metadata from file names and sidecar files; document types from titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from flankwatch.errors import DataFileError
from flankwatch.perception.metadata import describe, doc_type_of, from_file_name, read_sidecar


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("NationalSecurityConcept", "security_concept"),
        ("NationalSecurityStrategy", "security_concept"),
        ("MilitaryDoctrine", "military_doctrine"),
        ("NationalDefenceConcept", "defence_concept"),
        ("DefensePolicy", "defence_concept"),
        ("NationalDefenceStrategy", "defence_concept"),
        ("WhiteBook", "white_paper"),
        ("WhitePaper", "white_paper"),
        ("NationalThreatAssessment", "threat_assessment"),
        ("InternationalSecurityAndEstonia", "threat_assessment"),
        ("CyberSecurityStrategy", "cyber_strategy"),
        ("CyberDefenceUnitConcept", "cyber_strategy"),
        ("ForeignPolicyConcept", "foreign_policy"),
        ("ForeignAndSecurityPolicy", "foreign_policy"),
        ("TheWorld2030", "other"),
    ],
)
def test_document_type_from_the_title(title: str, doc_type: str) -> None:
    assert doc_type_of(title) == doc_type


def test_file_name_gives_country_year_title_and_originality() -> None:
    meta = from_file_name(Path("lithuania_2023_NationalThreatAssessment.txt"))
    assert meta is not None
    assert (meta.country, meta.year, meta.title, meta.doc_type) == (
        "lithuania",
        2023,
        "National Threat Assessment",
        "threat_assessment",
    )
    assert meta.original is False and meta.language is None
    assert from_file_name(Path("latvia_2015_NationalSecurityConcept_noneng.txt")).original is True  # type: ignore[union-attr]
    assert from_file_name(Path("notes.txt")) is None


def test_a_file_without_metadata_is_rejected_with_the_fix(tmp_path: Path) -> None:
    meta, rejection, _ = describe(tmp_path / "notes.txt", {})
    assert meta is None and rejection is not None
    assert "metadata.csv" in rejection.problem and rejection.origin.endswith("notes.txt")


def test_sidecar_csv_overrides_the_file_name(tmp_path: Path) -> None:
    sidecar = tmp_path / "metadata.csv"
    sidecar.write_text(
        "file,country,year,doc_type,language,institution\n"
        "poland_2013_StrategyDevelopment.txt,,,security concept / strategy,,National Security Bureau\n"
        "kpo.txt,poland,2021,white paper,pl,\n",
        encoding="utf-8",
    )
    table = read_sidecar(sidecar)
    meta, rejection, warnings = describe(tmp_path / "poland_2013_StrategyDevelopment.txt", table)
    assert rejection is None and warnings == []
    assert meta is not None and (meta.country, meta.year, meta.doc_type, meta.institution) == (
        "poland",
        2013,
        "security_concept",
        "National Security Bureau",
    )
    other, _, _ = describe(tmp_path / "kpo.txt", table)
    assert other is not None and (other.country, other.year, other.doc_type, other.language) == (
        "poland",
        2021,
        "white_paper",
        "pl",
    )


def test_sidecar_yaml_mapping_and_its_warnings(tmp_path: Path) -> None:
    sidecar = tmp_path / "metadata.yaml"
    sidecar.write_text(
        "a.txt: {country: latvia, year: 2004, language: xx, doc_type: Budget Law}\n", encoding="utf-8"
    )
    meta, _, warnings = describe(tmp_path / "a.txt", read_sidecar(sidecar))
    assert meta is not None and meta.language is None and meta.doc_type == "budget_law"
    assert any("'xx'" in w for w in warnings) and any("Budget Law" in w for w in warnings)


def test_a_broken_sidecar_names_the_file_and_the_problem(tmp_path: Path) -> None:
    sidecar = tmp_path / "metadata.csv"
    sidecar.write_text("file,colour\na.txt,red\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"metadata\.csv: row 1: unknown column"):
        read_sidecar(sidecar)


def test_a_bad_sidecar_year_rejects_only_that_file(tmp_path: Path) -> None:
    sidecar = tmp_path / "metadata.csv"
    sidecar.write_text("file,country,year\na.txt,latvia,soon\n", encoding="utf-8")
    meta, rejection, _ = describe(tmp_path / "a.txt", read_sidecar(sidecar))
    assert meta is None and rejection is not None and "'soon'" in rejection.problem
