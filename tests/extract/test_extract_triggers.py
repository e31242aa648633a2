"""Every ontology type is found in a sentence that states it, and not in look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flankwatch.ontology import load_ontology
from flankwatch.records import Mention

POSITIVE = {
    "MIGRATION_PRESSURE": "On Tuesday, Polish border guards recorded 210 attempts to cross the border from Belarus.",
    "MIGRANT_INSTRUMENTALISATION": "Belarusian officers escorted groups of migrants to the barrier near Kuźnica.",
    "BORDER_FORTIFICATION": "Lithuania completed 502 km of fence on its border with Belarus.",
    "BORDER_REGIME": "Finland closed all crossing points on its border with Russia.",
    "MILITARY_EXERCISE": "Belarus launched a snap readiness check of about 3,000 troops.",
    "FORCE_DEPLOYMENT": "Belarus moved additional troops toward the Ukrainian border.",
    "STRATEGIC_WEAPONS": "Russia completed the transfer of tactical nuclear weapons to Belarus.",
    "AIRSPACE_VIOLATION": "A Russian cruise missile violated Polish airspace near Oserdów.",
    "AIR_ACTIVITY": "Polish and allied fighter jets were scrambled on Sunday morning.",
    "STRIKE": "Russia launched a massive missile strike on Lviv region overnight.",
    "ARMED_ATTACK": "Russia opened a ground offensive in Kharkiv region.",
    "BORDER_INCIDENT": "Migrants threw stones at a Polish patrol near Dubicze Cerkiewne.",
    "DEFENCE_POSTURE": "Poland will raise its defence spending to 4.7 % of GDP next year.",
    "THREAT_RHETORIC": "Lukashenko threatened to respond with all means.",
    "ACCUSATION": "Minsk accused Lithuania of training militants.",
    "DIPLOMATIC_ACTION": "Warsaw summoned the Russian chargé d'affaires.",
    "SANCTIONS": "The EU adopted its 14th sanctions package against Russia.",
    "ALLIED_SUPPORT": "Germany sent an engineer unit to help Poland build the barrier.",
    "ENERGY_COERCION": "Belarus threatened to cut gas transit to Lithuania.",
    "AVIATION_INTERFERENCE": "GPS jamming forced two Finnair flights to turn back.",
    "SABOTAGE_ESPIONAGE": "Polish prosecutors charged nine people with sabotage on behalf of Russian intelligence.",
}


def test_every_ontology_type_has_a_case() -> None:
    assert set(POSITIVE) == set(load_ontology().types)


@pytest.mark.parametrize(("type_name", "text"), sorted(POSITIVE.items()))
def test_type_is_found(type_name: str, text: str, extract: Callable[..., list[Mention]]) -> None:
    assert type_name in {m.type for m in extract(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Officials urged everyone to exercise restraint.", "MILITARY_EXERCISE"),
        ("The Border Guard reminds that an attack on an officer is a crime.", "BORDER_INCIDENT"),
        ("Groups of foreigners tried to force the barrier near Czeremcha.", "BORDER_FORTIFICATION"),
        ("The Border Guard warns that crossing the forests in winter puts lives at risk.", "THREAT_RHETORIC"),
        ("Many assassination attempts were foiled in the 1990s.", "MIGRATION_PRESSURE"),
        ("The group withdrew after Polish patrols arrived.", "FORCE_DEPLOYMENT"),
    ],
)
def test_look_alikes_are_not_events(text: str, absent: str, extract: Callable[..., list[Mention]]) -> None:
    assert absent not in {m.type for m in extract(text)}


def test_subtype(extract: Callable[..., list[Mention]]) -> None:
    found = extract("Poland requested consultations under Article 4 of the North Atlantic Treaty.")
    assert ("DIPLOMATIC_ACTION", "article_4") in {(m.type, m.subtype) for m in found}


def test_one_mention_per_type_and_statement(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "Polish border guards recorded 97 attempts to cross, the Border Guard said; attempts rose."
    )
    assert [m.type for m in found] == ["MIGRATION_PRESSURE"]


def test_two_dated_counts_are_two_events(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "Border Guard figures showed 360 attempts to cross on Monday, after a record 2,400 last week.",
        published="2024-05-28",
    )
    events = sorted((m.quantities[0].value, m.date_start.isoformat(), m.quantities[0].period) for m in found)
    assert events == [(360, "2024-05-27", "day"), (2400, "2024-05-20", "week")]
    assert len({m.evidence.start for m in found}) == 2  # the second states its own part of the sentence


def test_counts_of_one_date_stay_one_event(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "Latvia–Belarus: 503 people were prevented from crossing during the week, up to 94 a day.",
        published="2024-03-04",
    )
    (m,) = found
    assert [(q.value, q.qualifier, q.period) for q in m.quantities] == [
        (503, "exact", "week"),
        (94, "up_to", "day"),
    ]


def test_deployment_abroad_by_an_ally_is_allied_support(extract: Callable[..., list[Mention]]) -> None:
    types = {m.type for m in extract("Germany deployed about 20 soldiers to Lithuania on Monday.")}
    assert "ALLIED_SUPPORT" in types and "FORCE_DEPLOYMENT" not in types


def test_counted_instrumentalisation_also_states_pressure(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "Belarusian services brought foreigners to the border in vans, in groups of 30 to 80 people."
    )
    assert {"MIGRANT_INSTRUMENTALISATION", "MIGRATION_PRESSURE"} <= {m.type for m in found}


@pytest.mark.parametrize(
    "text",
    [
        "The Border Guard reminds residents that giving transport to people who crossed the border illegally is a crime.",
        "Such intercepts are routine, but their number tends to rise during Russian exercises.",
        "Indicators to watch: Russian rail movements into Belarus and snap exercises announced at short notice.",
        "Sanctions",
    ],
)
def test_reminders_habits_readings_and_headings_are_not_events(
    text: str, extract: Callable[..., list[Mention]]
) -> None:
    assert extract(text) == []


def test_a_trigger_inside_a_longer_one_of_another_type_gives_way(
    extract: Callable[..., list[Mention]],
) -> None:
    found = extract(
        "Vilnius is considering raising the jamming at the International Civil Aviation Organization."
    )
    assert [(m.type, m.modality) for m in found] == [("DIPLOMATIC_ACTION", "hypothetical")]


def test_counts_of_different_units_with_different_dates_stay_one_event(
    extract: Callable[..., list[Mention]],
) -> None:
    found = extract(
        "Tusk on Saturday announced a PLN 10 bn programme to fortify about 700 km of the border "
        "between 2024 and 2028.",
        published="2024-05-19",
    )
    (fence,) = [m for m in found if m.type == "BORDER_FORTIFICATION"]
    assert sorted(q.unit for q in fence.quantities) == ["km", "pln"]
    assert (fence.modality, fence.date_start.isoformat(), fence.date_end.isoformat()) == (
        "planned",
        "2024-01-01",
        "2028-12-31",
    )


# Styles of the en-c dev documents: wire flashes, adversary media, live blogs, bulletins, scenario notes.
@pytest.mark.parametrize(
    ("type_name", "text"),
    [
        ("MIGRATION_PRESSURE", "Polish guards forced over 300 refugees, including women and children, back into Belarus."),
        ("MIGRATION_PRESSURE", "Three persons were apprehended in the border zone near Salla after crossing illegally."),
        ("BORDER_INCIDENT", "The committee said the refugees were beaten before being pushed through the fence."),
        ("BORDER_INCIDENT", "Belarusian personnel would then take part in an armed incident on the line itself."),
        ("BORDER_REGIME", "Ban in force from 13 June 2024, 00:00, for 90 days."),
        ("AIRSPACE_VIOLATION", "The missile stayed in Polish airspace for 39 seconds."),
        ("AIRSPACE_VIOLATION", "Minsk reported that drones launched from Lithuanian territory had flown over its border districts."),
        ("AIR_ACTIVITY", "A Belarusian Su-25 on a training flight came within 2 km of the Lithuanian border."),
        ("ARMED_ATTACK", "The least likely path is a Belarusian ground incursion into Volyn region."),
        ("DEFENCE_POSTURE", "Warsaw raises the readiness of its air defence units."),
        ("THREAT_RHETORIC", "Lukashenko said that if we are provoked, the gas valve can be closed."),
        ("ACCUSATION", '"This is a deliberate provocation by the neighbouring state," the statement says.'),
        ("ACCUSATION", 'A spokesman for the Polish Foreign Ministry called the statement "blackmail".'),
        ("ACCUSATION", "Minsk moved special operations units to the border in response to a Ukrainian build-up."),
        ("ENERGY_COERCION", "Russian officials warned that Moscow might disconnect the Baltic states from the BRELL grid."),
        ("AVIATION_INTERFERENCE", "Finnair's suspension of its Helsinki–Tartu route takes effect today."),
        ("AVIATION_INTERFERENCE", "Two aircraft had to abort landings at Tartu last week."),
        ("AVIATION_INTERFERENCE", "More than 1,600 aircraft reported signal loss over two days."),
        ("SABOTAGE_ESPIONAGE", "At least 200 fighters are being prepared at camps near Vilnius, the KGB chief said."),
        ("FORCE_DEPLOYMENT", "Ukraine's border service confirmed a partial withdrawal from Gomel region."),
    ],
)
def test_style_variants_are_found(type_name: str, text: str, extract: Callable[..., list[Mention]]) -> None:
    assert type_name in {m.type for m in extract(text, published="2024-06-12")}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Belarusian border guards gave first aid to 14 people, six of whom were taken to hospital.", "MIGRANT_INSTRUMENTALISATION"),
        ("5. Sanctions for breach: fine under Art. 49 of the Code of Petty Offences.", "SANCTIONS"),
        ("1 driver detained on the road, vehicle seized.", "ARMED_ATTACK"),
        ("Belarus may stop gas transit to Europe if the West continues its provocations.", "BORDER_INCIDENT"),
        ("A forced disconnection would be manageable, since the grids have rehearsed island operation.", "MILITARY_EXERCISE"),
        ("In a third path Belarusian personnel would take part in an armed incident.", "MILITARY_EXERCISE"),
        ("Minsk reported that drones launched from Lithuanian territory had flown over its border districts.", "STRIKE"),
        ("Two Polish helicopters had entered Belarusian airspace near Hrodna, Minsk claimed.", "BORDER_INCIDENT"),
        ("Minsk has repeatedly called on Vilnius to stop provocations on the border.", "BORDER_INCIDENT"),
        ("The series counts attempts rather than people, so one person stopped three times is counted three times.",
         "MIGRATION_PRESSURE"),
        ("Article 4 lets any ally ask for consultations when it feels threatened.", "DIPLOMATIC_ACTION"),
    ],
)
def test_style_look_alikes_are_not_events(text: str, absent: str, extract: Callable[..., list[Mention]]) -> None:
    assert absent not in {m.type for m in extract(text, published="2024-06-12")}


def test_smuggling_balloons_are_counted_as_incidents(extract: Callable[..., list[Mention]]) -> None:
    found = extract("On Friday eleven smuggling balloons from Belarus came down near Šalčininkai.", published="2024-05-27")
    (balloons,) = [m for m in found if m.type == "AIRSPACE_VIOLATION"]
    assert [(q.value, q.unit) for q in balloons.quantities] == [(11, "incidents")]


def test_a_weekly_count_of_drones_is_per_week(extract: Callable[..., list[Mention]]) -> None:
    found = extract("Four drones from Lithuania entered Belarusian airspace last week, Minsk said.", published="2024-05-03")
    (drones,) = [m for m in found if m.type == "AIRSPACE_VIOLATION"]
    assert [(q.value, q.unit, q.period) for q in drones.quantities] == [(4, "drones", "week")]


def test_helicopters_crossing_the_state_border_violate_airspace(extract: Callable[..., list[Mention]]) -> None:
    types = {m.type for m in extract("Two Polish helicopters violated the state border of Belarus near Hrodna.")}
    assert "AIRSPACE_VIOLATION" in types and "BORDER_INCIDENT" not in types


def test_a_named_exercise_restated_without_new_facts_is_one_event(extract: Callable[..., list[Mention]]) -> None:
    found = extract(
        "More than 1,500 servicemen are taking part in a tactical exercise in the Kaliningrad Region.\n"
        "The troops are practising the defence of the coast.",
        published="2024-07-10",
    )
    assert [m.type for m in found] == ["MILITARY_EXERCISE"]
