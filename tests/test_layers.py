"""The flow runs one way: lower layers never import higher ones, and each heavy
dependency has one home (design.md, style.md). Walks the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "flankwatch"

# Position in the flow; a module may import only from its own rank or lower.
RANKS = {
    "records": 0, "errors": 0, "config": 0, "ontology": 0, "weeks": 0, "data": 0,
    "sources": 1, "ingest": 2, "nlp": 3, "extract": 4, "fuse": 5, "indicators": 6,
    "assess": 7, "report": 8, "perception": 8, "evaluate": 9, "store": 9, "bench": 10,
    "pipeline": 10, "spark": 11, "api": 12, "web": 12, "cli": 13,
}
HOMES = {"duckdb": {"store"}, "typer": {"cli"}, "rich": {"cli"}, "pyspark": {"spark"},
         "weasyprint": {"report"}, "fastapi": {"api"}}


def _modules() -> list[tuple[str, Path]]:
    return [(p.relative_to(PACKAGE).parts[0].removesuffix(".py"), p) for p in sorted(PACKAGE.rglob("*.py"))]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("layer", "path"), _modules(), ids=lambda v: str(v))
def test_module_imports_follow_the_flow(layer: str, path: Path) -> None:
    if layer == "__init__":
        return
    assert layer in RANKS, f"{path}: top-level module {layer!r} has no place in the flow; add it to RANKS"
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "flankwatch" and "." in name:
            target = name.split(".")[1]
            assert RANKS.get(target, 0) <= RANKS[layer], f"{path} ({layer}) imports higher layer {name}"
        elif top in HOMES:
            assert layer in HOMES[top], f"{path} imports {top}, whose only home is {HOMES[top]}"


def test_the_check_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from flankwatch.store import Store\nimport duckdb\n")
    assert {"flankwatch.store", "duckdb"} <= _imports(bad)
