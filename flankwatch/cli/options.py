"""What the store-backed commands share: the --db and --week options, error handling,
the progress bar and the help epilogue with a runnable example."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from typer.models import OptionInfo

from flankwatch import pipeline
from flankwatch.config import SETTINGS, Config, load_config
from flankwatch.errors import DataFileError, StoreError, UsageError
from flankwatch.pipeline import Progress
from flankwatch.store import Store
from flankwatch.weeks import parse_week


def db_option(help: str) -> OptionInfo:
    """The --db option (a store file) with a command's own help, which says its default."""
    return typer.Option("--db", metavar="FILE", show_default=False, help=help)


DbOption = Annotated[
    Path | None, db_option("The store file. Default: $FLANKWATCH_DB, else ./flankwatch.duckdb.")
]
WeekOption = Annotated[str, typer.Option("--week", metavar="YYYY-Www", help="ISO week, e.g. 2024-W12.")]
TheatreFilter = Annotated[str | None, typer.Option(help="Only this theatre, e.g. PL-BY.")]
TypeFilter = Annotated[
    str | None, typer.Option("--type", help="Only this event type, e.g. MIGRATION_PRESSURE.")
]

# Messages and progress go to stderr, so stdout carries only results (tables, JSON, paths).
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

_STAGE_LABELS = {
    "ingest": "reading",
    "extract": "extracting",
    "analyse": "analysing",
    "digest": "writing digests",
}


def example(*commands: str, settings: bool = False) -> str:
    """A help epilogue that ends with runnable examples, after the settings table if asked for."""
    lines = ["\b"]
    if settings:
        lines += ["Settings (environment variables):"]
        lines += [f"  {s.env}: {s.help} Default: {s.default}." for s in SETTINGS]
        lines += [""]
    return "\n".join([*lines, "Example:", *(f"  {c}" for c in commands)])


def config_for(db: Path | None) -> Config:
    """The settings with the store path resolved: --db > FLANKWATCH_DB > ./flankwatch.duckdb."""
    return load_config(db=db)


def parse_date_option(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option as a date; UsageError naming the option otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"{option} {value!r} is not a date; write it like 2024-03-21") from exc


def check_week(week: str) -> str:
    """The week as given, once it is known to be an ISO week (UsageError otherwise)."""
    parse_week(week)  # raises UsageError naming the week
    return week.strip()


@contextmanager
def command_errors() -> Iterator[None]:
    """Translate usage and configuration errors into one line on stderr and exit code 2."""
    try:
        yield
    except (UsageError, DataFileError, StoreError) as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True)
        raise typer.Exit(2) from exc


@contextmanager
def current_store(db: Path) -> Iterator[Store]:
    """The store at `db`, its new documents extracted and analysed first under a progress bar."""
    with ProgressBar() as bar, pipeline.open_current(db, bar) as store:
        yield store


class ProgressBar:
    """A rich progress bar per pipeline stage; call it with `pipeline.Progress` updates."""

    def __init__(self) -> None:
        self._bar = RichProgress(
            TextColumn("{task.description:<16}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("[dim]{task.fields[item]}", justify="left"),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def __call__(self, update: Progress) -> None:
        if update.stage not in self._tasks:
            label = _STAGE_LABELS.get(update.stage, update.stage)
            self._tasks[update.stage] = self._bar.add_task(label, total=update.total, item="")
        item = update.item if len(update.item) <= 50 else "…" + update.item[-49:]
        self._bar.update(self._tasks[update.stage], completed=update.done, total=update.total, item=item)


def paragraphs(text: str) -> str:
    """Help text written wrapped in the source, rejoined so the terminal can wrap it."""
    return "\n\n".join(" ".join(block.split()) for block in text.strip().split("\n\n"))
