"""Write a PerceptionResult as CSV, JSON, JSONL, SVG charts and an HTML report.

Every file is written to a temporary name beside its place and renamed, so a
reader never sees half a file and an interrupted run leaves the previous
outputs whole. The only I/O of the perception package lives here.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from flankwatch.perception.charts import country_charts
from flankwatch.perception.html import concordance_pages, report_page
from flankwatch.perception.records import PerceptionResult, jsonl_line, rate_per_10k

COUNT_COLUMNS = (
    "doc",
    "country",
    "year",
    "doc_type",
    "language",
    "original",
    "counted",
    "target",
    "words",
    "names",
    "demonyms",
    "adjectives",
    "mentions",
    "mentions_all",
    "rate_per_10k",
    "rate_all_per_10k",
)
CONCORDANCE_COLUMNS = (
    "id",
    "doc",
    "target",
    "category",
    "start",
    "end",
    "text",
    "left",
    "right",
    "topic",
    "cues",
    "form",
    "language",
)


def write_atomic(path: Path, text: str) -> Path:
    """Write `text` to `path` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return path


def _csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("; ".join(v) if isinstance(v, (list, tuple)) else v) for k, v in row.items()})
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def count_rows(result: PerceptionResult) -> list[dict[str, Any]]:
    """One row per document and target, with the document's metadata."""
    documents = {d.name: d for d in result.documents}
    rows = []
    for count in result.counts:
        document = documents[count.doc]
        rows.append(
            {
                **jsonl_line(document, count),
                "original": document.original,
                "counted": document.counted,
                "names": count.names,
                "demonyms": count.demonyms,
                "adjectives": count.adjectives,
                "rate_all_per_10k": rate_per_10k(count.mentions_all, document.words),
            }
        )
    return rows


def _tables(result: PerceptionResult) -> dict[str, tuple[list[dict[str, Any]], Sequence[str]]]:
    documents = [d.to_json() for d in result.documents]
    groups = [g.to_json() for g in result.groups]
    first = [f.to_json() for f in result.first]
    growth = [g.to_json() for g in result.growth]
    topics = [t.to_json() for t in result.topics]
    return {
        "documents": (documents, list(documents[0]) if documents else ["name"]),
        "counts": (count_rows(result), COUNT_COLUMNS),
        "by_country_year_type": (groups, list(groups[0]) if groups else ["country"]),
        "first_appearance": (first, list(first[0]) if first else ["country"]),
        "growth": (growth, list(growth[0]) if growth else ["country"]),
        "topics": (topics, list(topics[0]) if topics else ["country"]),
    }


def write_outputs(result: PerceptionResult, out_dir: Path) -> list[Path]:
    """Every output file of `result` under `out_dir`; returns the paths written."""
    written: list[Path] = []
    for name, (rows, columns) in _tables(result).items():
        written.append(write_atomic(out_dir / f"{name}.csv", _csv(rows, columns)))
        written.append(write_atomic(out_dir / f"{name}.json", _json(rows)))
    lines = "".join(
        json.dumps(jsonl_line(result.document(c.doc), c), ensure_ascii=False) + "\n" for c in result.counts
    )
    written.append(write_atomic(out_dir / "counts.jsonl", lines))
    mentions = [m.to_json() for m in result.mentions]
    written.append(write_atomic(out_dir / "concordance.csv", _csv(mentions, CONCORDANCE_COLUMNS)))
    written.append(
        write_atomic(
            out_dir / "concordance.jsonl", "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in mentions)
        )
    )
    written.append(write_atomic(out_dir / "run.json", _json(_run(result))))
    charts = country_charts(result)
    for country, svg in charts.items():
        written.append(write_atomic(out_dir / "charts" / f"{country}.svg", svg))
    for name, page in concordance_pages(result).items():
        written.append(write_atomic(out_dir / "concordance" / name, page))
    written.append(write_atomic(out_dir / "report.html", report_page(result, charts)))
    return written


def _run(result: PerceptionResult) -> dict[str, Any]:
    return {
        "source": result.source,
        "targets": [
            {"id": t.id, "label": t.label, "version": t.version, "file": t.origin} for t in result.targets
        ],
        "settings": {
            "breakpoints": list(result.settings.breakpoints),
            "window": result.settings.window,
            "prefer": result.settings.prefer,
            "context_chars": result.settings.context_chars,
            "duplicate_threshold": result.settings.duplicate_threshold,
        },
        "morphology": result.morphology,
        "documents": len(result.documents),
        "counted": sum(d.counted for d in result.documents),
        "mentions": len(result.mentions),
        "rejections": [{"origin": r.origin, "problem": r.problem} for r in result.rejections],
    }
