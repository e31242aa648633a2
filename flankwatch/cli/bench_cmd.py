"""`flankwatch bench`: extraction speed and memory against a bare tokenizer pass, on a generated corpus."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from flankwatch.bench import GENRE_NAMES, BenchOptions, BenchResult, run_bench
from flankwatch.cli.options import ProgressBar, command_errors, example, out, paragraphs
from flankwatch.errors import UsageError
from flankwatch.pipeline import Progress

HELP = paragraphs(f"""
Generate a corpus of --docs documents (news, border-guard reports, analyses, communiqués
and general news, from the templates in flankwatch/data/bench; the same corpus for the same
--seed) and measure, in one run, a bare spaCy tokenizer pass and the full extraction over it:
documents and megabytes per second, and the peak memory (resident set size) of each pass,
worker processes included.

The ratio is extraction speed over tokenising speed (1.0: extraction as fast as tokenising
alone). The tokenizer runs in one process; with --workers K the extraction runs in K.
Making the documents is not timed, except with --workers K, where the extraction is timed
end to end (sending documents to the workers included). No store is opened.
Genres: {", ".join(GENRE_NAMES)}.
""")


def register(app: typer.Typer) -> None:
    @app.command(
        "bench",
        help=HELP,
        epilog=example(
            "flankwatch bench --docs 1000",
            "flankwatch bench --docs 10000 --langs en,ru,pl --workers 2 --json",
        ),
    )
    def bench_command(
        docs: Annotated[int, typer.Option("--docs", metavar="N", help="Documents to generate.")] = 1000,
        langs: Annotated[
            str, typer.Option("--langs", metavar="CODES", help="Languages, taking turns.")
        ] = "en,ru,pl",
        workers: Annotated[int, typer.Option("--workers", metavar="K", help="Extraction processes.")] = 1,
        batch_size: Annotated[
            int, typer.Option("--batch-size", metavar="N", help="Documents per batch.")
        ] = 64,
        seed: Annotated[
            int, typer.Option("--seed", help="Which corpus: the same seed, the same documents.")
        ] = 0,
        genres: Annotated[
            str, typer.Option("--genres", metavar="NAMES", help="Only these genres, comma-separated.")
        ] = ",".join(GENRE_NAMES),
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    ) -> None:
        with command_errors():
            options = BenchOptions(
                docs, _codes(langs, "--langs"), workers, batch_size, seed, _codes(genres, "--genres")
            )
            with ProgressBar() as bar:
                result = run_bench(options, lambda name, done, total: bar(Progress(name, done, total)))
        if as_json:
            out.print(
                json.dumps(result.to_json(), ensure_ascii=False),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        else:
            out.print(_table(result))
            out.print(_summary(result), markup=False, highlight=False)


def _codes(value: str, option: str) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    if not codes:
        raise UsageError(f"{option} is empty; give a comma-separated list")
    return codes


def _table(result: BenchResult) -> Table:
    o = result.options
    table = Table(
        title=f"{o.docs} documents in {', '.join(o.languages)}; tokenizer 1 process, extraction {o.workers}"
    )
    for name in ("pass", "docs/s", "MB/s", "seconds", "peak MB", "mentions", "per doc"):
        table.add_column(name, justify="left" if name == "pass" else "right", no_wrap=True)
    passes = (("tokenizer", result.tokenizer), ("extraction", result.extraction))
    for name, p in passes:
        counted = p is result.extraction and p.docs > 0
        table.add_row(
            name,
            f"{p.docs_per_s:,.0f}",
            f"{p.mb_per_s:.2f}",
            f"{p.seconds:.2f}",
            f"{p.peak_rss_mb:.0f}",
            f"{p.mentions:,}" if counted else "",
            f"{p.mentions / p.docs:.2f}" if counted else "",
        )
    return table


def _summary(result: BenchResult) -> str:
    m = result.machine
    load = m.get("load_average_before")
    lines = [
        f"ratio {result.ratio:.3f} (extraction docs/s ÷ tokenizer docs/s); {result.extraction.bytes / 1e6:.1f} MB",
        f"machine: {m['cpus']} × {m['cpu_model']}, Python {m['python']}, spaCy {m['spacy']}"
        + (f", load {load[0]:.1f} before the run" if load else ""),
    ]
    if result.silent_languages:
        lines.append(f"note: no lexicons for {', '.join(result.silent_languages)}: no mentions, little work")
    return "\n".join(lines)
