"""The whole analysis on a small corpus written for this test: set-aside rules, pooled
rates, first appearances, growth factors and topics, checked against hand-computed values."""

from __future__ import annotations

from pathlib import Path

import pytest
from perception_texts import build_corpus

from flankwatch.errors import UsageError
from flankwatch.perception import PerceptionResult, PerceptionSettings, analyse
from flankwatch.perception.aggregate import periods


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> PerceptionResult:
    return analyse(build_corpus(tmp_path_factory.mktemp("corpus")), ["belarus", "russia"])


def test_every_file_is_read_or_rejected_with_a_reason(result: PerceptionResult) -> None:
    assert len(result.documents) == 8
    assert [r.origin.rsplit("/", 1)[-1] for r in result.rejections] == ["notes.txt"]
    legacy = result.document("lithuania_2022_DefenceReview_noneng.txt")
    assert legacy.encoding == "cp1257" and legacy.language == "lt"
    assert any("not valid UTF-8" in w for w in legacy.warnings)


def test_words_and_counts_per_document(result: PerceptionResult) -> None:
    assert result.document("lithuania_2010_NationalSecurityStrategy.txt").words == 996
    white = result.count("lithuania_2016_WhitePaper.txt", "belarus")
    assert (white.words, white.names, white.adjectives, white.mentions_all) == (998, 3, 1, 4)
    assert result.count("lithuania_2022_DefenceReview_noneng.txt", "belarus").names == 5
    assert all(c.names == 0 for c in result.counts if c.target == "russia")


def test_copies_and_translations_are_set_aside_once(result: PerceptionResult) -> None:
    copy = result.document("lithuania_2021_ThreatAssessmentCopy.txt")
    assert copy.duplicate_of == "lithuania_2021_NationalThreatAssessment.txt" and "same text" in (
        copy.set_aside or ""
    )
    translation = result.document("latvia_2020_NationalSecurityConcept.txt")
    assert translation.duplicate_of == "latvia_2020_NationalSecurityConcept_noneng.txt"
    assert sum(not d.counted for d in result.documents) == 2


def test_prefer_translation_keeps_the_english_version(tmp_path: Path) -> None:
    found = analyse(build_corpus(tmp_path), ["belarus"], settings=PerceptionSettings(prefer="translation"))
    assert found.document("latvia_2020_NationalSecurityConcept_noneng.txt").counted is False
    assert found.document("latvia_2020_NationalSecurityConcept.txt").counted is True


def test_groups_pool_counted_documents(result: PerceptionResult) -> None:
    lithuania_2021 = [
        g for g in result.groups if (g.country, g.year, g.target) == ("lithuania", 2021, "belarus")
    ]
    assert len(lithuania_2021) == 1 and (lithuania_2021[0].docs, lithuania_2021[0].mentions) == (1, 40)
    assert lithuania_2021[0].to_json()["rate_per_10k"] == 200.0


def test_first_appearance(result: PerceptionResult) -> None:
    first = {(f.country, f.target): f for f in result.first}
    lithuania = first[("lithuania", "belarus")]
    assert (lithuania.first_year, lithuania.first_doc) == (
        2010,
        "lithuania_2010_NationalSecurityStrategy.txt",
    )
    assert (lithuania.corpus_from, lithuania.corpus_to, lithuania.docs) == (2008, 2022, 5)
    assert first[("lithuania", "russia")].first_year is None


def test_growth_factors_between_periods(result: PerceptionResult) -> None:
    growth = {
        (g.period_from, g.period_to): g
        for g in result.growth
        if (g.country, g.target) == ("lithuania", "belarus")
    }
    # before 2014: 2 names / (700 + 996) words; 2014-2019: 3 / 998; 2020 on: (40 + 5) / (2000 + 999),
    # the copy of the 2021 assessment being set aside
    before, middle, after = 2 / 1696, 3 / 998, 45 / 2999
    assert growth[("before 2014", "2014–2019")].factor == round(middle / before, 2)
    assert growth[("2014–2019", "2020 on")].factor == round(after / middle, 2)
    assert growth[("before 2014", "2020 on")].factor == round(after / before, 2)
    assert growth[("2014–2019", "2020 on")].rate_to == round(10_000 * after, 3)
    assert all(g.factor is None for g in result.growth if g.target == "russia")


def test_topics_count_every_mention_of_counted_documents(result: PerceptionResult) -> None:
    lithuania = sum(t.mentions for t in result.topics if t.country == "lithuania" and t.target == "belarus")
    assert lithuania == 2 + 4 + 40 + 5
    assert {t.topic for t in result.topics} == {"other"}


def test_periods_from_breakpoints() -> None:
    assert [p.label for p in periods((2020, 2014))] == ["before 2014", "2014–2019", "2020 on"]
    assert [p.label for p in periods((2014, 2015))] == ["before 2014", "2014", "2015 on"]


def test_bad_settings_and_sources_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="prefer"):
        analyse(tmp_path, ["belarus"], settings=PerceptionSettings(prefer="newest"))
    with pytest.raises(UsageError, match="no such file or folder"):
        analyse(tmp_path / "missing", ["belarus"])
