"""`backtest`: the assessment re-run over a period from the stored mentions, as a grid and a chart."""

from __future__ import annotations

from pathlib import Path

from flankwatch.assess import SECURITY
from flankwatch.assess import backtest as grid_of
from flankwatch.errors import UsageError
from flankwatch.pipeline.analysis import reassess
from flankwatch.pipeline.outputs import write_atomically
from flankwatch.pipeline.stages import BacktestRun, Stages
from flankwatch.store import Store
from flankwatch.weeks import parse_week, weeks_between


def backtest(
    store: Store,
    first_week: str,
    last_week: str,
    *,
    rules_version: str | None = None,
    domain: str = SECURITY,
    chart: Path | None = None,
    stages: Stages | None = None,
) -> BacktestRun:
    """Levels and verdicts per theatre for every week from `first_week` to `last_week`.

    The weeks are assessed afresh under `rules_version` (default: the current
    rules), from all stored mentions, so that the weeks before the period
    still serve as its baseline. Nothing is stored; the chart, if asked for,
    is an SVG file written whole and then renamed.
    """
    start, _ = parse_week(first_week)
    _, end = parse_week(last_week)
    if end < start:
        raise UsageError(f"--from {first_week} comes after --to {last_week}")
    weeks = weeks_between(start, end)
    assessments = reassess(store, weeks, rules_version, stages=stages)
    if domain not in {a.domain for a in assessments} | {SECURITY}:
        known = ", ".join(sorted({a.domain for a in assessments}))
        raise UsageError(f"no domain {domain!r} in the assessments (known: {known})")
    grid = grid_of(assessments, weeks, domain=domain)
    if chart is not None:
        from flankwatch.report import backtest_svg  # Jinja and the labels load only when a chart is asked for

        write_atomically(chart, backtest_svg(grid))
    return BacktestRun(grid, tuple(assessments), chart)
