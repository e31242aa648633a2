"""`flankwatch assess --week`: a week's level and verdict per theatre and domain, with reasons and options."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from flankwatch import pipeline
from flankwatch.assess import Catalogue, load_catalogue
from flankwatch.cli.options import (
    DbOption,
    WeekOption,
    check_week,
    command_errors,
    config_for,
    current_store,
    example,
    out,
    paragraphs,
)
from flankwatch.errors import UsageError
from flankwatch.records import Assessment

HELP = paragraphs("""
Show a week's escalation level, verdict, reasons and response options per theatre and domain.

Levels run from 0 (baseline) to 5 (armed attack); the verdict compares the week with the weeks
before: escalated, unchanged or de-escalated. Beside each verdict stand the options of the graduated
response catalogue for the level reached.

Without --rules the stored assessment is shown (made under the current rules); with --rules the week
is re-assessed from the stored reports under that version of the rules, e.g. the rules of its time,
and nothing is stored. Documents not yet extracted or analysed are processed first.
""")

RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        metavar="VERSION",
        show_default=False,
        help="Re-assess under this version of the rules (v1, v2, …) instead of showing the stored one.",
    ),
]
_ARROW = {"escalated": "▲", "de-escalated": "▼", "unchanged": "="}
_SHOWN_REASONS = 4


def register(app: typer.Typer) -> None:
    @app.command(
        "assess",
        help=HELP,
        epilog=example(
            "flankwatch assess --week 2024-W21 --db flankwatch-demo/flankwatch.duckdb",
            "flankwatch assess --week 2024-W21 --rules v1 --json --db flankwatch-demo/flankwatch.duckdb",
        ),
    )
    def assess_command(
        week: WeekOption,
        rules: RulesOption = None,
        as_json: Annotated[
            bool, typer.Option("--json", help="One JSON list of assessments on stdout.")
        ] = False,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            week = check_week(week)
            with current_store(config.db) as store:
                if rules is None:
                    assessments = store.assessments(week)
                else:
                    assessments = pipeline.reassess(store, [week], rules)
                weeks = store.assessed_weeks()
            if not assessments:
                covered = f"it covers {weeks[0]} to {weeks[-1]}" if weeks else "it holds no assessments yet"
                raise UsageError(f"no assessment for {week} in {config.db}; {covered}")
            catalogue = load_catalogue()
            if as_json:
                records = [as_json_record(a, catalogue) for a in assessments]
                out.print_json(json.dumps(records, ensure_ascii=False))
            else:
                out.print(_table(week, assessments, catalogue))


def _table(week: str, assessments: list[Assessment], catalogue: Catalogue) -> Table:
    version = ", ".join(sorted({a.rules_version for a in assessments}))
    table = Table(
        title=Text(f"Assessment {week} (rules {version})"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=True,
    )
    for name in ("Theatre", "Domain", "Level", "Verdict"):
        table.add_column(name, no_wrap=True)
    table.add_column("Reasons", ratio=3, overflow="fold")
    table.add_column("Response options", ratio=2, overflow="fold")
    for a in sorted(assessments, key=lambda a: (-a.level, a.theatre, a.domain)):
        reasons = "\n".join(f"• {r.text}" for r in a.reasons[:_SHOWN_REASONS]) or "—"
        if len(a.reasons) > _SHOWN_REASONS:
            reasons += f"\n… and {len(a.reasons) - _SHOWN_REASONS} more"
        level = str(a.level) if a.level == a.previous_level else f"{a.previous_level}→{a.level}"
        options = "\n".join(f"• {r.title}" for r in catalogue.options_for(a.responses)) or "—"
        cells = (a.theatre, a.domain, level, f"{_ARROW.get(a.verdict, '')} {a.verdict}", reasons, options)
        table.add_row(*(Text(cell) for cell in cells))  # Text: brackets in reasons are not markup
    return table


def as_json_record(a: Assessment, catalogue: Catalogue) -> dict[str, object]:
    """An assessment as JSON: level, verdict, reasons, and the response options with their rationale."""
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
        "responses": [
            {"id": r.id, "title": r.title, "rationale": r.rationale}
            for r in catalogue.options_for(a.responses)
        ],
    }
