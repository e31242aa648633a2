"""Score predicted mentions against gold events (scorer v1).

Matching, per document: a prediction and a gold event may match when the
type is the gold type or one of its `alternatives`, and their evidence spans
overlap. Pairs are taken greedily, one-to-one: exact type first, then larger
overlap, then more agreeing fields, then document order — so the result is
deterministic.

On matched pairs the scorer checks four fields exactly: dates (start and end;
a missing end means a one-day event), quantities (the set of value,
value_max, unit, qualifier, period), modality and theatre.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flankwatch.evaluate.gold import GoldDoc, GoldEvent
from flankwatch.records import Mention, Quantity

SCORER_VERSION = "v1"
FIELDS = ("dates", "quantities", "modality", "theatre")


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts for precision (matched / predicted) and recall (matched / gold)."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched_gold,
        }


@dataclass(frozen=True, slots=True)
class FieldAccuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """None when no pair was matched: nothing to judge."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Scores:
    """Overall, per-type and per-language scores, and field accuracy on matched pairs."""

    documents: int
    overall: PRF
    per_type: dict[str, PRF]
    fields: dict[str, FieldAccuracy]
    per_language: dict[str, Scores] = field(default_factory=dict)
    scorer: str = SCORER_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "scorer": self.scorer,
            "documents": self.documents,
            "overall": self.overall.to_json(),
            "per_type": {t: s.to_json() for t, s in sorted(self.per_type.items())},
            "fields": {
                f: {
                    "accuracy": None if a.accuracy is None else round(a.accuracy, 4),
                    "correct": a.correct,
                    "total": a.total,
                }
                for f, a in self.fields.items()
            },
            "per_language": {lang: s.to_json() for lang, s in sorted(self.per_language.items())},
        }


def score(gold: Sequence[GoldDoc], predicted: Mapping[str, Sequence[Mention]]) -> Scores:
    """Scores of the predictions (by document id) against the gold documents.

    Predictions for documents outside `gold` are ignored.
    """
    languages: dict[str, list[GoldDoc]] = defaultdict(list)
    for doc in gold:
        languages[doc.language].append(doc)
    per_language = {lang: _tally(docs, predicted) for lang, docs in sorted(languages.items())}
    whole = _tally(gold, predicted)
    return Scores(whole.documents, whole.overall, whole.per_type, whole.fields, per_language)


def _tally(gold: Sequence[GoldDoc], predicted: Mapping[str, Sequence[Mention]]) -> Scores:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # matched_pred, pred, matched_gold, gold
    fields = {name: [0, 0] for name in FIELDS}
    for doc in gold:
        preds = list(predicted.get(doc.id, ()))
        pairs = match(doc.events, preds)
        for m in preds:
            counts[m.type][1] += 1
        for g in doc.events:
            counts[g.type][3] += 1
        for gi, pi in pairs:
            counts[preds[pi].type][0] += 1
            counts[doc.events[gi].type][2] += 1
            for name, ok in field_agreement(doc.events[gi], preds[pi]).items():
                fields[name][0] += int(ok)
                fields[name][1] += 1
    per_type = {t: PRF(*c) for t, c in sorted(counts.items())}
    overall = PRF(*(sum(c[i] for c in counts.values()) for i in range(4)))
    return Scores(len(gold), overall, per_type, {n: FieldAccuracy(*v) for n, v in fields.items()})


def match(gold: Sequence[GoldEvent], predicted: Sequence[Mention]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs (gold index, prediction index)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, m in enumerate(predicted):
            if m.type != g.type and m.type not in g.alternatives:
                continue
            overlap = min(g.evidence.end, m.evidence.end) - max(g.evidence.start, m.evidence.start)
            if overlap <= 0:
                continue
            agreeing = sum(field_agreement(g, m).values())
            candidates.append(((m.type != g.type, -overlap, -agreeing, gi, pi), gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return sorted(pairs)


def field_agreement(g: GoldEvent, m: Mention) -> dict[str, bool]:
    return {
        "dates": _dates(g.date_start, g.date_end) == _dates(m.date_start, m.date_end),
        "quantities": _quantities(g.quantities) == _quantities(m.quantities),
        "modality": g.modality == m.modality,
        "theatre": g.theatre == m.theatre,
    }


def _dates(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    return (start, end or start)


def _quantities(
    quantities: Sequence[Quantity],
) -> frozenset[tuple[float, float | None, str, str, str | None]]:
    return frozenset(
        (
            round(float(q.value), 6),
            None if q.value_max is None else round(float(q.value_max), 6),
            q.unit,
            q.qualifier or "exact",
            q.period,
        )
        for q in quantities
    )
