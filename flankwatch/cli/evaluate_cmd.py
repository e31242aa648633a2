"""`flankwatch evaluate`: precision, recall and F1 of extraction against the gold corpus."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from flankwatch.cli.options import command_errors, example, out, paragraphs
from flankwatch.evaluate import CHOICES, FIELDS, PRF, Scores, evaluate_splits, run_evaluation, summary_json

HELP = paragraphs("""
Score extraction against the project's annotated corpus (flankwatch/data/sample).

Prints precision, recall and F1 per event type and overall, and, on matched events, the accuracy of
dates, quantities, modality and theatre, per language too. By default the dev and held-out splits are
scored and shown separately; the held-out split is never used for tuning.
""")


def register(app: typer.Typer) -> None:
    @app.command(
        "evaluate",
        help=HELP,
        epilog=example("flankwatch evaluate", "flankwatch evaluate --split heldout --lang en --json"),
    )
    def evaluate_command(
        split: Annotated[
            str | None,
            typer.Option(
                "--split",
                metavar="|".join(CHOICES),
                help="Score one split only (default: dev and held-out, separately).",
            ),
        ] = None,
        lang: Annotated[
            str | None,
            typer.Option("--lang", metavar="CODE", help="Only documents in this language, e.g. en."),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON on stdout.")] = False,
    ) -> None:
        with command_errors():
            results = evaluate_splits(lang) if split is None else {split: run_evaluation(split, lang)}
        if as_json:
            out.print_json(json.dumps(summary_json(results), ensure_ascii=False))
            return
        for name, scores in results.items():
            for table in tables(name, scores):
                out.print(table)


def tables(split: str, scores: Scores) -> list[Table]:
    """Overall and per type; fields; per language."""
    label = {"dev": "dev", "heldout": "held-out", "all": "all"}.get(split, split)
    prf = Table(title=f"Extraction, {label} split ({scores.documents} documents)", title_justify="left")
    for name in ("type", "P", "R", "F1", "predicted", "gold", "matched"):
        prf.add_column(name, justify="left" if name == "type" else "right")
    for event_type, counts in sorted(scores.per_type.items()):
        prf.add_row(event_type, *_prf_cells(counts))
    prf.add_section()
    prf.add_row("[bold]overall[/]", *_prf_cells(scores.overall))
    fields = Table(title=f"Fields on matched events, {label}", title_justify="left")
    for name in ("field", "accuracy", "correct", "matched"):
        fields.add_column(name, justify="left" if name == "field" else "right")
    for name in FIELDS:
        a = scores.fields[name]
        fields.add_row(name, "—" if a.accuracy is None else f"{a.accuracy:.3f}", str(a.correct), str(a.total))
    langs = Table(title=f"Per language, {label}", title_justify="left")
    for name in ("language", "documents", "P", "R", "F1", *FIELDS):
        langs.add_column(name, justify="left" if name == "language" else "right")
    for code, part in scores.per_language.items():
        accs = ["—" if part.fields[f].accuracy is None else f"{part.fields[f].accuracy:.2f}" for f in FIELDS]
        langs.add_row(code, str(part.documents), *_prf_cells(part.overall)[:3], *accs)
    return [prf, fields, langs]


def _prf_cells(s: PRF) -> list[str]:
    return [
        f"{s.precision:.3f}",
        f"{s.recall:.3f}",
        f"{s.f1:.3f}",
        str(s.predicted),
        str(s.gold),
        str(s.matched_gold),
    ]
