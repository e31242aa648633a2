"""The shared corpus of 118 real official documents (read in place, never copied).

Counts are checked against an independent method written here: a plain regular
expression over the raw file with an explicit list of forms, per language, for a
few documents of each language in the corpus. The analysis under test shares no
code with it (no tokenizer, no target files, no lemmas).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flankwatch.perception import PerceptionResult, analyse


def count(pattern: str, text: str) -> int:
    """Whole-word, case-insensitive occurrences: no letter may touch either end."""
    return len(re.findall(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", text, flags=re.IGNORECASE))


# Names only. Multi-word names come first so that the regex, like the analysis, counts them once.
EN_BELARUS = r"(?:Belarusian|Byelorussian|Belorussian)\s+SSR|Republic\s+of\s+Belarus|Belarus|Byelorussia|Belorussia|White\s+Russia"
EN_RUSSIA = r"Russian\s+Federation|(?<!White\s)Russia"
EN_NATO = r"North\s+Atlantic\s+Treaty\s+Organi[sz]ation|North\s+Atlantic\s+Alliance|NATO"
RU_BELARUS = r"Белорусск(?:ая|ой|ую)\s+ССР|БССР|РБ|Беларус(?:ь|и|ью)|Белорусси(?:я|и|ю|ей|ею)"
RU_RUSSIA = r"Российск(?:ая|ой|ую|ою)\s+Федераци(?:я|и|ю|ей|ею)|Росси(?:я|и|ю|ей|ею)|РФ"
UK_BELARUS = r"Республі(?:ка|ки|ці|ку|кою)\s+(?:Білорусь|Беларусь)|Білорус(?:ь|і|сю)|Беларус(?:ь|і|сю)|Білоруськ\w+\s+РСР"
UK_RUSSIA = r"Російськ(?:а|ої|ій|у|ою)\s+Федераці(?:я|ї|ю|єю)|Росі(?:я|ї|ю|єю)|РФ"
LV_BELARUS = r"Baltkrievij(?:a|as|ai|u|ā)"
LV_RUSSIA = r"Krievij(?:a|as|ai|u|ā)"
LT_RUSSIA = r"Rusij(?:a|os|ai|ą|oje|on)"
PL_BELARUS = r"Białoru(?:ś|si|sią)"
PL_RUSSIA = r"Federacj[aięą]\s+Rosyjsk(?:a|iej|ą)|Rosyjsk(?:a|iej|ą)\s+Federacj[aięą]|Ros(?:ja|ji|ję|ją|jo)"
FI_RUSSIA = r"Venäj(?:ä|än|ää|ällä|ältä|älle|ässä|ästä|ään|äksi|änä|ättä)(?:kin|kään|hän|kö|pä)?"

CASES = [
    # English translations of several countries
    ("lithuania_2020_NationalThreatAssessment.txt", "belarus", EN_BELARUS),
    ("lithuania_2020_NationalThreatAssessment.txt", "russia", EN_RUSSIA),
    ("lithuania_2023_NationalThreatAssessment.txt", "belarus", EN_BELARUS),
    ("estonia_2021_InternationalSecurityAndEstonia.txt", "belarus", EN_BELARUS),
    ("estonia_2021_InternationalSecurityAndEstonia.txt", "russia", EN_RUSSIA),
    ("latvia_2019_NationalSecurityConcept.txt", "russia", EN_RUSSIA),
    ("ukraine_2021_WhitePaper.txt", "belarus", EN_BELARUS),
    ("ukraine_2021_WhitePaper.txt", "nato", EN_NATO),
    ("poland_2013_WhiteBook.txt", "russia", EN_RUSSIA),
    ("finland_2012_SecurityAndDefencePolicy.txt", "russia", EN_RUSSIA),
    # Russian (Belarusian and Russian originals)
    ("belarus_2016_MilitaryDoctrine_noneng.txt", "belarus", RU_BELARUS),
    ("belarus_2016_MilitaryDoctrine_noneng.txt", "russia", RU_RUSSIA),
    ("belarus_2002_MilitaryDoctrine_noneng.txt", "russia", RU_RUSSIA),
    ("russia_2021_NationalSecurityStrategy_noneng.txt", "russia", RU_RUSSIA),
    ("russia_2008_ForeignPolicyConcept_noneng.txt", "belarus", RU_BELARUS),
    # Ukrainian
    ("ukraine_2020_NationalSecurityStrategy_noneng.txt", "russia", UK_RUSSIA),
    ("ukraine_2020_NationalSecurityStrategy_noneng.txt", "belarus", UK_BELARUS),
    ("ukraine_2015_MilitaryDoctrine_noneng.txt", "russia", UK_RUSSIA),
    # Latvian
    ("latvia_2002_NationalSecurityConcept_noneng.txt", "belarus", LV_BELARUS),
    ("latvia_2002_NationalSecurityConcept_noneng.txt", "russia", LV_RUSSIA),
    ("latvia_2015_NationalSecurityConcept_noneng.txt", "russia", LV_RUSSIA),
    ("latvia_2020_NationalDefenceConcept_noneng.txt", "russia", LV_RUSSIA),
    # Lithuanian
    ("lithuania_2022_NationalDefenseSystem_noneng.txt", "russia", LT_RUSSIA),
    # Polish (the 2017 concept is bilingual: its English half counts too)
    ("poland_2017_TheDefenseConcept_noneng.txt", "russia", f"{PL_RUSSIA}|{EN_RUSSIA}"),
    ("poland_2017_TheDefenseConcept_noneng.txt", "belarus", f"{PL_BELARUS}|{EN_BELARUS}"),
    ("poland_1992_SecurityPolicyAndDefenceStrategy_noneng.txt", "russia", PL_RUSSIA),
    # Finnish
    ("finland_2021_DefenceReport_noneng.txt", "russia", FI_RUSSIA),
]


@pytest.fixture(scope="module")
def result(corpus: Path) -> PerceptionResult:
    return analyse(corpus, ["belarus", "russia", "nato"])


def test_every_document_is_read_without_a_crash(result: PerceptionResult, corpus: Path) -> None:
    assert len(result.documents) == len(list(corpus.glob("*.txt"))) == 118
    assert result.rejections == ()
    lost = result.document("ukraine_2009_WhiteBook.txt")
    assert any("replacement character" in w for w in lost.warnings)


@pytest.mark.parametrize(("doc", "target", "pattern"), CASES, ids=[f"{d}-{t}" for d, t, _ in CASES])
def test_names_agree_with_an_independent_regex(
    result: PerceptionResult, corpus: Path, doc: str, target: str, pattern: str
) -> None:
    text = (corpus / doc).read_text(encoding="utf-8")
    assert result.count(doc, target).mentions == count(pattern, text)


def test_english_adjectives_and_demonyms_agree_too(result: PerceptionResult, corpus: Path) -> None:
    doc = "lithuania_2023_NationalThreatAssessment.txt"
    text = (corpus / doc).read_text(encoding="utf-8")
    others = r"(?:Belarusian|Byelorussian|Belorussian|Belarussian)s?(?!\s+SSR)"
    assert result.count(doc, "belarus").mentions_all == count(EN_BELARUS, text) + count(others, text)


@pytest.mark.parametrize(
    "doc",
    [
        "belarus_2016_MilitaryDoctrine_noneng.txt",
        "estonia_2023_InternationalSecurityAndEstonia.txt",
        "finland_2012_SecurityAndDefencePolicy.txt",
    ],
)
def test_offsets_point_at_the_mention_in_the_file(result: PerceptionResult, corpus: Path, doc: str) -> None:
    text = (corpus / doc).read_text(encoding="utf-8")
    mentions = [m for m in result.mentions if m.doc == doc]
    assert mentions
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_languages_are_detected_not_assumed(result: PerceptionResult) -> None:
    # Belarus writes its doctrine in Russian; two "English" Ukrainian files are in fact Ukrainian.
    assert result.document("belarus_2016_MilitaryDoctrine_noneng.txt").language == "ru"
    assert result.document("ukraine_2020_NationalSecurityStrategy.txt").language == "uk"
    assert {
        result.document(name).language
        for name in (
            "latvia_2015_NationalSecurityConcept_noneng.txt",
            "lithuania_2022_NationalDefenseSystem_noneng.txt",
            "poland_2019_CybersecurityStrategy_noneng.txt",
            "finland_2021_DefenceReport_noneng.txt",
        )
    } == {"lv", "lt", "pl", "fi"}


def test_copies_in_the_corpus_are_counted_once(result: PerceptionResult) -> None:
    assert (
        result.document("lithuania_2011_DefensePolicy.txt").duplicate_of == "lithuania_2011_DefencePolicy.txt"
    )
    ukraine_2015 = [
        d
        for d in result.documents
        if d.country == "ukraine" and d.year == 2015 and d.doc_type != "white_paper"
    ]
    assert sum(d.counted for d in ukraine_2015) == 1
