"""Topic of each mention, from the cue words around it; language detection."""

from __future__ import annotations

import pytest
from perception_texts import analyse_text

from flankwatch.perception.language import detect_languages


def topics_of(text: str, language: str, target: str = "belarus") -> list[str]:
    return [m.topic for m in analyse_text(text, language, (target,)).mentions]


@pytest.mark.parametrize(
    ("language", "text", "topic"),
    [
        (
            "en",
            "Migrants were pushed from Belarus towards the border fence by smugglers.",
            "migration_borders",
        ),
        ("en", "Russia and Belarus held the Zapad exercise with thousands of troops.", "military"),
        ("en", "Belarus hosts a nuclear power plant and gas transit pipelines.", "energy_economy"),
        (
            "en",
            "The intelligence services of Belarus ran a propaganda and disinformation campaign.",
            "intelligence",
        ),
        (
            "en",
            "Belarus rigged the election, repressed the opposition and ignored human rights.",
            "politics_rights",
        ),
        (
            "en",
            "Arms control, the Vienna Document and confidence-building measures with Belarus.",
            "arms_control",
        ),
        ("ru", "Совместные учения войск России и Беларуси у границы.", "military"),
        ("pl", "Migranci z Białorusi próbowali przekroczyć granicę.", "migration_borders"),
        ("lt", "Baltarusijos režimas represuoja opoziciją ir pažeidžia žmogaus teises.", "politics_rights"),
        ("lv", "Baltkrievijas izlūkdienesti izplata propagandu un dezinformāciju.", "intelligence"),
        ("et", "Valgevene piiril tabati migrante.", "migration_borders"),
        ("fi", "Valko-Venäjän ydinvoimala ja kaasun kauttakulku.", "energy_economy"),
        ("uk", "Спільні військові навчання військ Росії та Білорусі.", "military"),
        ("be", "Беларусь і Расія праводзяць вучэнні войскаў.", "military"),
    ],
)
def test_topic_from_cues_around_the_mention(language: str, text: str, topic: str) -> None:
    assert topics_of(text, language)[0] == topic


def test_no_cue_nearby_gives_other_and_the_cues_are_kept() -> None:
    far = "Belarus. " + "Nothing here at all today. " * 10 + "Migrants crossed the border."
    assert topics_of(far, "en")[0] == "other"
    mention = analyse_text("Belarus pushed migrants to the border.", "en", ("belarus",)).mentions[0]
    assert mention.cues == ("migrants", "border")


def test_cue_words_inside_a_target_name_are_not_cues() -> None:
    # "sutarties" (treaty) is part of NATO's Lithuanian name, not an arms-control cue.
    text = "Šiaurės Atlanto sutarties organizacija ir Baltarusija."
    assert topics_of(text, "lt") == ["other"]


def test_a_longer_prefix_beats_a_shorter_one() -> None:
    assert topics_of("Venäjän ydinvoimalat", "fi", "russia") == ["energy_economy"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The national security concept sets out the threats facing the state and the measures to counter them.",
            "en",
        ),
        (
            "Концепция национальной безопасности определяет угрозы государству и меры по их нейтрализации.",
            "ru",
        ),
        ("Стратегія національної безпеки визначає загрози державі та заходи щодо їх нейтралізації.", "uk"),
        ("Канцэпцыя нацыянальнай бяспекі вызначае пагрозы дзяржаве і меры па іх нейтралізацыі.", "be"),
        (
            "Strategia bezpieczeństwa narodowego określa zagrożenia dla państwa i sposoby przeciwdziałania im.",
            "pl",
        ),
        ("Nacionalinio saugumo strategija nustato grėsmes valstybei ir priemones joms įveikti.", "lt"),
        ("Nacionālās drošības koncepcija nosaka draudus valstij un pasākumus to novēršanai.", "lv"),
        ("Riigikaitse arengukava määrab kindlaks ohud riigile ja meetmed nende vastu.", "et"),
        ("Puolustusselonteko kuvaa valtioon kohdistuvat uhat ja keinot niiden torjumiseksi.", "fi"),
    ],
)
def test_language_detection_in_the_region(text: str, language: str) -> None:
    assert detect_languages(text).main == language


def test_bilingual_text_keeps_its_second_language() -> None:
    polish = (
        "Strategia bezpieczeństwa narodowego określa zagrożenia dla państwa i sposoby przeciwdziałania im. "
        * 80
    )
    english = (
        "The national security strategy sets out the threats facing the state and how to counter them. " * 50
    )
    guess = detect_languages(polish + english)
    assert guess.main == "pl" and guess.secondary == ("en",)
