"""Russian extraction: lemmas, inflected places and actors, dates, numbers, modality and the
speech-act rule (lexicons/ru/).

Every sentence here is written for the test, in the styles Russian-language sources use:
State Border Committee and BelTA/TASS claims, Belarusian MoD communiqués, Lukashenko
statements, independent outlets, live blogs and tables turned into text.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor
from flankwatch.nlp import load_languages
from flankwatch.records import Mention

PUBLISHED = "2024-03-21"  # a Thursday


@pytest.fixture(scope="module")
def ru(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = "") -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="ru", publisher=publisher))

    return run




def days(m: Mention) -> tuple[date | None, date | None]:
    return m.date_start, m.date_end


# -- morphology -------------------------------------------------------------------------
def test_russian_is_matched_on_pymorphy3_lemmas() -> None:
    spec = load_languages()["ru"]
    assert (spec.match_attr, spec.morphology) == ("NORM", "lemma")
    lemma = spec.normalise()
    assert {lemma(w) for w in ("учения", "учений", "учениях", "учение")} == {"учение"}
    assert {lemma(w) for w in ("попытки", "попыток", "попытками")} == {"попытка"}
    assert {lemma(w) for w in ("вытеснили", "вытеснить")} == {"вытеснить"}


# -- places and actors in their cases ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Вчера в Гродне прошли учения с участием 500 военнослужащих.", "Hrodna"),
        ("Вчера под Барановичами прошли учения с участием 500 военнослужащих.", "Baranavichy"),
        ("Вчера у Кузницы 40 мигрантов пытались прорваться через заграждение.", "Kuźnica"),
        ("Вчера в районе Брузгов 40 мигрантов пытались пересечь границу.", "Bruzgi"),
        ("Вчера у Дубиче-Церкевне 30 мигрантов пытались перелезть через забор.", "Dubicze Cerkiewne"),
        (
            "Вчера на участке напротив Краславы 25 иностранцев пытались незаконно пересечь границу.",
            "Krāslava",
        ),
    ],
)
def test_inflected_places_resolve(ru, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = [m for m in ru(text) if m.place is not None]
    assert found and found[0].place.name == place, [(m.type, m.place) for m in ru(text)]


def test_inflected_states_give_the_border_pair(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(
        ru("Вчера литовские пограничники развернули 87 мигрантов, пытавшихся попасть в Литву из Беларуси."),
        "MIGRATION_PRESSURE",
    )
    assert (m.theatre, m.targets) == ("LT-BY", ("LTU",))
    border = one(
        ru("На польско-белорусской границе вчера зафиксировано 120 попыток прорыва."), "MIGRATION_PRESSURE"
    )
    assert border.theatre == "PL-BY"


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "20 марта польские пограничники зафиксировали 210 попыток незаконного пересечения границы.",
            "2024-03-20",
            "2024-03-20",
        ),
        (
            "20 и 21 марта польские пограничники зафиксировали 410 попыток незаконного пересечения границы.",
            "2024-03-20",
            "2024-03-21",
        ),
        (
            "Вчера польские пограничники зафиксировали 120 попыток незаконного пересечения границы.",
            "2024-03-20",
            "2024-03-20",
        ),
        (
            "В прошлую среду польские пограничники зафиксировали 120 попыток незаконного пересечения границы.",
            "2024-03-13",
            "2024-03-13",
        ),
        (
            "В понедельник польские пограничники зафиксировали 120 попыток незаконного пересечения границы.",
            "2024-03-18",
            "2024-03-18",
        ),
        (
            "На прошлой неделе польские пограничники зафиксировали 820 попыток незаконного пересечения границы.",
            "2024-03-11",
            "2024-03-17",
        ),
        (
            "В феврале польские пограничники зафиксировали 2 100 попыток незаконного пересечения границы.",
            "2024-02-01",
            "2024-02-29",
        ),
        (
            "С начала года польские пограничники зафиксировали 6 000 попыток незаконного пересечения границы.",
            "2024-01-01",
            "2024-03-21",
        ),
        (
            "С 1 по 7 марта польские пограничники зафиксировали 600 попыток незаконного пересечения границы.",
            "2024-03-01",
            "2024-03-07",
        ),
    ],
)
def test_dates_resolve_against_publication(ru, text: str, start: str, end: str) -> None:  # type: ignore[no-untyped-def]
    m = one(ru(text), "MIGRATION_PRESSURE")
    assert days(m) == (date.fromisoformat(start), date.fromisoformat(end))


def test_a_month_of_last_year_and_a_deadline_ahead(ru) -> None:  # type: ignore[no-untyped-def]
    regime = one(
        ru("Латвия с августа прошлого года действует в режиме усиленной охраны границы с Беларусью."),
        "BORDER_REGIME",
    )
    assert days(regime) == (date(2023, 8, 1), date(2024, 3, 21))
    extended = one(
        ru("Сейм Латвии продлил режим усиленной охраны границы до 31 декабря.", published="2024-05-22"),
        "BORDER_REGIME",
    )
    assert extended.date_end == date(2024, 12, 31)


def test_percentages_decimals_and_model_names_make_no_dates(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(
        ru(
            "Польша потратит на оборону 4,1 % ВВП, закупив 96 вертолётов Apache и 48 пусковых установок Patriot."
        ),
        "DEFENCE_POSTURE",
    )
    assert m.date_start is None or m.date_source == "publication"


# -- numbers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Вчера польские пограничники вытеснили на территорию Беларуси более 300 беженцев.",
            [(300, None, "people", "more_than", None)],
        ),
        (
            "Вчера латвийские пограничники не допустили в страну 4 500 человек.",
            [(4500, None, "people", "exact", None)],
        ),
        (
            "Вчера польские пограничники зафиксировали от 30 до 80 попыток прорыва.",
            [(30, 80, "attempts", "exact", None)],
        ),
        (
            "Вчера польские пограничники зафиксировали до 150 попыток прорыва в сутки.",
            [(150, None, "attempts", "up_to", "day")],
        ),
        (
            "Вчера польские пограничники зафиксировали 2 000–4 000 попыток прорыва.",
            [(2000, 4000, "attempts", "exact", None)],
        ),
        (
            "Вчера польские пограничники зафиксировали около 3 тыс. попыток прорыва.",
            [(3000, None, "attempts", "about", None)],
        ),
        (
            "Вчера ни одной попытки незаконного пересечения границы не зафиксировано.",
            [(0, None, "attempts", "exact", None)],
        ),
        (
            "За двое суток польские пограничники зафиксировали 417 попыток прорыва.",
            [(417, None, "attempts", "exact", "span")],
        ),
    ],
)
def test_counts_with_qualifiers_ranges_and_periods(ru, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert counts(one(ru(text), "MIGRATION_PRESSURE")) == expected


def test_exercise_counts_troops_and_equipment(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(
        ru(
            "Во вторник в Гродненской области началась внезапная проверка боеготовности, к которой привлечено около 3 000 военнослужащих и около 400 единиц вооружения и военной техники."
        ),
        "MILITARY_EXERCISE",
    )
    assert counts(m) == [(3000, None, "troops", "about", None), (400, None, "vehicles", "about", None)]
    assert (m.date_start, m.theatre) == (date(2024, 3, 19), "BY")


def test_percent_of_gdp_keeps_its_decimal_comma(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("Литва в 2025 году потратит на оборону 2,3 % ВВП."), "DEFENCE_POSTURE")
    assert counts(m) == [(2.3, None, "pct_gdp", "exact", None)]
    assert m.modality == "planned"


def test_a_table_read_as_text_gives_one_event_per_country(ru) -> None:  # type: ignore[no-untyped-def]
    found = [
        m
        for m in ru("Вчера: Латвия — 120 человек; Литва — 45 человек; Польша — 310 попыток прорыва.")
        if m.type == "MIGRATION_PRESSURE"
    ]
    assert sorted((m.theatre, m.quantities[0].value) for m in found) == [
        ("LT-BY", 45),
        ("LV-BY", 120),
        ("PL-BY", 310),
    ]


def test_a_footnote_mark_does_not_hide_the_unit(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("Литва в 2023 году развернула 2 640 мигрантов²."), "MIGRATION_PRESSURE")
    assert counts(m)[0][:3] == (2640, None, "people")


# -- modality and the speech-act rule -------------------------------------------------------
def test_a_border_committee_claim_is_an_accusation_and_a_claimed_event(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "МИНСК, 21 марта (БЕЛТА) – В понедельник польские пограничники вытеснили на территорию Беларуси более 300 беженцев, "
        "сообщили сегодня в Государственном пограничном комитете.",
        publisher="BelTA",
    )
    pushed = one(found, "MIGRATION_PRESSURE")
    assert (pushed.modality, pushed.date_start, pushed.theatre) == ("claimed", date(2024, 3, 18), "PL-BY")
    accusation = one(found, "ACCUSATION")
    assert (accusation.actors, accusation.targets, accusation.date_start) == (
        ("BLR",),
        ("POL",),
        date(2024, 3, 21),
    )


def test_allegedly_and_accused_make_the_alleged_act_claimed(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Минск обвинил Варшаву в том, что польские вертолёты якобы нарушили воздушное пространство Беларуси."
    )
    assert one(found, "ACCUSATION").modality == "occurred"
    assert one(found, "AIRSPACE_VIOLATION").modality == "claimed"


def test_a_threat_occurred_and_what_it_threatens_is_threatened(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Беларусь может полностью прекратить транзит литовских грузов, если Вильнюс продолжит давление, заявил во вторник Александр Лукашенко."
    )
    threat = one(found, "THREAT_RHETORIC")
    cut = one(found, "ENERGY_COERCION")
    assert (threat.modality, threat.date_start, threat.theatre) == ("occurred", date(2024, 3, 19), "LT-BY")
    assert (cut.modality, cut.date_start) == ("threatened", date(2024, 3, 19))


def test_a_warning_governs_its_whole_reported_part(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Лукашенко предупредил, что Беларусь будет сбивать любые беспилотники-нарушители, а в случае продолжения полётов нанесёт удары по объектам в Литве."
    )
    assert one(found, "THREAT_RHETORIC").modality == "occurred"
    assert one(found, "STRIKE").modality == "threatened"


def test_plans_and_the_future_tense_are_planned(ru) -> None:  # type: ignore[no-untyped-def]
    assert (
        one(ru("Польша планирует построить забор длиной 200 км."), "BORDER_FORTIFICATION").modality
        == "planned"
    )
    exercise = one(
        ru("С 20 по 26 мая на Брестском полигоне пройдут совместные учения с Россией."), "MILITARY_EXERCISE"
    )
    assert (exercise.modality, days(exercise)) == ("planned", (date(2024, 5, 20), date(2024, 5, 26)))


def test_modality_stays_in_its_clause(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Литва планирует закрыть ещё два пункта пропуска; вчера литовские пограничники развернули 87 мигрантов."
    )
    assert one(found, "BORDER_REGIME").modality == "planned"
    assert one(found, "MIGRATION_PRESSURE").modality == "occurred"


def test_a_denied_crossing_is_no_event(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "В Оперативном командовании Вооружённых сил Польши заявили, что польские вертолёты белорусскую границу не пересекали."
    )
    assert [m.type for m in found if m.type == "AIRSPACE_VIOLATION"] == []


def test_state_media_reporting_a_sanction_make_no_claim(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Совет Евросоюза в понедельник утвердил 14-й пакет санкций против России.", publisher="TASS")
    sanction = one(found, "SANCTIONS")
    assert (sanction.modality, sanction.date_start, sanction.actors) == (
        "occurred",
        date(2024, 3, 18),
        ("EU",),
    )
    assert [m.type for m in found] == ["SANCTIONS"]
    assert sanction.quantities == ()  # "14-й" is an ordinal, not a count


def test_reminders_are_no_events(ru) -> None:  # type: ignore[no-untyped-def]
    assert ru("Госпогранкомитет напоминает, что незаконное пересечение границы является преступлением.") == []


def test_a_later_sentence_restating_the_exercise_adds_nothing(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Во вторник в Гродненской области начались учения, к которым привлечено около 2 000 военнослужащих. "
        "В ходе учений подразделения отработают отражение ударов условного противника."
    )
    assert [m.type for m in found] == ["MILITARY_EXERCISE"]


def test_the_rows_of_a_list_under_a_colon_are_one_event_each(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Попытки незаконного пересечения польской границы по дням:\n3 апреля — 120\n4 апреля — 98\n\nДалее без изменений.",
        published="2024-04-08",
    )
    rows = sorted((m.date_start, m.quantities[0].value) for m in found if m.type == "MIGRATION_PRESSURE")
    assert rows == [(date(2024, 4, 3), 120), (date(2024, 4, 4), 98)]


def test_a_date_heading_dates_the_lines_under_it(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Вторник, 2 апреля.\nЛатвия: не допущены 38 человек.", published="2024-04-08")
    assert days(one(found, "MIGRATION_PRESSURE")) == (date(2024, 4, 2), date(2024, 4, 2))


def test_a_threat_makes_its_option_threatened(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru(
        "Науседа заявил, что Литва готова закрыть оставшиеся пункты пропуска, если провокации продолжатся."
    )
    assert one(found, "THREAT_RHETORIC").modality == "occurred"
    assert one(found, "BORDER_REGIME").modality == "threatened"


def test_a_year_named_earlier_in_the_sentence_dates_a_day_without_one(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(
        ru("Осенью 2021 года ситуация обострилась: 8 ноября у Кузницы собрались около 2 000 мигрантов."),
        "MIGRATION_PRESSURE",
    )
    assert (m.date_start, m.modality) == (date(2021, 11, 8), "occurred")


# -- styles of the ru-b dev documents: communiqués, Q&A, Telegram, analytic notes ----------
def test_closing_a_border_strip_is_a_border_regime_not_an_access_restriction(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("С понедельника власти Польши закрыли доступ в 200-метровую полосу вдоль границы с Беларусью.")
    assert one(found, "BORDER_REGIME").theatre == "PL-BY"
    assert not [m for m in found if m.type == "DIPLOMATIC_ACTION"]


def test_a_later_stage_of_a_check_is_a_planned_exercise(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("На следующей неделе намечен второй этап проверки с привлечением авиации."), "MILITARY_EXERCISE")
    assert m.modality == "planned"


def test_troops_pulled_to_the_border_under_a_migration_pretext_are_a_deployment(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Под предлогом борьбы с мигрантами Вильнюс стягивает к нашей границе сотни военных.", publisher="BelTA")
    assert one(found, "FORCE_DEPLOYMENT").theatre == "LT-BY"
    assert one(found, "ACCUSATION").targets == ("LTU",)


def test_the_standing_regional_grouping_is_background(ru) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in ru("С 2022 года Минск и Москва укрепляют региональную группировку войск.") if m.type == "FORCE_DEPLOYMENT"]


def test_an_attack_through_the_corridor_in_a_scenario_is_hypothetical(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("Аналитики не исключают сценария нападения через Сувалкский коридор."), "ARMED_ATTACK")
    assert m.modality == "hypothetical"


def test_a_scenario_that_predicts_is_no_claim(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("Этот сценарий предполагает, что Литва запросит консультации по статье 4 Вашингтонского договора."),
            "DIPLOMATIC_ACTION")
    assert m.modality == "hypothetical"


def test_an_unconfirmed_violation_denied_by_the_other_side_is_no_event(ru) -> None:  # type: ignore[no-untyped-def]
    assert ru("Литовская сторона факт нарушения воздушного пространства не подтвердила.", publisher="TASS") == []


def test_training_militants_alleged_by_minsk_is_a_claim_not_a_plan(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("По словам Лукашенко, в Польше готовят боевиков для засылки в Беларусь.", publisher="BelTA")
    assert one(found, "SABOTAGE_ESPIONAGE").modality == "claimed"
    assert one(found, "ACCUSATION").actors == ("BLR",)


def test_aircraft_turned_back_by_lost_gps_is_interference_not_a_threat(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Вчера самолёт авиакомпании был вынужден вернуться в Ригу, не сумев зайти на посадку из-за сбоя GPS.")
    assert one(found, "AVIATION_INTERFERENCE").modality == "occurred"
    assert not [m for m in found if m.type == "THREAT_RHETORIC"]


def test_a_mirror_answer_is_a_threat(ru) -> None:  # type: ignore[no-untyped-def]
    assert one(ru("Ответ Минска будет зеркальным, заявил в среду министр."), "THREAT_RHETORIC").modality == "occurred"


def test_migrants_flying_into_minsk_is_the_route_not_a_crossing(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Мигранты прибывают в Минск рейсами из Стамбула, а затем их перевозят к границе на автобусах.")
    assert not [m for m in found if m.type == "MIGRATION_PRESSURE"]
    assert one(found, "MIGRANT_INSTRUMENTALISATION").date_start is None


def test_a_practice_of_escorting_migrants_takes_no_date_from_the_sentence_before(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("В феврале латвийские пограничники развернули 900 человек. "
               "Белорусские силовики по-прежнему сопровождают группы мигрантов к линии границы.")
    assert one(found, "MIGRANT_INSTRUMENTALISATION").date_start is None


def test_beatings_with_batons_at_the_border_are_an_incident(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("Во вторник у пятерых беженцев зафиксированы травмы от ударов дубинками."), "BORDER_INCIDENT")
    assert m.date_start == date(2024, 3, 19)


def test_hajnowka_in_the_instrumental(ru) -> None:  # type: ignore[no-untyped-def]
    m = one(ru("Вчера под Гайнувкой 40 мигрантов пытались прорваться через заграждение."), "MIGRATION_PRESSURE")
    assert m.place is not None and m.place.name == "Hajnówka"


def test_a_pretext_for_moving_troops_reports_no_move(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Лукашенко назвал стычку на границе поводом, который Вильнюс использует как предлог для переброски войск.")
    assert not [m for m in found if m.type == "FORCE_DEPLOYMENT"]


def test_cases_of_pushbacks_cited_by_activists_are_no_count(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Правозащитники указывают на случаи выдворения беженцев в лес без воды.")
    assert not [m for m in found if m.type == "MIGRATION_PRESSURE"]


def test_a_series_of_incidents_a_scenario_leads_to_is_no_incident(ru) -> None:  # type: ignore[no-untyped-def]
    found = ru("Сценарий исходит из того, что серия инцидентов на границе приведёт к закрытию последнего пункта пропуска.")
    assert not [m for m in found if m.type == "BORDER_INCIDENT"]
