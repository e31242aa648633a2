"""Which of the region's languages a document is written in.

lingua, restricted to the nine languages the target files cover and in its
low-accuracy mode (fast, and plenty for whole pages), votes on evenly spaced
samples of the text. The majority is the document's language; any other
language that wins at least a quarter of the samples is kept as a secondary
language, because bilingual editions (Polish/English white papers) are common
and the forms of both must be matched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from flankwatch.perception.lexicon import LANGUAGES

SAMPLES = 12
SAMPLE_CHARS = 1500
SECONDARY_SHARE = 0.25

_LINGUA = {
    "en": Language.ENGLISH,
    "ru": Language.RUSSIAN,
    "be": Language.BELARUSIAN,
    "uk": Language.UKRAINIAN,
    "pl": Language.POLISH,
    "lt": Language.LITHUANIAN,
    "lv": Language.LATVIAN,
    "et": Language.ESTONIAN,
    "fi": Language.FINNISH,
}
_CODES = {language: code for code, language in _LINGUA.items()}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    main: str | None  # None when no sample was recognised
    secondary: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*(_LINGUA[code] for code in LANGUAGES))
        .with_low_accuracy_mode()
        .build()
    )


def _samples(text: str) -> list[str]:
    if len(text) <= SAMPLE_CHARS * 2:
        return [text]
    step = (len(text) - SAMPLE_CHARS) / (SAMPLES - 1)
    return [text[int(i * step) : int(i * step) + SAMPLE_CHARS] for i in range(SAMPLES)]


def detect_languages(text: str) -> LanguageGuess:
    """The main language of `text` and the secondary ones (ISO 639-1 codes)."""
    votes: Counter[str] = Counter()
    for sample in _samples(text):
        found = _detector().detect_language_of(sample)
        if found is not None:
            votes[_CODES[found]] += 1
    if not votes:
        return LanguageGuess(None)
    ranked = votes.most_common()
    total = sum(votes.values())
    secondary = tuple(sorted(code for code, n in ranked[1:] if n / total >= SECONDARY_SHARE))
    return LanguageGuess(ranked[0][0], secondary)
