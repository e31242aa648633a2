"""Counting on texts written for these tests: inflected forms in every language, whole
words only, multi-word names once, and the longest form deciding between targets."""

from __future__ import annotations

import pytest
from perception_texts import analyse_text, hits


def test_english_names_adjectives_and_demonyms_are_told_apart() -> None:
    text = (
        "Belarus and the Republic of Belarus host Belarusian troops; Belarusians protested. "
        "Byelorussia was the Soviet-era spelling."
    )
    counts = analyse_text(text, "en", ("belarus",)).counts[0]
    assert (counts.names, counts.adjectives, counts.demonyms) == (3, 1, 1)
    assert counts.mentions == 3 and counts.mentions_all == 5


def test_no_hit_inside_a_longer_word() -> None:
    text = (
        "Prussia, Belarusianism, Russiagate, Rusijoslavia, Venäjänkielinen and NATOfication are not targets."
    )
    assert hits(text, "en", "russia") == []
    assert hits(text, "en", "belarus") == []
    assert hits(text, "en", "nato") == []
    assert hits("Prussia is no Russ.", "en", "russia") == []


def test_a_multi_word_name_counts_once_as_a_name() -> None:
    text = (
        "The Russian Federation and the Republic of Belarus signed; the People's Republic of China watched."
    )
    assert hits(text, "en", "russia", "names") == ["Russian Federation"]
    assert hits(text, "en", "russia", "adjectives") == []
    assert hits(text, "en", "belarus") == ["Republic of Belarus"]
    assert hits(text, "en", "china") == ["People's Republic of China"]


def test_the_longest_form_decides_between_targets() -> None:
    assert hits("White Russia was an old name.", "en", "russia") == []
    assert hits("White Russia was an old name.", "en", "belarus") == ["White Russia"]
    assert hits("Valko-Venäjän ja Venäjän raja.", "fi", "russia") == ["Venäjän"]
    assert hits("Valko-Venäjän ja Venäjän raja.", "fi", "belarus") == ["Valko-Venäjän"]


def test_possessives_and_hyphenated_compounds_are_found() -> None:
    text = "Russia's forces joined the NATO-Russia Council and Russian-Belarusian drills."
    assert hits(text, "en", "russia") == ["Russia", "Russia", "Russian"]
    assert hits(text, "en", "nato") == ["NATO"]
    assert hits(text, "en", "belarus") == ["Belarusian"]


@pytest.mark.parametrize(
    ("language", "text", "names", "others"),
    [
        ("ru", "Республикой Беларусь и Белоруссией, о Беларуси, белорусских войск, белорусы.", 3, 2),
        ("uk", "З Республікою Білорусь, до Білорусі, з Білоруссю; білоруських військ, білоруси.", 3, 2),
        ("be", "Рэспубліка Беларусь і Беларусі, беларускія войскі, беларусаў.", 2, 2),
        ("pl", "Z Białorusią, o Białorusi, Republika Białorusi; białoruskich żołnierzy, Białorusini.", 3, 2),
        ("lt", "Baltarusija, Baltarusijos, Baltarusijoje; baltarusiški daliniai, baltarusių kalba.", 3, 2),
        ("lv", "Baltkrievija, Baltkrievijas, Baltkrievijā; baltkrievu valoda, baltkrievi.", 3, 2),
        ("et", "Valgevene, Valgevenega, Valgevenes, valgevene keel, valgevenelased.", 3, 2),
        ("fi", "Valko-Venäjä, Valko-Venäjän, Valko-Venäjällä; valkovenäläiset, Belarusissa.", 4, 1),
    ],
)
def test_belarus_in_every_language(language: str, text: str, names: int, others: int) -> None:
    counts = analyse_text(text, language, ("belarus",)).counts[0]
    assert counts.names == names
    assert counts.demonyms + counts.adjectives == others


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        ("ru", "Россия, России, с Россией; Российской Федерацией; РФ.", 5),
        ("uk", "Росія, Росії, з Росією; Російською Федерацією; РФ.", 5),
        ("be", "Расія, Расіі, з Расіяй; Расійская Федэрацыя.", 4),
        ("pl", "Rosja, Rosji, z Rosją, Rosję; Federacja Rosyjska, Federacji Rosyjskiej.", 6),
        ("lt", "Rusija, Rusijos, Rusijai, Rusiją, Rusijoje; Rusijos Federacija.", 6),
        ("lv", "Krievija, Krievijas, Krievijai, Krieviju, Krievijā; Krievijas Federācija.", 6),
        ("et", "Venemaa, Venemaad, Venemaale, Venemaal, Venemaaga; Vene Föderatsioon.", 6),
        ("fi", "Venäjä, Venäjän, Venäjää, Venäjällä, Venäjältä, Venäjään, Venäjäkin; Venäjän federaatio.", 8),
    ],
)
def test_russia_inflected_in_every_language(language: str, text: str, names: int) -> None:
    assert analyse_text(text, language, ("russia",)).counts[0].names == names


def test_russian_lemmas_catch_forms_not_listed() -> None:
    # "Белоруссиею" (archaic instrumental) is not in the explicit lists; pymorphy3 knows its lemma.
    from flankwatch.perception.morph import morphology_available

    if not morphology_available("ru"):
        pytest.skip("pymorphy3 with its Russian dictionary is not installed")
    assert hits("вместе с Белоруссиею", "ru", "belarus") == ["Белоруссиею"]


def test_estonian_capital_letter_tells_the_name_from_the_adjective() -> None:
    assert hits("Hiina ja VALGEVENE", "et", "belarus", "names") == ["VALGEVENE"]
    assert hits("valgevene keel", "et", "belarus", "adjectives") == ["valgevene"]
    assert hits("hiina keel ja Hiina majandus", "et", "china", "names") == ["Hiina"]


def test_lithuanian_cinema_is_not_chinese() -> None:
    assert hits("Kinas ir teatras; kino festivalis.", "lt", "china") == []
    assert hits("Kinija ir kinų kalba.", "lt", "china") == ["Kinija", "kinų"]


def test_forms_of_the_document_language_and_english_only() -> None:
    # The Polish genitive "Chin" must not be found in an English text about a chin.
    assert hits("He rubbed his chin.", "en", "china") == []
    assert hits("Z Chin i do Chin.", "pl", "china") == ["Chin", "Chin"]
    assert hits("Polish text quoting NATO and Russia.", "pl", "russia") == ["Russia"]


def test_look_alike_letters_from_pdf_extraction_still_match() -> None:
    # "Bеlarus" with a Cyrillic е, "Бiлорусь" with a Latin i.
    assert hits("B\u0435larus", "en", "belarus") == ["B\u0435larus"]
    assert hits("\u0411i\u043b\u043e\u0440\u0443\u0441\u044c", "uk", "belarus") == [
        "\u0411i\u043b\u043e\u0440\u0443\u0441\u044c"
    ]


def test_offsets_point_into_the_text_and_context_surrounds_them() -> None:
    text = "First line.\nThe Republic of\nBelarus borders Lithuania."
    mention = analyse_text(text, "en", ("belarus",)).mentions[0]
    assert text[mention.start : mention.end] == mention.text == "Republic of\nBelarus"
    assert mention.left.endswith("The") and mention.right.startswith("borders")


def test_nato_in_finnish_and_estonian_case_forms() -> None:
    assert hits("Natoon, Natossa ja Naton kanssa.", "fi", "nato") == ["Natoon", "Natossa", "Naton"]
    assert hits("NATO-sse ja NATOga.", "et", "nato") == ["NATO", "NATOga"]
