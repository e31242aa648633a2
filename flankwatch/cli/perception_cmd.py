"""`flankwatch perception`: count how official documents mention a country, per year and topic."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from flankwatch import pipeline
from flankwatch.cli.options import config_for, db_option
from flankwatch.errors import DataFileError, StoreError, UsageError
from flankwatch.perception import PerceptionResult, PerceptionSettings, analyse, jsonl_line
from flankwatch.perception.records import PREFERENCES, rate_per_10k
from flankwatch.perception.writer import write_outputs
from flankwatch.store import Store
from flankwatch.store.perception import run_id

HELP = """Count the mentions of one or more targets (belarus, russia, nato, china, ukraine, ...) in a
folder of official documents, per document, country, year, document type and period, with the topic
and context of every mention.

Country, year and title come from file names <country>_<year>_<Title>[_noneng].txt or a
metadata.csv / metadata.yaml beside them. Writes CSV, JSON, SVG charts and report.html into --out;
prints a table, or one JSON line per document and target with --format jsonl.

With --db (or FLANKWATCH_DB set) the results are also stored as a perception run: documents, counts
and every mention. The same files analysed the same way again rewrite the same run.

Exit codes: 0 all files read, 1 some files rejected, 2 usage, data file or store error.

Example: flankwatch perception ../shared/corpora/official-docs --target belarus --target russia --out perception-out
"""


# The shared --db option, with this command's default: no store unless one is named.
DbOption = Annotated[
    Path | None,
    db_option("Also store the results in this store file. Default: $FLANKWATCH_DB, else files only."),
]


def _breakpoints(text: str) -> tuple[int, ...]:
    try:
        return tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError as exc:
        raise UsageError(f"--periods {text!r}: give years separated by commas, e.g. 2014,2020") from exc


def register(app: typer.Typer) -> None:
    @app.command("perception", help=HELP)
    def perception(
        source: Annotated[Path, typer.Argument(help="Folder of .txt documents (or one file).")],
        target: Annotated[
            list[str] | None,
            typer.Option("--target", "-t", help="Target id or alias; repeat for more [default: belarus]."),
        ] = None,
        out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the output files.")] = Path(
            "perception-out"
        ),
        output_format: Annotated[
            str, typer.Option("--format", help="What to print: table or jsonl.")
        ] = "table",
        periods: Annotated[str, typer.Option(help="Breakpoint years of the growth periods.")] = "2014,2020",
        window: Annotated[
            int, typer.Option(help="Words on each side of a mention searched for topic cues.")
        ] = 20,
        prefer: Annotated[
            str, typer.Option(help=f"Version of translated documents counted: {', '.join(PREFERENCES)}.")
        ] = "original",
        context: Annotated[
            int, typer.Option(help="Characters of context on each side in the concordance.")
        ] = 80,
        metadata: Annotated[
            Path | None, typer.Option(help="Sidecar CSV/YAML (default: metadata.csv/.yaml in the folder).")
        ] = None,
        targets_dir: Annotated[
            Path | None,
            typer.Option(help="Extra target files (YAML) that add to or replace the packaged ones."),
        ] = None,
        db: DbOption = None,
    ) -> None:
        err = Console(stderr=True, soft_wrap=True)
        try:
            if output_format not in ("table", "jsonl"):
                raise UsageError(f"--format {output_format!r}: use table or jsonl")
            settings = PerceptionSettings(_breakpoints(periods), window, prefer, context)
            job = _Job(source, target or ["belarus"], settings, metadata, targets_dir)
            result = _run(job, _store_path(db), err)
            written = write_outputs(result, out)
        except (UsageError, DataFileError, StoreError) as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(2) from exc
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot write to {out}: {exc.strerror or exc}")
            raise typer.Exit(2) from exc
        _print_problems(result, err)
        if output_format == "jsonl":
            for count in result.counts:
                typer.echo(json.dumps(jsonl_line(result.document(count.doc), count), ensure_ascii=False))
        else:
            # Piped output is read by people in wide editors: do not fold file names at 80 columns.
            Console(width=None if sys.stdout.isatty() else 200).print(_table(result))
        err.print(f"{len(written)} files written to {out}; open {out / 'report.html'}")
        raise typer.Exit(1 if result.rejections else 0)


@dataclass(frozen=True, slots=True)
class _Job:
    """What to analyse, as the options gave it."""

    source: Path
    targets: list[str]
    settings: PerceptionSettings
    metadata: Path | None
    targets_dir: Path | None


def _store_path(db: Path | None) -> Path | None:
    """Where to store the run: --db, else FLANKWATCH_DB; None (files only) when neither is given."""
    if db is None and not os.environ.get("FLANKWATCH_DB", "").strip():
        return None
    return config_for(db).db


def _run(job: _Job, db: Path | None, err: Console) -> PerceptionResult:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None, name="")

        def progress(done: int, total: int | None, name: str) -> None:
            bar.update(task, completed=done, total=total, name=name)

        if db is None:
            return analyse(
                job.source,
                job.targets,
                settings=job.settings,
                sidecar=job.metadata,
                targets_dir=job.targets_dir,
                progress=progress,
            )
        # Opened before reading, so a store in use or unreadable is reported before the long part.
        with Store.open(db) as store:
            result = pipeline.perception(
                store,
                job.source,
                job.targets,
                settings=job.settings,
                sidecar=job.metadata,
                targets_dir=job.targets_dir,
                progress=lambda update: progress(update.done, update.total, update.item),
            )
    err.print(f"stored as perception run {run_id(result)} in {escape(str(db))}", highlight=False)
    return result


def _print_problems(result: PerceptionResult, err: Console) -> None:
    for document in result.documents:
        for warning in document.warnings:
            err.print(
                f"[yellow]warning:[/yellow] {escape(document.name)}: {escape(warning)}", highlight=False
            )
    for rejection in result.rejections:
        err.print(
            f"[red]rejected:[/red] {escape(rejection.origin)}: {escape(rejection.problem)}", highlight=False
        )


def _table(result: PerceptionResult) -> Table:
    table = Table(title=f"Mentions per document ({len(result.documents)} read)", show_lines=False)
    for name in ("document", "year", "type", "lang", "words"):
        table.add_column(name, justify="right" if name in ("year", "words") else "left")
    for target in result.targets:
        table.add_column(f"{target.label}\nnames / all / per 10k", justify="right")
    counts = {(c.doc, c.target): c for c in result.counts}
    for document in sorted(result.documents, key=lambda d: (d.country, d.year, d.name)):
        cells = []
        for target in result.targets:
            c = counts[(document.name, target.id)]
            cells.append(f"{c.mentions} / {c.mentions_all} / {rate_per_10k(c.mentions, c.words):.1f}")
        name = (
            escape(document.name) if document.counted else f"[dim]{escape(document.name)} (set aside)[/dim]"
        )
        table.add_row(
            name, str(document.year), document.doc_type, document.language, f"{document.words:,}", *cells
        )
    return table
