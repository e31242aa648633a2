"""`pipeline.perception` and `flankwatch perception --db`: the analysis of texts written here (and of one
real document) is stored as a run whose reads give back what the analysis computed; running it again
changes nothing."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flankwatch import pipeline
from flankwatch.cli import app
from flankwatch.errors import UsageError
from flankwatch.perception import PerceptionResult, analyse
from flankwatch.perception.writer import write_outputs
from flankwatch.pipeline import Progress
from flankwatch.store import Store
from flankwatch.store.perception import PERCEPTION_TABLES, run_id

REAL_FILE = "lithuania_2023_NationalThreatAssessment.txt"  # not clean UTF-8: U+FFFD and control characters
FILLER_EN = (
    "the council reviewed its annual plan and agreed the next steps with care after long talks".split()
)
FILLER_PL = "rada przyjęła roczny plan oraz omówiła kolejne kroki po długich rozmowach z ekspertami".split()


def _text(filler: list[str], inserts: list[str], words: int, seed: int) -> str:
    """`inserts` (phrases holding targets and cues) spread among neutral filler words."""
    chance = random.Random(seed)
    out = [chance.choice(filler) for _ in range(words)]
    for i, phrase in enumerate(inserts):
        out.insert((i + 1) * words // (len(inserts) + 1), phrase)
    return " ".join(out) + "."


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "lithuania_2012_NationalSecurityStrategy.txt": _text(
            FILLER_EN,
            [
                "Belarus tightened its border with migrants",
                "troops of Belarus and Russia held a joint exercise",
                "Belarusian gas transit",
                "Belarus",
            ],
            400,
            seed=1,
        ),
        "lithuania_2012_NationalSecurityStrategyDraft.txt": _text(
            FILLER_EN, ["Belarus", "Russia"], 300, seed=2
        ),
        "poland_2020_NationalSecurityStrategy_noneng.txt": _text(
            FILLER_PL, ["Białoruś", "granica z Białorusią", "białoruskie wojska", "Białoruś"], 350, seed=3
        ),
        "latvia_2021_DefenceConcept.txt": _text(FILLER_EN, [], 200, seed=4),
        "readme.txt": "notes for the team, not a document of any country",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("written") / "docs")


@pytest.fixture
def stored(tmp_path: Path, corpus: Path) -> Iterator[tuple[Store, PerceptionResult]]:
    with Store.open(tmp_path / "s.duckdb") as store:
        yield store, pipeline.perception(store, corpus, ["belarus", "russia"])


def test_the_stored_run_reads_back_as_the_analysis_computed_it(
    stored: tuple[Store, PerceptionResult],
) -> None:
    store, result = stored
    run = run_id(result)
    assert store.perception.result(run) == result
    assert result == analyse(result.source, ["belarus", "russia"])  # storing changed nothing in the result
    # Anchors written into the texts, so that a silently empty analysis cannot pass.
    assert result.count("lithuania_2012_NationalSecurityStrategy.txt", "belarus").names == 3
    assert result.count("lithuania_2012_NationalSecurityStrategy.txt", "belarus").adjectives == 1
    assert result.count("poland_2020_NationalSecurityStrategy_noneng.txt", "belarus").mentions_all == 4
    assert [r.origin.rsplit("/", 1)[-1] for r in store.perception.run(run).rejections] == ["readme.txt"]


def test_each_read_gives_the_analysis_numbers(stored: tuple[Store, PerceptionResult]) -> None:
    store, result = stored
    run = run_id(result)
    assert tuple(store.perception.documents(run)) == result.documents
    assert tuple(store.perception.counts(run)) == result.counts
    assert tuple(store.perception.groups(run)) == result.groups
    assert tuple(store.perception.first_appearances(run)) == result.first
    assert tuple(store.perception.topics(run)) == result.topics
    assert tuple(store.perception.growth(run)) == result.growth
    doc = "lithuania_2012_NationalSecurityStrategy.txt"
    concordance = store.perception.mentions(run, doc=doc, target="belarus")
    assert concordance == [m for m in result.mentions if m.doc == doc and m.target == "belarus"]
    assert [m.topic for m in concordance[:3]] == ["migration_borders", "military", "energy_economy"]
    poland = store.perception.mentions(run, country="poland")
    assert [m.text for m in poland] == ["Białoruś", "Białorusią", "białoruskie", "Białoruś"]


def test_the_draft_is_counted_as_its_own_document(stored: tuple[Store, PerceptionResult]) -> None:
    store, result = stored
    run = run_id(result)
    groups = {(g.country, g.year, g.target): g for g in store.perception.groups(run)}
    lithuania = groups[("lithuania", 2012, "belarus")]
    both = [d for d in result.documents if d.country == "lithuania" and d.counted]
    assert (lithuania.docs, lithuania.words) == (len(both), sum(d.words for d in both))


def test_running_the_same_analysis_again_changes_nothing(
    stored: tuple[Store, PerceptionResult], corpus: Path
) -> None:
    store, result = stored
    counts = store.counts()
    before = store.snapshot(skip_columns=("stored_at",))
    again = pipeline.perception(store, corpus, ["belarus", "russia"])
    assert run_id(again) == run_id(result)
    assert store.counts() == counts and store.snapshot(skip_columns=("stored_at",)) == before
    assert [r.id for r in store.perception.runs()] == [run_id(result)]


def test_an_edited_corpus_is_a_new_run_and_the_old_one_stays(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    with Store.open(tmp_path / "s.duckdb") as store:
        first = run_id(pipeline.perception(store, folder, ["belarus"]))
        (folder / "latvia_2021_DefenceConcept.txt").write_text("Belarus and Belarus again.", encoding="utf-8")
        second = pipeline.perception(store, folder, ["belarus"])
        assert run_id(second) != first
        assert [r.id for r in store.perception.runs()] == [run_id(second), first]
        assert store.perception.counts(first, doc="latvia_2021_DefenceConcept.txt")[0].names == 0
        assert store.perception.counts(run_id(second), doc="latvia_2021_DefenceConcept.txt")[0].names == 2


def test_progress_reports_reading_and_storing(tmp_path: Path, corpus: Path) -> None:
    updates: list[Progress] = []
    with Store.open(tmp_path / "s.duckdb") as store:
        pipeline.perception(store, corpus, ["belarus"], progress=updates.append)
    assert {u.stage for u in updates} == {"perception"}
    assert updates[-1] == Progress("perception", 5, 5, "storing")


def test_a_bad_target_stores_nothing(tmp_path: Path, corpus: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        with pytest.raises(UsageError, match="unknown target 'narnia'"):
            pipeline.perception(store, corpus, ["narnia"])
        assert {t: n for t, n in store.counts().items() if t in PERCEPTION_TABLES} == dict.fromkeys(
            PERCEPTION_TABLES, 0
        )


def test_the_report_can_be_written_again_from_the_store(
    stored: tuple[Store, PerceptionResult], tmp_path: Path
) -> None:
    store, result = stored
    from_analysis = write_outputs(result, tmp_path / "a")
    from_store = write_outputs(store.perception.result(run_id(result)), tmp_path / "b")
    names = sorted(p.relative_to(tmp_path / "a") for p in from_analysis)
    assert len(names) > 10 and names == sorted(p.relative_to(tmp_path / "b") for p in from_store)
    for name in names:  # CSV, JSON, charts, concordance pages and the report, byte for byte
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_real_document_round_trips(tmp_path: Path) -> None:
    real = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "official-docs" / REAL_FILE
    if not real.is_file():
        pytest.skip(f"the shared corpus of official documents is not at {real.parent}")
    folder = tmp_path / "real"
    folder.mkdir()
    shutil.copy(real, folder / REAL_FILE)
    with Store.open(tmp_path / "s.duckdb") as store:
        result = pipeline.perception(store, folder, ["belarus", "russia"])
        document = result.document(REAL_FILE)
        assert any("replacement character" in w for w in document.warnings)
        assert result.count(REAL_FILE, "belarus").mentions_all > 50
        run = run_id(result)
        assert store.perception.result(run) == result
        total = store.perception.mention_total(run, target="belarus")
        assert total == result.count(REAL_FILE, "belarus").mentions_all
        page = store.perception.mentions(run, target="belarus", limit=10, offset=10)
        assert page == [m for m in result.mentions if m.target == "belarus"][10:20]
        before = store.snapshot(skip_columns=("stored_at",))
        pipeline.perception(store, folder, ["belarus", "russia"])
        assert store.snapshot(skip_columns=("stored_at",)) == before


# ---- the command line -------------------------------------------------------------------------


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.delenv("FLANKWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)  # a store created by mistake would land here, where the test looks
    return CliRunner()


def test_cli_stores_the_run_with_db_and_prints_its_id(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cli.duckdb"
    args = ["perception", str(corpus), "-t", "belarus", "--out", str(tmp_path / "out"), "--format", "jsonl"]
    run = runner.invoke(app, [*args, "--db", str(db)])
    assert run.exit_code == 1, run.output  # readme.txt is rejected
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    with Store.open(db, read_only=True) as store:
        stored = store.perception.latest()
        assert stored is not None and f"stored as perception run {stored.id}" in run.stderr
        counts = {c.doc: c for c in store.perception.counts(stored.id)}
        assert {line["doc"]: line["mentions_all"] for line in lines} == {
            doc: c.mentions_all for doc, c in counts.items()
        }
        before = store.snapshot(skip_columns=("stored_at",))
    assert runner.invoke(app, [*args, "--db", str(db)]).exit_code == 1
    with Store.open(db, read_only=True) as store:
        assert store.snapshot(skip_columns=("stored_at",)) == before


def test_cli_stores_nothing_without_db_or_flankwatch_db(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    run = runner.invoke(app, ["perception", str(corpus), "--out", str(tmp_path / "out")])
    assert run.exit_code == 1 and "stored as" not in run.stderr
    assert not list(tmp_path.glob("*.duckdb"))
    assert (tmp_path / "out" / "report.html").is_file()


def test_cli_stores_into_flankwatch_db(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "from-env.duckdb"
    run = runner.invoke(
        app, ["perception", str(corpus), "--out", str(tmp_path / "out")], env={"FLANKWATCH_DB": str(db)}
    )
    assert run.exit_code == 1 and "stored as perception run" in run.stderr
    with Store.open(db, read_only=True) as store:
        assert store.counts()["perception_runs"] == 1


def test_cli_a_file_that_is_not_a_store_exits_2_naming_it(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.duckdb"
    notes.write_text("these are notes, not a database\n" * 200)
    run = runner.invoke(app, ["perception", str(corpus), "--out", str(tmp_path / "out"), "--db", str(notes)])
    assert run.exit_code == 2
    assert "notes.duckdb: cannot open the store" in run.stderr


def test_cli_help_explains_db(runner: CliRunner) -> None:
    run = runner.invoke(app, ["perception", "--help"])
    assert run.exit_code == 0 and "--db" in run.output and "FLANKWATCH_DB" in run.output
