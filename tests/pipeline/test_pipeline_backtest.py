"""Near-duplicates found at ingest, events with graded sources stored by the analysis, past weeks
re-assessed under older rules, and the backtest's grid and chart — with the real fusion,
indicators and assessment behind a stand-in extractor."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest
from pipeline_fakes import NumberExtractor

from flankwatch import pipeline
from flankwatch.errors import UsageError
from flankwatch.pipeline import Stages
from flankwatch.store import Store

START = date(2024, 3, 4)  # Monday of 2024-W10
# A long template, as daily communiqués are: only their dates and figures differ.
FILLER = " ".join(
    f"The patrol of the {word} sector reported the situation at its post in detail to the command."
    for word in "northern southern eastern western central upper lower forest river lake marsh field".split()
)


def _line(key: str, day: date, text: str, publisher: str) -> str:
    row = {"id": key, "url": f"https://example.org/{key}", "title": key, "published": day.isoformat()}
    return json.dumps({**row, "publisher": publisher, "language": "en", "text": text}, ensure_ascii=False)


def _corpus(folder: Path) -> Path:
    """Eight weeks of daily figures from the Border Guard, a surge in week 7, and a reprint of one report."""
    lines = []
    for week in range(8):
        for offset in (0, 2, 4):
            day = START + timedelta(days=7 * week + offset)
            count = 400 if week == 6 else 20 + week
            text = f"Border Guard, {day}: {count} attempts to cross the border. {FILLER}"
            lines.append(_line(f"sg-{day}", day, text, "Polish Border Guard"))
    surge_day = START + timedelta(days=7 * 6)
    copy = f"Border Guard, {surge_day}: 400 attempts to cross the border. {FILLER} (reprinted)"
    lines.append(_line("reprint", surge_day, copy, "Vilnius Daily"))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture
def analysed(tmp_path: Path) -> tuple[Store, Stages]:
    stages = Stages.default(extractor=NumberExtractor)
    store = Store.open(tmp_path / "s.duckdb")
    pipeline.ingest(store, [str(_corpus(tmp_path))])
    pipeline.extract_pending(store, extractor=NumberExtractor())
    pipeline.analyse(store, stages=stages)
    yield store, stages
    store.close()


def test_a_reprint_is_found_at_ingest_and_counted_once(analysed: tuple[Store, Stages]) -> None:
    store, _ = analysed
    (pair,) = store.fusion.near_duplicates()
    names = {store.document(pair.first).name, store.document(pair.second).name}  # type: ignore[union-attr]
    assert names == {"sg-2024-04-15", "reprint"} and pair.similarity >= 0.8
    (surge,) = [e for e in store.fused_events() if e.event.date_start == date(2024, 4, 15)]
    assert surge.independent == 1 and len(surge.sources) == 2
    reprint = next(s for s in surge.sources if not s.counted)
    original = next(s for s in surge.sources if s.counted)
    assert reprint.publisher == "Vilnius Daily" and reprint.copy_of == original.doc


def test_the_analysis_stores_graded_sources_series_and_verdicts(analysed: tuple[Store, Stages]) -> None:
    store, _ = analysed
    assert all(s.grade[0] in "ABCDEF" for e in store.fused_events() for s in e.sources)
    series = store.fusion.weeks(theatre="PL-BY", unit="attempts")
    surge = next(f for f in series if f.week == "2024-W16" and f.basis == "daily")
    assert (surge.value, surge.anomaly) == (400, "high")
    [migration] = [a for a in store.assessments("2024-W16") if a.domain == "migration"]
    assert (migration.level, migration.verdict, migration.rules_version) == (2, "escalated", "v2")


def test_a_past_week_is_re_assessed_under_older_rules_without_storing_anything(
    analysed: tuple[Store, Stages],
) -> None:
    store, stages = analysed
    before = store.snapshot()
    old = pipeline.reassess(store, ["2024-W16"], "v1", stages=stages)
    assert {a.rules_version for a in old} == {"v1"}
    assert store.snapshot() == before
    with pytest.raises(UsageError, match="no rules 'v0'"):
        pipeline.reassess(store, ["2024-W16"], "v0", stages=stages)


def test_the_backtest_grid_and_its_chart(analysed: tuple[Store, Stages], tmp_path: Path) -> None:
    store, stages = analysed
    chart = tmp_path / "charts" / "bt.svg"
    run = pipeline.backtest(store, "2024-W10", "2024-W17", chart=chart, stages=stages)
    verdicts = [run.grid.cell("PL-BY", f"2024-W{n}").verdict for n in range(11, 18)]  # type: ignore[union-attr]
    assert verdicts == ["unchanged"] * 5 + ["escalated", "de-escalated"]
    root = ET.fromstring(chart.read_text("utf-8"))
    assert root.tag.endswith("svg")
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any("PL-BY 2024-W16: level 2 (coercive signalling), escalated" in t for t in titles)
    with pytest.raises(UsageError, match="comes after"):
        pipeline.backtest(store, "2024-W17", "2024-W10", stages=stages)
