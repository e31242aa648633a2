"""`flankwatch digest --week`: the weekly digest as Markdown and HTML files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flankwatch import pipeline
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

HELP = paragraphs("""
Write the weekly digest of an ISO week as Markdown and HTML.

The week runs Monday to Sunday; the files are <week>.md and <week>.html: the theatre table,
the verdict line per domain, the week's events with their numbers and numbered source links, and
what to watch (planned, threatened, claimed and considered events found that week).

The files go to --out, by default a `digests` folder beside the store.
""")


def register(app: typer.Typer) -> None:
    @app.command(
        "digest",
        help=HELP,
        epilog=example(
            "flankwatch digest --week 2024-W12 --db flankwatch-demo/flankwatch.duckdb --out /tmp/digests"
        ),
    )
    def digest_command(
        week: WeekOption,
        out_dir: Annotated[
            Path | None,
            typer.Option(
                "--out",
                metavar="DIR",
                show_default=False,
                help="Folder for the files (default: digests/ beside the store).",
            ),
        ] = None,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            week = check_week(week)
            target = out_dir or config.db.parent / "digests"
            with current_store(config.db) as store:
                files = pipeline.digest(store, week, target)
            out.print(str(files.markdown), markup=False)
            out.print(str(files.html), markup=False)
