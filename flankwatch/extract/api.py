"""The date and quantity parsers on their own, for any text (used by tests, reports, the CLI)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from flankwatch.extract.dategrammar import DateGrammar
from flankwatch.extract.dates import DateExpr, find_dates
from flankwatch.extract.quantities import QuantityExpr, QuantityGrammar
from flankwatch.extract.wordlists import load_date_words, load_number_words, load_quantity_words
from flankwatch.nlp import default_data_root, load_languages
from flankwatch.ontology import load_ontology


@lru_cache(maxsize=16)
def date_grammar(language: str) -> DateGrammar:
    return DateGrammar(load_date_words(default_data_root(), language))


@lru_cache(maxsize=16)
def quantity_grammar(language: str) -> QuantityGrammar:
    root = default_data_root()
    return QuantityGrammar(
        load_quantity_words(root, language, load_ontology().units), load_number_words(root, language)
    )


def parse_dates(
    text: str, published: date | None, language: str = "en", use_dateparser: bool = True
) -> list[DateExpr]:
    """Date expressions of `text` resolved against `published`, in text order.

    Every result has 1900-01-01 <= start <= end <= 2100-12-31 and a precision of
    day, week, month, quarter or year. Relative expressions need `published`.
    """
    hint = load_languages()[language].dateparser if use_dateparser else None
    return find_dates(text, published, date_grammar(language), hint)


def parse_quantities(text: str, language: str = "en", published: date | None = None) -> list[QuantityExpr]:
    """Quantities of `text` (dates found first so that years and days are not counted).

    Every result has a finite value >= 0, value_max > value when set, a unit of the
    ontology or None (a bare number), a known qualifier, and a period of the
    ontology or None with period_days >= 1 when set.
    """
    dates = find_dates(text, published, date_grammar(language), None)
    return quantity_grammar(language).find(text, dates)
