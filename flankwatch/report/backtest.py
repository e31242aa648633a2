"""The backtest as a chart: one row per theatre, one cell per week, coloured by level, arrows for verdicts.

Hand-written SVG, self-contained (no script, no external style), so that it
opens in any browser and can be dropped into a report as it is.
"""

from __future__ import annotations

from html import escape

from flankwatch.assess import Backtest
from flankwatch.report.labels import Labels, load_labels

# The digest's level colours (digest.html.j2), so that both read alike.
LEVEL_COLOURS = ("#8795a1", "#3a7ca5", "#d4a017", "#e0782b", "#c0392b", "#6d0f0f")
_CELL, _GAP, _LEFT, _TOP = 22, 2, 235, 64
_MARK = {"escalated": "▲", "de-escalated": "▼"}


def backtest_svg(grid: Backtest, labels: Labels | None = None) -> str:
    """The grid as an SVG document (a string)."""
    labels = labels or load_labels()
    width = _LEFT + len(grid.weeks) * (_CELL + _GAP) + 20
    height = _TOP + len(grid.theatres) * (_CELL + _GAP) + 70
    title = (
        f"Escalation levels per theatre, {grid.weeks[0]} to {grid.weeks[-1]}" if grid.weeks else "Backtest"
    )
    domain = labels["domains"].get(grid.domain, grid.domain)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="system-ui, sans-serif" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)} ({escape(grid.domain)}, rules {escape(grid.rules_version)})</title>",
        '<rect width="100%" height="100%" fill="#fff"/>',
        f'<text x="10" y="20" font-size="14" font-weight="700" fill="#1c2630">{escape(title)}</text>',
        f'<text x="10" y="36" font-size="11" fill="#5d6b78">{escape(domain)}'
        f" · rules {escape(grid.rules_version)} · ▲ escalated, ▼ de-escalated; blank: not assessed</text>",
    ]
    parts += _week_labels(grid)
    for row, theatre in enumerate(grid.theatres):
        parts += _row(grid, theatre, row, labels)
    parts += _legend(labels, _TOP + len(grid.theatres) * (_CELL + _GAP) + 40)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _week_labels(grid: Backtest) -> list[str]:
    out = []
    for n, week in enumerate(grid.weeks):
        if n % 2 == 0 or len(grid.weeks) <= 16:
            x = _LEFT + n * (_CELL + _GAP) + _CELL / 2
            out.append(
                f'<text x="{x:.0f}" y="{_TOP - 4}" font-size="9" text-anchor="middle" fill="#5d6b78">'
                f"{escape(week[-3:])}</text>"
            )
    return out


def _row(grid: Backtest, theatre: str, row: int, labels: Labels) -> list[str]:
    y = _TOP + row * (_CELL + _GAP)
    name = f"{labels.theatre(theatre)} ({theatre})" if labels.theatre(theatre) != theatre else theatre
    out = [
        f'<text x="{_LEFT - 6}" y="{y + _CELL * 0.68:.0f}" font-size="11" text-anchor="end" fill="#1c2630">'
        f"{escape(_short(name))}</text>"
    ]
    for n, week in enumerate(grid.weeks):
        cell = grid.cell(theatre, week)
        if cell is None:
            continue
        x = _LEFT + n * (_CELL + _GAP)
        level = f"level {cell.level} ({labels.level(cell.level)})"
        tip = f"{theatre} {week}: {level}, {cell.verdict}. {cell.reason}"
        out.append(
            f'<rect x="{x}" y="{y}" width="{_CELL}" height="{_CELL}" rx="3" '
            f'fill="{LEVEL_COLOURS[min(max(cell.level, 0), 5)]}"><title>{escape(tip)}</title></rect>'
        )
        mark = _MARK.get(cell.verdict, str(cell.level))
        out.append(
            f'<text x="{x + _CELL / 2:.0f}" y="{y + _CELL * 0.7:.0f}" font-size="11" text-anchor="middle" '
            f'fill="#fff" pointer-events="none">{mark}</text>'
        )
    return out


def _legend(labels: Labels, y: int) -> list[str]:
    out = []
    for level, colour in enumerate(LEVEL_COLOURS):
        x = 10 + level * 150
        out.append(f'<rect x="{x}" y="{y - 11}" width="14" height="14" rx="2" fill="{colour}"/>')
        out.append(
            f'<text x="{x + 19}" y="{y}" font-size="10" fill="#1c2630">'
            f"{level} {escape(labels.level(level))}</text>"
        )
    return out


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
