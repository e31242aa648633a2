"""`flankwatch indicators`: weekly series per theatre, type and unit against their baselines."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from flankwatch.cli.options import (
    DbOption,
    TheatreFilter,
    TypeFilter,
    command_errors,
    config_for,
    current_store,
    example,
    out,
    paragraphs,
)
from flankwatch.indicators import Increment, WeekFigure
from flankwatch.weeks import parse_week

HELP = paragraphs("""
Show the weekly indicator series: per theatre, event type and unit, each week's figure against its
baseline (the median and spread of the previous twelve weeks with figures) and whether it stands out.

A figure is the week's peak day (daily counts: one number per day and source, never a sum of
duplicate reports), a total stated for the whole week, the week's share of the increase between two
running totals of one source, or the number of fused events. The adversary's own figures are left out.
--increments lists the increases between running totals instead.
""")

FirstWeek = Annotated[
    str | None, typer.Option("--from", metavar="YYYY-Www", show_default=False, help="First ISO week.")
]
LastWeek = Annotated[
    str | None, typer.Option("--to", metavar="YYYY-Www", show_default=False, help="Last ISO week.")
]


def register(app: typer.Typer) -> None:
    @app.command(
        "indicators",
        help=HELP,
        epilog=example(
            "flankwatch indicators --theatre PL-BY --unit attempts --db flankwatch-demo/flankwatch.duckdb",
            "flankwatch indicators --anomalies --db flankwatch-demo/flankwatch.duckdb",
        ),
    )
    def indicators_command(
        theatre: TheatreFilter = None,
        event_type: TypeFilter = None,
        unit: Annotated[
            str | None, typer.Option(help="Only this unit: attempts, people, troops, events …")
        ] = None,
        first: FirstWeek = None,
        last: LastWeek = None,
        anomalies: Annotated[
            bool, typer.Option("--anomalies", help="Only weeks that stand out from their baseline.")
        ] = False,
        increments: Annotated[
            bool, typer.Option("--increments", help="The increases between running totals instead.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON list on stdout.")] = False,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            for week in (first, last):
                if week is not None:
                    parse_week(week)  # a malformed week is a usage error, named
            with current_store(config.db) as store:
                if increments:
                    found_increments = [
                        i
                        for i in store.fusion.increments()
                        if (theatre is None or i.theatre == theatre.upper())
                        and (event_type is None or i.type == event_type.upper())
                        and (unit is None or i.unit == unit)
                    ]
                else:
                    figures = store.fusion.weeks(
                        theatre=theatre.upper() if theatre else None,
                        type_=event_type.upper() if event_type else None,
                        unit=unit,
                        first=first,
                        last=last,
                        anomalies=anomalies,
                    )
            if increments:
                _show_increments(found_increments, as_json)
            elif as_json:
                out.print_json(json.dumps([figure_json(f) for f in figures], ensure_ascii=False))
            else:
                out.print(_table(figures))


def _table(figures: list[WeekFigure]) -> Table:
    table = Table(
        title=Text(f"{len(figures)} weekly figures"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
    )
    for name in ("Week", "Theatre", "Type", "Unit", "Basis", "Value", "Typical", "Baseline", "Anomaly"):
        table.add_column(name, no_wrap=True, justify="right" if name in ("Value", "Typical") else "left")
    for f in figures:
        base = f.baseline
        baseline = f"{_n(base.median)} ± {_n(base.spread)} ({base.weeks} wk)" if base else "too few weeks"
        flag = f"{f.anomaly} ({f.score:+.1f})" if f.anomaly and f.score is not None else ""
        cells = (
            f.week,
            f.theatre,
            f.type,
            f.unit,
            f.basis,
            _n(f.value),
            _n(f.typical) if f.typical is not None else "",
            baseline,
            flag,
        )
        table.add_row(*(Text(c, style="bold" if f.anomaly == "high" else "") for c in cells))
    return table


def _show_increments(found: list[Increment], as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps([increment_json(i) for i in found], ensure_ascii=False))
        return
    table = Table(
        title=Text(f"{len(found)} increments between running totals"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    for name in ("From", "To", "Days", "Theatre", "Type", "Unit", "Increase", "Source"):
        table.add_column(name, no_wrap=True)
    for i in found:
        cells = (
            i.start.isoformat(),
            i.end.isoformat(),
            str(i.days),
            i.theatre,
            i.type,
            i.unit,
            _n(i.value),
            i.source,
        )
        table.add_row(*(Text(c) for c in cells))
    out.print(table)


def figure_json(f: WeekFigure) -> dict[str, Any]:
    base = f.baseline
    return {
        "week": f.week,
        "theatre": f.theatre,
        "type": f.type,
        "unit": f.unit,
        "basis": f.basis,
        "value": f.value,
        "typical": f.typical,
        "days": f.days,
        "sources": f.sources,
        "doc": f.doc,
        "mention_id": f.mention_id,
        "baseline": None
        if base is None
        else {
            "median": base.median,
            "spread": base.spread,
            "low": base.low,
            "high": base.high,
            "weeks": base.weeks,
        },
        "anomaly": f.anomaly,
        "score": f.score,
    }


def increment_json(i: Increment) -> dict[str, Any]:
    return {
        "theatre": i.theatre,
        "type": i.type,
        "unit": i.unit,
        "from": i.start.isoformat(),
        "to": i.end.isoformat(),
        "days": i.days,
        "value": i.value,
        "source": i.source,
        "docs": list(i.docs),
        "mention_ids": list(i.mention_ids),
    }


def _n(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
