"""Belarusian extraction: stems, the letter "ў", inflected places and actors, dates, numbers,
modality (lexicons/be/, lexicons/be/morphology.yaml).

Every sentence here is written for the test, in the styles Belarusian sources use: the State
Border Committee's statements and official papers (adversary state media), independent
media on the border with Poland and Lithuania, and monitoring of troop moves.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor
from flankwatch.nlp import load_languages, pipeline_for
from flankwatch.records import Mention

PUBLISHED = "2024-05-29"  # a Wednesday
DPK = "State Border Committee of Belarus"
INDEPENDENT = "Volny Hrodna"


@pytest.fixture(scope="module")
def be(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = INDEPENDENT) -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="be", publisher=publisher))

    return run




def dates(m: Mention) -> tuple[date | None, date | None, str | None]:
    return m.date_start, m.date_end, m.date_precision


# -- morphology and tokens -----------------------------------------------------------------
def test_belarusian_is_matched_on_stems_of_its_own_endings() -> None:
    spec = load_languages()["be"]
    assert (spec.match_attr, spec.morphology, spec.spacy) == ("NORM", "stem", "ru")
    stem = spec.normalise()
    assert {stem(w) for w in ("вучэнні", "вучэнняў", "вучэннямі", "вучэнне")} == {"вучэнн"}
    assert {stem(w) for w in ("мяжа", "мяжы", "мяжой", "мяжу")} == {"мяж"}
    assert {stem(w) for w in ("перакінулі", "перакінуты", "перакінуць", "перакінуў")} == {"перакін"}
    assert {stem(w) for w in ("мігранты", "мігрантаў")} == {"мігрант"}
    assert stem("ля") == "ля"  # short words keep their letters


def test_the_letter_u_short_ends_words_and_splits_compounds() -> None:
    nlp = pipeline_for(load_languages()["be"])
    doc = nlp("Мінск спрабуе запалохаць суседзяў. На беларуска-ўкраінскай мяжы спакойна.")
    assert [s.text for s in doc.sents] == ["Мінск спрабуе запалохаць суседзяў.", "На беларуска-ўкраінскай мяжы спакойна."]
    assert [t.text for t in doc][6:9] == ["беларуска", "-", "ўкраінскай"]


# -- places and actors in their cases ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place", "theatre"),
    [
        ("У аўторак у Гродне пачалася раптоўная праверка баяздольнасці.", "Hrodna", "BY"),
        ("У аўторак у Гродзенскай вобласці пачалася раптоўная праверка баяздольнасці.", "Hrodna region", "BY"),
        ("У аўторак у Лідскім раёне пачалася праверка баяздольнасці.", "Lida", "BY"),
        ("У аўторак падраздзяленні СПА перакінуты ў Гомельскую вобласць.", "Gomel region", "UA-BY"),
        ("У панядзелак каля Кузніцы 40 мігрантаў спрабавалі прарвацца праз плот.", "Kuźnica", "PL-BY"),
        ("У пятніцу каля Салечнікаў літоўскія вайскоўцы стралялі ў паветра.", "Šalčininkai", "LT-BY"),
    ],
)
def test_inflected_places_resolve(be, text: str, place: str, theatre: str) -> None:  # type: ignore[no-untyped-def]
    found = be(text)
    assert found, text
    assert found[0].place is not None and found[0].place.name == place
    assert found[0].theatre == theatre


def test_a_compound_adjective_names_the_border_pair(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("На гэтым тыдні ў раён беларуска-ўкраінскай мяжы накіраваны падраздзяленні сіл спецыяльных аперацый."),
            "FORCE_DEPLOYMENT")
    assert m.theatre == "UA-BY"


# -- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У сераду ў Брэсцкай вобласці пачаліся тактычныя вучэнні.", (date(2024, 5, 29), date(2024, 5, 29), "day")),
        ("У аўторак ў Брэсцкай вобласці пачаліся тактычныя вучэнні.", (date(2024, 5, 28), date(2024, 5, 28), "day")),
        ("На мінулым тыдні ў Брэсцкай вобласці прайшлі тактычныя вучэнні.", (date(2024, 5, 20), date(2024, 5, 26), "week")),
        ("11 чэрвеня пачаўся другі этап вучэнняў.", (date(2024, 6, 11), date(2024, 6, 11), "day")),
        ("У маі ў Брэсцкай вобласці прайшлі тактычныя вучэнні.", (date(2024, 5, 1), date(2024, 5, 31), "month")),
        ("Учора ў Брэсцкай вобласці пачаліся тактычныя вучэнні.", (date(2024, 5, 28), date(2024, 5, 28), "day")),
    ],
)
def test_dates_resolve_against_publication(be, text: str, expected: tuple[date, date, str]) -> None:  # type: ignore[no-untyped-def]
    assert dates(one(be(text), "MILITARY_EXERCISE")) == expected


def test_two_weekdays_are_a_range(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Назіральнікі ў аўторак і сераду зафіксавалі калоны вайсковай тэхнікі каля Мазыра."), "FORCE_DEPLOYMENT")
    assert dates(m) == (date(2024, 5, 28), date(2024, 5, 29), "day")


def test_last_year_and_since_the_start_of_the_year(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Афіцыйны Мінск сцвярджае, што тактычная ядзерная зброя была перамешчана ў Беларусь яшчэ летась."),
            "STRATEGIC_WEAPONS")
    assert dates(m) == (date(2023, 1, 1), date(2023, 12, 31), "year")
    m = one(be("З пачатку года польскія памежнікі выдварылі на беларускі бок больш за 600 чалавек.", publisher=DPK),
            "MIGRATION_PRESSURE")
    assert dates(m) == (date(2024, 1, 1), date(2024, 5, 29), "day")
    assert counts(m) == [(600, None, "people", "more_than", "total")]


def test_a_plan_for_next_week_is_that_week(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("На наступным тыдні ў Брэсцкай вобласці пройдуць вучэнні з удзелам каля 2 тысяч рэзервістаў."),
            "MILITARY_EXERCISE")
    assert (m.modality, *dates(m)) == ("planned", date(2024, 6, 3), date(2024, 6, 9), "week")
    assert counts(m) == [(2000, None, "troops", "about", None)]


# -- numbers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Учора каля 4 500 мігрантаў спрабавалі перасекчы мяжу.", [(4500, None, "people", "about", None)]),
        ("Учора да 150 чалавек за суткі спрабавалі перасекчы мяжу.", [(150, None, "people", "up_to", "day")]),
        ("Учора больш за 300 замежнікаў спрабавалі перасекчы мяжу.", [(300, None, "people", "more_than", None)]),
        ("Учора не менш за 40 мігрантаў спрабавалі перасекчы мяжу.", [(40, None, "people", "at_least", None)]),
        ("Учора ад 20 да 40 мігрантаў спрабавалі перасекчы мяжу.", [(20, 40, "people", "exact", None)]),
    ],
)
def test_number_formats(be, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert counts(one(be(text), "MIGRATION_PRESSURE")) == expected


def test_several_units_and_a_shared_qualifier(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("У аўторак пачалася раптоўная праверка баяздольнасці, да якой прыцягнута каля 3 000 вайскоўцаў "
               "і каля 400 адзінак узбраення і ваеннай тэхнікі."), "MILITARY_EXERCISE")
    assert counts(m) == [(3000, None, "troops", "about", None), (400, None, "vehicles", "about", None)]


def test_percent_of_gdp_with_a_decimal_comma(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Сёлета выдаткі на абарону складуць 2,3 % ВУП."), "DEFENCE_POSTURE")
    assert [(q.value, q.unit) for q in m.quantities] == [(2.3, "pct_gdp")]


def test_columns_are_no_count_of_troops(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Назіральнікі зафіксавалі не менш за тры калоны вайсковай тэхнікі агульнай колькасцю каля 60 машын."),
            "FORCE_DEPLOYMENT")
    assert counts(m) == [(60, None, "vehicles", "about", None)]


# -- modality -------------------------------------------------------------------------------
def test_state_media_claims_are_claimed_with_an_accusation(be) -> None:  # type: ignore[no-untyped-def]
    found = be("На мінулым тыдні літоўскія памежнікі выцеснілі на тэрыторыю Беларусі больш за 150 чалавек, "
               "паведамілі ў Дзяржаўным памежным камітэце.", "2024-05-27", DPK)
    pressure = one(found, "MIGRATION_PRESSURE")
    assert (pressure.modality, *dates(pressure)) == ("claimed", date(2024, 5, 20), date(2024, 5, 26), "week")
    assert counts(pressure) == [(150, None, "people", "more_than", "week")]
    accusation = one(found, "ACCUSATION")
    assert accusation.actors == ("BLR",)
    assert accusation.date_start == date(2024, 5, 27)  # the statement, not the week it reports


def test_a_threat_and_what_it_threatens_share_the_statement_date(be) -> None:  # type: ignore[no-untyped-def]
    found = be("Беларусь можа спыніць чыгуначны транзіт літоўскіх грузаў, калі Вільнюс працягне недружалюбную палітыку, "
               "заявіў у аўторак Лукашэнка.", "2024-02-29")
    assert dates(one(found, "THREAT_RHETORIC")) == (date(2024, 2, 27), date(2024, 2, 27), "day")
    energy = one(found, "ENERGY_COERCION")
    assert (energy.modality, energy.date_start) == ("threatened", date(2024, 2, 27))


def test_about_is_not_if(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Учора каля 50 мігрантаў спрабавалі перасекчы мяжу каля Кузніцы."), "MIGRATION_PRESSURE")
    assert m.modality == "occurred"


def test_a_cue_governs_its_clause_only(be) -> None:  # type: ignore[no-untyped-def]
    found = be("Мінск плануе правесці вучэнні ў ліпені; на мінулым тыдні беларускія войскі перакінулі да мяжы батальён.")
    assert one(found, "MILITARY_EXERCISE").modality == "planned"
    assert one(found, "FORCE_DEPLOYMENT").modality == "occurred"


def test_a_call_is_hypothetical_and_routine_is_no_event(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Мы заклікаем Еўрапейскі саюз пашырыць санкцыі на асоб, адказных за правакацыі на мяжы."), "SANCTIONS")
    assert m.modality == "hypothetical"
    assert be("Раптоўныя праверкі з'яўляюцца звычайнай часткай баявой падрыхтоўкі.") == []


def test_a_zero_count_before_its_negation(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("За мінулыя суткі спроб незаконнага перасячэння мяжы не зафіксавана."), "MIGRATION_PRESSURE")
    assert counts(m) == [(0, None, "attempts", "exact", "day")]


def test_violence_against_migrants_claimed_by_the_border_committee(be) -> None:  # type: ignore[no-untyped-def]
    found = be("ДПК абвінаваціў польскіх вайскоўцаў у тым, што яны збілі і выштурхнулі ў Беларусь групу з 15 мігрантаў.",
               publisher=DPK)
    assert one(found, "ACCUSATION").actors == ("BLR",)
    assert one(found, "BORDER_INCIDENT").modality == "claimed"
    assert counts(one(found, "MIGRATION_PRESSURE")) == [(15, None, "people", "exact", None)]


# -- styles of the be-b dev documents: state media, committee tables, opposition posts -----
def test_drones_from_a_neighbours_territory_reported_by_state_media_are_a_claim(be) -> None:  # type: ignore[no-untyped-def]
    found = be("У панядзелак памежнікі выявілі тры беспілотнікі, якія заляцелі ў паветраную прастору краіны з тэрыторыі Польшчы.",
               publisher="Zviazda")
    m = one(found, "AIRSPACE_VIOLATION")
    assert (m.modality, m.actors, m.theatre) == ("claimed", ("POL",), "PL-BY")
    assert one(found, "ACCUSATION").targets == ("POL",)


def test_a_drone_that_came_down_is_an_airspace_violation(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Учора беспілотнік прызямліўся пад Астраўцом."), "AIRSPACE_VIOLATION")
    assert m.place is not None and m.place.name == "Astravets"


def test_a_soldier_stabbed_through_the_fence_is_an_incident(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("У аўторак мігрант праз плот ударыў нажом польскага салдата."), "BORDER_INCIDENT")
    assert m.date_start == date(2024, 5, 28)


def test_a_package_approved_has_occurred_and_an_approved_plan_is_planned(be) -> None:  # type: ignore[no-untyped-def]
    assert one(be("Учора Еўрасаюз зацвердзіў новы пакет санкцый супраць Расіі."), "SANCTIONS").modality == "occurred"
    m = one(be("Учора ўрад Літвы зацвердзіў план будаўніцтва плота даўжынёй 50 км на мяжы з Беларуссю."), "BORDER_FORTIFICATION")
    assert m.modality == "planned"


def test_inhumane_actions_charge_the_other_side(be) -> None:  # type: ignore[no-untyped-def]
    found = be("ДПК заклікаў літоўскі бок спыніць негуманныя дзеянні ў дачыненні да мігрантаў.", publisher="State Border Committee of Belarus")
    assert one(found, "ACCUSATION").modality == "occurred"


def test_purposeful_reconnaissance_is_espionage(be) -> None:  # type: ignore[no-untyped-def]
    m = one(be("Старшыня ДПК назваў палёты над мяжой мэтанакіраванай разведкай."), "SABOTAGE_ESPIONAGE")
    assert m.type == "SABOTAGE_ESPIONAGE"


def test_an_analysts_forecast_is_hypothetical_and_a_new_wave_is_pressure(be) -> None:  # type: ignore[no-untyped-def]
    found = be("Па нашай ацэнцы, рэжым будзе выкарыстоўваць міграцыйны ціск і далей, а ў жніўні магчымая новая хваля.")
    assert {m.type: m.modality for m in found} == {"MIGRANT_INSTRUMENTALISATION": "hypothetical",
                                                   "MIGRATION_PRESSURE": "hypothetical"}


def test_a_call_to_stop_mistreating_refugees_is_no_crossing(be) -> None:  # type: ignore[no-untyped-def]
    found = be("ДПК заклікаў латвійскі бок спыніць бесчалавечныя дзеянні ў дачыненні да бежанцаў.")
    assert not [m for m in found if m.type == "MIGRATION_PRESSURE"]


def test_attacks_that_may_continue_are_a_condition_not_an_incident(be) -> None:  # type: ignore[no-untyped-def]
    found = be("Калі напады на памежнікаў працягнуцца, Літва можа закрыць апошні пункт пропуску.")
    assert not [m for m in found if m.type == "BORDER_INCIDENT"]
