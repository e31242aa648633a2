"""`flankwatch backtest --from --to`: levels and verdicts per theatre over a period, a table and a chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from flankwatch import pipeline
from flankwatch.assess import Backtest
from flankwatch.cli.assess_cmd import RulesOption
from flankwatch.cli.options import (
    DbOption,
    command_errors,
    config_for,
    current_store,
    example,
    out,
    paragraphs,
)
from flankwatch.weeks import parse_week

HELP = paragraphs("""
Re-run the weekly assessment over a period and show, per theatre and week, the level reached and the
verdict (▲ escalated, ▼ de-escalated, = unchanged), then every escalation and de-escalation with the
reason that decided it.

The weeks are assessed afresh from the stored reports under the current rules, or under --rules; the
weeks before the period still serve as its baseline. Nothing is stored. The chart (SVG) goes to --chart,
by default backtest-<from>-<to>.svg beside the store.
""")

_MARK = {"escalated": "▲", "de-escalated": "▼", "unchanged": "="}
_LEVEL_STYLE = ("dim", "cyan", "yellow", "dark_orange", "red", "bold red")


def register(app: typer.Typer) -> None:
    @app.command(
        "backtest",
        help=HELP,
        epilog=example(
            "flankwatch backtest --from 2024-W01 --to 2024-W30 --db flankwatch-demo/flankwatch.duckdb"
        ),
    )
    def backtest_command(
        first: Annotated[str, typer.Option("--from", metavar="YYYY-Www", help="First ISO week.")],
        last: Annotated[str, typer.Option("--to", metavar="YYYY-Www", help="Last ISO week.")],
        rules: RulesOption = None,
        domain: Annotated[
            str, typer.Option(help="security (overall), migration, military or political.")
        ] = "security",
        chart: Annotated[
            Path | None,
            typer.Option("--chart", metavar="FILE", show_default=False, help="Where to write the SVG chart."),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            parse_week(first)
            parse_week(last)
            target = chart or config.db.parent / f"backtest-{first}-{last}.svg"
            with current_store(config.db) as store:
                run = pipeline.backtest(store, first, last, rules_version=rules, domain=domain, chart=target)
            if as_json:
                out.print_json(json.dumps(grid_json(run.grid, run.chart), ensure_ascii=False))
                return
            out.print(_grid(run.grid))
            out.print(_moves(run.grid))
            counts = run.grid.verdict_counts()
            out.print(
                f"verdicts: {counts['escalated']} escalated, {counts['unchanged']} unchanged, "
                f"{counts['de-escalated']} de-escalated",
                markup=False,
            )
            out.print(f"chart: {run.chart}", markup=False)


def _grid(grid: Backtest) -> Table:
    table = Table(
        title=Text(
            f"Backtest {grid.weeks[0]} to {grid.weeks[-1]} — {grid.domain}, rules {grid.rules_version}"
        ),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Week", no_wrap=True)
    for theatre in grid.theatres:
        table.add_column(theatre, no_wrap=True, justify="center")
    for week in grid.weeks:
        row = [Text(week)]
        for theatre in grid.theatres:
            cell = grid.cell(theatre, week)
            if cell is None:
                row.append(Text("·", style="dim"))
            else:
                row.append(Text(f"{cell.level}{_MARK[cell.verdict]}", style=_LEVEL_STYLE[min(cell.level, 5)]))
        table.add_row(*row)
    return table


def _moves(grid: Backtest) -> Table:
    table = Table(title=Text("Escalations and de-escalations"), title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("Week", "Theatre", "Move", "Reason"):
        table.add_column(name, no_wrap=name != "Reason", overflow="fold")
    for c in grid.moves():
        move = f"{c.previous_level}→{c.level} {_MARK[c.verdict]}"
        table.add_row(Text(c.week), Text(c.theatre), Text(move), Text(c.reason))
    return table


def grid_json(grid: Backtest, chart: Path | None) -> dict[str, Any]:
    return {
        "weeks": list(grid.weeks),
        "domain": grid.domain,
        "rules_version": grid.rules_version,
        "theatres": list(grid.theatres),
        "cells": [
            {
                "week": c.week,
                "theatre": c.theatre,
                "level": c.level,
                "previous_level": c.previous_level,
                "verdict": c.verdict,
                "reason": c.reason,
            }
            for c in sorted(grid.cells.values(), key=lambda c: (c.week, c.theatre))
        ],
        "verdicts": grid.verdict_counts(),
        "chart": str(chart) if chart else None,
    }
