"""Theatre rules (data/theatres/rules.yaml, extract/theatre.py) on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import make_doc, only

import flankwatch.extract.extractor as extractor_module
from flankwatch.extract import Extractor
from flankwatch.extract.theatre import DocumentState
from flankwatch.records import Mention


def theatres(mentions: list[Mention], type_name: str) -> list[str]:
    return [m.theatre for m in mentions if m.type == type_name]


def test_joint_exercise_without_a_place_is_the_hosts(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "Belarusian units will join a Russian exercise with non-strategic nuclear weapons next week."
    )
    assert only(found, "MILITARY_EXERCISE").theatre == "BY"
    found = extract(
        "Belarusian units have begun the second stage of the nuclear exercise together with Russian forces."
    )
    assert only(found, "STRATEGIC_WEAPONS").theatre == "BY"


def test_several_borders_of_one_member_are_the_member(extract: Callable[..., list[Mention]]) -> None:
    # Kaliningrad sits on PL-RU, but the measure covers two borders: it bears on Poland, and so
    # does the next sentence of the same type, which names no border.
    found = extract(
        "Poland will fortify its borders with Belarus and Russia near the Kaliningrad region. "
        "Construction of the new barriers will start in July."
    )
    assert theatres(found, "BORDER_FORTIFICATION") == ["PL", "PL"]
    found = extract("Latvia will build anti-tank ditches on its borders with Russia and Belarus.")
    assert only(found, "BORDER_FORTIFICATION").theatre == "LV"


def test_a_single_border_is_still_its_pair(extract: Callable[..., list[Mention]]) -> None:
    found = extract("Poland will extend the fence on its border with Belarus by 20 km.")
    assert only(found, "BORDER_FORTIFICATION").theatre == "PL-BY"


def test_strikes_and_sanctions_bear_where_they_land(extract: Callable[..., list[Mention]]) -> None:
    found = extract("Russia fired 16 cruise missiles overnight, the Ukrainian air force said.")
    assert only(found, "STRIKE").theatre == "UA"
    # a strike threatened on a member by its neighbour is on their border
    found = extract(
        "Lukashenko warned that Belarus will strike sites in Lithuania from which the drones are launched."
    )
    assert only(found, "STRIKE").theatre == "LT-BY"
    # sanctions against Russia in a text about the Polish border: Russia, not the text's pair
    found = extract(
        "About 150 migrants tried to cross the Polish-Belarusian border on Monday. "
        "Minsk condemned the new EU sanctions against Russia."
    )
    assert only(found, "SANCTIONS").theatre == "RU"


def test_jamming_is_felt_in_a_country(extract: Callable[..., list[Mention]]) -> None:
    found = extract("Pilots reported GPS jamming over Ida-Viru county on Tuesday.")
    assert only(found, "AVIATION_INTERFERENCE").theatre == "EE"
    found = extract("Estonian authorities traced the GPS jamming to the Kaliningrad region.")
    assert only(found, "AVIATION_INTERFERENCE").theatre == "EE"


def test_migrants_driven_to_the_border_from_inside_belarus(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "About 150 migrants tried to cross the Polish-Belarusian border on Monday. "
        "Belarusian services drive the migrants from Minsk to the border in trucks."
    )
    assert only(found, "MIGRANT_INSTRUMENTALISATION").theatre == "PL-BY"


@pytest.mark.parametrize(("home", "theatre"), [(None, "BY"), ("PL", "PL-BY")])
def test_a_border_named_by_its_far_side_is_the_publishers_border(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, home: str | None, theatre: str
) -> None:
    # "the border with Belarus" in a Polish publisher's text is the Polish-Belarusian border;
    # with no publisher country known nothing says whose border it is.
    monkeypatch.setattr(extractor_module, "DocumentState", lambda: DocumentState(home=home))
    text = "Rząd przywrócił strefę buforową wzdłuż 60 km granicy z Białorusią."
    found = extractor.extract(make_doc(text, language="pl"))
    assert only(found, "BORDER_REGIME").theatre == theatre
