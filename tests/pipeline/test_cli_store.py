"""The store-backed commands: summaries, one-line errors, exit codes, --db precedence, help examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flankwatch.cli import app
from flankwatch.store import Store

TEXT = "The Border Guard said {n} people tried to cross the border near Kuźnica on Tuesday."


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    # The environment a user may have must not leak into the tests; run in an empty folder.
    for name in ("FLANKWATCH_DB", "FLANKWATCH_BATCH_SIZE", "FLANKWATCH_MAX_INPUT_BYTES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_ingest_of_good_inputs_exits_0_with_a_summary(runner, write, tmp_path):
    folder = write("a.txt", TEXT.format(n=1)).parent
    write("b.txt", TEXT.format(n=2))
    result = runner.invoke(app, ["ingest", str(folder), "--db", "s.duckdb", "--no-extract"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["ingested 2, duplicates 0, rejected 0", "store: s.duckdb"]
    assert result.stderr == ""


def test_ingest_with_rejections_exits_1_and_names_each_file_and_problem_on_one_line(runner, write):
    good = write("a.txt", TEXT.format(n=1))
    empty = write("empty.txt", "   ")
    pdf = write("broken.pdf", b"%PDF-1.4\nnot a pdf at all")
    corpus = write("c.jsonl", '{"text": "' + TEXT.format(n=5) + '"}\n[1, 2]\n')
    long_name = write("a-very-long-folder-name-for-wrapping/" + "x" * 60 + ".txt", "")
    result = runner.invoke(app, ["ingest", str(good.parent), "--db", "s.duckdb", "--no-extract"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[0] == "ingested 2, duplicates 0, rejected 4"
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert f"rejected: {empty}: empty: no text in the file" in lines
    assert f"rejected: {long_name}: empty: no text in the file" in lines
    assert f"rejected: {corpus}:2: a JSON list, not an object with a 'text' field" in lines
    assert any(re.fullmatch(rf"rejected: {re.escape(str(pdf))}: broken PDF: .+", line) for line in lines)
    with Store.open("s.duckdb", read_only=True) as store:
        assert len(store.rejections()) == 4 and store.counts()["documents"] == 2


def test_a_second_ingest_reports_duplicates(runner, write):
    page = write("a.txt", TEXT.format(n=1))
    runner.invoke(app, ["ingest", str(page), "--db", "s.duckdb", "--no-extract"])
    result = runner.invoke(app, ["ingest", str(page), "--db", "s.duckdb", "--no-extract"])
    assert result.exit_code == 0 and result.stdout.startswith("ingested 0, duplicates 1, rejected 0")


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            ["--published", "21.03.2024"],
            {},
            "error: --published '21.03.2024' is not a date; write it like 2024-03-21",
        ),
        (
            [],
            {"FLANKWATCH_BATCH_SIZE": "0"},
            "error: FLANKWATCH_BATCH_SIZE='0' is not valid: must be a positive whole",
        ),
        (["--db", "notes.txt"], {}, "error: notes.txt: cannot open the store"),
    ],
)
def test_usage_and_configuration_errors_exit_2_with_one_line(runner, write, tmp_path, args, env, message):
    Path("notes.txt").write_text("plain notes, not a database\n" * 100)
    page = write("a.txt", TEXT.format(n=1))
    result = runner.invoke(app, ["ingest", str(page), "--no-extract", *args], env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1


def test_the_store_path_comes_from_db_then_the_environment_then_the_default(runner, write, tmp_path):
    page = write("a.txt", TEXT.format(n=1))
    runner.invoke(app, ["ingest", str(page), "--no-extract"])
    assert Path("flankwatch.duckdb").exists()
    runner.invoke(app, ["ingest", str(page), "--no-extract"], env={"FLANKWATCH_DB": "from-env.duckdb"})
    assert Path("from-env.duckdb").exists()
    runner.invoke(
        app,
        ["ingest", str(page), "--no-extract", "--db", "from-option.duckdb"],
        env={"FLANKWATCH_DB": "from-env-2.duckdb"},
    )
    assert Path("from-option.duckdb").exists() and not Path("from-env-2.duckdb").exists()


@pytest.mark.parametrize("command", [["assess", "--week", "2024-W12"], ["digest", "--week", "2024-W12"]])
def test_reading_commands_on_a_missing_store_exit_2(runner, command):
    result = runner.invoke(app, [*command, "--db", "nowhere.duckdb"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: nowhere.duckdb: no store here yet; create it with `flankwatch ingest` or `flankwatch demo`"
    )


def test_a_malformed_week_exits_2(runner):
    result = runner.invoke(app, ["assess", "--week", "2024-12"])
    assert result.exit_code == 2 and "'2024-12' is not an ISO week; write it like 2024-W12" in result.stderr


def test_missing_arguments_are_usage_errors(runner):
    assert runner.invoke(app, ["ingest"]).exit_code == 2


@pytest.mark.parametrize(
    "command", ["ingest", "demo", "events", "indicators", "assess", "backtest", "digest"]
)
def test_every_command_help_ends_with_runnable_examples(runner, command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert result.exit_code == 0 and "Example:" in lines
    examples = lines[lines.index("Example:") + 1 :]
    assert examples and all(line.startswith(f"flankwatch {command} ") for line in examples)


BAD_INPUTS = {
    "unreadable": ("gone.txt", None, "cannot read: No such file or directory"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content, not text"),
    "empty": ("empty.txt", b"\n \n", "empty: no text in the file"),
    "oversized": ("big.txt", b"word " * 400, "file of 2,000 bytes is larger than the 1,000 byte limit"),
    "wrongly encoded": ("jp.txt", "国境警備隊は発表した。".encode("shift_jis"), "undecodable: not UTF-8"),
    "broken html": (
        "page.html",
        b"<html><body><script>x()</script></body></html>",
        "broken HTML: no text found",
    ),
    "broken pdf": ("doc.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken PDF: "),
    "broken feed": ("feed.xml", b"<rss version='2.0'><channel><title>cut", "broken feed: "),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_each_kind_of_bad_input_is_one_line_one_row_and_the_batch_goes_on(runner, write, tmp_path, kind):
    name, content, problem = BAD_INPUTS[kind]
    good = write("good.txt", TEXT.format(n=1))
    bad = good.parent / name
    if content is None:
        bad.symlink_to(tmp_path / "deleted.txt")
    else:
        bad.write_bytes(content)
    write("zz-last.txt", TEXT.format(n=2))  # read after the bad input: the batch goes on past it
    env = {"FLANKWATCH_MAX_INPUT_BYTES": "1000"}
    result = runner.invoke(app, ["ingest", str(good.parent), "--db", "s.duckdb", "--no-extract"], env=env)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "ingested 2, duplicates 0, rejected 1"
    [line] = result.stderr.splitlines()
    assert line.startswith(f"rejected: {bad}: {problem}")
    with Store.open("s.duckdb", read_only=True) as store:
        [row] = store.rejections()
        assert row.origin == str(bad) and line == f"rejected: {row.origin}: {row.problem}"
        assert store.counts()["documents"] == 2
