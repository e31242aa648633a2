"""Places from the gazetteer, actors from the actor table, and theatres by the data rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import only

from flankwatch.extract.gazetteer import fold_accents
from flankwatch.records import Mention

Extract = Callable[..., list[Mention]]


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Migrants tried to cross the border near Kuźnica.", "Kuźnica", "PL"),
        ("Migrants tried to cross the border near Kuznica.", "Kuźnica", "PL"),  # without the accent
        ("Belarus held drills near Grodno.", "Hrodna", "BY"),  # a transliteration
        ("Belarus held drills near Hrodna and in the Brest region.", "Hrodna", "BY"),  # the most specific
        (
            "Migrants tried to cross the border at the Kuźnica–Bruzgi crossing near Hrodna.",
            "Kuźnica–Bruzgi",
            "PL",
        ),
    ],
)
def test_most_specific_place(text: str, place: str, country: str, extract: Extract) -> None:
    mention = extract(text)[0]
    assert mention.place is not None
    assert (mention.place.name, mention.place.country) == (place, country)
    assert mention.place.lat is not None and mention.place.lon is not None


def test_accent_folding() -> None:
    assert fold_accents("Kuźnica Łódź Šalčininkai Krāslava") == "Kuznica Lodz Salcininkai Kraslava"


@pytest.mark.parametrize(
    ("text", "theatre"),
    [
        ("Migrants tried to cross the border near Kuźnica.", "PL-BY"),  # a place on a border
        ("Migrants tried to cross near Silene.", "LV-BY"),
        ("Attempts to cross the Polish-Belarusian border rose to 97.", "PL-BY"),  # a border phrase
        ("120 people tried to cross Lithuania's border with Belarus.", "LT-BY"),
        ("Belarus moved troops toward the Ukrainian border.", "UA-BY"),  # one side named, the other the actor
        ("Poland–Belarus: 263 crossing attempts during the week.", "PL-BY"),  # a dash pair without "border"
        ("Belarus held a snap readiness check near Baranavichy.", "BY"),  # an interior place
        (
            "Russia's Baltic Fleet began drills in the Kaliningrad region, Lithuania said.",
            "LT-RU",
        ),  # two borders
        ("NATO fighter jets were scrambled over the Baltic Sea.", "REGION"),
        ("Poland presented a plan to fortify its borders with Belarus and Russia.", "PL"),  # three states
    ],
)
def test_theatre(text: str, theatre: str, extract: Extract) -> None:
    assert extract(text)[0].theatre == theatre


def test_a_border_pair_carries_to_later_sentences_of_the_document(extract: Extract) -> None:
    found = extract(
        "Attempts to cross the Latvian-Belarusian border rose.\nOn Tuesday, 150 people tried to cross."
    )
    assert [m.theatre for m in found] == ["LV-BY", "LV-BY"]


def test_the_reporting_state_gives_the_usual_pair(extract: Extract) -> None:
    found = extract("On Tuesday, 150 people tried to cross illegally.", publisher="Polish Border Guard")
    assert only(found, "MIGRATION_PRESSURE").theatre == "PL-BY"


def test_institutions_and_people_map_to_their_state(extract: Extract) -> None:
    assert only(extract("Lukashenko threatened to cut gas supplies."), "THREAT_RHETORIC").actors == ("BLR",)
    found = extract("The Polish Border Guard recorded 97 attempts to cross the border.")
    assert only(found, "MIGRATION_PRESSURE").actors == ("NS:MIGRANTS",)
    assert only(found, "MIGRATION_PRESSURE").targets == ("POL",)


def test_a_capital_is_a_government_unless_it_is_a_location(extract: Extract) -> None:
    accusation = only(extract("Minsk accused Vilnius of training militants."), "ACCUSATION")
    assert (accusation.actors, accusation.targets, accusation.place) == (("BLR",), ("LTU",), None)
    drills = only(extract("Russian and Belarusian troops held drills in Minsk."), "MILITARY_EXERCISE")
    assert drills.place is not None and drills.place.name == "Minsk"
    assert set(drills.actors) == {"RUS", "BLR"}


def test_a_passive_trigger_swaps_the_roles(extract: Extract) -> None:
    summons = only(extract("The Russian envoy was summoned by Warsaw."), "DIPLOMATIC_ACTION")
    assert (summons.subtype, summons.actors, summons.targets) == ("summons", ("POL",), ("RUS",))


def test_acronyms_match_their_case_only(extract: Extract) -> None:
    found = extract("The US deployed troops to Poland, officials told us.")
    assert "USA" in {a for m in found for a in m.actors}


@pytest.mark.parametrize(
    ("text", "theatre"),
    [
        ("Belarus moved troops to Mozyr on Monday.", "UA-BY"),  # Russian spelling of Mazyr
        ("Belarus moved troops to Homel region on Monday.", "UA-BY"),
        ("Lithuanian guards turned back 12 people near Salcininkai on Monday.", "LT-BY"),
        ("Russia held drills in the Kaliningrad Oblast on Monday.", "PL-RU"),
    ],
)
def test_spelling_variants_of_en_c_places_give_their_theatre(text: str, theatre: str, extract: Extract) -> None:
    assert extract(text, published="2024-06-12")[0].theatre == theatre


def test_an_allied_interceptor_is_an_actor(extract: Extract) -> None:
    found = extract(
        "A Russian Il-20 reconnaissance plane was intercepted by Italian F-35s of the Baltic air policing mission.",
        published="2024-04-29",
    )
    assert "ITA" in only(found, "AIR_ACTIVITY").actors
