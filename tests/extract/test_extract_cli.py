"""`flankwatch extract FILE...`: JSON lines or a table, one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from flankwatch.cli import app

TEXT = (
    "On Tuesday, Polish border guards recorded 210 attempts to cross the border from Belarus near Kuźnica.\n"
    "Lukashenko threatened to cut gas transit to Lithuania.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_lines_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, "utf-8")
    code, out, _ = run(str(path), "--published", "2024-03-21")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["doc"], r["type"], r["modality"]) for r in lines] == [
        ("report.txt", "MIGRATION_PRESSURE", "occurred"),
        ("report.txt", "THREAT_RHETORIC", "occurred"),
        ("report.txt", "ENERGY_COERCION", "threatened"),
    ]
    first = lines[0]
    assert first["date_start"] == "2024-03-19" and first["theatre"] == "PL-BY"
    assert TEXT[first["evidence"]["start"] : first["evidence"]["end"]] == first["evidence"]["text"]


def test_a_bad_file_is_named_and_the_others_still_print(tmp_path: Path) -> None:
    good, broken = tmp_path / "good.txt", tmp_path / "broken.pdf"
    good.write_text(TEXT, "utf-8")
    broken.write_bytes(b"%PDF-1.4 not really a pdf")
    code, out, err = run(str(broken), str(tmp_path / "missing.txt"), str(good), "--published", "2024-03-21")
    assert code == 1
    assert len(out.splitlines()) == 3 and all(
        json.loads(line)["doc"] == "good.txt" for line in out.splitlines()
    )
    errors = err.strip().splitlines()
    assert len(errors) == 2 and "broken.pdf" in errors[0] and "missing.txt" in errors[1]


def test_table_format(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, "utf-8")
    code, out, _ = run(str(path), "--published", "2024-03-21", "--format", "table")
    assert code == 0 and "MIGRATION_PRESSURE" in out and "PL-BY" in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, "utf-8")
    assert run(str(path), "--format", "xml")[0] == 2
    assert run(str(path), "--published", "21/03/2024")[0] == 2


def test_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(app, ["extract", "--help"])
    assert result.exit_code == 0 and "flankwatch extract report.txt" in result.stdout
