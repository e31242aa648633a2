#!/usr/bin/env python3
"""Check the sample corpus and its gold annotations, or fill evidence offsets.

    python tools/gold.py check     # validate corpus + gold, print problems, exit 1 if any
    python tools/gold.py offsets   # fill evidence.start/end from evidence.text, in place
    python tools/gold.py stats     # counts per language, type, split and week
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flankwatch.ontology import load_ontology  # noqa: E402

SAMPLE = ROOT / "flankwatch" / "data" / "sample"
EVENT_KEYS = {
    "type", "subtype", "modality", "date_start", "date_end", "date_precision", "actors", "targets",
    "place", "theatre", "quantities", "casualties", "evidence", "alternatives",
}


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


def load() -> tuple[dict[str, dict], dict[str, tuple[Path, dict]]]:
    docs: dict[str, dict] = {}
    for path in sorted((SAMPLE / "corpus").glob("*.jsonl")):
        for row in _read_jsonl(path):
            docs[row["id"]] = row
    gold: dict[str, tuple[Path, dict]] = {}
    for path in sorted((SAMPLE / "gold").glob("*.jsonl")):
        for row in _read_jsonl(path):
            gold[row["doc"]] = (path, row)
    return docs, gold


def _check_event(doc: dict, ev: dict, where: str) -> list[str]:
    onto = load_ontology()
    problems = []
    extra = set(ev) - EVENT_KEYS
    if extra:
        problems.append(f"{where}: unknown keys {sorted(extra)}")
    if ev.get("type") not in onto.types:
        problems.append(f"{where}: unknown type {ev.get('type')!r}")
    for alt in ev.get("alternatives") or []:
        if alt not in onto.types:
            problems.append(f"{where}: unknown alternative type {alt!r}")
    if ev.get("modality") not in onto.modalities:
        problems.append(f"{where}: unknown modality {ev.get('modality')!r}")
    if ev.get("theatre") not in onto.theatres:
        problems.append(f"{where}: unknown theatre {ev.get('theatre')!r}")
    for key in ("date_start", "date_end"):
        if ev.get(key) is not None:
            try:
                date.fromisoformat(ev[key])
            except (TypeError, ValueError):
                problems.append(f"{where}: {key} {ev[key]!r} is not an ISO date")
    if ev.get("date_precision") not in (None, "day", "week", "month", "quarter", "year"):
        problems.append(f"{where}: bad date_precision {ev.get('date_precision')!r}")
    for q in (ev.get("quantities") or []) + (ev.get("casualties") or []):
        if q.get("unit") not in onto.units + onto.casualty_units:
            problems.append(f"{where}: unknown unit {q.get('unit')!r}")
        if q.get("qualifier", "exact") not in onto.qualifiers:
            problems.append(f"{where}: unknown qualifier {q.get('qualifier')!r}")
        if q.get("period") not in (None, *onto.periods):
            problems.append(f"{where}: unknown period {q.get('period')!r}")
        if not isinstance(q.get("value"), (int, float)):
            problems.append(f"{where}: quantity value {q.get('value')!r} is not a number")
    evid = ev.get("evidence") or {}
    text = doc["text"]
    s, e = evid.get("start"), evid.get("end")
    if not evid.get("text") or evid["text"] not in text:
        problems.append(f"{where}: evidence text not found in the document: {evid.get('text')!r:.80}")
    elif not (isinstance(s, int) and isinstance(e, int) and text[s:e] == evid["text"]):
        problems.append(f"{where}: evidence offsets {s}-{e} do not cover the evidence text (run offsets)")
    return problems


def check() -> int:
    docs, gold = load()
    problems = []
    for doc_id, doc in docs.items():
        for key in ("id", "url", "title", "published", "publisher", "language", "text"):
            if key not in doc:
                problems.append(f"{doc_id}: corpus line lacks {key!r}")
        if doc_id not in gold:
            problems.append(f"{doc_id}: no gold line")
    for doc_id, (path, row) in gold.items():
        if doc_id not in docs:
            problems.append(f"{path.name}: gold for unknown doc {doc_id}")
            continue
        if row.get("split") not in ("dev", "heldout"):
            problems.append(f"{doc_id}: split must be dev or heldout")
        for i, ev in enumerate(row.get("events", [])):
            problems.extend(_check_event(docs[doc_id], ev, f"{doc_id} event {i}"))
    for p in problems:
        print(p)
    print(f"{len(docs)} documents, {sum(len(r['events']) for _, r in gold.values())} gold events, "
          f"{len(problems)} problems")
    return 1 if problems else 0


def offsets() -> int:
    docs, gold = load()
    by_file: dict[Path, list[dict]] = {}
    for doc_id, (path, row) in gold.items():
        by_file.setdefault(path, []).append(row)
        text = docs.get(doc_id, {}).get("text", "")
        for ev in row.get("events", []):
            evid = ev.setdefault("evidence", {})
            snippet = evid.get("text", "")
            s = evid.get("start")
            if isinstance(s, int) and text[s:s + len(snippet)] == snippet:
                evid["end"] = s + len(snippet)
                continue
            found = text.find(snippet) if snippet else -1
            if found < 0:
                print(f"{doc_id}: evidence not found: {snippet!r:.80}")
                continue
            if text.find(snippet, found + 1) >= 0:
                print(f"{doc_id}: evidence occurs twice, first taken: {snippet!r:.60}")
            evid["start"], evid["end"] = found, found + len(snippet)
    for path, rows in by_file.items():
        order = [json.loads(line)["doc"] for line in path.read_text("utf-8").splitlines() if line.strip()]
        rows.sort(key=lambda r: order.index(r["doc"]))
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        tmp.replace(path)
    return 0


def stats() -> int:
    docs, gold = load()
    print("languages:", dict(Counter(d["language"] for d in docs.values())))
    print("splits:", dict(Counter(r["split"] for _, r in gold.values())))
    types = Counter(ev["type"] for _, r in gold.values() for ev in r["events"])
    print("types:", dict(sorted(types.items())))
    weeks = Counter(date.fromisoformat(d["published"]).isocalendar()[:2] for d in docs.values())
    print("weeks:", " ".join(f"{y}-W{w:02d}:{n}" for (y, w), n in sorted(weeks.items())))
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"check": check, "offsets": offsets, "stats": stats}[command]())
