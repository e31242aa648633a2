"""Modality from cues scoped to the clause that governs the trigger; the speech-act rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conftest import only

from flankwatch.records import Mention

Extract = Callable[..., list[Mention]]


def test_threat_occurred_and_what_it_threatens_is_threatened(extract: Extract) -> None:
    found = extract("Lukashenko threatened to cut gas transit to Lithuania.")
    assert only(found, "THREAT_RHETORIC").modality == "occurred"
    energy = only(found, "ENERGY_COERCION")
    assert (energy.modality, energy.actors, energy.targets) == ("threatened", ("BLR",), ("LTU",))


def test_accusation_occurred_and_the_alleged_act_is_claimed(extract: Extract) -> None:
    found = extract("Minsk claimed that Polish helicopters violated Belarusian airspace near Hrodna.")
    assert only(found, "ACCUSATION").modality == "occurred"
    violation = only(found, "AIRSPACE_VIOLATION")
    assert (violation.modality, violation.actors, violation.targets, violation.theatre) == (
        "claimed",
        ("POL",),
        ("BLR",),
        "PL-BY",
    )


def test_a_plan_is_dated_at_its_target(extract: Extract) -> None:
    fence = only(extract("Poland plans to begin upgrading the fence in April."), "BORDER_FORTIFICATION")
    assert (fence.modality, fence.date_start, fence.date_end, fence.date_precision) == (
        "planned",
        date(2024, 4, 1),
        date(2024, 4, 30),
        "month",
    )


def test_a_plan_without_a_date_takes_the_statement_date(extract: Extract) -> None:
    fence = only(extract("Latvia intends to extend the border fence."), "BORDER_FORTIFICATION")
    assert (fence.modality, fence.date_start, fence.date_source) == (
        "planned",
        date(2024, 3, 21),
        "publication",
    )


def test_an_occurred_event_without_a_date_has_none(extract: Extract) -> None:
    closed = only(extract("Finland closed all crossing points on its border with Russia."), "BORDER_REGIME")
    assert (closed.modality, closed.date_start, closed.date_source) == ("occurred", None, "publication")


def test_cues_do_not_reach_across_a_clause_break(extract: Extract) -> None:
    found = extract("Lithuania closed two crossing points, but Latvia plans to build a new fence.")
    assert only(found, "BORDER_REGIME").modality == "occurred"
    assert only(found, "BORDER_FORTIFICATION").modality == "planned"


def test_a_cue_after_a_nominal_trigger(extract: Extract) -> None:
    assert (
        only(extract("The Zapad exercise will start in September."), "MILITARY_EXERCISE").modality
        == "planned"
    )


def test_consideration_is_hypothetical(extract: Extract) -> None:
    found = extract("Poland is considering sending more troops to the border.")
    assert only(found, "FORCE_DEPLOYMENT").modality == "hypothetical"


def test_reported_future_is_a_plan_not_a_hypothesis(extract: Extract) -> None:
    found = extract("The Defence Ministry said it would send 1,000 additional soldiers to Podlaskie.")
    assert only(found, "FORCE_DEPLOYMENT").modality == "planned"


def test_a_date_after_publication_makes_a_plan(extract: Extract) -> None:
    assert (
        only(extract("Dragon-24 drills start on 26 March 2024."), "MILITARY_EXERCISE").modality == "planned"
    )


def test_adversary_speaker_makes_a_claim_and_an_accusation(extract: Extract) -> None:
    found = extract("The State Border Committee said Polish guards pushed back over 300 refugees yesterday.")
    pressure = only(found, "MIGRATION_PRESSURE")
    assert pressure.modality == "claimed" and pressure.date_start == date(2024, 3, 20)
    accusation = only(found, "ACCUSATION")
    assert (accusation.modality, accusation.actors, accusation.targets) == ("occurred", ("BLR",), ("POL",))


def test_an_adversary_telling_its_own_acts_is_not_a_claim(extract: Extract) -> None:
    found = extract(
        "Belarus's defence ministry said it had moved special operations units to the border with Ukraine."
    )
    deployment = only(found, "FORCE_DEPLOYMENT")
    assert (deployment.modality, deployment.theatre) == ("occurred", "UA-BY")
    assert "ACCUSATION" not in {m.type for m in found}


def test_adversary_state_media_claims_what_it_reports_of_others(extract: Extract) -> None:
    found = extract(
        "Polish security forces pushed more than 800 refugees back into Belarus on Wednesday.",
        publisher="BelTA",
    )
    assert only(found, "MIGRATION_PRESSURE").modality == "claimed"
    assert only(found, "ACCUSATION").actors == ("BLR",)


def test_the_own_side_reporting_is_occurred(extract: Extract) -> None:
    found = extract("The Polish Border Guard said 120 people tried to cross the border on Tuesday.")
    assert only(found, "MIGRATION_PRESSURE").modality == "occurred"


def test_negated_events_are_dropped_but_zero_counts_kept(extract: Extract) -> None:
    assert extract("Lithuania did not close its border crossings.") == []
    zero = only(extract("No attempts to cross the border were recorded on Sunday."), "MIGRATION_PRESSURE")
    assert [q.value for q in zero.quantities] == [0]


def test_a_statement_and_what_it_reports_keep_their_dates_apart(extract: Extract) -> None:
    found = extract(
        "Minsk claimed on May 23 that Polish forces had pushed more than 800 people back in a single day.",
        published="2024-05-27",
    )
    assert only(found, "MIGRATION_PRESSURE").date_start is None  # the push-back's day is not given
    assert only(found, "ACCUSATION").date_start == date(2024, 5, 23)


def test_a_count_dated_by_a_week_is_per_week_and_a_lone_day_has_no_period(extract: Extract) -> None:
    week = only(extract("Last week, VSAT officers turned back 37 people."), "MIGRATION_PRESSURE")
    assert [(q.period, q.period_days) for q in week.quantities] == [("week", 7)]
    day = only(extract("On Monday, 22 attempts to cross the border were recorded."), "MIGRATION_PRESSURE")
    assert [(q.period, q.period_days) for q in day.quantities] == [(None, None)]


def test_an_undated_event_takes_the_date_of_the_sentences_before_it(extract: Extract) -> None:
    found = extract(
        "On Monday, 97 attempts to cross the border were recorded.\n"
        "Groups of 50 to 100 people tried to force the barrier near Czeremcha."
    )
    assert [m.date_start for m in found] == [date(2024, 3, 18), date(2024, 3, 18)]


def test_an_exercise_held_is_not_a_claim(extract: Extract) -> None:
    found = extract("On 9 March Belarus held a snap check of units in Hrodna region.", published="2024-03-21")
    assert only(found, "MILITARY_EXERCISE").modality == "occurred"


def test_a_conditional_threat_is_a_threat_and_its_object_threatened(extract: Extract) -> None:
    found = extract("Lukashenko said that if we are provoked, the gas valve can be closed.", published="2024-05-29")
    assert only(found, "THREAT_RHETORIC").modality == "occurred"
    assert only(found, "ENERGY_COERCION").modality == "threatened"


def test_a_believed_source_is_a_claim(extract: Extract) -> None:
    found = extract("The source of the GPS jamming is believed to be in Russia.", published="2024-04-29")
    assert only(found, "AVIATION_INTERFERENCE").modality == "claimed"


def test_scenario_outlooks_are_hypothetical(extract: Extract) -> None:
    found = extract("Outlook: a new snap check of Belarusian units is likely.", published="2024-07-20")
    assert only(found, "MILITARY_EXERCISE").modality == "hypothetical"
    debated = extract("Parliament debates prolonging the temporary border security law.", published="2024-06-27")
    assert only(debated, "BORDER_REGIME").modality == "hypothetical"


def test_nothing_seen_and_no_damage_are_not_events(extract: Extract) -> None:
    assert "FORCE_DEPLOYMENT" not in {
        m.type for m in extract("We have seen no movement of forces toward the Lithuanian border.", published="2024-07-12")
    }
    assert extract("Physical barrier: no damage reported.", published="2024-01-17") == []


def test_adversary_media_reporting_a_closure_make_no_claim(extract: Extract) -> None:
    found = extract("Poland closed the Bobrowniki crossing on Monday.", published="2024-06-12", publisher="TASS")
    assert only(found, "BORDER_REGIME").modality == "occurred"
    assert "ACCUSATION" not in {m.type for m in found}


def test_a_practice_of_escorting_migrants_takes_no_date_from_before(extract: Extract) -> None:
    found = extract(
        "On Monday, 97 attempts to cross the border were recorded.\n"
        "Belarusian services continue to organise and escort groups of foreigners to the border."
    )
    assert only(found, "MIGRANT_INSTRUMENTALISATION").date_start is None
