"""`flankwatch extract FILE...`: print the event mentions of files, without a store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from flankwatch.cli.options import command_errors, err, example, out, paragraphs, parse_date_option
from flankwatch.errors import InputError, UsageError
from flankwatch.extract import Extractor
from flankwatch.ingest import load_file
from flankwatch.records import Document, Mention, Quantity

TABLE_WIDTH = 160  # a table narrower than this folds type names; piped output gets this width

HELP = paragraphs("""
Print the event mentions of each file (txt, md, html, pdf): type, modality, dates, actors,
place, theatre, quantities and the evidence sentence with its character offsets into the
file's text. Nothing is stored.

--format jsonl (the default) prints one JSON object per mention, the stable scripting
interface: doc (the file's base name), type, subtype, modality, date_start, date_end,
date_precision, date_source, actors, targets, place, theatre, quantities, casualties,
evidence {start, end, text}, confidence, language. --format table prints a table.

Relative dates ("on Tuesday", "last week") are resolved against the publication date the
file declares, or --published. A file that cannot be read gets a one-line error and the
others still print. Exit codes: 0 all files read, 1 some could not be read, 2 usage error.
""")


def register(app: typer.Typer) -> None:
    @app.command(
        "extract",
        help=HELP,
        epilog=example("flankwatch extract report.txt --published 2024-03-21 --format table"),
    )
    def extract_command(
        files: Annotated[
            list[Path], typer.Argument(metavar="FILE...", help="Text, Markdown, HTML or PDF files.")
        ],
        published: Annotated[
            str | None,
            typer.Option(
                "--published",
                metavar="YYYY-MM-DD",
                help="Publication date, overriding what the files declare.",
            ),
        ] = None,
        fmt: Annotated[str, typer.Option("--format", metavar="jsonl|table", help="Output format.")] = "jsonl",
    ) -> None:
        with command_errors():
            day = parse_date_option(published, "--published")
            if fmt not in ("jsonl", "table"):
                raise UsageError(f"--format {fmt!r} is not jsonl or table")
            documents, failed = _read(files, day)
            extractor = Extractor()
            results = [
                (name, mentions)
                for (name, _), (_, mentions) in zip(
                    documents, extractor.extract_many(doc for _, doc in documents), strict=True
                )
            ]
            _report_silent_languages(extractor, documents)
            if fmt == "jsonl":
                for name, mentions in results:
                    for mention in mentions:
                        out.print(_json_line(mention, name), markup=False, highlight=False, soft_wrap=True)
            else:
                out.print(_table(results), width=max(out.width, TABLE_WIDTH))
        if failed:
            raise typer.Exit(1)


def _read(files: list[Path], published: date | None) -> tuple[list[tuple[str, Document]], int]:
    """Each file as a Document; a file that cannot be read is named on stderr and skipped."""
    documents, failed = [], 0
    for path in files:
        try:
            documents.append((path.name, load_file(path, published=published)))
        except InputError as exc:
            err.print(f"[bold red]error:[/] {path}: {exc.problem}", markup=True, soft_wrap=True)
            failed += 1
    return documents, failed


def _report_silent_languages(extractor: Extractor, documents: list[tuple[str, Document]]) -> None:
    known = set(extractor.languages())
    for name, doc in documents:
        if doc.language not in known:
            err.print(
                f"note: {name}: no lexicons for language {doc.language!r} yet, so no mentions", markup=False
            )


def _json_line(mention: Mention, name: str) -> str:
    record = mention.to_json()
    record["doc"] = name
    return json.dumps(record, ensure_ascii=False)


def _table(results: list[tuple[str, list[Mention]]]) -> Table:
    table = Table(show_lines=True)
    widths = {"doc": 10, "date": 12, "place": 10, "actors → targets": 14}
    for column in ("doc", "type", "modality", "date", "theatre", "place", "actors → targets"):
        table.add_column(
            column, no_wrap=column in ("type", "modality", "theatre"), min_width=widths.get(column)
        )
    table.add_column("quantities", min_width=16)
    table.add_column("evidence", ratio=1, min_width=40)
    for name, mentions in results:
        for m in mentions:
            when = (
                ""
                if m.date_start is None
                else (
                    m.date_start.isoformat()
                    + ("" if m.date_end == m.date_start else f"…{m.date_end}")
                    + f" ({m.date_precision})"
                )
            )
            quantities = "; ".join(_quantity(q) for q in (*m.quantities, *m.casualties))
            table.add_row(
                name,
                m.type + (f"/{m.subtype}" if m.subtype else ""),
                m.modality,
                when,
                m.theatre,
                m.place.name if m.place else "",
                f"{', '.join(m.actors)} → {', '.join(m.targets)}",
                quantities,
                f"[{m.evidence.start}:{m.evidence.end}] {m.evidence.text}",
            )
    return table


def _quantity(q: Quantity) -> str:
    value = f"{q.value:g}" + (f"–{q.value_max:g}" if q.value_max is not None else "")
    qualifier = "" if q.qualifier == "exact" else f"{q.qualifier.replace('_', ' ')} "
    period = "" if not q.period else f" /{q.period}" + (f"({q.period_days}d)" if q.period == "span" else "")
    return f"{qualifier}{value} {q.unit}{period}"
