"""Polish extraction: inflected places and actors, dates, numbers, modality (lexicons/pl/).

Every sentence here is written for the test, in the styles Polish sources use: Straż
Graniczna daily communiqués, MON statements, news reports and adversary media.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import counts, make_doc, one

from flankwatch.extract import Extractor
from flankwatch.nlp import load_languages
from flankwatch.records import Mention

PUBLISHED = "2024-03-20"  # a Wednesday
SG = "Polish Border Guard"


@pytest.fixture(scope="module")
def pl(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = PUBLISHED, publisher: str = SG) -> list[Mention]:
        return extractor.extract(make_doc(text, published, language="pl", publisher=publisher))

    return run


# -- morphology -------------------------------------------------------------------------
def test_polish_is_matched_on_stems_of_its_own_endings() -> None:
    spec = load_languages()["pl"]
    assert (spec.match_attr, spec.morphology) == ("NORM", "stem")
    stem = spec.normalise()
    assert {stem(w) for w in ("granica", "granicy", "granicą", "granicę", "granicach")} == {"granic"}
    assert {stem(w) for w in ("ćwiczenia", "ćwiczeń", "ćwiczeniach", "ćwiczyć")} == {"ćwicz"}
    assert {stem(w) for w in ("odnotowano", "odnotowali", "odnotowała", "odnotować")} == {"odnot"}
    assert stem("na") == "na"  # short words keep their letters


# -- places and actors in their cases ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Wczoraj w Kuźnicy 40 cudzoziemców próbowało sforsować zaporę.", "Kuźnica"),
        ("Wczoraj pod Hajnówką 25 osób próbowało nielegalnie przekroczyć granicę.", "Hajnówka"),
        (
            "Wczoraj w rejonie Dubicz Cerkiewnych 30 migrantów próbowało sforsować zaporę.",
            "Dubicze Cerkiewne",
        ),
        ("Wczoraj w okolicach Czeremchy odnotowano 15 prób nielegalnego przekroczenia granicy.", "Czeremcha"),
    ],
)
def test_inflected_places_resolve(pl, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    m = one(pl(text), "MIGRATION_PRESSURE")
    assert m.place is not None and m.place.name == place
    assert m.theatre == "PL-BY"


def test_belarus_in_any_case_names_the_border(pl) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Wczoraj 120 cudzoziemców próbowało nielegalnie przekroczyć granicę z Białorusi.",
        "Wczoraj na granicy z Białorusią odnotowano 120 prób nielegalnego przekroczenia granicy.",
        "Wczoraj na granicy polsko-białoruskiej odnotowano 120 prób nielegalnego przekroczenia granicy.",
    ):
        m = one(pl(text), "MIGRATION_PRESSURE")
        assert (m.theatre, m.actors, m.targets) == ("PL-BY", ("NS:MIGRANTS",), ("POL",)), text
        assert m.modality == "occurred", text


def test_institutions_speak_for_their_state(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("Według MON w Orzyszu rozpoczęły się ćwiczenia z udziałem 3 tys. żołnierzy.", publisher=""),
        "MILITARY_EXERCISE",
    )
    assert m.actors == ("POL",) and m.place is not None and m.place.name == "Orzysz"
    found = pl("Funkcjonariusze Straży Granicznej zatrzymali w Michałowie dwóch przemytników.", publisher="")
    assert not [
        x for x in found if x.type == "MIGRATION_PRESSURE"
    ]  # smugglers caught are no crossing attempts


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        (
            "Wczoraj odnotowano 121 prób nielegalnego przekroczenia granicy.",
            "2024-03-19",
            "2024-03-19",
            "day",
        ),
        (
            "W dniu wczorajszym (19.03) odnotowano 121 prób nielegalnego przekroczenia granicy.",
            "2024-03-19",
            "2024-03-19",
            "day",
        ),
        (
            "W poniedziałek odnotowano 97 prób nielegalnego przekroczenia granicy.",
            "2024-03-18",
            "2024-03-18",
            "day",
        ),
        (
            "W ubiegły czwartek odnotowano 88 prób nielegalnego przekroczenia granicy.",
            "2024-03-14",
            "2024-03-14",
            "day",
        ),
        ("W ubiegłym tygodniu funkcjonariusze odnotowali 512 prób.", "2024-03-11", "2024-03-17", "week"),
        (
            "W lutym odnotowano 1 800 prób nielegalnego przekroczenia granicy.",
            "2024-02-01",
            "2024-02-29",
            "month",
        ),
        (
            "Od początku roku doszło do ponad 2 300 prób nielegalnego przekroczenia granicy.",
            "2024-01-01",
            "2024-03-20",
            "day",
        ),
        (
            "12 marca 2024 r. odnotowano 97 prób nielegalnego przekroczenia granicy.",
            "2024-03-12",
            "2024-03-12",
            "day",
        ),
    ],
)
def test_dates_resolve_against_publication(pl, text: str, start: str, end: str, precision: str) -> None:  # type: ignore[no-untyped-def]
    m = one(pl(text), "MIGRATION_PRESSURE")
    assert (str(m.date_start), str(m.date_end), m.date_precision) == (start, end, precision)


def test_a_range_of_days_and_a_planned_exercise(pl) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ministerstwo Obrony Narodowej poinformowało, że od 26 marca do 10 kwietnia na poligonach w Polsce "
        "odbędą się ćwiczenia, w których weźmie udział ok. 20 000 żołnierzy i ok. 3 500 pojazdów."
    )
    m = one(pl(text, publisher=""), "MILITARY_EXERCISE")
    assert (m.modality, m.date_start, m.date_end) == ("planned", date(2024, 3, 26), date(2024, 4, 10))
    assert counts(m) == [(20000, None, "troops", "about", None), (3500, None, "vehicles", "about", None)]


def test_percentages_decimals_and_times_are_no_dates(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("Dziś o godz. 4:23 rosyjski dron wleciał w polską przestrzeń powietrzną na 39 sekund."),
        "AIRSPACE_VIOLATION",
    )
    assert (m.date_start, m.quantities) == (date(2024, 3, 20), ())


# -- numbers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wczoraj odnotowano 4 500 prób nielegalnego przekroczenia granicy.",
            (4500, None, "attempts", "exact", "day"),
        ),
        ("Wczoraj ok. 200 cudzoziemców próbowało sforsować zaporę.", (200, None, "people", "about", "day")),
        (
            "W maju do granicy podchodziło do 150 osób dziennie, próbując ją sforsować.",
            (150, None, "people", "up_to", "day"),
        ),
        (
            "W ubiegłym tygodniu odnotowano ponad 2 tys. prób przekroczenia granicy.",
            (2000, None, "attempts", "more_than", "week"),
        ),
        (
            "W weekend grupy liczące od 20 do 40 osób próbowały sforsować zaporę.",
            (20, 40, "people", "exact", "span"),
        ),
        (
            "Wczoraj nie odnotowano żadnych prób nielegalnego przekroczenia granicy.",
            (0, None, "attempts", "exact", "day"),
        ),
    ],
)
def test_counts_of_crossings(pl, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert counts(one(pl(text), "MIGRATION_PRESSURE")) == [expected]


def test_share_of_gdp_and_money(pl) -> None:  # type: ignore[no-untyped-def]
    budget = one(pl("W tym roku wydatki na obronność wyniosą 4,1 % PKB.", publisher=""), "DEFENCE_POSTURE")
    assert counts(budget) == [(4.1, None, "pct_gdp", "exact", None)] and budget.modality == "planned"
    fence = one(
        pl(
            "Rząd zapowiedział, że na rozbudowę zapory na granicy z Białorusią przeznaczy 10 mld zł.",
            publisher="",
        ),
        "BORDER_FORTIFICATION",
    )
    assert counts(fence) == [(10_000_000_000, None, "pln", "exact", None)] and fence.modality == "planned"
    share = one(
        pl("Wczoraj odnotowano 2,3 % więcej prób nielegalnego przekroczenia granicy niż przed tygodniem."),
        "MIGRATION_PRESSURE",
    )
    assert share.quantities == ()  # a share is no count


def test_number_words_casualties_and_footnotes(pl) -> None:  # type: ignore[no-untyped-def]
    arrests = one(
        pl(
            "We wtorek ABW zatrzymała dziewięć osób podejrzanych o sabotaż na zlecenie rosyjskich służb.",
            publisher="",
        ),
        "SABOTAGE_ESPIONAGE",
    )
    assert counts(arrests) == [(9, None, "people", "exact", None)]
    attack = one(
        pl(
            "W niedzielę migranci zaatakowali patrol SG pod Białowieżą; dwóch funkcjonariuszy zostało rannych."
        ),
        "BORDER_INCIDENT",
    )
    assert [(q.value, q.unit) for q in attack.casualties] == [(2, "injured")]
    noted = one(
        pl("W 2023 r. Straż Graniczna odnotowała ok. 26 tys. prób nielegalnego przekroczenia granicy[1]."),
        "MIGRATION_PRESSURE",
    )
    assert counts(noted) == [
        (26000, None, "attempts", "about", "year")
    ]  # "[1]" is a footnote, "W 2023 r." no sentence


def test_zero_incidents_are_kept(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("W ubiegłym tygodniu nie odnotowano też ataków na patrole Straży Granicznej."), "BORDER_INCIDENT"
    )
    assert counts(m) == [(0, None, "incidents", "exact", "week")]


# -- modality, scoped to its clause --------------------------------------------------------
def test_plans_threats_claims_and_proposals(pl) -> None:  # type: ignore[no-untyped-def]
    assert (
        one(
            pl("Polska planuje rozbudowę zapory na granicy z Białorusią.", publisher=""),
            "BORDER_FORTIFICATION",
        ).modality
        == "planned"
    )
    assert (
        one(
            pl("Rząd rozważa zamknięcie przejść granicznych z Białorusią.", publisher=""), "BORDER_REGIME"
        ).modality
        == "hypothetical"
    )
    threat = pl("Łukaszenka zagroził w piątek, że Białoruś odetnie tranzyt gazu do Polski.", publisher="")
    assert one(threat, "THREAT_RHETORIC").modality == "occurred"
    assert one(threat, "ENERGY_COERCION").modality == "threatened"


def test_future_tense_in_the_verb_is_a_plan(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(pl("MSWiA zamknie przejście graniczne w Bobrownikach.", publisher=""), "BORDER_REGIME")
    assert m.modality == "planned"
    past = one(
        pl("W piątek MSWiA zamknęło przejście graniczne w Bobrownikach.", publisher=""), "BORDER_REGIME"
    )
    assert (past.modality, past.place.name if past.place else None) == ("occurred", "Bobrowniki")


def test_a_cue_does_not_cross_its_clause(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl(
        "Rząd planuje budowę nowej zapory, a wczoraj 120 osób próbowało przekroczyć granicę z Białorusi."
    )
    assert one(found, "MIGRATION_PRESSURE").modality == "occurred"
    assert one(found, "BORDER_FORTIFICATION").modality == "planned"


def test_adversary_media_claims_are_claims(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl(
        "Według BiełTA polskie śmigłowce wojskowe naruszyły w poniedziałek białoruską przestrzeń powietrzną w rejonie Grodna.",
        publisher="",
    )
    violation = one(found, "AIRSPACE_VIOLATION")
    assert (violation.modality, violation.date_start, violation.actors) == (
        "claimed",
        date(2024, 3, 18),
        ("POL",),
    )
    assert one(found, "ACCUSATION").actors == ("BLR",)


def test_a_denied_claim_is_claimed_and_the_border_guard_figure_occurred(pl) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Informacje strony białoruskiej o rzekomym wypchnięciu przez polskie służby ponad 300 osób "
        "w poniedziałek są nieprawdziwe – tego dnia odnotowaliśmy 97 prób."
    )
    found = pl(text)
    claimed = one(found, "MIGRATION_PRESSURE", "claimed")
    assert counts(claimed) == [(300, None, "people", "more_than", "day")]
    assert one(found, "ACCUSATION").actors == ("BLR",)


def test_reminders_and_appeals_are_no_events(pl) -> None:  # type: ignore[no-untyped-def]
    assert pl("Przypominamy, że nielegalne przekroczenie granicy jest przestępstwem.") == []
    assert pl("Zachęcamy mieszkańców do zgłaszania prób przekroczenia granicy.") == []


def test_cruise_missiles_are_no_manoeuvres(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl(
        "Dziś jeden z pocisków manewrujących wystrzelonych przez rosyjskie lotnictwo wleciał w polską przestrzeń powietrzną.",
        publisher="",
    )
    assert [m.type for m in found] == ["AIRSPACE_VIOLATION"]
    assert counts(found[0]) == [(1, None, "missiles", "exact", None)]


# -- communiqué, table and live-blog styles ------------------------------------------------
def test_a_start_and_its_length_make_a_range(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl(
            "Strefa buforowa obejmie ok. 60 km granicy, a zakaz będzie obowiązywał od 13 czerwca przez 90 dni.",
            "2024-06-07",
            "",
        ),
        "BORDER_REGIME",
    )
    assert (m.modality, m.date_start, m.date_end) == ("planned", date(2024, 6, 13), date(2024, 9, 10))
    assert counts(m) == [(60, None, "km", "about", None)]  # neither "since" nor a span: the zone's length


def test_a_change_of_level_counts_the_new_level(pl) -> None:  # type: ignore[no-untyped-def]
    text = "Minister zdecydował w środę o zwiększeniu liczby żołnierzy na granicy z Białorusią z ok. 6 tys. do ok. 7 tys."
    m = one(pl(text, "2024-05-29", ""), "FORCE_DEPLOYMENT")
    assert (m.modality, counts(m)) == ("planned", [(7000, None, "troops", "about", None)])


def test_that_day_is_the_day_named_before(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl(
        "Białoruś twierdzi, że w poniedziałek wypchnięto 300 osób, tymczasem tego dnia odnotowaliśmy 97 prób."
    )
    figure = [
        m
        for m in found
        if m.type == "MIGRATION_PRESSURE" and counts(m) == [(97, None, "attempts", "exact", "day")]
    ]
    assert figure and figure[0].date_start == date(2024, 3, 18)


def test_a_week_of_table_lines(pl) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tydzień 4–10 marca: 433 próby nielegalnego przekroczenia granicy, 2 ataki na patrole.\n"
        "Tydzień 11–17 marca: 512 prób, brak ataków.\n"
    )
    found = pl(text)
    weeks = [(m.date_start, counts(m)) for m in found if m.type == "MIGRATION_PRESSURE"]
    assert weeks == [
        (date(2024, 3, 4), [(433, None, "attempts", "exact", "week")]),
        (date(2024, 3, 11), [(512, None, "attempts", "exact", "week")]),
    ]
    incidents = [counts(m) for m in found if m.type == "BORDER_INCIDENT"]
    assert incidents == [[(2, None, "incidents", "exact", "week")], [(0, None, "incidents", "exact", "week")]]


def test_live_blog_times_are_no_counts(pl) -> None:  # type: ignore[no-untyped-def]
    text = "10.45 Straż Graniczna: od północy odnotowano już 63 próby przekroczenia granicy z Białorusią."
    m = one(pl(text, publisher=""), "MIGRATION_PRESSURE")
    assert (m.date_start, counts(m)) == (date(2024, 3, 20), [(63, None, "attempts", "exact", "day")])


def test_a_lithuanian_crossing_count_is_on_the_belarusian_border(pl) -> None:  # type: ignore[no-untyped-def]
    text = "Litewska Służba Ochrony Granicy Państwowej poinformowała, że w ciągu doby zawróciła 25 migrantów."
    m = one(pl(text, publisher=""), "MIGRATION_PRESSURE")
    assert (m.theatre, m.targets, counts(m)) == ("LT-BY", ("LTU",), [(25, None, "people", "exact", "day")])


def test_words_that_stem_like_places_are_no_places(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("Wczoraj 40 ludzi próbowało sforsować zaporę, rzucając kijami w patrol."), "MIGRATION_PRESSURE"
    )
    assert m.place is None  # "ludzi" is no Ludza, "kijami" no Kyiv


def test_abbreviations_and_dates_end_no_sentence(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("Wczoraj, tj. 19 marca (wtorek), ok. 120 osób próbowało przekroczyć granicę."),
        "MIGRATION_PRESSURE",
    )
    assert m.evidence.text.startswith("Wczoraj, tj.") and counts(m) == [(120, None, "people", "about", "day")]


# -- styles of the pl-b dev documents: communiqués, think-tank notes, adversary media, Q&A --------
def test_services_bringing_groups_to_the_fence_is_no_pressure_count(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl("Białoruskie służby wciąż dowożą grupy cudzoziemców pod zaporę w rejonie Krynek.")
    assert {m.type for m in found} == {"MIGRANT_INSTRUMENTALISATION"}


def test_a_falling_pressure_under_a_buffer_zone_is_no_event(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl(
        "Wprowadzona w czerwcu strefa buforowa zbiegła się ze spadkiem presji migracyjnej.", publisher=""
    )
    assert "MIGRATION_PRESSURE" not in {m.type for m in found}


def test_a_threat_to_stop_gas_transit_in_the_instrumental(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl("We wtorek Łukaszenka zagroził wstrzymaniem tranzytu gazu do Europy.", publisher="")
    assert one(found, "THREAT_RHETORIC").modality == "occurred"
    assert one(found, "ENERGY_COERCION").modality == "threatened"


def test_cutting_the_suwalki_gap_is_a_scenario_of_attack(pl) -> None:  # type: ignore[no-untyped-def]
    text = "W najgorszym scenariuszu wojska rosyjskie mogłyby próbować przeciąć przesmyk suwalski."
    m = one(pl(text, publisher=""), "ARMED_ATTACK")
    assert (m.modality, m.place.name if m.place else None) == ("hypothetical", "Suwałki gap")


def test_calling_an_exercise_a_rehearsal_of_aggression_is_an_accusation(pl) -> None:  # type: ignore[no-untyped-def]
    text = "Mińsk uznaje prowadzone w lutym polskie ćwiczenia, w których brało udział wielu żołnierzy, za próbę generalną agresji."
    assert one(pl(text, publisher=""), "ACCUSATION").modality == "occurred"


def test_naming_manoeuvres_nuclear_blackmail_is_an_accusation_not_a_threat(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl("MSZ określiło manewry jako element szantażu jądrowego.", publisher="")
    assert one(found, "ACCUSATION").actors == ("POL",)
    assert "THREAT_RHETORIC" not in {m.type for m in found}


def test_a_nuclear_forces_exercise_is_one_exercise(pl) -> None:  # type: ignore[no-untyped-def]
    text = "We wtorek Białoruś rozpoczęła ćwiczenia niestrategicznych sił jądrowych z udziałem wyrzutni Iskander."
    found = pl(text, publisher="")
    assert [m.type for m in found] == ["MILITARY_EXERCISE"]


def test_a_recommendation_is_hypothetical(pl) -> None:  # type: ignore[no-untyped-def]
    found = pl(
        "Rekomendujemy przedłużenie strefy buforowej w październiku.",
        publisher="Forum Bezpieczeństwa Wschodniego",
    )
    assert one(found, "BORDER_REGIME").modality == "hypothetical"


def test_the_zone_named_alone_is_a_border_regime(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("Strefa obowiązuje od dziś na odcinku ok. 45 km granicy z Białorusią.", publisher=""),
        "BORDER_REGIME",
    )
    assert counts(m)[0][:4] == (45, None, "km", "about")


def test_a_stabbing_told_with_the_victim_first(pl) -> None:  # type: ignore[no-untyped-def]
    text = "Żołnierza, który pełnił służbę przy zaporze, w poniedziałek pod Czeremchą ugodził nożem migrant."
    m = one(pl(text, publisher=""), "BORDER_INCIDENT")
    assert (m.date_start, m.place.name if m.place else None) == (date(2024, 3, 18), "Czeremcha")


def test_works_starting_in_the_border_strip_are_fortification(pl) -> None:  # type: ignore[no-untyped-def]
    m = one(
        pl("Pierwsze prace ruszą w sierpniu br. w pasie przygranicznym na Podlasiu.", publisher="MON"),
        "BORDER_FORTIFICATION",
    )
    assert (m.modality, m.date_start) == ("planned", date(2024, 8, 1))


def test_adversary_media_citing_the_border_guard_report_a_fact(pl) -> None:  # type: ignore[no-untyped-def]
    text = "Nawet polska Straż Graniczna przyznaje, że w lutym dochodziło do ponad 50 prób przekroczenia granicy dziennie."
    found = pl(text, publisher="Sputnik")
    assert [(m.type, m.modality) for m in found] == [("MIGRATION_PRESSURE", "occurred")]
