"""The weekly digest: numbers with their sources and sentences, verdict lines, what occurred kept
apart from what is only planned, threatened or claimed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from typing import ClassVar

import digest_world
import pytest

from flankwatch.assess import assess_weeks
from flankwatch.errors import DataFileError
from flankwatch.fuse import fuse, fuse_events
from flankwatch.records import Quantity
from flankwatch.report import Digest, load_labels, render_digest

WEEKS = ["2024-W16", "2024-W17", "2024-W18", "2024-W19"]


@pytest.fixture(scope="module")
def world() -> digest_world.World:
    return digest_world.build()


def _digest(world: digest_world.World, week: str) -> Digest:
    assessments = assess_weeks(world.mentions, world.documents, WEEKS)
    return render_digest(
        week, assessments, world.mentions, world.documents, fuse(world.mentions, world.documents)
    )


def _disputes_digest(world: digest_world.World) -> str:
    """The Markdown digest of 2024-W12, the week of `border_reports`, with events fused here."""
    return render_digest(
        "2024-W12", [], world.mentions, world.documents, fuse(world.mentions, world.documents)
    ).markdown


def _section(markdown: str, title: str) -> str:
    """The Markdown of one `## Title …` section."""
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(0)


def _ref_of(markdown: str, url: str) -> int:
    match = re.search(rf"^(\d+)\. <a id=\"src-\1\"></a>.*\({re.escape(url)}\)", markdown, re.M)
    assert match, f"{url} is not in the sources list"
    return int(match.group(1))


def test_the_digest_opens_with_the_theatre_table(world: digest_world.World) -> None:
    markdown = _digest(world, digest_world.SURGE_WEEK).markdown
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings[0] == "Theatres at a glance"
    table = _section(markdown, "Theatres at a glance")
    assert re.search(
        r"\| Poland–Belarus border \(PL-BY\) \| 2 · coercive signalling \| ↑ escalated \| .*400", table
    )


def test_the_surge_number_links_to_its_source_and_shows_its_sentence(world: digest_world.World) -> None:
    markdown = _digest(world, digest_world.SURGE_WEEK).markdown
    migration = _section(markdown, "Migration")
    wire = _ref_of(markdown, "https://example.org/wire-surge")
    guard = _ref_of(markdown, "https://example.org/sg-2024-04-30")
    bullet = next(line for line in migration.splitlines() if line.startswith("- **Tue 30 Apr**"))
    assert f"up to 400 crossing attempts a day [[{wire}]](#src-{wire})[[{guard}]](#src-{guard})" in bullet
    assert "Kuźnica" in bullet
    assert (
        f"> “On Tuesday the Border Guard recorded 400 attempts to cross the border near Kuźnica.” — [{guard}]"
        in migration
    )
    assert "**The situation has escalated: level 2, coercive signalling (1 last week).**" in migration


def test_the_lead_compares_the_week_with_the_weeks_before(world: digest_world.World) -> None:
    migration = _section(_digest(world, digest_world.SURGE_WEEK).markdown, "Migration")
    assert "crossing attempts peaked at 400 a day" in migration
    assert "against a typical 21.5 a day over the previous 4 weeks" in migration
    security = _section(_digest(world, digest_world.SURGE_WEEK).markdown, "Security situation")
    assert "about 3,000 troops" in security


def test_planned_threatened_and_state_media_claims_are_kept_apart(world: digest_world.World) -> None:
    markdown = _digest(world, digest_world.SURGE_WEEK).markdown
    migration, military = _section(markdown, "Migration"), _section(markdown, "Military")
    political = _section(markdown, "Political and information")
    events, _, watch = migration.partition("### What to watch")
    assert "60 km" not in events and "**Planned**" in watch and "60 km" in watch and "June 2024" in watch
    events, _, watch = military.partition("### What to watch")
    assert "Bruzgi" not in events
    assert "**Claimed, not confirmed**" in watch and "Bruzgi" in watch and "BelTA" in watch
    events, _, watch = political.partition("### What to watch")
    assert "Threat by Belarus against Poland" in events
    assert "**Threatened**" in watch and "Energy coercion" in watch and "Energy coercion" not in events


def test_response_options_for_the_level_reached(world: digest_world.World) -> None:
    migration = _section(_digest(world, digest_world.SURGE_WEEK).markdown, "Migration")
    assert "### Response options (level 2)" in migration
    assert "**Barrier reinforcement, physical and electronic** — " in migration


def test_a_calm_week_and_the_week_after_the_surge(world: digest_world.World) -> None:
    calm = _section(_digest(world, "2024-W17").markdown, "Migration")
    assert "**The situation has not changed: level 1, hybrid pressure.**" in calm
    after = _section(_digest(world, "2024-W19").markdown, "Migration")
    assert "**The situation has de-escalated: level 1, hybrid pressure (2 last week).**" in after


def test_html_is_one_self_contained_well_formed_page(world: digest_world.World) -> None:
    html = _digest(world, digest_world.SURGE_WEEK).html
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert not re.search(r"<link|<script|src=\"http", html)
    assert (
        'title="On Tuesday the Border Guard recorded 400 attempts to cross the border near Kuźnica."' in html
    )
    assert "<svg" in html and 'href="https://www.belta.by/society/view/1"' in html
    checker = _TagChecker()
    checker.feed(html)
    assert checker.problems == [] and checker.open == []


def test_text_from_documents_is_escaped_in_html() -> None:
    text = "Officials said <script>alert(1)</script> 97 people tried to cross on Tuesday."
    world = digest_world.World()
    doc = world.doc("d", date(2024, 3, 20), text, "Wire & <Co>", "javascript:alert(1)")
    people = (Quantity(value=97, unit="people"),)
    world.mention(doc, text, "MIGRATION_PRESSURE", date(2024, 3, 19), theatre="PL-BY", quantities=people)
    digest = render_digest("2024-W12", [], world.mentions, world.documents, [])
    assert "<script>" not in digest.html and "&lt;script&gt;" in digest.html
    assert "Wire &amp; &lt;Co&gt;" in digest.html and "javascript:" not in digest.html


def test_disagreeing_figures_of_one_count_are_shown_with_their_sources() -> None:
    reports = [
        (
            key,
            key.capitalize(),
            f"Since January {value:,} attempts were recorded on the border, officials said.",
            (Quantity(value=value, unit="attempts"),),
        )
        for key, value in (("guard", 9300), ("wire", 9350))
    ]
    markdown = _disputes_digest(digest_world.border_reports(date(2024, 3, 20), reports))
    assert re.search(
        r"sources differ: 9,300 crossing attempts — Guard F1 \[\[\d\]\]\(#src-\d\); "
        r"9,350 crossing attempts — Wire F1 \[\[\d\]\]",
        markdown,
    )


def test_an_empty_week_still_renders_a_digest() -> None:
    digest = render_digest("2024-W01", [], [], {}, [])
    assert "No significant development" in digest.markdown
    assert "The situation has not changed: level 0, baseline." in digest.markdown


def test_events_from_the_store_and_mentions_fused_here_agree(world: digest_world.World) -> None:
    assessments = assess_weeks(world.mentions, world.documents, WEEKS)
    with_events = render_digest(
        digest_world.SURGE_WEEK,
        assessments,
        world.mentions,
        world.documents,
        fuse_events(world.mentions, world.documents),
    )
    without = render_digest(digest_world.SURGE_WEEK, assessments, world.mentions, world.documents, [])
    assert with_events.markdown == without.markdown


def test_unknown_language_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="labels-xx"):
        load_labels("xx")


def test_dates_and_quantities_read_like_an_analyst_writes_them() -> None:
    labels = load_labels("en")
    assert labels.span(date(2024, 3, 20), date(2024, 3, 21), "day") == "20–21 Mar"
    assert labels.span(date(2024, 4, 1), date(2024, 4, 30), "month") == "April 2024"
    money = Quantity(value=4.75e9, unit="usd")
    share = Quantity(value=2.3, unit="pct_gdp")
    span = Quantity(value=417, unit="attempts", period="span", period_days=2)
    assert (labels.quantity(money), labels.quantity(share), labels.quantity(span)) == (
        "$4.75 bn",
        "2.3 % of GDP",
        "417 crossing attempts over 2 days",
    )
    assert (
        labels.quantity(replace(span, period="day", qualifier="up_to", value=210))
        == "up to 210 crossing attempts a day"
    )


class _TagChecker(HTMLParser):
    VOID: ClassVar[set[str]] = {"meta", "br", "line", "rect", "img", "input", "link", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()


def test_a_figure_only_the_adversarys_state_media_give_is_marked() -> None:
    reports = [
        (key, publisher, f"{publisher} reported on Monday's events at the border near Kuźnica.", quantities)
        for key, publisher, quantities in (
            ("guard", "Polish Border Guard", (Quantity(value=97, unit="attempts"),)),
            ("belta", "BelTA", (Quantity(value=97, unit="attempts"), Quantity(value=300, unit="people"))),
        )
    ]
    markdown = _disputes_digest(digest_world.border_reports(date(2024, 3, 19), reports))
    assert "300 people stopped at the border (the adversary's own figure only)" in markdown
    assert "97 crossing attempts [[" in markdown
