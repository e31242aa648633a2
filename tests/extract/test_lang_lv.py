"""Latvian extraction: suffix stems, inflected places and actors, ordinal-dot dates, numbers,
modality (lexicons/lv/).

Every sentence here is written for the test, in the styles Latvian sources use: the State
Border Guard's daily and weekly figures, Ministry of Defence statements, regional news, a
live blog and a list of daily figures.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor, parse_dates
from flankwatch.nlp import load_languages, pipeline_for
from flankwatch.records import Mention

PUBLISHED = "2024-06-18"  # a Tuesday
VRS = "Latvian State Border Guard"


@pytest.fixture(scope="module")
def lv(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = VRS) -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="lv", publisher=publisher))

    return run


def span(text: str, published: str = PUBLISHED) -> tuple[str, str, str]:
    found = parse_dates(text, date.fromisoformat(published), "lv")
    assert len(found) == 1, f"{text!r}: {[(d.text, d.start, d.end) for d in found]}"
    return found[0].start.isoformat(), found[0].end.isoformat(), found[0].precision


# -- morphology and sentences -----------------------------------------------------------
def test_latvian_is_matched_on_suffix_stems() -> None:
    spec = load_languages()["lv"]
    assert (spec.match_attr, spec.morphology) == ("NORM", "stem")
    stem = spec.normalise()
    assert {
        stem(w) for w in ("baltkrievija", "baltkrievijas", "baltkrievijai", "baltkrieviju", "baltkrievijā")
    } == {"baltkrievij"}
    assert {stem(w) for w in ("silene", "silenes", "silenē")} == {"silen"}
    assert {stem(w) for w in ("robežsargi", "robežsargu", "robežsargiem", "robežsargs")} == {"robežsarg"}


def test_an_ordinal_dot_ends_no_sentence() -> None:
    doc = pipeline_for(load_languages()["lv"])(
        "Kopš 2023. gada 10. augusta novērsti 13 500 mēģinājumi. Robežsargi ziņo."
    )
    assert [s.text for s in doc.sents] == [
        "Kopš 2023. gada 10. augusta novērsti 13 500 mēģinājumi.",
        "Robežsargi ziņo.",
    ]


# -- places and actors in every case -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Vakar Silenē novērsti 42 personu mēģinājumi nelikumīgi šķērsot robežu.", "Silene"),
        ("Vakar pie Silenes novērsti 42 personu mēģinājumi nelikumīgi šķērsot robežu.", "Silene"),
        ("Vakar Krāslavas novadā novērsti 42 personu mēģinājumi nelikumīgi šķērsot robežu.", "Krāslava"),
        ("Vakar Daugavpilī novērsti 42 personu mēģinājumi nelikumīgi šķērsot robežu.", "Daugavpils"),
    ],
)
def test_inflected_border_places_resolve(lv, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    m = one(lv(text), "MIGRATION_PRESSURE")
    assert m.place is not None and m.place.name == place
    assert m.theatre == "LV-BY"
    assert counts(m) == [(42, None, "people", "exact", "day")]  # the Border Guard's daily figure
    assert m.date_start == date(2024, 6, 17)


@pytest.mark.parametrize(
    "text",
    [
        "Pagājušajā nedēļā uz Latvijas–Baltkrievijas robežas novērsti 310 mēģinājumi.",
        "Pagājušajā nedēļā pierobežā ar Baltkrieviju novērsti 310 mēģinājumi.",
        "Pagājušajā nedēļā no Baltkrievijas puses novērsti 310 mēģinājumi.",
    ],
)
def test_belarus_in_any_case_names_the_border(lv, text: str) -> None:  # type: ignore[no-untyped-def]
    m = one(lv(text), "MIGRATION_PRESSURE")
    assert m.theatre == "LV-BY"
    assert counts(m) == [(310, None, "attempts", "exact", "week")]


def test_a_country_in_the_locative_case_is_where_it_happens(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv("Vēlāk šomēnes Latvijā notiks mācības, kurās piedalīsies ap 3 000 karavīru.", publisher=""),
        "MILITARY_EXERCISE",
    )
    assert (m.modality, m.theatre) == ("planned", "LV")
    assert (m.date_start, m.date_end) == (date(2024, 6, 1), date(2024, 6, 30))
    assert counts(m) == [(3000, None, "troops", "about", None)]


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pagājušajā nedēļā", ("2024-06-10", "2024-06-16", "week")),
        ("pagājušajā diennaktī", ("2024-06-17", "2024-06-17", "day")),
        ("otrdien", ("2024-06-18", "2024-06-18", "day")),
        ("svētdienas naktī", ("2024-06-16", "2024-06-16", "day")),
        ("šonedēļ", ("2024-06-17", "2024-06-18", "week")),
        ("jūnijā", ("2024-06-01", "2024-06-30", "month")),
        ("15. jūnijā", ("2024-06-15", "2024-06-15", "day")),
        ("2023. gada 10. augustā", ("2023-08-10", "2023-08-10", "day")),
        ("kopš gada sākuma", ("2024-01-01", "2024-06-18", "day")),
        ("kopš pagājušā gada augusta", ("2023-08-01", "2024-06-18", "month")),
        ("līdz 2024. gada beigām", ("2024-06-18", "2024-12-31", "year")),
        ("līdz septembra beigām", ("2024-06-18", "2024-09-30", "day")),
        ("līdz 2027. gadam", ("2027-01-01", "2027-12-31", "year")),
        ("No 2024. līdz 2028. gadam", ("2024-01-01", "2028-12-31", "year")),
    ],
)
def test_latvian_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert span(text) == expected


def test_no_dates_from_percentages_decimals_or_counts() -> None:
    assert (
        parse_dates(
            "Aizsardzībai 2,4 % no IKP, novērsti 2024 mēģinājumi un 10 personas.", date(2024, 6, 18), "lv"
        )
        == []
    )


def test_a_daily_and_a_yearly_figure(lv) -> None:  # type: ignore[no-untyped-def]
    found = [
        m
        for m in lv(
            "Pagājušajā nedēļā kopumā novērsti 1 043 personu mēģinājumi, bet kopš gada sākuma – 4 389."
        )
        if m.type == "MIGRATION_PRESSURE"
    ]
    assert [counts(m) for m in found] == [
        [(1043, None, "people", "exact", "week")],
        [(4389, None, "people", "exact", "total")],
    ]
    assert [(m.date_start, m.date_end) for m in found] == [
        (date(2024, 6, 10), date(2024, 6, 16)),
        (date(2024, 1, 1), date(2024, 6, 18)),
    ]


# -- numbers --------------------------------------------------------------------------------
def test_up_to_per_day_and_on_average(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv("Visvairāk personu – līdz 150 diennaktī – atturētas Silenes robežapsardzības nodaļas zonā."),
        "MIGRATION_PRESSURE",
    )
    assert counts(m) == [(150, None, "people", "up_to", "day")]
    m = one(
        lv("Vēl februāra sākumā diennaktī robežu mēģināja šķērsot vidēji 20 personas."), "MIGRATION_PRESSURE"
    )
    assert counts(m) == [(20, None, "people", "about", "day")]
    assert (m.date_start, m.date_end) == (date(2024, 2, 1), date(2024, 2, 29))


def test_money_in_millions_and_a_range_of_years(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv("No 2024. līdz 2028. gadam Baltijas aizsardzības līnijas izbūvei paredzēti 303 miljoni eiro."),
        "BORDER_FORTIFICATION",
    )
    assert counts(m) == [(303_000_000, None, "eur", "exact", None)]
    assert (m.modality, m.date_start, m.date_end) == ("planned", date(2024, 1, 1), date(2028, 12, 31))


def test_percent_of_gdp(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(lv("Latvija nākamgad aizsardzībai novirzīs 3,45 % no IKP."), "DEFENCE_POSTURE")
    assert counts(m) == [(3.45, None, "pct_gdp", "exact", None)]
    assert (m.modality, m.date_start) == ("planned", date(2025, 1, 1))


def test_zero_casualties_are_casualties(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv("Svētdienas naktī Silenē migranti apmētāja robežsargus ar akmeņiem; neviens necieta."),
        "BORDER_INCIDENT",
    )
    assert m.quantities == ()
    assert [(q.value, q.unit) for q in m.casualties] == [(0, "injured")]
    assert m.theatre == "LV-BY"


def test_a_list_of_daily_figures(lv) -> None:  # type: ignore[no-untyped-def]
    found = [
        m
        for m in lv("Novērsto mēģinājumu skaits pa dienām: pirmdien – 45, otrdien – 61.")
        if m.type == "MIGRATION_PRESSURE"
    ]
    assert [(m.date_start, counts(m)) for m in found] == [
        (date(2024, 6, 17), [(45, None, "people", "exact", "day")]),
        (date(2024, 6, 18), [(61, None, "people", "exact", "day")]),
    ]


# -- modality, scoped to its clause --------------------------------------------------------
def test_built_so_far_and_planned_are_two_events(lv) -> None:  # type: ignore[no-untyped-def]
    found = [
        m
        for m in lv(
            "Žoga būvniecība turpinās: līdz šim uzbūvēti 148 km, un atlikušos 25 km plānots pabeigt "
            "līdz 2024. gada beigām."
        )
        if m.type == "BORDER_FORTIFICATION"
    ]
    assert sorted((m.modality, tuple(counts(m))) for m in found) == [
        ("occurred", ((148, None, "km", "exact", "total"),)),
        ("planned", ((25, None, "km", "exact", None),)),
    ]


def test_the_past_tense_is_no_future(lv) -> None:  # type: ignore[no-untyped-def]
    # "tika ieviests" (was introduced) shares its stem with "tiks" (will be): the future is matched as written
    m = one(
        lv(
            "Kopš 2023. gada 10. augusta, kad tika ieviests pastiprinātas robežapsardzības režīms, novērsti vairāk "
            "nekā 13 500 personu mēģinājumi."
        ),
        "MIGRATION_PRESSURE",
    )
    assert m.modality == "occurred"
    assert counts(m) == [(13500, None, "people", "more_than", "total")]
    assert (m.date_start, m.date_end) == (date(2023, 8, 10), date(2024, 6, 18))


def test_considering_is_hypothetical(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv("Iekšlietu ministrija apsver iespēju slēgt robežšķērsošanas vietu Pāternieki."), "BORDER_REGIME"
    )
    assert (m.modality, m.theatre) == ("hypothetical", "LV-BY")


def test_an_adversary_claim_is_claimed(lv) -> None:  # type: ignore[no-untyped-def]
    found = lv(
        "Baltkrievijas Valsts robežkomiteja apgalvo, ka pagājušajā nedēļā Latvijas robežsargi izraidījuši "
        "uz Baltkrieviju vairāk nekā 300 cilvēku.",
        publisher="",
    )
    accusation = one(found, "ACCUSATION")
    assert (accusation.modality, accusation.date_start) == (
        "occurred",
        date(2024, 6, 18),
    )  # undated: as published
    m = one(found, "MIGRATION_PRESSURE")
    assert m.modality == "claimed"
    assert counts(m) == [(300, None, "people", "more_than", "week")]
    assert (m.date_start, m.date_end) == (date(2024, 6, 10), date(2024, 6, 16))


def test_a_threat(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv(
            "Krievija draudēja ar atbildes pasākumiem, ja Latvija turpinās ierobežot ieceļošanu.",
            publisher="",
        ),
        "THREAT_RHETORIC",
    )
    assert (m.modality, m.theatre) == ("occurred", "LV-RU")


def test_a_reminder_is_no_event(lv) -> None:  # type: ignore[no-untyped-def]
    assert (
        lv("Valsts robežsardze atgādina, ka robežas šķērsošana ārpus robežšķērsošanas vietām ir aizliegta.")
        == []
    )


def test_gnss_jamming(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lv("Pagājušajā mēnesī GPS signāla traucējumi skāra vairāk nekā 1 200 lidojumus.", publisher=""),
        "AVIATION_INTERFERENCE",
    )
    assert counts(m) == [(1200, None, "aircraft", "more_than", "month")]
    assert (m.date_start, m.date_end) == (date(2024, 5, 1), date(2024, 5, 31))


# -- styles of the lv-b dev documents: VRS tables, LSM news, a think-tank note ----------------------
def test_a_table_under_a_prevented_column(lv) -> None:  # type: ignore[no-untyped-def]
    text = "Datums | Novērsti | Visvairāk\n10. jūnijs | 21 | Silene\n11. jūnijs | 17 | Krāslava"
    found = [m for m in lv(text) if m.type == "MIGRATION_PRESSURE"]
    assert [(m.date_start, counts(m)) for m in found] == [
        (date(2024, 6, 10), [(21, None, "people", "exact", "day")]),
        (date(2024, 6, 11), [(17, None, "people", "exact", "day")]),
    ]


def test_a_warning_to_unplug_the_baltics_from_brell(lv) -> None:  # type: ignore[no-untyped-def]
    text = "Krievijas amatpersona otrdien brīdināja, ka Krievija var atslēgt Baltijas valstis no BRELL energoloka."
    found = lv(text, publisher="LSM")
    assert one(found, "THREAT_RHETORIC").modality == "occurred"
    assert one(found, "ENERGY_COERCION").modality == "threatened"


def test_blaming_russia_for_jamming_is_an_accusation(lv) -> None:  # type: ignore[no-untyped-def]
    m = one(lv("Ārlietu ministrija traucējumos vaino Krieviju.", publisher="LSM"), "ACCUSATION")
    assert (m.modality, m.date_start) == ("occurred", date(2024, 6, 18))


def test_units_moved_toward_a_region(lv) -> None:  # type: ignore[no-untyped-def]
    text = "Baltkrievija paziņoja, ka pārvieto uz Gomeļas apgabalu, pie robežas ar Ukrainu, speciālo operāciju vienības."
    m = one(lv(text, publisher="LSM"), "FORCE_DEPLOYMENT")
    assert m.place is not None and m.place.name == "Gomel region"


def test_what_experts_think_is_no_event(lv) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drošības eksperti uzskata, ka enerģētikas draudi un navigācijas traucējumi ir hibrīdspiediena daļa."
    )
    assert lv(text, publisher="LSM") == []


def test_a_nuclear_forces_exercise_is_one_exercise(lv) -> None:  # type: ignore[no-untyped-def]
    text = "11. jūnijā Baltkrievija pievienojās Krievijas nestratēģisko kodolspēku mācībām, kurās iesaistīti Iskander kompleksi."
    assert [m.type for m in lv(text, publisher="LSM")] == ["MILITARY_EXERCISE"]
