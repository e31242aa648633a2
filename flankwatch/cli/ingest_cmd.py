"""`flankwatch ingest PATH|URL...`: read documents into the store, then extract and analyse them."""

from __future__ import annotations

from typing import Annotated

import typer

from flankwatch import pipeline
from flankwatch.cli.options import (
    DbOption,
    ProgressBar,
    command_errors,
    config_for,
    err,
    example,
    out,
    paragraphs,
    parse_date_option,
)
from flankwatch.records import Rejection
from flankwatch.store import Store

HELP = paragraphs("""
Read files, folders, JSONL corpora and RSS/Atom feeds (files or URLs) into the store.

Formats: .txt, .md (YAML front matter: title, published, publisher, language, url), .html, .pdf,
.jsonl (one document a line: id, url, title, published, publisher, language, text), .xml/.rss/.atom
feeds, and http(s) URLs of feeds or pages. Folders are read recursively. The same text read twice is
stored once. Inputs that cannot be read are rejected, one line each, and the rest goes on.

Then the new documents are extracted and the weekly assessments rebuilt (skip with --no-extract).

Exit codes: 0 all went in, 1 some inputs were rejected, 2 usage or configuration error.
""")


def register(app: typer.Typer) -> None:
    @app.command(
        "ingest",
        help=HELP,
        epilog=example(
            "flankwatch ingest flankwatch/data/sample/corpus --db /tmp/flankwatch.duckdb", settings=True
        ),
    )
    def ingest_command(
        targets: Annotated[list[str], typer.Argument(metavar="PATH|URL...", help="Files, folders or URLs.")],
        published: Annotated[
            str | None,
            typer.Option(
                "--published",
                metavar="YYYY-MM-DD",
                help="Publication date for every input, overriding the dates they declare.",
            ),
        ] = None,
        no_extract: Annotated[
            bool,
            typer.Option(
                "--no-extract", help="Only store the documents; extraction runs on the next assess or digest."
            ),
        ] = False,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            day = parse_date_option(published, "--published")
            with Store.open(config.db) as store, ProgressBar() as bar:
                summary = pipeline.ingest(store, targets, published=day, progress=bar, config=config)
                refreshed = None if no_extract else pipeline.refresh(store, bar)
            rejected = _report(summary, refreshed, str(config.db))
        raise typer.Exit(1 if rejected else 0)


def _report(
    summary: pipeline.IngestSummary,
    refreshed: tuple[pipeline.ExtractSummary, pipeline.AnalysisSummary | None] | None,
    db: str,
) -> int:
    rejections: list[Rejection] = list(summary.rejected)
    out.print(
        f"ingested {summary.ingested}, duplicates {summary.duplicates}, rejected {len(summary.rejected)}",
        markup=False,
    )
    if refreshed is not None:
        extracted, analysis = refreshed
        rejections.extend(extracted.rejected)
        line = f"extracted {extracted.documents} documents: {extracted.mentions} mentions"
        if analysis is not None:
            line += f"; assessed {len(analysis.weeks)} weeks: {analysis.events} events"
        out.print(line, markup=False)
    out.print(f"store: {db}", markup=False)
    for rejection in rejections:
        stage = "" if rejection.stage == "ingest" else f" ({rejection.stage})"
        err.print(f"rejected{stage}: {rejection.origin}: {rejection.problem}", markup=False)
    return len(rejections)
