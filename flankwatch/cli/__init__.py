"""The `flankwatch` command line: parsing, progress and printing only.

Each command lives in its own module with a `register(app)` function; the
work itself is done by library functions (mostly `flankwatch.pipeline`).
"""

from __future__ import annotations

import typer

from flankwatch.cli import (
    assess_cmd,
    backtest_cmd,
    bench_cmd,
    demo_cmd,
    digest_cmd,
    evaluate_cmd,
    events_cmd,
    extract_cmd,
    indicators_cmd,
    ingest_cmd,
    perception_cmd,
)

app = typer.Typer(
    name="flankwatch",
    help="Indicators and warnings for hybrid threats on NATO's eastern flank.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (
    demo_cmd,
    ingest_cmd,
    extract_cmd,
    events_cmd,
    indicators_cmd,
    assess_cmd,
    backtest_cmd,
    digest_cmd,
    evaluate_cmd,
    perception_cmd,
    bench_cmd,
):
    _module.register(app)


def main() -> None:
    app()
