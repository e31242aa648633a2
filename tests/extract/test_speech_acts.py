"""The speech-act rule on adversary state media and speakers, and in tables (annotation.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conftest import one

from flankwatch.records import Mention

Extract = Callable[..., list[Mention]]


def test_state_media_naming_the_other_sides_guards_makes_a_claim_and_an_accusation(extract: Extract) -> None:
    text = (
        "MINSK, 2 April (BelTA) – Polish border guards forced 120 refugees back into Belarus near Bruzgi "
        "on Monday, the State Border Committee said."
    )
    found = extract(text, "2024-04-02", publisher="BelTA")
    pushed = one(found, "MIGRATION_PRESSURE")
    assert pushed.modality == "claimed"
    accusation = one(found, "ACCUSATION", "occurred")
    assert (accusation.actors, accusation.targets) == (("BLR",), ("POL",))
    assert accusation.date_start == date(2024, 4, 1)


def test_a_border_pair_only_places_and_accuses_no_one(extract: Extract) -> None:
    found = extract(
        "On the Belarusian-Ukrainian border, 15 violators were detained on Monday.",
        "2024-04-02",
        publisher="BelTA",
    )
    assert one(found, "MIGRATION_PRESSURE").modality == "occurred"
    assert not [m for m in found if m.type == "ACCUSATION"]


def test_rows_of_a_state_media_table_are_claimed_without_an_accusation_each(extract: Extract) -> None:
    text = (
        "Refugees pushed back by Polish border guards, by day:\n"
        "Date | Pushed back | Section\n"
        "25 March | 74 | Bruzgi\n"
        "27 March | 118 | Brest\n"
    )
    found = extract(text, "2024-04-02", publisher="BelTA")
    rows = [m for m in found if m.evidence.text[:2] in ("25", "27")]
    assert [(m.type, m.modality) for m in rows] == [("MIGRATION_PRESSURE", "claimed")] * 2
    assert not [m for m in rows if m.type == "ACCUSATION"]


def test_the_same_table_from_the_border_guard_itself_is_occurred(extract: Extract) -> None:
    text = "Attempts to cross the border from Belarus, by day:\nDate | Attempts | Section\n25 March | 74 | Kuźnica\n"
    found = extract(text, "2024-04-02", publisher="Polish Border Guard")
    assert one(found, "MIGRATION_PRESSURE").modality == "occurred"


def test_a_claim_in_its_own_clause_is_not_the_threat_of_the_clause_before(extract: Extract) -> None:
    text = (
        "On Tuesday Lukashenko warned that Belarus would respond with all means to NATO activity, and on the same "
        "day he claimed that two Polish helicopters had entered Belarusian airspace near Hrodna."
    )
    found = extract(text, "2024-04-04")
    assert one(found, "THREAT_RHETORIC").modality == "occurred"
    assert one(found, "AIRSPACE_VIOLATION").modality == "claimed"
