"""Language identification with lingua, restricted to the languages the project reads.

Low-accuracy mode is plenty for whole documents and loads in milliseconds.
A language a container declares (a corpus field, front matter, a feed) wins.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from flankwatch.errors import InputError

LANGUAGES = ("en", "ru", "pl", "lt", "lv", "uk", "be", "et")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built on first use (not on import) and kept: building it is the costly part.
    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


def language_of(text: str, origin: str, declared: str = "") -> str:
    """ISO 639-1 code of `text`: the declared one when given, else lingua's answer.

    Raises InputError when a declared code is malformed or the text has no words to judge.
    """
    if declared.strip():
        return _declared(declared, origin)
    found = _detector().detect_language_of(text[:20000])
    if found is None:
        raise InputError(origin, "no words to identify a language from (declare it with a 'language' field)")
    return found.iso_code_639_1.name.lower()


def _declared(declared: str, origin: str) -> str:
    # "en-GB", "ru_RU", "PL" all name a language by their first two letters.
    code = declared.strip().replace("_", "-").split("-")[0].lower()
    if len(code) != 2 or not code.isalpha():
        raise InputError(origin, f"declared language {declared!r} is not an ISO 639-1 code such as en or ru")
    return code
