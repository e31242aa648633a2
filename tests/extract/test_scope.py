"""Modality cues scoped to the clause they govern."""

from __future__ import annotations

from collections.abc import Callable

from conftest import one

from flankwatch.records import Mention

Extract = Callable[..., list[Mention]]


def test_a_threat_after_a_plan_does_not_make_the_plan_threatened(extract: Extract) -> None:
    found = extract(
        "Lithuania said it plans to close two more crossings, and Minsk warned it would cut transit."
    )
    assert one(found, "BORDER_REGIME").modality == "planned"
    assert one(found, "ENERGY_COERCION").modality == "threatened"
    assert one(found, "THREAT_RHETORIC").modality == "occurred"


def test_what_a_threat_goes_on_to_say_stays_threatened(extract: Extract) -> None:
    found = extract("Lukashenko warned that Belarus would cut gas transit to Lithuania.")
    assert one(found, "ENERGY_COERCION").modality == "threatened"


def test_a_question_about_a_plan_states_no_plan(extract: Extract) -> None:
    found = extract("Q: Will Poland close the crossing at Bobrowniki?\nA: No decision has been taken yet.")
    assert not [m for m in found if m.type == "BORDER_REGIME"]
