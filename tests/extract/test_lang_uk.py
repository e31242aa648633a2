"""Ukrainian extraction: lemmas, inflected places and actors, dates, numbers, modality (lexicons/uk/).

Every sentence here is written for the test, in the styles Ukrainian sources use: ДПСУ
communiqués on the Belarusian border, news reports on Belarusian troop moves in the Gomel
region, strikes and airspace, live blogs and analytic notes with footnotes.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor
from flankwatch.nlp import load_languages, pipeline_for
from flankwatch.records import Mention

PUBLISHED = "2024-06-13"  # a Thursday
DPSU = "State Border Guard Service of Ukraine"


@pytest.fixture(scope="module")
def uk(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = DPSU) -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="uk", publisher=publisher))

    return run




def dates(m: Mention) -> tuple[date | None, date | None, str | None]:
    return m.date_start, m.date_end, m.date_precision


# -- morphology -------------------------------------------------------------------------
def test_ukrainian_is_matched_on_pymorphy_lemmas() -> None:
    spec = load_languages()["uk"]
    assert (spec.match_attr, spec.morphology) == ("NORM", "lemma")
    lemma = spec.normalise()
    assert {lemma(w) for w in ("кордон", "кордону", "кордоні", "кордоном")} == {"кордон"}
    assert {lemma(w) for w in ("безпілотник", "безпілотників", "безпілотниками")} == {"безпілотник"}
    doc = pipeline_for(spec)("Війська перекинули до кордону.")
    assert [t.norm_ for t in doc][:2] == ["війська", "перекинути"] or doc[1].norm_ == "перекинути"


def test_a_footnote_marker_closes_its_sentence() -> None:
    doc = pipeline_for(load_languages()["uk"])("Війська вторглися з території Білорусі.[1] Напередодні Росія зосередила війська.²")
    assert [s.text for s in doc.sents] == ["Війська вторглися з території Білорусі.[1]", "Напередодні Росія зосередила війська.²"]


# -- places and actors in their cases ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place", "theatre"),
    [
        ("У вівторок білоруські підрозділи перекинули до кордону в Гомельській області.", "Gomel region", "UA-BY"),
        ("У вівторок білоруські підрозділи перекинули до кордону на Гомельщині.", "Gomel region", "UA-BY"),
        ("У вівторок у Лідському районі почалася перевірка боєготовності резервістів.", "Lida", "BY"),
        ("У вівторок у Гродненській області почалися командно-штабні навчання.", "Hrodna region", "BY"),
        ("Минулого тижня у Волинській області прикордонники зафіксували проліт безпілотника з боку Білорусі.", "Volyn region", "UA-BY"),
    ],
)
def test_inflected_places_resolve(uk, text: str, place: str, theatre: str) -> None:  # type: ignore[no-untyped-def]
    found = uk(text)
    assert found, text
    assert found[0].place is not None and found[0].place.name == place
    assert found[0].theatre == theatre


def test_inflected_actors_resolve(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("У середу Олександр Лукашенко пригрозив Литві ударами по об’єктах на її території."), "THREAT_RHETORIC")
    assert m.actors == ("BLR",)
    assert "LTU" in m.targets


# -- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У середу білоруська армія розпочала перевірку боєготовності.", (date(2024, 6, 12), date(2024, 6, 12), "day")),
        ("Минулого тижня білоруська армія розпочала перевірку боєготовності.", (date(2024, 6, 3), date(2024, 6, 9), "week")),
        ("Цього тижня білоруська армія розпочала перевірку боєготовності.", (date(2024, 6, 10), date(2024, 6, 13), "week")),
        ("Учора білоруська армія розпочала перевірку боєготовності.", (date(2024, 6, 12), date(2024, 6, 12), "day")),
        ("20 березня білоруська армія розпочала перевірку боєготовності.", (date(2024, 3, 20), date(2024, 3, 20), "day")),
        ("У травні білоруська армія провела тактичні навчання.", (date(2024, 5, 1), date(2024, 5, 31), "month")),
        ("20 і 21 травня білоруська армія провела тактичні навчання.", (date(2024, 5, 20), date(2024, 5, 21), "day")),
    ],
)
def test_dates_resolve_against_publication(uk, text: str, expected: tuple[date, date, str]) -> None:  # type: ignore[no-untyped-def]
    assert dates(one(uk(text), "MILITARY_EXERCISE")) == expected


def test_since_the_start_of_the_year_is_a_total_up_to_publication(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("З початку року прикордонники зафіксували понад 20 прольотів білоруських розвідувальних дронів."), "AIRSPACE_VIOLATION")
    assert dates(m) == (date(2024, 1, 1), date(2024, 6, 13), "day")
    assert counts(m) == [(20, None, "drones", "more_than", "total")]


def test_a_month_of_last_year_is_that_month(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("З листопада минулого року на кордоні облаштовано понад 40 кілометрів протитанкових ровів.", "2024-01-11"),
            "BORDER_FORTIFICATION")
    assert (m.date_start, m.date_end) == (date(2023, 11, 1), date(2024, 1, 11))
    assert counts(m) == [(40, None, "km", "more_than", "total")]


def test_from_the_side_of_is_no_since(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Два безпілотники залетіли з боку Білорусі у вівторок."), "AIRSPACE_VIOLATION")
    assert dates(m) == (date(2024, 6, 11), date(2024, 6, 11), "day")


def test_a_planned_summons_on_a_weekday_is_the_coming_one(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Заступник міністра заявив, що в понеділок до МЗС викличуть тимчасового повіреного у справах Росії.",
               "2024-03-24", ""), "DIPLOMATIC_ACTION")
    assert (m.subtype, m.modality, m.date_start) == ("summons", "planned", date(2024, 3, 25))


# -- numbers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Учора близько 4 500 мігрантів намагалися перетнути кордон.", [(4500, None, "people", "about", None)]),
        ("Учора до 150 осіб на добу намагалися перетнути кордон.", [(150, None, "people", "up_to", "day")]),
        ("Учора понад 300 іноземців намагалися перетнути кордон.", [(300, None, "people", "more_than", None)]),
        ("Учора від 20 до 40 мігрантів намагалися перетнути кордон.", [(20, 40, "people", "exact", None)]),
        ("Учора 2 000–4 000 мігрантів намагалися перетнути кордон.", [(2000, 4000, "people", "exact", None)]),
    ],
)
def test_number_formats(uk, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert counts(one(uk(text), "MIGRATION_PRESSURE")) == expected


def test_percent_of_gdp_with_a_decimal_comma(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Цього року Україна витратить на оборону 2,3 % ВВП."), "DEFENCE_POSTURE")
    assert [(q.value, q.unit) for q in m.quantities] == [(2.3, "pct_gdp")]


def test_thousands_in_words_and_persons_called_up_are_troops(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("У понеділок у Білорусі почалася перевірка боєготовності, до якої залучили близько тисячі осіб."), "MILITARY_EXERCISE")
    assert counts(m) == [(1000, None, "troops", "about", None)]
    m = one(uk("У середу Міноборони Білорусі заявило, що Україна зосередила біля кордону до 120 тисяч військовослужбовців."),
            "FORCE_DEPLOYMENT")
    assert counts(m) == [(120000, None, "troops", "up_to", None)]


def test_a_zero_count_is_kept(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("За минулий тиждень на ділянці з Білоруссю не зафіксовано жодного порушення повітряного простору."),
            "AIRSPACE_VIOLATION")
    assert counts(m) == [(0, None, "incidents", "exact", "week")]


def test_shot_down_counts_and_clock_times_are_no_counts(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("За даними Повітряних сил, сили ППО знешкодили 12 із 16 ракет і всі 8 дронів."), "STRIKE")
    assert sorted((q.value, q.unit) for q in m.quantities) == [(8, "drones"), (16, "missiles")]
    m = one(uk("Об 04:23 одна з російських ракет перетнула кордон Польщі."), "AIRSPACE_VIOLATION")
    assert [(q.value, q.unit) for q in m.quantities] == [(1, "missiles")]


# -- modality -------------------------------------------------------------------------------
def test_a_threat_and_what_it_threatens(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("Олександр Лукашенко у вівторок пригрозив, що Білорусь завдаватиме ударів по об’єктах у Литві.")
    assert one(found, "THREAT_RHETORIC").modality == "occurred"
    strike = one(found, "STRIKE")
    assert strike.modality == "threatened"
    assert strike.date_start == date(2024, 6, 11)


def test_an_adversary_claim_is_claimed_and_an_accusation(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("У середу Міністерство оборони Білорусі заявило, що Україна нібито зосередила біля кордону до 120 тисяч військовослужбовців.")
    deployment = one(found, "FORCE_DEPLOYMENT")
    assert (deployment.modality, deployment.date_start) == ("claimed", date(2024, 6, 12))
    accusation = one(found, "ACCUSATION")
    assert (accusation.actors, accusation.date_start) == (("BLR",), date(2024, 6, 12))


def test_a_cue_governs_its_clause_only(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("Мінськ планує провести навчання у липні; минулого тижня білоруські війська перекинули до кордону батальйон.")
    assert one(found, "MILITARY_EXERCISE").modality == "planned"
    assert one(found, "FORCE_DEPLOYMENT").modality == "occurred"


def test_negation_after_a_passive_drops_the_event(uk) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in uk("Польський повітряний простір, за даними командування, порушено не було.") if m.type == "AIRSPACE_VIOLATION"]


def test_a_hyphen_inside_a_compound_ends_no_clause(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("Лукашенко пригрозив, що Білорусь збиватиме всі безпілотники-порушники і завдаватиме ударів по Литві.")
    assert one(found, "STRIKE").modality == "threatened"


def test_a_conditional_is_hypothetical_and_a_reminder_is_no_event(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Уряд розглядає можливість закрити пункти пропуску на кордоні з Білоруссю."), "BORDER_REGIME")
    assert m.modality == "hypothetical"
    assert uk("ДПСУ нагадує, що незаконний перетин кордону карається законом.") == []


def test_a_zero_count_before_its_negation(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("За минулу добу спроб незаконного перетину кордону не зафіксовано."), "MIGRATION_PRESSURE")
    assert counts(m) == [(0, None, "attempts", "exact", "day")]


def test_a_live_blog_entry_is_dated_on_publication_not_by_the_entry_before(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("09:40 Учора Литва закрила два пункти пропуску на кордоні з Білоруссю.\n"
               "10:05 У Гомелі помічено ешелон з російськими танками.", "2024-05-10", "")
    assert one(found, "BORDER_REGIME").date_start == date(2024, 5, 9)
    assert one(found, "BORDER_REGIME").quantities == ()  # two crossings are no count of kilometres
    assert one(found, "FORCE_DEPLOYMENT").date_start == date(2024, 5, 10)


def test_phrases_match_the_forms_pymorphy_lemmatises_elsewhere() -> None:
    from flankwatch.nlp.morphology import variants_for

    keys = variants_for("uk", "lemma")
    assert keys is not None and keys("зона")[0] == "зона" and "зон" in keys("зона")  # "у зоні" -> "зон"
    assert variants_for("be", "stem") is None


def test_a_span_of_months_and_a_year_with_a_glued_ending(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("З лютого по квітень 2022 року російські війська окупували північ Київщини.", "2024-06-28"), "ARMED_ATTACK")
    assert dates(m) == (date(2022, 2, 1), date(2022, 4, 30), "month")
    m = one(uk("У лютому 2022-го російські війська вторглися в Україну з території Білорусі.", "2024-06-28"), "ARMED_ATTACK")
    assert dates(m) == (date(2022, 2, 1), date(2022, 2, 28), "month")


# -- styles of the uk-b dev documents: live blogs, DPSU telegrams, briefings, analytic notes --
def test_helicopters_flying_along_the_border_are_air_activity_not_a_violation(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("У середу три гелікоптери Мі-24 пролетіли вздовж лінії кордону біля Мозиря, не перетинаючи її.")
    m = one(found, "AIR_ACTIVITY")
    assert (m.modality, m.date_start, m.theatre) == ("occurred", date(2024, 6, 12), "UA-BY")
    assert not [m for m in found if m.type == "AIRSPACE_VIOLATION"]


def test_a_question_about_flights_is_no_flight(uk) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in uk("— Чи бачите ви польоти російських літаків уздовж кордону?") if m.type == "AIR_ACTIVITY"]


def test_shelling_a_town_and_a_later_entry_with_its_dead_are_strikes(uk) -> None:  # type: ignore[no-untyped-def]
    found = uk("07:10 — Противник обстрілює Куп'янськ з артилерії.\n12:30 — Після ранкового обстрілу загинули троє цивільних.",
               "2024-05-12")
    assert [m.type for m in found] == ["STRIKE", "STRIKE"]


def test_a_breakthrough_attempt_is_an_armed_attack(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Уночі російські підрозділи намагалися прорвати оборону на Харківщині.", "2024-05-11"), "ARMED_ATTACK")
    assert (m.modality, m.theatre) == ("occurred", "UA-RU")


def test_no_change_and_no_grouping_are_no_deployment(uk) -> None:  # type: ignore[no-untyped-def]
    assert uk("Угруповання військ РБ біля кордону: змін не виявлено.") == []
    assert not [m for m in uk("Ударного угруповання на Гомельщині немає.") if m.type == "FORCE_DEPLOYMENT"]


def test_a_sanctions_package_adopted_has_occurred_and_one_to_come_is_planned(uk) -> None:  # type: ignore[no-untyped-def]
    assert one(uk("Учора Рада ЄС ухвалила новий пакет санкцій проти Росії."), "SANCTIONS").modality == "occurred"
    assert one(uk("Наступного місяця ЄС ухвалить новий пакет санкцій проти Білорусі."), "SANCTIONS").modality == "planned"


def test_photographing_positions_for_a_foreign_service_is_espionage(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("У вівторок на Волині затримано чоловіка, який фотографував позиції ЗСУ на замовлення ФСБ."), "SABOTAGE_ESPIONAGE")
    assert m.date_start == date(2024, 6, 11)


def test_a_scenario_that_cannot_be_ruled_out_is_hypothetical(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Не можна виключати, що Росія перекине до Білорусі нові підрозділи."), "FORCE_DEPLOYMENT")
    assert m.modality == "hypothetical"


def test_a_rebuttal_that_imputes_motives_is_an_accusation(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Такими заявами Москва намагається виправдати свою агресію, наголосив речник ДПСУ."), "ACCUSATION")
    assert m.modality == "occurred" and "UKR" in m.actors


def test_zhytomyr_region_in_the_instrumental(uk) -> None:  # type: ignore[no-untyped-def]
    m = one(uk("Учора над Житомирщиною три дрони залетіли з повітряного простору Білорусі."), "AIRSPACE_VIOLATION")
    assert m.place is not None and m.place.name == "Zhytomyr region"
