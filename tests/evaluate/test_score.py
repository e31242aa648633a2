"""The scorer on hand-made gold and predictions whose right answers are known."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from gold_records import gold, gold_doc, people, predicted

from flankwatch.evaluate import match, score
from flankwatch.records import Evidence

DAY = date(2024, 3, 19)


def test_precision_recall_and_f1_overall_and_per_type() -> None:
    docs = [
        gold_doc("a", [gold("MIGRATION_PRESSURE", 0), gold("MILITARY_EXERCISE", 1), gold("ACCUSATION", 2)]),
        gold_doc("b", [gold("BORDER_REGIME", 3)]),
    ]
    preds = {
        "a": [
            predicted("a", "MIGRATION_PRESSURE", 0),
            predicted("a", "MILITARY_EXERCISE", 1),
            predicted("a", "STRIKE", 2),
        ],  # wrong type: a false positive and a miss
        "b": [],
    }
    scores = score(docs, preds)
    assert (scores.overall.precision, scores.overall.recall) == (2 / 3, 2 / 4)
    assert scores.overall.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert scores.per_type["MIGRATION_PRESSURE"].f1 == 1.0
    assert (scores.per_type["STRIKE"].precision, scores.per_type["STRIKE"].gold) == (0.0, 0)
    assert (scores.per_type["ACCUSATION"].recall, scores.per_type["BORDER_REGIME"].recall) == (0.0, 0.0)
    assert scores.documents == 2


def test_an_alternative_type_matches_and_counts_for_both_types() -> None:
    docs = [gold_doc("a", [gold("MIGRATION_PRESSURE", 0, alternatives=("MIGRANT_INSTRUMENTALISATION",))])]
    scores = score(docs, {"a": [predicted("a", "MIGRANT_INSTRUMENTALISATION", 0)]})
    assert scores.overall.f1 == 1.0
    assert scores.per_type["MIGRATION_PRESSURE"].recall == 1.0
    assert scores.per_type["MIGRANT_INSTRUMENTALISATION"].precision == 1.0


def test_evidence_must_overlap() -> None:
    docs = [gold_doc("a", [gold("MIGRATION_PRESSURE", 0)])]
    scores = score(docs, {"a": [predicted("a", "MIGRATION_PRESSURE", 1)]})
    assert (scores.overall.matched_gold, scores.overall.predicted) == (0, 1)


def test_matching_is_one_to_one() -> None:
    docs = [gold_doc("a", [gold("MIGRATION_PRESSURE", 0)])]
    twice = [
        predicted("a", "MIGRATION_PRESSURE", 0),
        predicted("a", "MIGRATION_PRESSURE", 0, theatre="PL-BY"),
    ]
    scores = score(docs, {"a": twice})
    assert (scores.overall.precision, scores.overall.recall) == (0.5, 1.0)


def test_greedy_pairs_exact_type_first_then_the_larger_overlap_then_agreeing_fields() -> None:
    events = [
        gold("MIGRATION_PRESSURE", 0, alternatives=("MIGRANT_INSTRUMENTALISATION",)),
        gold("MIGRANT_INSTRUMENTALISATION", 0),
    ]
    preds = [predicted("a", "MIGRANT_INSTRUMENTALISATION", 0), predicted("a", "MIGRATION_PRESSURE", 0)]
    assert match(events, preds) == [(0, 1), (1, 0)]
    clause = replace(preds[1], evidence=Evidence(3, 10, "Tuesday"))
    assert match([gold("MIGRATION_PRESSURE", 0)], [clause, preds[1]]) == [(0, 1)]
    two = [gold("MIGRATION_PRESSURE", 0, theatre="LT-BY"), gold("MIGRATION_PRESSURE", 0, theatre="PL-BY")]
    guesses = [
        predicted("a", "MIGRATION_PRESSURE", 0, theatre="PL-BY"),
        predicted("a", "MIGRATION_PRESSURE", 0, theatre="LT-BY"),
    ]
    assert match(two, guesses) == [(0, 1), (1, 0)]


def test_field_accuracy_on_matched_pairs() -> None:
    docs = [
        gold_doc(
            "a",
            [
                gold(
                    "MIGRATION_PRESSURE",
                    0,
                    date_start=DAY,
                    date_end=DAY,
                    quantities=people(97),
                    theatre="PL-BY",
                    modality="occurred",
                ),
                gold("MILITARY_EXERCISE", 1, date_start=DAY, date_end=DAY, theatre="BY"),
            ],
        )
    ]
    preds = {
        "a": [
            predicted("a", "MIGRATION_PRESSURE", 0, date_start=DAY, quantities=people(97), theatre="PL-BY"),
            predicted(
                "a",
                "MILITARY_EXERCISE",
                1,
                date_start=DAY,
                date_end=date(2024, 3, 20),
                quantities=people(3000),
                theatre="BY",
                modality="planned",
            ),
        ]
    }
    fields = score(docs, preds).fields
    assert (fields["dates"].correct, fields["dates"].total) == (1, 2)  # a missing end is a one-day event
    assert fields["quantities"].accuracy == 0.5
    assert fields["modality"].accuracy == 0.5
    assert fields["theatre"].accuracy == 1.0


def test_quantities_compare_as_sets_of_their_five_fields() -> None:
    both = people(97) + people(40)
    docs = [gold_doc("a", [gold("MIGRATION_PRESSURE", 0, quantities=both)])]
    same = score(docs, {"a": [predicted("a", "MIGRATION_PRESSURE", 0, quantities=tuple(reversed(both)))]})
    other = replace(both[0], qualifier="about")
    differs = score(docs, {"a": [predicted("a", "MIGRATION_PRESSURE", 0, quantities=(other, both[1]))]})
    assert (same.fields["quantities"].accuracy, differs.fields["quantities"].accuracy) == (1.0, 0.0)


def test_scores_per_language_and_nothing_to_judge() -> None:
    docs = [
        gold_doc("en1", [gold("MIGRATION_PRESSURE", 0)]),
        gold_doc("ru1", [gold("STRIKE", 1)], language="ru"),
    ]
    scores = score(
        docs, {"en1": [predicted("en1", "MIGRATION_PRESSURE", 0)], "elsewhere": [predicted("x", "STRIKE", 1)]}
    )
    assert scores.per_language["en"].overall.f1 == 1.0
    assert scores.per_language["ru"].overall.recall == 0.0
    assert scores.per_language["ru"].fields["dates"].accuracy is None
    assert scores.overall.predicted == 1  # predictions for documents outside the gold are ignored
    assert scores.to_json()["per_language"]["en"]["overall"]["f1"] == 1.0


def test_empty_input_scores_zero_without_dividing_by_zero() -> None:
    scores = score([], {})
    assert (scores.overall.precision, scores.overall.recall, scores.overall.f1) == (0.0, 0.0, 0.0)


def test_a_language_floor_reads_that_languages_overall_f1(tmp_path) -> None:
    from flankwatch.evaluate import below_floors, load_floors

    scores = score(
        [gold_doc("en1", [gold("STRIKE", 0)]), gold_doc("ru1", [gold("STRIKE", 1)], language="ru")],
        {"en1": [predicted("en1", "STRIKE", 0)]},
    )
    floors_file = tmp_path / "floors.yaml"
    floors_file.write_text("dev:\n  languages:\n    en: 0.9\n    ru: 0.5\nheldout: {}\n")
    misses = below_floors({"dev": scores, "heldout": scores}, load_floors(floors_file))
    assert misses == ["dev lang:ru 0.000 < floor 0.500"]
