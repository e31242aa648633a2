"""`flankwatch events`: fused events with their sources, Admiralty grades and disputed figures."""

from __future__ import annotations

import json
from datetime import date
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
    parse_date_option,
)
from flankwatch.fuse import FusedEvent
from flankwatch.records import Quantity
from flankwatch.weeks import parse_week

HELP = paragraphs("""
List the fused events: one row per happening, however many documents report it.

Each event shows its numbers, how many independent sources report it (copies and repeats of one
publisher count once), the best Admiralty grade among them (source reliability A–F, information
credibility 1–6), its confidence, and the figures its sources dispute, with who said what.

Choose the period with --week, or --from and --to (dates); --theatre and --type narrow the list.
""")

WeekFilter = Annotated[
    str | None, typer.Option("--week", metavar="YYYY-Www", help="Events whose dates overlap this ISO week.")
]


def register(app: typer.Typer) -> None:
    @app.command(
        "events",
        help=HELP,
        epilog=example(
            "flankwatch events --week 2024-W21 --theatre PL-BY --db flankwatch-demo/flankwatch.duckdb"
        ),
    )
    def events_command(
        week: WeekFilter = None,
        start: Annotated[str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="First day.")] = None,
        end: Annotated[str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day.")] = None,
        theatre: TheatreFilter = None,
        event_type: TypeFilter = None,
        disputed: Annotated[
            bool, typer.Option("--disputed", help="Only events whose sources disagree.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON list of events on stdout.")] = False,
        db: DbOption = None,
    ) -> None:
        with command_errors():
            config = config_for(db)
            first, last = _period(week, start, end)
            with current_store(config.db) as store:
                events = store.fused_events(start=first, end=last)
            chosen = [
                e
                for e in events
                if (theatre is None or e.event.theatre == theatre.upper())
                and (event_type is None or e.event.type == event_type.upper())
                and (not disputed or e.disagreements)
            ]
            if as_json:
                out.print_json(json.dumps([event_json(e) for e in chosen], ensure_ascii=False))
            else:
                out.print(_table(chosen))


def _period(week: str | None, start: str | None, end: str | None) -> tuple[date | None, date | None]:
    if week is not None:
        return parse_week(week)
    first = parse_date_option(start, "--from")
    last = parse_date_option(end, "--to")
    if first is not None or last is not None:
        return first or date.min, last or date.max
    return None, None


def _table(events: list[FusedEvent]) -> Table:
    table = Table(
        title=Text(f"{len(events)} events"), title_justify="left", box=box.SIMPLE_HEAD, show_lines=True
    )
    for name in ("Dates", "Theatre", "Event", "Numbers", "Sources", "Conf."):
        table.add_column(name, overflow="fold", no_wrap=name in ("Dates", "Theatre", "Conf."))
    for fused in events:
        e = fused.event
        kind = e.type if e.modality == "occurred" else f"{e.type} ({e.modality})"
        what = kind + (f"\n{e.place.name}" if e.place else "")
        numbers = ", ".join(_quantity(q) for q in e.quantities) or "—"
        for d in fused.disagreements:
            numbers += f"\n{'DISPUTED' if d.major else 'differs'}: {d.summary()}"
        best = fused.best
        sources = f"{fused.independent} · best {best.grade}" if best else "—"
        sources += "".join(f"\n{s.publisher} {s.grade}" for s in fused.sources if s.counted)
        cells = (_dates(fused), e.theatre, what, numbers, sources, f"{e.confidence:.2f}")
        table.add_row(*(Text(c) for c in cells))
    return table


def _dates(fused: FusedEvent) -> str:
    e = fused.event
    if e.date_start is None:
        return "undated"
    end = e.date_end or e.date_start
    return e.date_start.isoformat() + (f"\n…{end.isoformat()}" if end != e.date_start else "")


def _quantity(q: Quantity) -> str:
    """'up to 400 attempts/day', '662 attempts over 2 days', 'more than 12,000 attempts in total'."""
    amount = f"{q.value:,g}" + (f"–{q.value_max:,g}" if q.value_max else "")
    qualifier = "" if q.qualifier == "exact" else q.qualifier.replace("_", " ") + " "
    if q.period == "span":
        period = f" over {q.period_days} days"
    elif q.period == "total":
        period = " in total"
    else:
        period = f"/{q.period}" if q.period else ""
    return f"{qualifier}{amount} {q.unit}{period}"


def event_json(fused: FusedEvent) -> dict[str, Any]:
    """An event with every source, its grade, and the disputed figures."""
    e = fused.event
    return {
        "id": e.id,
        "type": e.type,
        "subtype": e.subtype,
        "modality": e.modality,
        "theatre": e.theatre,
        "date_start": e.date_start.isoformat() if e.date_start else None,
        "date_end": e.date_end.isoformat() if e.date_end else None,
        "place": e.place.name if e.place else None,
        "actors": list(e.actors),
        "quantities": [q.to_json() for q in e.quantities],
        "confidence": e.confidence,
        "independent_sources": fused.independent,
        "sources": [
            {
                "mention_id": s.mention_id,
                "doc": s.doc,
                "publisher": s.publisher,
                "kind": s.kind,
                "grade": s.grade,
                "counted": s.counted,
                "copy_of": s.copy_of,
                "syndicated_from": s.syndicated_from,
                "modality": s.modality,
                "lead": s.mention_id == fused.lead,
            }
            for s in fused.sources
        ],
        "disagreements": [
            {
                "unit": d.unit,
                "period": d.period,
                "major": d.major,
                "ratio": None if d.ratio == float("inf") else round(d.ratio, 2),
                "figures": [
                    {
                        "value": f.value,
                        "value_max": f.value_max,
                        "qualifier": f.qualifier,
                        "publishers": list(f.publishers),
                        "grades": list(f.grades),
                        "docs": list(f.docs),
                    }
                    for f in d.figures
                ],
            }
            for d in fused.disagreements
        ],
    }
