"""Inflected forms reduce to one match key: pymorphy3 lemmas (ru, uk) or stripped endings (stem)."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from flankwatch.errors import DataFileError
from flankwatch.nlp import load_languages, pipeline_for
from flankwatch.nlp.morphology import Normalise, normaliser_for, read_morphology


def test_russian_forms_share_a_lemma() -> None:
    lemma = normaliser_for("ru", "lemma", (), 3)
    assert lemma("учения") == lemma("учений") == lemma("учениями")
    assert lemma("границе") == lemma("граница")


def test_stem_strips_the_longest_ending_but_keeps_a_minimum_stem() -> None:
    stem = normaliser_for("pl", "stem", ("i", "ią", "iach"), 4)
    assert stem("białorusi") == stem("białorusią") == "białorus"
    assert stem("osi") == "osi"  # stripping would leave fewer than 4 letters


def test_a_pipeline_with_morphology_sets_norm_on_words_only() -> None:
    spec = replace(load_languages()["ru"], match_attr="NORM", morphology="lemma")
    doc = pipeline_for(spec)("Учения прошли, 300 военных.")
    assert [t.norm_ for t in doc][0] == "учение"
    assert doc[3].norm_ == "300"
    component = pipeline_for(spec).get_pipe("flankwatch_morphology")
    assert isinstance(pickle.loads(pickle.dumps(component)), Normalise)


def test_bad_morphology_data_is_a_readable_error() -> None:
    with pytest.raises(DataFileError, match="min_stem"):
        read_morphology({"suffixes": ["a"], "min_stem": 0}, "lexicons/pl/morphology.yaml")
    with pytest.raises(DataFileError, match="only ru, uk"):
        normaliser_for("pl", "lemma", (), 3)
