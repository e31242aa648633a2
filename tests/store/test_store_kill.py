"""A process killed (SIGKILL) mid-ingest or mid-extraction leaves a consistent store; a rerun completes it.

The child blocks at a known point (it prints "blocked" and waits), so the kill
lands mid-run every time without any timing in the test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flankwatch.store import Store

CHILD = textwrap.dedent("""
    import sys, threading
    from flankwatch import pipeline
    from flankwatch.config import load_config
    from flankwatch.records import Evidence, Mention
    from flankwatch.store import Store

    db, folder, block_stage, block_at = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

    def block_if(stage, count):
        if stage == block_stage and count >= block_at:
            print("blocked", flush=True)
            threading.Event().wait()

    class Extractor:
        version = "fake-1"
        calls = 0

        def extract(self, doc):
            Extractor.calls += 1
            block_if("extract", Extractor.calls)
            words = doc.text.split()
            return [Mention(doc=doc.name, type="MIGRATION_PRESSURE",
                            evidence=Evidence(doc.text.index(w), doc.text.index(w) + len(w), w))
                    for w in words[:3]]

    def progress(update):
        if update.stage == "ingest":
            block_if("ingest", update.done)

    config = load_config(env={}, db=db, batch_size=2)
    with Store.open(db) as store:
        pipeline.ingest(store, [folder], config=config, progress=progress)
        pipeline.extract_pending(store, extractor=Extractor(), batch_size=2)
    print("done", flush=True)
""")
TIMESTAMPS = ("ingested_at", "extracted_at", "recorded_at", "applied_at")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(11):
        (folder / f"doc{n:02d}.txt").write_text(
            f"Report {n}: border guards counted {n * 10} crossing attempts.\n"
        )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder


def _child(
    tmp_path: Path, db: Path, corpus: Path, block_stage: str = "none", block_at: int = 0
) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    return subprocess.Popen(
        [sys.executable, str(script), str(db), str(corpus), block_stage, str(block_at)],
        stdout=subprocess.PIPE,
        text=True,
    )


def _run_to_end(tmp_path: Path, db: Path, corpus: Path) -> None:
    child = _child(tmp_path, db, corpus)
    output, _ = child.communicate(timeout=120)
    assert child.returncode == 0 and output.strip() == "done"


def _kill_when_blocked(child: subprocess.Popen) -> None:
    assert child.stdout is not None and child.stdout.readline().strip() == "blocked"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL


def _assert_consistent(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        documents = store.documents()
        mentions = store.mentions()
        extracted = set(documents) - set(store.pending_extraction("__main__.Extractor/fake-1"))
        assert {
            m.doc for m in mentions
        } == extracted  # every mention has its document, and every read one its mentions
        assert all(len(store.mentions(doc=d)) == 3 for d in extracted)
        return store.counts()


@pytest.mark.parametrize(("stage", "at"), [("ingest", 5), ("extract", 6)])
def test_a_killed_run_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path, corpus, stage, at):
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    _kill_when_blocked(_child(tmp_path, killed_db, corpus, stage, at))

    counts = _assert_consistent(killed_db)
    if stage == "ingest":
        assert (
            counts["documents"] == 4 and counts["mentions"] == 0
        )  # two committed batches of two; the fifth was lost
    else:
        assert counts["documents"] == 11 and counts["mentions"] == 3 * 4  # two extraction batches committed

    _run_to_end(tmp_path, killed_db, corpus)
    _run_to_end(tmp_path, clean_db, corpus)
    _assert_consistent(killed_db)
    with Store.open(killed_db, read_only=True) as rerun, Store.open(clean_db, read_only=True) as clean:
        assert rerun.snapshot(skip_columns=TIMESTAMPS) == clean.snapshot(skip_columns=TIMESTAMPS)
        assert rerun.counts()["documents"] == 11 and rerun.counts()["rejections"] == 1
