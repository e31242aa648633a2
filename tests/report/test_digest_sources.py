"""The digest shows who said it and how far to trust it: Admiralty grades beside every source and
quote, disputed figures with who gave each, and the response options beside every verdict.
And the backtest's chart is a well-formed SVG that names every cell."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import digest_world
import pytest

from flankwatch.assess import assess_weeks, backtest, load_catalogue
from flankwatch.fuse import fuse_events
from flankwatch.records import Quantity
from flankwatch.report import backtest_svg, render_digest

WEEKS = ["2024-W16", "2024-W17", "2024-W18", "2024-W19"]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def markdown() -> str:
    world = digest_world.build()
    assessments = assess_weeks(world.mentions, world.documents, WEEKS)
    events = fuse_events(world.mentions, world.documents)
    return render_digest(
        digest_world.SURGE_WEEK, assessments, world.mentions, world.documents, events
    ).markdown


def test_every_source_shows_its_publishers_reliability(markdown: str) -> None:
    sources = markdown.split("## Sources", 1)[1]
    assert re.search(r"^\d+\. <a id=\"src-\d+\"></a>Polish Border Guard \[A\] — ", sources, re.M)
    assert re.search(r"^\d+\. <a id=\"src-\d+\"></a>BelTA \[E\] — ", sources, re.M)
    assert re.search(
        r"^\d+\. <a id=\"src-\d+\"></a>Northern Wire \[F\] — ", sources, re.M
    )  # not listed: unjudged
    assert "Admiralty code" in sources


def test_each_quote_carries_its_reports_grade_and_each_event_its_standing(markdown: str) -> None:
    surge = next(line for line in markdown.splitlines() if line.startswith("- **Tue 30 Apr** · Kuźnica"))
    assert surge.endswith("· *2 independent sources · best A1 · confidence 0.95*")
    assert re.search(
        r"recorded 400 attempts to cross the border near Kuźnica\.” — \[\d+\] Polish Border Guard \(A1\)",
        markdown,
    )
    assert re.search(r"State Border Committee said\.” — \[\d+\] BelTA \(E3\)", markdown)  # a lone claim


def test_the_theatre_table_puts_response_options_beside_every_verdict(markdown: str) -> None:
    table = markdown.split("## Security situation", 1)[0]
    row = next(line for line in table.splitlines() if line.startswith("| Poland–Belarus border (PL-BY)"))
    catalogue = load_catalogue()
    titles = [r.title for r in catalogue.options_for(catalogue.for_level("security", 2))][:3]
    assert row.endswith(f"| {'; '.join(titles)} |")
    assert "| Options |" in table


def test_a_state_media_figure_three_times_the_border_guards_is_shown_with_who_said_what() -> None:
    reports = [
        (
            key,
            publisher,
            f"{publisher}: on Monday {value} people tried to cross the border near Kuźnica.",
            (Quantity(value=value, unit="people"),),
        )
        for key, publisher, value in (("guard", "Polish Border Guard", 97), ("belta", "BelTA", 300))
    ]
    world = digest_world.border_reports(date(2024, 3, 19), reports)
    events = fuse_events(world.mentions, world.documents)
    markdown = render_digest("2024-W12", [], world.mentions, world.documents, events).markdown
    bullet = next(line for line in markdown.splitlines() if line.startswith("- **Mon 18 Mar**"))
    assert bullet.startswith("- **Mon 18 Mar** · Poland–Belarus border — Migration pressure: 97 people")
    assert (
        "sources differ: 97 people stopped at the border — Polish Border Guard A2" in bullet
    )  # confirmed, disputed
    assert "300 people stopped at the border — BelTA E5" in bullet


def test_the_backtest_chart_is_well_formed_and_names_every_cell() -> None:
    world = digest_world.build()
    grid = backtest(assess_weeks(world.mentions, world.documents, WEEKS), WEEKS)
    root = ET.fromstring(backtest_svg(grid))
    cells = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(cells) == len(grid.cells)
    titles = [r.find(f"{SVG}title").text or "" for r in cells]  # type: ignore[union-attr]
    assert any(
        t.startswith("PL-BY 2024-W18: level 2 (coercive signalling), escalated. Surge") for t in titles
    )
    marks = [t.text for t in root.iter(f"{SVG}text") if t.text in ("▲", "▼")]
    assert marks.count("▲") == grid.verdict_counts()["escalated"]
