"""`flankwatch assess --week`: the week's level and verdict per theatre and domain, with reasons."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from flankwatch import pipeline
from flankwatch.cli.options import (
    DbOption,
    ProgressBar,
    WeekOption,
    check_week,
    command_errors,
    config_for,
    example,
    out,
    paragraphs,
)
from flankwatch.errors import UsageError
from flankwatch.records import Assessment

HELP = paragraphs("""
Show a week's escalation level, verdict and reasons per theatre and domain.

Levels run from 0 (baseline) to 5 (armed attack); the verdict compares the week with the weeks
before: escalated, unchanged or de-escalated.

Documents not yet extracted or analysed are processed first.
""")

_ARROW = {"escalated": "▲", "de-escalated": "▼", "unchanged": "="}


def register(app: typer.Typer) -> None:
    @app.command(
        "assess",
        help=HELP,
        epilog=example("flankwatch assess --week 2024-W12 --db flankwatch-demo/flankwatch.duckdb"),
    )
    def assess_command(
        week: WeekOption,
        as_json: Annotated[
            bool, typer.Option("--json", help="One JSON list of assessments on stdout.")
        ] = False,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            week = check_week(week)
            with ProgressBar() as bar, pipeline.open_current(config.db, bar) as store:
                assessments = store.assessments(week)
                weeks = store.assessed_weeks()
            if not assessments:
                covered = f"it covers {weeks[0]} to {weeks[-1]}" if weeks else "it holds no assessments yet"
                raise UsageError(f"no assessment for {week} in {config.db}; {covered}")
            if as_json:
                out.print_json(json.dumps([_as_json(a) for a in assessments], ensure_ascii=False))
            else:
                out.print(_table(week, assessments))


def _table(week: str, assessments: list[Assessment]) -> Table:
    table = Table(
        title=Text(f"Assessment {week}"), title_justify="left", box=box.SIMPLE_HEAD, show_lines=True
    )
    for name in ("Theatre", "Domain", "Level", "Verdict"):
        table.add_column(name, no_wrap=True)
    table.add_column("Reasons", ratio=1, overflow="fold")
    for a in sorted(assessments, key=lambda a: (-a.level, a.theatre, a.domain)):
        reasons = "\n".join(f"• {r.text}" for r in a.reasons[:4]) or "—"
        if len(a.reasons) > 4:
            reasons += f"\n… and {len(a.reasons) - 4} more"
        level = str(a.level) if a.level == a.previous_level else f"{a.previous_level}→{a.level}"
        cells = (a.theatre, a.domain, level, f"{_ARROW.get(a.verdict, '')} {a.verdict}", reasons)
        table.add_row(*(Text(cell) for cell in cells))  # Text: brackets in reasons are not markup
    return table


def _as_json(a: Assessment) -> dict[str, object]:
    return {
        "week": a.week,
        "theatre": a.theatre,
        "domain": a.domain,
        "level": a.level,
        "previous_level": a.previous_level,
        "verdict": a.verdict,
        "rules_version": a.rules_version,
        "reasons": [
            {"text": r.text, "mention_id": r.mention_id, "doc": r.doc, "level": r.level} for r in a.reasons
        ],
        "responses": list(a.responses),
    }
