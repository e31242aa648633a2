"""`flankwatch bench`: extraction speed and memory against a bare tokenizer, on a generated corpus."""

from flankwatch.bench.corpus import GENRE_NAMES, generate, make_document, template_languages
from flankwatch.bench.measure import BenchOptions, BenchResult, Pass, machine, run_bench

__all__ = [
    "GENRE_NAMES",
    "BenchOptions",
    "BenchResult",
    "Pass",
    "generate",
    "machine",
    "make_document",
    "run_bench",
    "template_languages",
]
