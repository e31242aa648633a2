"""The target files and topic lexicons as data: complete, validated, readable errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from flankwatch.errors import DataFileError, UsageError
from flankwatch.perception.lexicon import (
    LANGUAGES,
    compile_form,
    load_paradigms,
    load_targets,
    resolve_targets,
)
from flankwatch.perception.topics import topic_index, topic_patterns

REQUIRED = ("belarus", "russia", "nato", "china", "ukraine")


@pytest.mark.parametrize("target", REQUIRED)
def test_every_packaged_target_has_names_in_all_nine_languages(target: str) -> None:
    found = load_targets()[target]
    named = {p.language for p in found.patterns if p.category == "names"}
    assert named == set(LANGUAGES)


def test_paradigms_expand_and_keep_endings_yaml_would_read_as_booleans() -> None:
    paradigms = load_paradigms()
    assert "on" in paradigms["fi_o"] and "onkin" in paradigms["fi_o"]  # Nato-on: YAML reads bare `on` as True
    assert "on" in paradigms["lt_a"]
    assert set(paradigms["lv_ija"]) == {"ija", "ijas", "ijai", "iju", "ijā"}


def test_alias_and_label_resolve_and_unknown_lists_the_known() -> None:
    known = load_targets()
    assert [t.id for t in resolve_targets(["BLR", "Russia", "nato", "belarus"], known)] == [
        "belarus",
        "russia",
        "nato",
    ]
    with pytest.raises(
        UsageError, match=r"unknown target 'narnia' \(known: belarus, china, nato, russia, ukraine"
    ):
        resolve_targets(["narnia"], known)


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("Baltarus<lt_xx>", "unknown paradigm 'lt_xx'"),
        ("~беларусь<ru_a>", "a ~lemma takes no paradigm"),
        ("migra*", "a prefix (stem*) is allowed in topic cues only"),
        ("Zapad2021", "is not a word"),
    ],
)
def test_malformed_forms_are_named(spec: str, problem: str) -> None:
    with pytest.raises(DataFileError, match="belarus.yaml") as caught:
        compile_form(spec, "lt", "belarus.yaml")
    assert problem in str(caught.value) and spec in str(caught.value)


def test_user_target_files_add_targets_and_shared_forms_are_refused(tmp_path: Path) -> None:
    (tmp_path / "moldova.yaml").write_text(
        "id: moldova\nlabel: Moldova\nlanguages:\n  en: {names: [Moldova], adjectives: [Moldovan]}\n",
        encoding="utf-8",
    )
    assert "moldova" in load_targets(tmp_path)
    (tmp_path / "belarus2.yaml").write_text(
        "id: belarus2\nlabel: Belarus again\nlanguages:\n  en: {names: [Belarus]}\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="'Belarus' is also a form of belarus"):
        load_targets(tmp_path)


def test_a_target_file_with_an_unknown_language_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("id: x\nlabel: X\nlanguages:\n  de: {names: [X]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"x\.yaml: languages -> 'de': not a known language"):
        load_targets(tmp_path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_cues_for_every_topic(language: str) -> None:
    topics = {p.label for p in topic_patterns(language)}
    assert topics == set(topic_index().ids) - {"other"}
