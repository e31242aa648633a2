"""Language data and spaCy pipelines: tokenisation and sentences, nothing domain-specific."""

from flankwatch.nlp import morphology
from flankwatch.nlp.languages import LanguageSpec, default_data_root, load_languages, read_yaml
from flankwatch.nlp.pipeline import pipeline_for, sentence_bounds, split_sentences, tokenizer_for

__all__ = [
    "LanguageSpec",
    "default_data_root",
    "load_languages",
    "morphology",
    "pipeline_for",
    "read_yaml",
    "sentence_bounds",
    "split_sentences",
    "tokenizer_for",
]
