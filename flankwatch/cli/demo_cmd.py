"""`flankwatch demo`: the whole job on the bundled sample corpus, outputs in one folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flankwatch import pipeline
from flankwatch.cli.options import ProgressBar, command_errors, config_for, err, example, out, paragraphs
from flankwatch.config import sample_corpus_dir
from flankwatch.store import Store

HELP = paragraphs("""
Run the whole job on the bundled sample corpus and write the weekly digests.

Ingest, extract, fuse and assess every week, then write a Markdown and HTML digest per week and an
index page.

Everything goes into one folder (the store too, as flankwatch.duckdb); rerunning skips the documents
already stored and rewrites the digests.
""")


def register(app: typer.Typer) -> None:
    @app.command("demo", help=HELP, epilog=example("flankwatch demo --out /tmp/flankwatch-demo"))
    def demo_command(
        out_dir: Annotated[
            Path, typer.Option("--out", metavar="DIR", help="Folder for the store, digests and index page.")
        ] = Path("flankwatch-demo"),
    ) -> None:
        with command_errors():
            config = config_for(out_dir / "flankwatch.duckdb")
            with Store.open(config.db) as store, ProgressBar() as bar:
                result = pipeline.run(store, [str(sample_corpus_dir())], out_dir, progress=bar, config=config)
            _report(result)
        raise typer.Exit(1 if result.ingest.rejected or result.extract.rejected else 0)


def _report(result: pipeline.RunSummary) -> None:
    ingest = result.ingest
    out.print(
        f"documents: {ingest.ingested} new, {ingest.duplicates} already stored, "
        f"{len(ingest.rejected)} rejected",
        markup=False,
    )
    out.print(
        f"mentions: {result.extract.mentions} from {result.extract.documents} documents extracted now; "
        f"events: {result.analysis.events}; weeks assessed: {len(result.analysis.weeks)}",
        markup=False,
    )
    for rejection in (*ingest.rejected, *result.extract.rejected):
        err.print(f"rejected: {rejection.origin}: {rejection.problem}", markup=False)
    if result.digests:
        busiest = max(result.digests, key=lambda d: d.markdown.stat().st_size)
        out.print(
            f"digests: {busiest.markdown.parent}/ ({len(result.digests)} weeks, "
            f"{result.digests[0].week} to {result.digests[-1].week}; e.g. {busiest.html})",
            markup=False,
        )
    if result.index:
        out.print(f"open: {result.index}", markup=False)
    out.print(f"store: {result.db}", markup=False)
