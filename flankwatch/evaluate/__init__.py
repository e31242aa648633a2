"""Quality measured, not asserted: the gold corpus, the scorer, the quality floors.

Public surface: `score(gold, predicted) -> Scores`, `load_gold()`,
`run_evaluation(split, lang) -> Scores`, `evaluate_splits(lang)`, and the
floors (`load_floors`, `below_floors`).
"""

from flankwatch.evaluate.gold import SPLITS, GoldDoc, GoldEvent, load_gold, sample_root
from flankwatch.evaluate.run import (
    CHOICES,
    Floor,
    below_floors,
    evaluate_splits,
    load_floors,
    measure,
    run_evaluation,
    select,
    summary_json,
)
from flankwatch.evaluate.score import FIELDS, PRF, SCORER_VERSION, FieldAccuracy, Scores, match, score

__all__ = [
    "CHOICES",
    "FIELDS",
    "PRF",
    "SCORER_VERSION",
    "SPLITS",
    "FieldAccuracy",
    "Floor",
    "GoldDoc",
    "GoldEvent",
    "Scores",
    "below_floors",
    "evaluate_splits",
    "load_floors",
    "load_gold",
    "match",
    "measure",
    "run_evaluation",
    "sample_root",
    "score",
    "select",
    "summary_json",
]
