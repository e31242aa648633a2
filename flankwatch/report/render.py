"""`render_digest`: the weekly digest as Markdown and as a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from flankwatch.assess import Catalogue, Rules, load_catalogue, load_rules
from flankwatch.fuse import FusedEvent, Sources, fuse_events
from flankwatch.records import Assessment, Document, Event, Mention
from flankwatch.report.build import build_view
from flankwatch.report.labels import Labels, load_labels
from flankwatch.report.model import Chart, DigestView


@dataclass(frozen=True, slots=True)
class Digest:
    """One week's digest in both formats, and the view they were rendered from."""

    week: str
    markdown: str
    html: str
    view: DigestView


def render_digest(
    week: str,
    assessments: Sequence[Assessment],
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    events: Sequence[FusedEvent | Event],
    *,
    language: str = "en",
    rules: Rules | None = None,
    sources: Sources | None = None,
    catalogue: Catalogue | None = None,
) -> Digest:
    """The digest of an ISO week.

    Pass the mentions of earlier weeks too (twelve weeks are plenty): the lead
    paragraphs compare the week's numbers with them. `assessments` are those
    of `assess_weeks` (other weeks are ignored); `events` those of
    `fuse_events` (bare `Event`s are shown without grades); `sources` say who
    published each document and how reliable it is (built from `documents`
    when not given).
    """
    labels = load_labels(language)
    sources = sources or Sources.build(documents)
    view = build_view(
        week,
        assessments,
        mentions,
        documents,
        _graded(events, mentions, documents, sources),
        labels=labels,
        rules=rules or load_rules(_version_of(assessments, week)),
        sources=sources,
        catalogue=catalogue or load_catalogue(),
    )
    env = _environment()
    values = {"v": view, "L": labels}
    return Digest(
        week=week,
        markdown=env.get_template("digest.md.j2").render(values),
        html=env.get_template("digest.html.j2").render(values),
        view=view,
    )


def _graded(
    events: Sequence[FusedEvent | Event],
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    sources: Sources,
) -> list[FusedEvent]:
    """Bare events (of `fuse`) regain their sources, grades and disputes from their own mentions."""
    by_id = {m.id: m for m in mentions}
    out = []
    for e in events:
        if isinstance(e, FusedEvent):
            out.append(e)
            continue
        members = [by_id[i] for i in e.mention_ids if i in by_id]
        again = fuse_events(members, documents, sources=sources) if members else []
        out.append(again[0] if len(again) == 1 and again[0].id == e.id else FusedEvent(e, ()))
    return out


def _version_of(assessments: Sequence[Assessment], week: str) -> str | None:
    """The rules the week was assessed under, so that the digest and its verdicts agree."""
    versions = {a.rules_version for a in assessments if a.week == week}
    return versions.pop() if len(versions) == 1 else None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("flankwatch.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["svg"] = chart_svg
    env.filters["num"] = _number
    return env


def markdown_text(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return " ".join(str(text).split()).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def chart_svg(chart: Chart, labels: Labels | None = None) -> Markup:
    """A small bar chart of the week's days, with the baseline as a dashed line."""
    width, height, pad, bar = 420, 150, 24, 40
    values = [d.value for d in chart.days if d.value is not None]
    top = max([*values, chart.baseline or 0, 1]) * 1.15
    scale = (height - 2 * pad) / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(chart.title)}: {escape(chart.unit)} per day" class="chart">'
    ]
    for n, day in enumerate(chart.days):
        x = pad + n * (bar + 14)
        if day.value is not None:
            h = day.value * scale
            parts.append(
                f'<rect x="{x}" y="{height - pad - h:.1f}" width="{bar}" height="{h:.1f}" rx="3" '
                f'class="bar"><title>{escape(day.label)}: {_number(day.value)}</title></rect>'
            )
            parts.append(
                f'<text x="{x + bar / 2}" y="{height - pad - h - 4:.1f}" class="val">'
                f"{_number(day.value)}</text>"
            )
        parts.append(f'<text x="{x + bar / 2}" y="{height - 8}" class="day">{escape(day.label)}</text>')
    if chart.baseline is not None:
        y = height - pad - chart.baseline * scale
        parts.append(
            f'<line x1="{pad - 6}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" class="base">'
            f"<title>baseline {_number(chart.baseline)}</title></line>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
