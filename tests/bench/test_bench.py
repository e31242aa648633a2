"""`flankwatch bench`: a deterministic, lazy corpus of any size; both passes measured in one run."""

from __future__ import annotations

import inspect
import itertools
import json
import shutil
import statistics
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flankwatch
from flankwatch.bench import GENRE_NAMES, BenchOptions, generate, run_bench, template_languages
from flankwatch.bench.corpus import load_templates
from flankwatch.cli import app
from flankwatch.errors import DataFileError, UsageError

DATA = Path(flankwatch.__file__).parent / "data"


def test_the_corpus_is_the_same_for_the_same_seed_and_differs_for_another() -> None:
    first = [(d.id, d.text, d.published) for d in generate(30, ("en", "ru", "pl"), seed=1)]
    again = [(d.id, d.text, d.published) for d in generate(30, ("en", "ru", "pl"), seed=1)]
    other = [d.text for d in generate(30, ("en", "ru", "pl"), seed=2)]
    assert first == again
    assert [t for _, t, _ in first] != other
    assert [d.language for d in generate(6, ("en", "ru", "pl"))] == ["en", "ru", "pl"] * 2


def test_the_corpus_is_made_lazily() -> None:
    docs = generate(10**9, ("en",))
    assert inspect.isgenerator(docs)
    assert len(list(itertools.islice(docs, 5))) == 5  # a billion documents are never all made


def test_documents_look_like_news_and_reports() -> None:
    docs = list(generate(300, ("en",)))
    lengths = [len(d.text) for d in docs]
    assert 800 < statistics.mean(lengths) < 4000
    genres = {d.name.rsplit("-", 1)[-1] for d in docs}
    assert genres == set(GENRE_NAMES)
    assert len({d.text for d in docs}) == len(docs)
    assert all(d.published is not None and d.publisher for d in docs)
    assert sum("[" in d.text or "¹" in d.text or "²" in d.text for d in docs) > 5  # footnote markers


def test_a_genre_subset_and_bad_names() -> None:
    assert {d.name.rsplit("-", 1)[-1] for d in generate(40, ("pl",), genres=("report",))} == {"report"}
    with pytest.raises(UsageError, match="known"):
        list(generate(1, ("en",), genres=("poetry",)))


def test_a_template_naming_an_unknown_slot_is_a_data_file_error(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA / "bench", root / "bench")
    path = root / "bench" / "en.yaml"
    path.write_text(path.read_text("utf-8").replace("{guard} said", "{gaurd} said", 1), "utf-8")
    with pytest.raises(DataFileError, match=r"bench/en.yaml -> .*unknown slot \{gaurd\}"):
        load_templates("en", root)
    assert set(template_languages()) >= {"en", "ru", "pl"}


def test_the_passes_are_measured_with_their_memory_and_the_ratio_compares_one_process_each() -> None:
    result = run_bench(BenchOptions(docs=16, languages=("en", "pl"), workers=2, batch_size=4))
    record = result.to_json()
    for key in ("docs", "megabytes", "extract_docs_per_s", "tokenizer_docs_per_s", "ratio", "peak_rss_mb"):
        assert key in record
    assert record["docs"] == 16 and result.tokenizer.docs == 16
    assert record["megabytes"] > 0 and result.extraction.bytes == result.tokenizer.bytes
    assert record["extract_docs_per_s"] > 0 and record["tokenizer_docs_per_s"] > 0 and record["ratio"] > 0
    assert record["tokenizer_workers"] == record["extract_workers"] == 1  # the ratio: equal resources
    assert record["peak_rss_worker_mb"] == 0 and record["peak_rss_mb"] >= record["peak_rss_main_mb"] > 10
    assert record["workers"] == 2 and record["machine"]["cpus"] >= 1
    assert set(record["mentions_by_language"]) <= {"en", "pl"}
    parallel = record["parallel"]  # the two-process pass, apart and labelled
    assert parallel["extract_workers"] == 2 and parallel["peak_rss_worker_mb"] > 10
    assert parallel["extract_docs_per_s"] > 0 and parallel["ratio_vs_one_tokenizer_process"] > 0
    assert parallel["speedup_vs_one_extraction_process"] > 0
    assert parallel["mentions"] == record["mentions"] and parallel["same_mentions"] is True


def test_the_command_prints_one_json_object() -> None:
    result = CliRunner().invoke(app, ["bench", "--docs", "6", "--langs", "en", "--json"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["docs"] == 6 and record["languages"] == ["en"] and record["workers"] == 1
    assert record["parallel"] is None  # one worker: no multi-process pass


def test_the_command_names_unknown_languages() -> None:
    result = CliRunner().invoke(app, ["bench", "--docs", "6", "--langs", "en,xx"])
    assert result.exit_code == 2
    assert "xx" in result.stderr and "known" in result.stderr
