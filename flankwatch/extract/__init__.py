"""Extraction: documents in, typed, dated, counted and placed event mentions out.

Knowledge is data (lexicons per language, gazetteer, actors, theatre rules);
this package holds the grammar that reads it.
"""

from flankwatch.extract.api import parse_dates, parse_quantities
from flankwatch.extract.dates import DateExpr
from flankwatch.extract.extractor import Extractor
from flankwatch.extract.quantities import QuantityExpr

VERSION = Extractor.VERSION

__all__ = ["VERSION", "DateExpr", "Extractor", "QuantityExpr", "parse_dates", "parse_quantities"]
