"""Loading the gold corpus, running an extractor over it, the floors, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_records import TEXT, gold_doc, sentence
from typer.testing import CliRunner

from flankwatch.cli import app
from flankwatch.errors import DataFileError, UsageError
from flankwatch.evaluate import Floor, below_floors, load_floors, load_gold, run_evaluation, score
from flankwatch.records import Document, Mention


def _corpus(root: Path, events: list[dict], split: str = "dev") -> Path:
    (root / "corpus").mkdir(parents=True)
    (root / "gold").mkdir()
    doc = {
        "id": "en-2024-03-21-wire",
        "url": "https://example.org/1",
        "title": "Title",
        "published": "2024-03-21",
        "publisher": "Wire",
        "language": "en",
        "text": TEXT,
    }
    (root / "corpus" / "en.jsonl").write_text(json.dumps(doc) + "\n", "utf-8")
    (root / "gold" / "en.jsonl").write_text(
        json.dumps({"doc": doc["id"], "split": split, "events": events}) + "\n", "utf-8"
    )
    return root


def _event(n: int, event_type: str = "MIGRATION_PRESSURE") -> dict:
    evidence = sentence(TEXT, n)
    return {
        "type": event_type,
        "subtype": None,
        "modality": "occurred",
        "date_start": "2024-03-19",
        "date_end": "2024-03-19",
        "date_precision": "day",
        "actors": [],
        "targets": [],
        "place": None,
        "theatre": "PL-BY",
        "quantities": [
            {
                "value": 97,
                "value_max": None,
                "unit": "people",
                "qualifier": "exact",
                "period": None,
                "period_days": None,
            }
        ],
        "casualties": [],
        "evidence": {"text": evidence.text, "start": evidence.start, "end": evidence.end},
        "alternatives": [],
    }


class _Echo:
    """An extractor that finds exactly the first sentence's crossing attempts."""

    def __init__(self) -> None:
        self.seen: list[Document] = []

    def extract(self, doc: Document) -> list[Mention]:
        self.seen.append(doc)
        return [
            Mention(doc=doc.id, type="MIGRATION_PRESSURE", evidence=sentence(doc.text, 0), theatre="PL-BY")
        ]


def test_the_loader_builds_documents_with_their_publication_date(tmp_path: Path) -> None:
    (doc,) = load_gold(_corpus(tmp_path, [_event(0)]))
    assert (doc.id, doc.split, doc.doc.published.isoformat(), doc.doc.name) == (
        "en-2024-03-21-wire",
        "dev",
        "2024-03-21",
        "en-2024-03-21-wire",
    )
    assert doc.events[0].quantities[0].value == 97


def test_loader_errors_name_the_file_and_line(tmp_path: Path) -> None:
    root = _corpus(tmp_path, [_event(0)])
    with (root / "gold" / "en.jsonl").open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    with pytest.raises(DataFileError, match=r"en\.jsonl:2: not JSON"):
        load_gold(root)


def test_gold_for_an_unknown_document_is_refused(tmp_path: Path) -> None:
    root = _corpus(tmp_path, [_event(0)])
    (root / "gold" / "more.jsonl").write_text(
        json.dumps({"doc": "nope", "split": "dev", "events": []}) + "\n"
    )
    with pytest.raises(DataFileError, match="not in the corpus"):
        load_gold(root)


def test_run_evaluation_extracts_each_document_of_the_split(tmp_path: Path) -> None:
    gold = load_gold(_corpus(tmp_path, [_event(0), _event(1, "MILITARY_EXERCISE")]))
    echo = _Echo()
    scores = run_evaluation("dev", gold=gold, extractor=echo)
    assert [d.id for d in echo.seen] == ["en-2024-03-21-wire"]
    assert (scores.overall.precision, scores.overall.recall) == (1.0, 0.5)
    assert run_evaluation("heldout", gold=gold, extractor=echo).documents == 0
    assert run_evaluation("all", "ru", gold=gold, extractor=echo).documents == 0
    with pytest.raises(UsageError, match="dev, heldout, all"):
        run_evaluation("train", gold=gold, extractor=echo)


def test_below_floors_names_each_missed_floor() -> None:
    scores = score([gold_doc("a", [])], {})
    floors = [
        Floor("dev", "overall_f1", 0.5),
        Floor("dev", "f1:STRIKE", 0.0),
        Floor("dev", "field:dates", 0.2),
    ]
    assert below_floors({"dev": scores}, floors) == [
        "dev overall_f1 0.000 < floor 0.500",
        "dev field:dates 0.000 < floor 0.200",
    ]


def test_floors_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "floors.yaml"
    path.write_text("dev: {overall_f1: 0.1, fields: {colour: 0.5}}\nheldout: {overall_f1: 0.1}\n", "utf-8")
    with pytest.raises(DataFileError, match="colour"):
        load_floors(path)
    path.write_text("dev: {overall_f1: 0.1}\n", "utf-8")
    with pytest.raises(DataFileError, match="heldout"):
        load_floors(path)


def test_the_command_prints_dev_and_heldout_separately(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gold = load_gold(_corpus(tmp_path, [_event(0)]))
    canned = {
        "dev": run_evaluation("dev", gold=gold, extractor=_Echo()),
        "heldout": run_evaluation("heldout", gold=gold, extractor=_Echo()),
    }
    monkeypatch.setattr("flankwatch.cli.evaluate_cmd.evaluate_splits", lambda lang=None: canned)
    result = CliRunner().invoke(app, ["evaluate"])
    assert result.exit_code == 0, result.output
    assert "Extraction, dev split (1 documents)" in result.output
    assert "Extraction, held-out split (0 documents)" in result.output
    as_json = CliRunner().invoke(app, ["evaluate", "--json"])
    assert json.loads(as_json.stdout)["dev"]["overall"]["f1"] == 1.0


def test_the_command_refuses_an_unknown_split() -> None:
    result = CliRunner().invoke(app, ["evaluate", "--split", "train"])
    assert result.exit_code == 2
    assert "train" in result.output
