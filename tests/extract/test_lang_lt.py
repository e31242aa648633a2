"""Lithuanian extraction: suffix stems, inflected places and actors, dates, numbers, modality
(lexicons/lt/).

Every sentence here is written for the test, in the styles Lithuanian sources use: VSAT
weekly reports on the Belarusian border, Ministry of National Defence statements, news
reports, a live blog and a table turned into text.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor, parse_dates
from flankwatch.nlp import load_languages, pipeline_for
from flankwatch.records import Mention

PUBLISHED = "2024-06-18"  # a Tuesday
VSAT = "Lithuanian State Border Guard Service"


@pytest.fixture(scope="module")
def lt(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = VSAT) -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="lt", publisher=publisher))

    return run


def span(text: str, published: str = PUBLISHED) -> tuple[str, str, str]:
    found = parse_dates(text, date.fromisoformat(published), "lt")
    assert len(found) == 1, f"{text!r}: {[(d.text, d.start, d.end) for d in found]}"
    return found[0].start.isoformat(), found[0].end.isoformat(), found[0].precision


# -- morphology and sentences -----------------------------------------------------------
def test_lithuanian_is_matched_on_suffix_stems() -> None:
    spec = load_languages()["lt"]
    assert (spec.match_attr, spec.morphology) == ("NORM", "stem")
    stem = spec.normalise()
    assert {
        stem(w) for w in ("baltarusija", "baltarusijos", "baltarusijai", "baltarusiją", "baltarusijoje")
    } == {"baltarusij"}
    assert {stem(w) for w in ("medininkai", "medininkų", "medininkuose")} == {"medinink"}
    assert {stem(w) for w in ("vilnius", "vilniaus", "vilniuje", "vilnių")} == {"viln"}


def test_abbreviation_dots_end_no_sentence() -> None:
    doc = pipeline_for(load_languages()["lt"])(
        "Iki 2027 m. Lietuvoje bus 4 800 karių. Gynybai skirs 3 proc. BVP."
    )
    assert [s.text for s in doc.sents] == [
        "Iki 2027 m. Lietuvoje bus 4 800 karių.",
        "Gynybai skirs 3 proc. BVP.",
    ]


# -- places and actors in every case -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Vakar prie Medininkų apgręžti 14 užsieniečių.", "Medininkai"),
        ("Vakar Šalčininkuose apgręžti 14 užsieniečių.", "Šalčininkai"),
        ("Vakar Druskininkų užkardos ruože apgręžti 14 užsieniečių.", "Druskininkai"),
    ],
)
def test_inflected_border_places_resolve(lt, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    m = one(lt(text), "MIGRATION_PRESSURE")
    assert m.place is not None and m.place.name == place
    assert m.theatre == "LT-BY"
    assert counts(m) == [(14, None, "people", "exact", "day")]  # VSAT's count of one day is per day


@pytest.mark.parametrize("form", ["Baltarusija", "Baltarusijos", "Baltarusijoje"])
def test_belarus_in_any_case_names_the_border(lt, form: str) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "Baltarusija": "Baltarusija vakar atvežė prie Lietuvos sienos 30 migrantų.",
        "Baltarusijos": "Vakar pasieniečiai apgręžė 30 migrantų, bandžiusių patekti į Lietuvą iš Baltarusijos.",
        "Baltarusijoje": "Baltarusijoje esantys migrantai vakar 30 kartų bandė kirsti Lietuvos sieną.",
    }
    found = lt(texts[form], publisher="")
    assert any(m.theatre == "LT-BY" for m in found), [(m.type, m.theatre) for m in found]


def test_a_common_word_sharing_a_town_stem_is_no_place(lt) -> None:  # type: ignore[no-untyped-def]
    # "lydi" (escorts) and the town Lyda (Lida) share the stem "lyd"; only the capitalised name is a place
    m = one(
        lt("Baltarusijos pusėje migrantus iki tvoros lydi ginkluoti asmenys."), "MIGRANT_INSTRUMENTALISATION"
    )
    assert m.place is None
    assert m.date_start is None  # a practice, not dated by the sentences before it


def test_a_country_in_the_locative_case_is_where_it_happens(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(lt("Lietuvoje rugsėjį bus dislokuota dar 150 Vokietijos karių.", publisher=""), "ALLIED_SUPPORT")
    assert (m.modality, m.theatre) == ("planned", "LT")
    assert counts(m) == [(150, None, "troops", "exact", None)]


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("praėjusią savaitę", ("2024-06-10", "2024-06-16", "week")),
        ("antradienį", ("2024-06-18", "2024-06-18", "day")),
        ("šeštadienio naktį", ("2024-06-15", "2024-06-15", "day")),
        ("savaitgalį", ("2024-06-15", "2024-06-16", "day")),
        ("vakar", ("2024-06-17", "2024-06-17", "day")),
        ("birželį", ("2024-06-01", "2024-06-30", "month")),
        ("balandžio 20 d.", ("2024-04-20", "2024-04-20", "day")),
        ("2024 m. gegužės 9 d.", ("2024-05-09", "2024-05-09", "day")),
        ("nuo metų pradžios", ("2024-01-01", "2024-06-18", "day")),
        ("nuo praėjusių metų rugpjūčio", ("2023-08-01", "2024-06-18", "month")),
        ("iki metų pabaigos", ("2024-06-18", "2024-12-31", "year")),
        ("iki 2027 m.", ("2027-01-01", "2027-12-31", "year")),
        ("2022 metais", ("2022-01-01", "2022-12-31", "year")),
    ],
)
def test_lithuanian_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert span(text) == expected


def test_no_dates_from_percentages_decimals_or_model_names() -> None:
    assert (
        parse_dates("Gynybai skirs 2,75 proc. BVP, įsigis Su-2024 ir 2024 tankų.", date(2024, 6, 18), "lt")
        == []
    )


def test_a_weekly_report(lt) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Praėjusią savaitę VSAT pareigūnai pasienyje su Baltarusija apgręžė 41 užsienietį, bandžiusį neteisėtai "
        "patekti į Lietuvą. Daugiausia migrantų – 19 – apgręžta Varėnos ruože. Nuo metų pradžios iš viso "
        "apgręžtas 1 021 užsienietis."
    )
    found = [m for m in lt(text) if m.type == "MIGRATION_PRESSURE"]
    assert [(m.date_start, m.date_end) for m in found] == [
        (date(2024, 6, 10), date(2024, 6, 16)),
        (date(2024, 6, 10), date(2024, 6, 16)),
        (date(2024, 1, 1), date(2024, 6, 18)),
    ]
    assert [counts(m) for m in found] == [
        [(41, None, "people", "exact", "week")],
        [(19, None, "people", "exact", "week")],  # dated by the sentence before it, per week too
        [(1021, None, "people", "exact", "total")],
    ]
    assert {m.theatre for m in found} == {"LT-BY"}


# -- numbers --------------------------------------------------------------------------------
def test_spaced_thousands_about_and_more_than(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lt(
            "Pirmadienį Kaliningrado srityje prasidėjo pratybos, kuriose dalyvauja apie 2 500 karių ir "
            "daugiau kaip 150 karinės technikos vienetų."
        ),
        "MILITARY_EXERCISE",
    )
    assert sorted(counts(m)) == [
        (150, None, "vehicles", "more_than", None),
        (2500, None, "troops", "about", None),
    ]
    assert m.theatre in ("LT-RU", "PL-RU")


def test_percent_of_gdp_with_a_decimal_comma_and_at_least(lt) -> None:  # type: ignore[no-untyped-def]
    found = [
        m
        for m in lt(
            "Ministras pabrėžė, kad šiemet Lietuva gynybai skirs 2,85 % BVP, o 2026 m. – ne mažiau kaip 3,5 %."
        )
        if m.type == "DEFENCE_POSTURE"
    ]
    assert sorted(q for m in found for q in counts(m)) == [
        (2.85, None, "pct_gdp", "exact", None),
        (3.5, None, "pct_gdp", "at_least", None),
    ]
    assert {m.modality for m in found} == {"planned"}


def test_a_range_up_to_per_day_and_money(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lt("Birželio 10–12 d. prie Druskininkų apgręžta nuo 20 iki 35 migrantų per parą."),
        "MIGRATION_PRESSURE",
    )
    assert counts(m) == [(20, 35, "people", "exact", "day")]
    assert (m.date_start, m.date_end) == (date(2024, 6, 10), date(2024, 6, 12))
    m = one(lt("Lietuva iš JAV įsigis papildomų HIMARS sistemų už 495 mln. JAV dolerių."), "DEFENCE_POSTURE")
    assert counts(m) == [(495_000_000, None, "usd", "exact", None)]
    assert m.modality == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Savaitgalį bandymų kirsti sieną neužfiksuota.",
        "Šeštadienį nebuvo užfiksuota nė vieno bandymo kirsti sieną.",
    ],
)
def test_zero_counts(lt, text: str) -> None:  # type: ignore[no-untyped-def]
    m = one(lt(text), "MIGRATION_PRESSURE")
    assert [q.value for q in m.quantities] == [0]


def test_a_casualty_is_not_a_count(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lt(
            "Penktadienio vakarą iš Baltarusijos pusės į pasieniečių patrulį buvo mėtomi akmenys, vienas "
            "pareigūnas lengvai sužeistas."
        ),
        "BORDER_INCIDENT",
    )
    assert m.quantities == ()
    assert [(q.value, q.unit) for q in m.casualties] == [(1, "injured")]
    assert m.date_start == date(2024, 6, 14)


# -- modality, scoped to its clause --------------------------------------------------------
def test_a_plan_by_the_end_of_the_year(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lt("Iki metų pabaigos prieštankines kliūtis planuojama įrengti ir prie Šalčininkų."),
        "BORDER_FORTIFICATION",
    )
    assert (m.modality, m.date_start, m.date_end) == ("planned", date(2024, 6, 18), date(2024, 12, 31))


def test_considering_is_hypothetical(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(lt("Vyriausybė svarsto galimybę uždaryti Šalčininkų pasienio kontrolės punktą."), "BORDER_REGIME")
    assert (m.modality, m.theatre) == ("hypothetical", "LT-BY")


def test_a_threat_and_what_it_threatens(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt("Lukašenka antradienį pagrasino, kad Baltarusija smogs objektams Lietuvoje.", publisher="")
    threat = one(found, "THREAT_RHETORIC")
    strike = one(found, "STRIKE")
    assert (threat.modality, strike.modality) == ("occurred", "threatened")
    assert threat.date_start == strike.date_start == date(2024, 6, 18)


def test_an_adversary_claim_is_claimed(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt(
        "Minskas tvirtina, kad Lietuvos pasieniečiai naktį į Baltarusijos pusę išstūmė 40 žmonių.",
        publisher="",
    )
    assert one(found, "ACCUSATION").modality == "occurred"
    m = one(found, "MIGRATION_PRESSURE")
    assert m.modality == "claimed"
    assert counts(m) == [(40, None, "people", "exact", None)]


def test_a_denial_states_no_violation(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt(
        "Lietuvos kariuomenė teigia, kad jokie Lietuvos kariniai dronai Baltarusijos oro erdvės nepažeidė."
    )
    assert not [m for m in found if m.type in ("AIRSPACE_VIOLATION", "ACCUSATION")]


def test_a_plan_in_one_clause_does_not_reach_the_fact_in_another(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt(
        "Praėjusią savaitę apgręžti 33 užsieniečiai, o kitą mėnesį į pasienį planuojama nusiųsti 50 karių."
    )
    assert one(found, "MIGRATION_PRESSURE").modality == "occurred"
    assert one(found, "FORCE_DEPLOYMENT").modality == "planned"


def test_a_reminder_is_no_event(lt) -> None:  # type: ignore[no-untyped-def]
    assert lt("VSAT primena, kad valstybės sieną kirsti leidžiama tik per pasienio kontrolės punktus.") == []


def test_a_live_blog_line_and_a_table_line(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(
        lt("14.35 val. VSAT praneša, kad prie Šalčininkų užfiksuota apie 50 migrantų grupė."),
        "MIGRATION_PRESSURE",
    )
    assert counts(m) == [(50, None, "people", "about", None)]
    m = one(lt("Apgręžti užsieniečiai pagal ruožus: Druskininkų – 12, Šalčininkų – 8."), "MIGRATION_PRESSURE")
    assert [q.value for q in m.quantities] == [12, 8]


# -- styles of the lt-b dev documents: VSAT summaries, LRT news and live blog, Seimas Q&A --------
def test_cut_concertina_is_an_incident_not_a_fortification(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt(
        "Pirmadienį Varėnos ruože aptiktas pažeistas fizinis barjeras – nukirpta apie 3 m koncertinos."
    )
    assert [m.type for m in found] == ["BORDER_INCIDENT"]


def test_a_count_of_one_day_is_per_day(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(lt("Šeštadienį bandymų neteisėtai kirsti sieną neužfiksuota."), "MIGRATION_PRESSURE")
    assert (m.date_start, counts(m)) == (date(2024, 6, 15), [(0, None, "people", "exact", "day")])


def test_minsk_blaming_lithuania_is_an_accusation(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt("Minskas kaltina Lietuvą: į Baltarusijos oro erdvę neva įskrido keli dronai.", publisher="LRT")
    assert one(found, "ACCUSATION").actors == ("BLR",)


def test_moscow_calling_a_deployment_a_provocation(lt) -> None:  # type: ignore[no-untyped-def]
    text = "Maskva vakar pareiškė, kad Vokietijos karių dislokavimas yra „provokacija“, didinanti įtampą regione."
    assert one(lt(text, publisher="LRT"), "ACCUSATION").date_start == date(2024, 6, 17)


def test_frontex_officers_helping_in_quotes(lt) -> None:  # type: ignore[no-untyped-def]
    found = lt("Šiuo metu pasieniečiams padeda „Frontex“ pareigūnai.", publisher="LRT")
    assert [m.type for m in found] == ["ALLIED_SUPPORT"]


def test_a_brigade_to_settle_at_a_training_area(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(lt("Pagrindinės brigados pajėgos turėtų įsikurti Rukloje.", publisher="LRT"), "ALLIED_SUPPORT")
    assert m.place is not None and m.place.name == "Rukla"


def test_an_exercise_mentioned_again_is_not_a_second_exercise(lt) -> None:  # type: ignore[no-untyped-def]
    text = "Rusija Karaliaučiaus srityje pradėjo pratybas, kuriose dalyvauja apie 1 200 karių. Gynybos ministerija pratybų tikslų nekomentuoja."
    assert [m.type for m in lt(text, publisher="LRT")] == ["MILITARY_EXERCISE"]


def test_an_answer_giving_a_count_of_foreigners(lt) -> None:  # type: ignore[no-untyped-def]
    m = one(lt("ATSAKYMAS: Nuo sausio 1 d. – 274 užsieniečiai."), "MIGRATION_PRESSURE")
    assert (m.date_start, counts(m)) == (date(2024, 1, 1), [(274, None, "people", "exact", "total")])


def test_how_crews_cope_with_jamming_is_no_new_event(lt) -> None:  # type: ignore[no-untyped-def]
    text = "Trikdžiai skrydžių nesustabdo, tačiau įgulos priverstos naudotis atsarginėmis navigacijos sistemomis."
    assert lt(text, publisher="LRT") == []
