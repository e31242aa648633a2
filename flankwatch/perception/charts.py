"""One SVG chart per country: mentions per 10,000 words, year by year, per target.

Written by hand (no plotting dependency): solid lines are names only, dashed
lines names with demonyms and adjectives; every point carries a tooltip with
its numbers; dotted verticals mark the growth-period breakpoints.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from flankwatch.perception.records import PerceptionResult, rate_per_10k

PALETTE = ("#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#4d4d4d")
WIDTH, HEIGHT = 680, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 180, 34, 40

Scale = Callable[[float], float]


@dataclass(frozen=True, slots=True)
class YearPoint:
    year: int
    docs: int
    words: int
    mentions: int
    mentions_all: int

    @property
    def rate(self) -> float:
        return rate_per_10k(self.mentions, self.words)

    @property
    def rate_all(self) -> float:
        return rate_per_10k(self.mentions_all, self.words)


def yearly(result: PerceptionResult) -> dict[str, dict[str, list[YearPoint]]]:
    """country -> target -> one point per year with counted documents, pooled over types."""
    cells: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for group in result.groups:
        cell = cells[(group.country, group.target, group.year)]
        for i, value in enumerate((group.docs, group.words, group.mentions, group.mentions_all)):
            cell[i] += value
    series: dict[str, dict[str, list[YearPoint]]] = defaultdict(dict)
    for (country, target, year), (docs, words, names, every) in sorted(cells.items()):
        series[country].setdefault(target, []).append(YearPoint(year, docs, words, names, every))
    return dict(series)


def country_charts(result: PerceptionResult) -> dict[str, str]:
    """country -> SVG text."""
    labels = {t.id: t.label for t in result.targets}
    colours = {t.id: PALETTE[i % len(PALETTE)] for i, t in enumerate(result.targets)}
    return {
        country: _chart(country, by_target, labels, colours, result.settings.breakpoints)
        for country, by_target in yearly(result).items()
    }


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _chart(
    country: str,
    by_target: dict[str, list[YearPoint]],
    labels: dict[str, str],
    colours: dict[str, str],
    breakpoints: tuple[int, ...],
) -> str:
    years = [p.year for points in by_target.values() for p in points]
    first, last = min(years) - 1, max(years) + 1
    top = _nice_top(max((p.rate_all for points in by_target.values() for p in points), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - first) / (last - first) * plot_w

    def y(rate: float) -> float:
        return TOP + plot_h - rate / top * plot_h

    title = f"{country.title()}: mentions per 10,000 words"
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'role="img" aria-label="{escape(title)}" font-family="Helvetica, Arial, sans-serif" font-size="11">'
        ),
        f"<title>{escape(title)}</title>",
        f'<text x="{LEFT}" y="18" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    parts += _axes(first, last, top, x, y)
    parts += [
        f'<line x1="{x(b):.1f}" y1="{TOP}" x2="{x(b):.1f}" y2="{TOP + plot_h}" stroke="#999" stroke-dasharray="2,3"/>'
        f'<text x="{x(b) + 3:.1f}" y="{TOP + 10}" fill="#777">{b}</text>'
        for b in breakpoints
        if first < b < last
    ]
    for row, (target, points) in enumerate(by_target.items()):
        parts += _series(points, colours[target], labels.get(target, target), x, y)
        parts += _legend(row, labels.get(target, target), colours[target])
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _axes(first: int, last: int, top: float, x: Scale, y: Scale) -> list[str]:
    parts = []
    for i in range(5):
        rate = top * i / 4
        parts.append(
            f'<line x1="{LEFT}" y1="{y(rate):.1f}" x2="{WIDTH - RIGHT}" y2="{y(rate):.1f}" stroke="#e5e5e5"/>'
            f'<text x="{LEFT - 6}" y="{y(rate) + 4:.1f}" text-anchor="end">{rate:g}</text>'
        )
    step = max(1, math.ceil((last - first) / 10))
    for year in range(first + 1, last, step):
        parts.append(f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{year}</text>')
    parts.append(
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" stroke="#333"/>'
        f'<text x="14" y="{TOP + (HEIGHT - TOP - BOTTOM) / 2:.0f}" transform="rotate(-90 14 '
        f'{TOP + (HEIGHT - TOP - BOTTOM) / 2:.0f})" text-anchor="middle" fill="#555">per 10,000 words</text>'
    )
    return parts


def _series(points: list[YearPoint], colour: str, label: str, x: Scale, y: Scale) -> list[str]:
    names = " ".join(f"{x(p.year):.1f},{y(p.rate):.1f}" for p in points)
    every = " ".join(f"{x(p.year):.1f},{y(p.rate_all):.1f}" for p in points)
    parts = [
        f'<polyline points="{every}" fill="none" stroke="{colour}" stroke-width="1.2" stroke-dasharray="5,3"/>',
        f'<polyline points="{names}" fill="none" stroke="{colour}" stroke-width="2"/>',
    ]
    for p in points:
        tip = (
            f"{label} {p.year}: {p.rate:g} per 10,000 words ({p.mentions} names), {p.rate_all:g} with adjectives "
            f"and demonyms ({p.mentions_all}); {p.docs} document(s), {p.words:,} words"
        )
        parts.append(
            f'<circle cx="{x(p.year):.1f}" cy="{y(p.rate):.1f}" r="3.5" fill="{colour}"><title>{escape(tip)}</title></circle>'
        )
    return parts


def _legend(row: int, label: str, colour: str) -> list[str]:
    top = TOP + 8 + row * 36
    left = WIDTH - RIGHT + 14
    return [
        (
            f'<line x1="{left}" y1="{top}" x2="{left + 22}" y2="{top}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{left + 28}" y="{top + 4}">{escape(label)}: names</text>'
        ),
        (
            f'<line x1="{left}" y1="{top + 15}" x2="{left + 22}" y2="{top + 15}" stroke="{colour}" stroke-dasharray="5,3"/>'
            f'<text x="{left + 28}" y="{top + 19}">+ adjectives, demonyms</text>'
        ),
    ]
