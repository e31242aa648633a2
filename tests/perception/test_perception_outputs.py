"""The files written for a researcher, and the command line around them."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from perception_texts import build_corpus
from typer.testing import CliRunner

from flankwatch.cli import app
from flankwatch.perception import PerceptionResult, analyse
from flankwatch.perception.writer import write_outputs

JSONL_KEYS = [
    "doc",
    "country",
    "year",
    "doc_type",
    "language",
    "words",
    "target",
    "mentions",
    "mentions_all",
    "rate_per_10k",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def written(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[PerceptionResult, Path]:
    result = analyse(corpus, ["belarus", "russia"])
    out = tmp_path_factory.mktemp("out")
    write_outputs(result, out)
    return result, out


def test_every_table_is_written_as_csv_and_json(written: tuple[PerceptionResult, Path]) -> None:
    _, out = written
    for name in ("documents", "counts", "by_country_year_type", "first_appearance", "growth", "topics"):
        rows = list(csv.DictReader((out / f"{name}.csv").open(encoding="utf-8")))
        assert rows == [
            {k: _csv_value(v) for k, v in row.items()}
            for row in json.loads((out / f"{name}.json").read_text())
        ]
    assert not list(out.rglob("*.tmp")), "temporary files must be renamed into place"


def _csv_value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def test_jsonl_lines_keep_the_stable_fields(written: tuple[PerceptionResult, Path]) -> None:
    result, out = written
    lines = [json.loads(line) for line in (out / "counts.jsonl").read_text().splitlines()]
    assert len(lines) == len(result.documents) * 2
    assert all(list(line) == JSONL_KEYS for line in lines)


def test_concordance_rows_carry_offsets_into_the_file(
    written: tuple[PerceptionResult, Path], corpus: Path
) -> None:
    _, out = written
    rows = list(csv.DictReader((out / "concordance.csv").open(encoding="utf-8")))
    row = next(
        r for r in rows if r["doc"] == "lithuania_2016_WhitePaper.txt" and r["category"] == "adjectives"
    )
    text = (corpus / row["doc"]).read_text(encoding="utf-8")
    assert text[int(row["start"]) : int(row["end"])] == row["text"] == "Belarusian"


def test_charts_are_valid_svg_one_per_country(written: tuple[PerceptionResult, Path]) -> None:
    _, out = written
    charts = sorted(p.name for p in (out / "charts").iterdir())
    assert charts == ["latvia.svg", "lithuania.svg"]
    root = ET.parse(out / "charts" / "lithuania.svg").getroot()
    assert (
        root.tag.endswith("svg") and len(root.findall(".//{http://www.w3.org/2000/svg}circle")) == 10
    )  # 5 years x 2 targets


def test_the_report_links_counts_to_their_concordance(written: tuple[PerceptionResult, Path]) -> None:
    _, out = written
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "How official documents mention Belarus, Russia" in report
    assert 'href="concordance/lithuania_2016_WhitePaper.html#t-belarus"' in report
    assert "same text as lithuania_2021_NationalThreatAssessment.txt" in report
    assert "notes.txt" in report  # the rejected file is listed with its reason
    page = (out / "concordance" / "lithuania_2016_WhitePaper.html").read_text(encoding="utf-8")
    assert page.count('class="m">Belarus') == 4 and "../report.html" in page


def test_cli_jsonl_prints_one_line_per_document_and_target(corpus: Path, tmp_path: Path) -> None:
    run = CliRunner().invoke(
        app,
        [
            "perception",
            str(corpus),
            "-t",
            "belarus",
            "-t",
            "RUS",
            "--format",
            "jsonl",
            "--out",
            str(tmp_path / "out"),
        ],
    )
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 16 and all(list(line) == JSONL_KEYS for line in lines)
    assert run.exit_code == 1, "a rejected file (notes.txt) makes the exit code 1"
    assert (tmp_path / "out" / "report.html").is_file()


def test_cli_table_and_exit_code_zero(corpus: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    for path in corpus.glob("lithuania_*.txt"):
        (clean / path.name).write_bytes(path.read_bytes())
    run = CliRunner().invoke(
        app, ["perception", str(clean), "--out", str(tmp_path / "out"), "--periods", "2015"]
    )
    assert run.exit_code == 0, run.output
    assert "lithuania_2016_WhitePaper.txt" in run.stdout and "3 / 4" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-t", "narnia"], "unknown target 'narnia'"),
        (["--format", "xml"], "use table or jsonl"),
        (["--periods", "soon"], "give years separated by commas"),
        (["--prefer", "newest"], "prefer='newest'"),
    ],
)
def test_cli_usage_errors_exit_2_and_say_why(
    corpus: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    run = CliRunner().invoke(app, ["perception", str(corpus), "--out", str(tmp_path), *args])
    assert run.exit_code == 2
    assert message in run.output


def test_cli_help_ends_with_an_example() -> None:
    run = CliRunner().invoke(app, ["perception", "--help"])
    assert run.exit_code == 0 and "Example: flankwatch perception" in run.output
