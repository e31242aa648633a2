"""The main job with the real stages on a small corpus written for this test: every number in the
digest traces back to the sentence and the document that gave it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flankwatch import pipeline
from flankwatch.cli import app
from flankwatch.store import Store

DOCS = [
    (
        "en-2024-03-12-border-guard",
        "https://sg.example.org/2024-03-12",
        "2024-03-12",
        "Polish Border Guard",
        "Information of the Polish Border Guard on the situation at the Polish-Belarusian border.\n"
        "In the past 24 hours, officers of the Podlaskie Border Guard Division recorded 85 attempts to cross "
        "the border from Belarus illegally, most of them near Kuźnica.",
    ),
    (
        "en-2024-03-20-border-guard",
        "https://sg.example.org/2024-03-20",
        "2024-03-20",
        "Polish Border Guard",
        "Information of the Polish Border Guard on the situation at the Polish-Belarusian border.\n"
        "In the past 24 hours, officers of the Podlaskie Border Guard Division recorded 212 attempts to "
        "cross the border from Belarus illegally, most of them near Czeremcha.",
    ),
    (
        "en-2024-03-21-wire",
        "https://wire.example.com/2024/03/21/belarus-readiness-check",
        "2024-03-21",
        "Baltic Wire",
        "Belarus began a snap readiness check of units in the Hrodna region on Wednesday, involving about "
        "3,000 troops, the Belarusian defence ministry said.",
    ),
    (
        "en-2024-03-27-border-guard",
        "https://sg.example.org/2024-03-27",
        "2024-03-27",
        "Polish Border Guard",
        "In the past 24 hours, officers of the Podlaskie Border Guard Division recorded 64 attempts to cross "
        "the border from Belarus illegally.",
    ),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "corpus.jsonl"
    rows = [
        {"id": i, "url": u, "title": i, "published": p, "publisher": pub, "language": "en", "text": t}
        for i, u, p, pub, t in DOCS
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture(scope="module")
def demo(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.RunSummary, Path]:
    out = tmp_path_factory.mktemp("out")
    with Store.open(out / "flankwatch.duckdb") as store:
        return pipeline.run(store, [str(corpus)], out), out


def _cited_source(markdown: str, url: str) -> str:
    """The digest's source number for a URL, from its Sources list."""
    match = re.search(rf"^(\d+)\. .*\]\({re.escape(url)}\)", markdown, re.M)
    assert match, f"{url} is not among the sources"
    return match[1]


def test_the_run_covers_every_week_and_writes_an_index(demo):
    result, out = demo
    assert (result.ingest.ingested, result.ingest.rejected) == (4, ())
    assert [d.week for d in result.digests] == ["2024-W11", "2024-W12", "2024-W13"]
    index = (out / "index.html").read_text("utf-8")
    assert all(f'href="{week}.html"' in index for week in ("2024-W11", "2024-W12", "2024-W13"))


def _citations_of(markdown: str, number: str) -> set[str]:
    """The source cited first after each occurrence of a number ("212 attempts a day [[2]]" -> {"2"})."""
    return set(re.findall(rf"(?<![\d,.]){re.escape(number)}(?![\d,])[^\[\n]*\[\[(\d+)\]\]", markdown))


def test_each_number_in_the_digest_cites_the_document_that_gave_it(demo):
    _, out = demo
    markdown = (out / "2024-W12.md").read_text("utf-8")
    border_guard = _cited_source(markdown, "https://sg.example.org/2024-03-20")
    wire = _cited_source(markdown, "https://wire.example.com/2024/03/21/belarus-readiness-check")
    assert _citations_of(markdown, "212") == {border_guard}
    assert _citations_of(markdown, "3,000") == {wire}
    assert (
        "recorded 212 attempts to cross the border from Belarus illegally" in markdown
    )  # the sentence itself
    assert "sg.example.org/2024-03-12" not in markdown  # last week's document is no source this week
    last_week = (out / "2024-W11.md").read_text("utf-8")
    assert _citations_of(last_week, "85") == {_cited_source(last_week, "https://sg.example.org/2024-03-12")}


def test_stored_evidence_offsets_point_into_the_stored_text(demo):
    result, _ = demo
    with Store.open(result.db, read_only=True) as store:
        documents = store.documents()
        mentions = store.mentions()
        assert mentions
        for m in mentions:
            assert documents[m.doc].text[m.evidence.start : m.evidence.end] == m.evidence.text


def test_the_commands_ingest_assess_and_digest_a_store(corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("FLANKWATCH_DB", raising=False)
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    summary = ingested.stdout.splitlines()
    assert summary[0] == "ingested 4, duplicates 0, rejected 0"
    assert re.fullmatch(
        r"extracted 4 documents: [1-9]\d* mentions; assessed 3 weeks: [1-9]\d* events", summary[1]
    )
    assessed = runner.invoke(app, ["assess", "--week", "2024-W12", "--json", "--db", db])
    assert assessed.exit_code == 0, assessed.output
    by_theatre = {(a["theatre"], a["domain"]): a for a in json.loads(assessed.stdout)}
    assert (
        by_theatre[("BY", "military")]["level"] == 2
        and by_theatre[("BY", "military")]["verdict"] == "escalated"
    )
    table = runner.invoke(app, ["assess", "--week", "2024-W12", "--db", db], env={"COLUMNS": "160"})
    assert "Assessment 2024-W12" in table.stdout and "3,000 troops" in table.stdout
    digested = runner.invoke(app, ["digest", "--week", "2024-W12", "--db", db])
    assert digested.exit_code == 0
    assert digested.stdout.split() == [
        str(tmp_path / "digests" / "2024-W12.md"),
        str(tmp_path / "digests" / "2024-W12.html"),
    ]
    missing = runner.invoke(app, ["digest", "--week", "2024-W30", "--db", db])
    assert missing.exit_code == 2 and "it covers 2024-W11 to 2024-W13" in missing.stderr


def test_documents_stored_without_extraction_are_extracted_when_assessed(corpus, tmp_path):
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db, "--no-extract"]).exit_code == 0
    assessed = runner.invoke(app, ["assess", "--week", "2024-W12", "--json", "--db", db])
    assert assessed.exit_code == 0 and json.loads(assessed.stdout)


def test_the_demo_command_runs_the_bundled_corpus_and_says_where_the_outputs_are(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        f"open: {out / 'index.html'}" in result.stdout
        and f"store: {out / 'flankwatch.duckdb'}" in result.stdout
    )
    assert re.search(r"^documents: [1-9]\d* new, 0 already stored, 0 rejected$", result.stdout, re.M)
    digests = sorted(p.name for p in out.glob("*.md"))
    assert len(digests) >= 26 and (out / digests[0].replace(".md", ".html")).exists()
