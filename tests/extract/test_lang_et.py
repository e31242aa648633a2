"""Estonian extraction: suffix stems over case endings, inflected places and actors, dates,
numbers, modality (lexicons/et/).

Every sentence here is written for the test, in the styles Estonian sources use: Police and
Border Guard Board notices on the Narva border, Defence Forces statements on airspace and
GNSS jamming, and foreign-ministry news.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor, parse_dates
from flankwatch.nlp import load_languages, pipeline_for
from flankwatch.records import Mention

PUBLISHED = "2024-06-26"  # a Wednesday
PPA = "Estonian Police and Border Guard Board"


@pytest.fixture(scope="module")
def et(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = PPA) -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="et", publisher=publisher))

    return run


def span(text: str, published: str = PUBLISHED) -> tuple[str, str, str]:
    found = parse_dates(text, date.fromisoformat(published), "et")
    assert len(found) == 1, f"{text!r}: {[(d.text, d.start, d.end) for d in found]}"
    return found[0].start.isoformat(), found[0].end.isoformat(), found[0].precision


# -- morphology -------------------------------------------------------------------------------
def test_estonian_case_endings_are_stripped() -> None:
    spec = load_languages()["et"]
    assert (spec.match_attr, spec.morphology) == ("NORM", "stem")
    stem = spec.normalise()
    assert len({stem(w) for w in ("valgevene", "valgevenes", "valgevenest", "valgevenesse")}) == 1
    assert len({stem(w) for w in ("venemaa", "venemaal", "venemaale", "venemaalt")}) == 1
    assert len({stem(w) for w in ("eesti", "eestis", "eestist", "eestisse")}) == 1
    assert len({stem(w) for w in ("piiripunkt", "piiripunkti", "piiripunktis")}) == 1


def test_an_ordinal_dot_ends_no_sentence() -> None:
    doc = pipeline_for(load_languages()["et"])(
        "Venemaa sulgeb alates 1. veebruarist piiripunkti. PPA teatas."
    )
    assert [s.text for s in doc.sents] == ["Venemaa sulgeb alates 1. veebruarist piiripunkti.", "PPA teatas."]


# -- places and actors in every case ---------------------------------------------------------
@pytest.mark.parametrize("form", ["Narva", "Narvas", "Narvast"])
def test_narva_in_any_case(et, form: str) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et(f"Eile pidasid piirivalvurid {form} kinni kolm isikut, kes olid ebaseaduslikult piiri ületanud."),
        "MIGRATION_PRESSURE",
    )
    assert m.place is not None and m.place.name == "Narva"
    assert m.theatre == "EE-RU"
    assert counts(m) == [(3, None, "people", "exact", "day")]  # a count of one day is per day


def test_belarus_and_russia_in_their_cases(et) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et("Valgevenest saabunud migrandid üritasid eile ebaseaduslikult ületada Läti piiri.", publisher=""),
        "MIGRATION_PRESSURE",
    )
    assert m.theatre == "LV-BY"
    m = one(et("Venemaal alanud õppusel osaleb umbes 5 000 sõdurit.", publisher=""), "MILITARY_EXERCISE")
    assert m.theatre == "RU"  # "Venemaal": in Russia, by its case
    assert counts(m) == [(5000, None, "troops", "about", None)]


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("teisipäeval", ("2024-06-25", "2024-06-25", "day")),
        ("neljapäeva varahommikul", ("2024-06-20", "2024-06-20", "day")),
        ("eelmisel nädalal", ("2024-06-17", "2024-06-23", "week")),
        ("täna", ("2024-06-26", "2024-06-26", "day")),
        ("kogu juuni", ("2024-06-01", "2024-06-30", "month")),
        ("alates detsembrist", ("2023-12-01", "2024-06-26", "month")),
        ("alates aasta algusest", ("2024-01-01", "2024-06-26", "day")),
        ("24. mail", ("2024-05-24", "2024-05-24", "day")),
        ("2023. aastal", ("2023-01-01", "2023-12-31", "year")),
    ],
)
def test_estonian_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert span(text) == expected


def test_no_dates_from_model_names_or_durations() -> None:
    assert parse_dates("Helikopter Mi-8 viibis õhuruumis umbes neli minutit.", date(2024, 6, 26), "et") == []


# -- events ----------------------------------------------------------------------------------
def test_an_airspace_violation_with_a_duration_that_is_no_count(et) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et(
            "Venemaa helikopter Mi-8 rikkus teisipäeval Vaindloo saare lähistel Eesti õhuruumi, viibides selles "
            "umbes neli minutit."
        ),
        "AIRSPACE_VIOLATION",
    )
    assert (m.date_start, m.theatre, m.place.name if m.place else None) == (
        date(2024, 6, 25),
        "EE-RU",
        "Vaindloo",
    )
    assert m.quantities == ()


def test_a_summons_with_a_separable_verb(et) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et("Välisministeerium kutsus täna välja Venemaa ajutise asjuri ja andis talle üle protestinoodi."),
        "DIPLOMATIC_ACTION",
    )
    assert (m.subtype, m.modality, m.date_start) == ("summons", "occurred", date(2024, 6, 26))


def test_buoys_removed_from_the_river(et) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et("Venemaa piirivalve eemaldas neljapäeva varahommikul Narva jõelt 24 Eesti paigaldatud piiripoid."),
        "BORDER_INCIDENT",
    )
    assert (m.date_start, m.theatre) == (date(2024, 6, 20), "EE-RU")
    assert m.quantities == ()  # buoys are counted in no unit of the ontology


def test_gnss_jamming_over_a_month(et) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et("Mais mõjutasid GPS-signaali häired üle 2 000 lennu Eesti õhuruumis."), "AVIATION_INTERFERENCE"
    )
    assert counts(m) == [(2000, None, "aircraft", "more_than", "month")]
    assert (m.date_start, m.date_end) == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_closure_from_a_later_date_is_planned(et) -> None:  # type: ignore[no-untyped-def]
    m = one(et("Venemaa sulgeb alates 1. juulist Ivangorodi piiripunkti sõidukiliiklusele."), "BORDER_REGIME")
    assert (m.modality, m.date_start, m.theatre) == ("planned", date(2024, 7, 1), "EE-RU")


def test_considering_is_hypothetical(et) -> None:  # type: ignore[no-untyped-def]
    found = et(
        "Siseminister ütles teisipäeval, et valitsus kaalub Narva piiripunkti sulgemist juhuks, kui Venemaa "
        "hakkab piirile migrante suunama."
    )
    assert one(found, "BORDER_REGIME").modality == "hypothetical"
    assert one(found, "MIGRANT_INSTRUMENTALISATION").modality == "hypothetical"


def test_an_accusation_and_a_threat(et) -> None:  # type: ignore[no-untyped-def]
    found = et("Venemaa süüdistas Eestit provokatsioonis ja ähvardas vastumeetmetega.", publisher="")
    assert one(found, "ACCUSATION").modality == "occurred"
    assert one(found, "THREAT_RHETORIC").modality == "occurred"


def test_a_purchase_announced_in_the_present_is_planned(et) -> None:  # type: ignore[no-untyped-def]
    m = one(et("Kaitseministeerium teatas, et Eesti ostab veel 12 iseliikuvat haubitsat."), "DEFENCE_POSTURE")
    assert m.modality == "planned"
    assert counts(m) == [(12, None, "vehicles", "exact", None)]


def test_a_rarity_is_no_event(et) -> None:  # type: ignore[no-untyped-def]
    assert et("Kaitsevägi rõhutas, et Eesti õhuruumi rikkumisi on viimastel aastatel olnud harva.") == []


# -- styles of the et-b dev documents: ERR news, a numbered Defence Forces release, PPA digest -------
def test_an_exercise_told_again_in_a_numbered_point_is_one_exercise(et) -> None:  # type: ignore[no-untyped-def]
    text = "1. Täna algab suurõppus Kevadtorm.\n2. Õppusel kasutatakse CV90 lahingumasinaid."
    assert [m.type for m in et(text, publisher="Kaitsevägi")] == ["MILITARY_EXERCISE"]


def test_calling_an_exercise_a_provocation_is_no_second_exercise(et) -> None:  # type: ignore[no-untyped-def]
    found = et("Venemaa kaitseministeerium nimetas eile õppust provokatsiooniks.", publisher="ERR")
    assert [m.type for m in found] == ["ACCUSATION"]


def test_naming_who_is_behind_jamming_is_an_accusation(et) -> None:  # type: ignore[no-untyped-def]
    found = et(
        "Välisminister ütles pühapäeval, et segamise taga on Venemaa, ning lubas teemat arutada liitlastega.",
        publisher="ERR",
    )
    assert [m.type for m in found] == ["ACCUSATION"]


def test_planes_turning_back_from_tartu(et) -> None:  # type: ignore[no-untyped-def]
    m = one(
        et("Eile pidid kaks lennukit Tartu lähistelt Helsingisse tagasi pöörduma.", publisher="ERR"),
        "AVIATION_INTERFERENCE",
    )
    assert m.place is not None and m.place.name == "Tartu"
