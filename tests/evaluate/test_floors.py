"""The quality gate: the real extractor on the bundled gold corpus must reach the floors
of flankwatch/data/quality-floors.yaml, and the floors only go up."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from flankwatch.evaluate import below_floors, evaluate_splits, load_floors, load_gold

FLOORS = Path(__file__).resolve().parents[2] / "flankwatch" / "data" / "quality-floors.yaml"


def test_the_extractor_reaches_the_quality_floors() -> None:
    assert load_gold(), "the bundled gold corpus is empty"
    scores = evaluate_splits()
    misses = below_floors(scores, load_floors())
    assert misses == [], "below the quality floors:\n" + "\n".join(misses)


def _numbers(tree: object, prefix: str = "") -> dict[str, float]:
    if isinstance(tree, dict):
        out: dict[str, float] = {}
        for key, value in tree.items():
            out.update(_numbers(value, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): float(tree)} if isinstance(tree, (int, float)) else {}


def test_floors_never_go_down_against_the_last_commit() -> None:
    shown = subprocess.run(
        ["git", "show", "HEAD:flankwatch/data/quality-floors.yaml"],
        cwd=FLOORS.parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        pytest.skip("no committed floors to compare with (not a git checkout, or the file is new)")
    before = _numbers(yaml.safe_load(shown.stdout))
    now = _numbers(yaml.safe_load(FLOORS.read_text("utf-8")))
    lowered = [f"{k}: {v} -> {now.get(k)}" for k, v in before.items() if now.get(k, -1.0) < v]
    assert lowered == [], "floors were lowered or removed: " + "; ".join(lowered)
