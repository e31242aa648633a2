"""Helpers for the perception tests: analyse texts written for the tests, and a small corpus of them.

(A module with a unique name, imported by the tests; fixtures stay in conftest.py.)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from flankwatch.perception.document import DocumentAnalysis, FormIndex, analyse_document
from flankwatch.perception.lexicon import load_targets, resolve_targets
from flankwatch.perception.metadata import DocMeta
from flankwatch.perception.records import PerceptionSettings, TargetMention

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "official-docs"


def analyse_text(
    text: str, language: str, targets: Sequence[str] = ("belarus", "russia"), *, encoding: str = "utf-8"
) -> DocumentAnalysis:
    """Run the real per-document path on our own text, with its language given (as a sidecar would)."""
    catalogue = load_targets()
    meta = DocMeta("test_2020_Text.txt", "test_2020_Text.txt", "test", 2020, "Text", "other", True, language)
    return analyse_document(
        meta,
        text.encode(encoding),
        FormIndex(catalogue),
        resolve_targets(tuple(targets), catalogue),
        PerceptionSettings(),
    )


def hits(text: str, language: str, target: str, category: str | None = None) -> list[str]:
    """The matched strings of one target (optionally one category), in order."""
    found: list[TargetMention] = list(analyse_text(text, language, (target,)).mentions)
    return [m.text for m in found if category is None or m.category == category]


# Neutral words (no target, no topic cue), drawn at random so that texts are not periodic.
EN = [
    "the",
    "quiet",
    "committee",
    "reviewed",
    "annual",
    "plan",
    "and",
    "prepared",
    "report",
    "for",
    "next",
    "session",
    "with",
    "great",
    "care",
    "while",
    "members",
    "agreed",
]
LV = [
    "komiteja",
    "izskatīja",
    "gada",
    "plānu",
    "un",
    "sagatavoja",
    "ziņojumu",
    "par",
    "nākamo",
    "sesiju",
    "ar",
    "lielu",
    "rūpību",
    "kamēr",
    "locekļi",
    "piekrita",
]
LT = [
    "komitetas",
    "peržiūrėjo",
    "metinį",
    "planą",
    "ir",
    "parengė",
    "ataskaitą",
    "apie",
    "kitą",
    "sesiją",
    "su",
    "dideliu",
    "rūpestingumu",
    "kol",
    "nariai",
    "sutiko",
]


def body(mention: str, count: int, vocabulary: list[str], words: int, seed: int = 1) -> str:
    """`count` mentions among `words` words in all."""
    chance = random.Random(seed)
    return " ".join([mention] * count + [chance.choice(vocabulary) for _ in range(words - count)])


def build_corpus(folder: Path) -> Path:
    files = {
        "lithuania_2008_NationalSecurityStrategy.txt": body("", 0, EN, 700, seed=1),
        "lithuania_2010_NationalSecurityStrategy.txt": body("Belarus", 2, EN, 996, seed=2),
        "lithuania_2016_WhitePaper.txt": body("Belarus", 3, EN, 997, seed=3) + " Belarusian",  # 998 words
        "lithuania_2021_NationalThreatAssessment.txt": body("Belarus", 40, EN, 2000, seed=4),
        "lithuania_2021_ThreatAssessmentCopy.txt": body(
            "Belarus", 40, EN, 2000, seed=4
        ),  # the same text again
        "latvia_2020_NationalSecurityConcept.txt": body("Belarus", 1, EN, 700, seed=5),
        "latvia_2020_NationalSecurityConcept_noneng.txt": body("Baltkrievija", 2, LV, 700, seed=6),
        "notes.txt": "no country, no year",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    # An original in a legacy code page.
    (folder / "lithuania_2022_DefenceReview_noneng.txt").write_bytes(
        body("Baltarusija", 5, LT, 999, seed=7).encode("cp1257")
    )
    return folder
