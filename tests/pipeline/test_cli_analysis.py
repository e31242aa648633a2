"""The analysis commands on a store built by the real stages: `events`, `indicators`, `assess --rules`
and `backtest` print tables or JSON, write the chart, and refuse bad input with exit code 2."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flankwatch.cli import app

REPORTS = [
    (
        "2024-03-05",
        "Polish Border Guard",
        "On Monday, 21 attempts to cross the border from Belarus were recorded.",
    ),
    (
        "2024-03-12",
        "Polish Border Guard",
        "On Monday, 24 attempts to cross the border from Belarus were recorded.",
    ),
    (
        "2024-03-19",
        "Polish Border Guard",
        "On Monday, 19 attempts to cross the border from Belarus were recorded.",
    ),
    (
        "2024-03-26",
        "Polish Border Guard",
        "On Monday, 310 attempts to cross the border from Belarus were recorded.",
    ),
    (
        "2024-03-26",
        "Baltic Wire Service",
        "Poland's Border Guard said 310 attempts to cross the border were recorded on Monday.",
    ),
    (
        "2024-03-26",
        "BelTA",
        "Polish border guards pushed back 900 refugees into Belarus on Monday, the committee said.",
    ),
    (
        "2024-04-02",
        "Polish Border Guard",
        "On Monday, 22 attempts to cross the border from Belarus were recorded.",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-analysis")
    corpus = folder / "corpus.jsonl"
    rows = [
        {"id": f"r{n}", "url": f"https://example.org/r{n}", "title": f"r{n}", "published": day}
        | {"publisher": publisher, "language": "en", "text": text}
        for n, (day, publisher, text) in enumerate(REPORTS)
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    path = folder / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_events_lists_each_happening_once_with_its_graded_sources(db: Path) -> None:
    code, out, _ = _run("events", "--week", "2024-W13", "--json", "--db", str(db))
    assert code == 0
    events = json.loads(out)
    assert events and all(e["sources"] and e["independent_sources"] >= 1 for e in events)
    grades = {s["publisher"]: s["grade"] for e in events for s in e["sources"]}
    assert grades and all(re.fullmatch(r"[A-F][1-6]", g) for g in grades.values())
    code, table, _ = _run("events", "--week", "2024-W13", "--theatre", "pl-by", "--db", str(db))
    assert code == 0 and "events" in table.splitlines()[0]


def test_indicators_print_the_weekly_series_and_their_baselines(db: Path) -> None:
    code, out, _ = _run("indicators", "--unit", "attempts", "--json", "--db", str(db))
    assert code == 0
    figures = json.loads(out)
    assert figures and {f["basis"] for f in figures} <= {"daily", "weekly", "totals", "events"}
    assert all(set(f) >= {"week", "theatre", "value", "baseline", "anomaly"} for f in figures)
    code, table, _ = _run("indicators", "--db", str(db))
    assert code == 0 and "weekly figures" in table.splitlines()[0] and "Baseline" in table


def test_assess_shows_response_options_and_re_assesses_under_older_rules(db: Path) -> None:
    code, out, _ = _run("assess", "--week", "2024-W13", "--json", "--db", str(db))
    assert code == 0
    stored = json.loads(out)
    assert {a["rules_version"] for a in stored} == {"v2"}
    assert all(a["responses"] and a["responses"][0]["rationale"] for a in stored)
    code, out, _ = _run("assess", "--week", "2024-W13", "--rules", "v1", "--json", "--db", str(db))
    assert code == 0 and {a["rules_version"] for a in json.loads(out)} == {"v1"}
    code, table, _ = _run("assess", "--week", "2024-W13", "--db", str(db))
    assert code == 0 and "Response options" in table and "(rules v2)" in table
    code, _, err = _run("assess", "--week", "2024-W13", "--rules", "v9", "--db", str(db))
    assert code == 2 and "no rules 'v9'; the packaged versions are v1, v2" in err


def test_backtest_prints_the_grid_and_the_moves_and_writes_the_chart(db: Path, tmp_path: Path) -> None:
    chart = tmp_path / "bt.svg"
    code, out, _ = _run(
        "backtest", "--from", "2024-W10", "--to", "2024-W14", "--chart", str(chart), "--db", str(db)
    )
    assert code == 0
    assert out.splitlines()[0].startswith("Backtest 2024-W10 to 2024-W14 — security, rules v2")
    assert "Escalations and de-escalations" in out and f"chart: {chart}" in out
    assert ET.fromstring(chart.read_text("utf-8")).tag.endswith("svg")
    code, out, _ = _run("backtest", "--from", "2024-W10", "--to", "2024-W14", "--json", "--db", str(db))
    grid = json.loads(out)
    assert grid["weeks"][0] == "2024-W10" and len(grid["weeks"]) == 5
    assert sum(grid["verdicts"].values()) == len(grid["cells"])
    assert (db.parent / "backtest-2024-W10-2024-W14.svg").exists()  # the default place: beside the store


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["backtest", "--from", "2024-W14", "--to", "2024-W10"], "comes after"),
        (["backtest", "--from", "2024-14", "--to", "2024-W10"], "is not an ISO week"),
        (["events", "--from", "14.03.2024"], "is not a date"),
        (["indicators", "--from", "W10"], "is not an ISO week"),
    ],
)
def test_bad_periods_are_usage_errors(db: Path, args: list[str], message: str) -> None:
    code, _, err = _run(*args, "--db", str(db))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
