"""Run the extractor over the gold corpus and score it; check the quality floors.

The held-out split is scored here like the dev split, but it is never looked
at for tuning: read its scores, never its errors (docs/annotation.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from flankwatch.assess.datafile import packaged, read_yaml
from flankwatch.errors import DataFileError, UsageError
from flankwatch.evaluate.gold import SPLITS, GoldDoc, load_gold
from flankwatch.evaluate.score import FIELDS, Scores, score
from flankwatch.records import Document, Mention

CHOICES = (*SPLITS, "all")


class Extracts(Protocol):
    def extract(self, doc: Document) -> list[Mention]: ...


def select(gold: Sequence[GoldDoc], split: str, lang: str | None = None) -> list[GoldDoc]:
    """The gold documents of a split ('dev', 'heldout' or 'all'), optionally of one language."""
    if split not in CHOICES:
        raise UsageError(f"split {split!r} is not one of {', '.join(CHOICES)}")
    return [g for g in gold if (split == "all" or g.split == split) and (lang is None or g.language == lang)]


def run_evaluation(
    split: str = "dev",
    lang: str | None = None,
    *,
    gold: Sequence[GoldDoc] | None = None,
    extractor: Extracts | None = None,
) -> Scores:
    """Extract every document of the split with the real extractor and score it.

    `gold` and `extractor` default to the bundled corpus and
    `flankwatch.extract.Extractor()`; tests may pass their own.
    """
    chosen = select(load_gold() if gold is None else gold, split, lang)
    if extractor is None:
        # Imported here: scoring alone must not load the language pipelines.
        from flankwatch.extract import Extractor

        extractor = Extractor()
    predicted = {g.id: list(extractor.extract(g.doc)) for g in chosen}
    return score(chosen, predicted)


def evaluate_splits(lang: str | None = None, *, extractor: Extracts | None = None) -> dict[str, Scores]:
    """Dev and held-out scored separately (the default report of `flankwatch evaluate`)."""
    gold = load_gold()
    if extractor is None:
        from flankwatch.extract import Extractor

        extractor = Extractor()
    return {split: run_evaluation(split, lang, gold=gold, extractor=extractor) for split in SPLITS}


@dataclass(frozen=True, slots=True)
class Floor:
    """One quality floor: where it applies, what it measures, the minimum."""

    split: str
    metric: str  # overall_f1, f1:<TYPE>, field:<name>, lang:<code> (that language's overall F1)
    minimum: float


def load_floors(path: Path | None = None) -> list[Floor]:
    """The floors of flankwatch/data/quality-floors.yaml."""
    where = path or packaged("quality-floors.yaml")
    raw = read_yaml(where)
    floors = []
    for split in SPLITS:
        spec = raw.get(split)
        if not isinstance(spec, dict):
            raise DataFileError(str(where), f"lacks the split {split!r} (a mapping of floors)")
        floors.append(Floor(split, "overall_f1", float(spec.get("overall_f1", 0.0))))
        floors += [Floor(split, f"f1:{t}", float(v)) for t, v in (spec.get("types") or {}).items()]
        for name, v in (spec.get("fields") or {}).items():
            if name not in FIELDS:
                raise DataFileError(
                    str(where), f"{split} -> fields: {name!r} is not one of {', '.join(FIELDS)}"
                )
            floors.append(Floor(split, f"field:{name}", float(v)))
        floors += [Floor(split, f"lang:{code}", float(v)) for code, v in (spec.get("languages") or {}).items()]
    return floors


def measure(scores: Scores, metric: str) -> float:
    """The figure a floor names; a field never judged, or a type never seen, counts as 0."""
    if metric == "overall_f1":
        return scores.overall.f1
    if metric.startswith("f1:"):
        found = scores.per_type.get(metric[3:])
        return found.f1 if found else 0.0
    if metric.startswith("lang:"):
        language = scores.per_language.get(metric[5:])
        return language.overall.f1 if language else 0.0
    if metric.startswith("field:"):
        accuracy = scores.fields[metric[6:]].accuracy
        return accuracy if accuracy is not None else 0.0
    raise ValueError(f"unknown metric {metric!r}")


def below_floors(scores: dict[str, Scores], floors: Sequence[Floor]) -> list[str]:
    """One line per floor not reached, e.g. 'dev f1:STRIKE 0.412 < floor 0.45'."""
    misses = []
    for floor in floors:
        figure = measure(scores[floor.split], floor.metric)
        if figure + 1e-9 < floor.minimum:
            misses.append(f"{floor.split} {floor.metric} {figure:.3f} < floor {floor.minimum:.3f}")
    return misses


def summary_json(scores: dict[str, Any]) -> dict[str, Any]:
    return {split: s.to_json() for split, s in scores.items()}
