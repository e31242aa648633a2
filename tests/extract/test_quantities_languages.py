"""Quantities in every language: the same forms (rates, spans, totals, % of GDP, grouped digits,
money, ranges, number words, qualifiers, casualties, zero counts) and the same non-counts (years,
dates, model names, article and phone numbers, shares that are not of GDP), through
flankwatch.extract.parse_quantities. Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from flankwatch.extract import parse_quantities

PUBLISHED = date(2024, 5, 20)
Q = tuple[float, float | None, str | None, str, str | None, int | None]


def quantities(text: str, lang: str) -> list[Q]:
    return [
        (q.value, q.value_max, q.unit, q.qualifier, q.period, q.period_days)
        for q in parse_quantities(text, lang, PUBLISHED)
    ]


def casualties(text: str, lang: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.casualty) for q in parse_quantities(text, lang, PUBLISHED)]


FORMS: list[tuple[str, str, list[Q]]] = [
    # up to N a day
    ("en", "Up to 210 migrants a day tried to cross.", [(210, None, "people", "up_to", "day", 1)]),
    ("ru", "В сутки до 210 мигрантов пытались пересечь границу.", [(210, None, "people", "up_to", "day", 1)]),
    ("uk", "Щодня до 210 мігрантів намагалися перетнути кордон.", [(210, None, "people", "up_to", "day", 1)]),
    (
        "be",
        "За суткі да 210 мігрантаў спрабавалі перасекчы мяжу.",
        [(210, None, "people", "up_to", "day", 1)],
    ),
    (
        "pl",
        "Dziennie do 210 cudzoziemców próbowało przekroczyć granicę.",
        [(210, None, "people", "up_to", "day", 1)],
    ),
    ("lt", "Per parą iki 210 migrantų bandė kirsti sieną.", [(210, None, "people", "up_to", "day", 1)]),
    (
        "lv",
        "Diennaktī līdz 210 migrantiem mēģināja šķērsot robežu.",
        [(210, None, "people", "up_to", "day", 1)],
    ),
    ("et", "Ööpäevas üritas piiri ületada kuni 210 migranti.", [(210, None, "people", "up_to", "day", 1)]),
    # N over two days: a span
    ("en", "The guards counted 417 attempts over two days.", [(417, None, "attempts", "exact", "span", 2)]),
    (
        "pl",
        "W ciągu dwóch dni odnotowano 417 prób przekroczenia granicy.",
        [(417, None, "attempts", "exact", "span", 2)],
    ),
    (
        "ru",
        "За два дня зафиксировано 417 попыток пересечения границы.",
        [(417, None, "attempts", "exact", "span", 2)],
    ),
    # more than N since a year: a total
    (
        "en",
        "More than 50,000 attempts have been recorded since 2021.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "ru",
        "С 2021 года зафиксировано более 50 000 попыток.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "uk",
        "З 2021 року зафіксовано понад 50 000 спроб.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "be",
        "З 2021 года зафіксавана больш за 50 000 спроб.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "pl",
        "Od 2021 roku odnotowano ponad 50 tys. prób.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "lt",
        "Nuo 2021 metų užfiksuota daugiau kaip 50 000 bandymų.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "lv",
        "Kopš 2021. gada reģistrēti vairāk nekā 50 000 mēģinājumu.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    (
        "et",
        "Alates 2021. aastast on registreeritud üle 50 000 katset.",
        [(50000, None, "attempts", "more_than", "total", None)],
    ),
    # % of GDP with a decimal comma
    ("en", "Defence spending will reach 2.3 % of GDP.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("ru", "Расходы на оборону составят 2,3 % ВВП.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("uk", "Видатки на оборону сягнуть 2,3 % ВВП.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("be", "Выдаткі на абарону складуць 2,3 % ВУП.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("pl", "Wydatki na obronność wyniosą 2,3 % PKB.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("lt", "Gynybai bus skirta 2,3 % BVP.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("lv", "Aizsardzībai novirzīs 2,3 % no IKP.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    ("et", "Kaitsekulud ulatuvad 2,3 protsendini SKP-st.", [(2.3, None, "pct_gdp", "exact", None, None)]),
    # thousands grouped with a space
    ("en", "Some 4 500 troops took part.", [(4500, None, "troops", "about", None, None)]),
    ("ru", "В учениях участвуют 4 500 военнослужащих.", [(4500, None, "troops", "exact", None, None)]),
    (
        "uk",
        "У навчаннях беруть участь 4 500 військовослужбовців.",
        [(4500, None, "troops", "exact", None, None)],
    ),
    ("be", "У вучэннях удзельнічаюць 4 500 вайскоўцаў.", [(4500, None, "troops", "exact", None, None)]),
    ("pl", "W ćwiczeniach bierze udział 4 500 żołnierzy.", [(4500, None, "troops", "exact", None, None)]),
    ("lt", "Pratybose dalyvauja 4 500 karių.", [(4500, None, "troops", "exact", None, None)]),
    ("lv", "Mācībās piedalās 4 500 karavīru.", [(4500, None, "troops", "exact", None, None)]),
    ("et", "Õppusel osaleb 4 500 sõdurit.", [(4500, None, "troops", "exact", None, None)]),
    # a thousands comma with a stray space (not a list)
    ("en", "About 4, 500 troops arrived.", [(4500, None, "troops", "about", None, None)]),
    (
        "en",
        "Patrols found 1, 2 and 300 migrants.",
        [
            (1, None, None, "exact", None, None),
            (2, None, None, "exact", None, None),
            (300, None, "people", "exact", None, None),
        ],
    ),
    # money with a scale
    ("en", "The package is worth $4.75 bn.", [(4.75e9, None, "usd", "exact", None, None)]),
    ("ru", "Программа стоит 10 млрд злотых.", [(1e10, None, "pln", "exact", None, None)]),
    ("uk", "Допомога становить 4,75 млрд доларів.", [(4.75e9, None, "usd", "exact", None, None)]),
    ("pl", "Program kosztuje 10 mld zł.", [(1e10, None, "pln", "exact", None, None)]),
    ("lt", "Programai skirta 1,5 mlrd. eurų.", [(1.5e9, None, "eur", "exact", None, None)]),
    ("lv", "Projektam paredzēti 303 milj. eiro.", [(3.03e8, None, "eur", "exact", None, None)]),
    ("et", "Projekt maksab 1,5 miljardit eurot.", [(1.5e9, None, "eur", "exact", None, None)]),
    # ranges
    ("en", "Between 2,000 and 4,000 migrants are waiting.", [(2000, 4000, "people", "exact", None, None)]),
    ("en", "2,000–4,000 migrants are waiting.", [(2000, 4000, "people", "exact", None, None)]),
    ("ru", "У границы ждут от 2 до 4 тыс. мигрантов.", [(2000, 4000, "people", "exact", None, None)]),
    ("uk", "Біля кордону чекають 1,5–2 тис. мігрантів.", [(1500, 2000, "people", "exact", None, None)]),
    ("pl", "Przy granicy czeka od 2 do 4 tys. migrantów.", [(2000, 4000, "people", "exact", None, None)]),
    ("lt", "Prie sienos laukia nuo 2 000 iki 4 000 migrantų.", [(2000, 4000, "people", "exact", None, None)]),
    ("lv", "Pie robežas gaida 2000–4000 migrantu.", [(2000, 4000, "people", "exact", None, None)]),
    ("et", "Piiri ääres ootab 2000–4000 migranti.", [(2000, 4000, "people", "exact", None, None)]),
    # number words
    ("en", "Two soldiers were on patrol.", [(2, None, "troops", "exact", None, None)]),
    ("en", "A dozen drones crossed the border.", [(12, None, "drones", "exact", None, None)]),
    (
        "ru",
        "Около трёх тысяч военнослужащих прибыли в Гродно.",
        [(3000, None, "troops", "about", None, None)],
    ),
    ("ru", "Около тысячи военнослужащих прибыли в Гродно.", [(1000, None, "troops", "about", None, None)]),
    (
        "uk",
        "Близько тисячі військовослужбовців прибули до Гомеля.",
        [(1000, None, "troops", "about", None, None)],
    ),
    ("be", "Каля тысячы вайскоўцаў прыбылі ў Гродна.", [(1000, None, "troops", "about", None, None)]),
    ("pl", "Dwóch żołnierzy patrolowało granicę.", [(2, None, "troops", "exact", None, None)]),
    ("lt", "Dvidešimt karių saugojo sieną.", [(20, None, "troops", "exact", None, None)]),
    ("lt", "Šešiolika migrantų bandė kirsti sieną.", [(16, None, "people", "exact", None, None)]),
    ("lv", "Sešpadsmit migranti mēģināja šķērsot robežu.", [(16, None, "people", "exact", None, None)]),
    ("et", "Kuusteist migranti üritas piiri ületada.", [(16, None, "people", "exact", None, None)]),
    ("et", "Õppusele saabus tuhat sõdurit.", [(1000, None, "troops", "exact", None, None)]),
    # qualifiers
    (
        "en",
        "At least 12 drones and fewer than ten people.",
        [(12, None, "drones", "at_least", None, None), (10, None, "people", "less_than", None, None)],
    ),
    (
        "ru",
        "Не менее 12 беспилотников и менее 10 человек.",
        [(12, None, "drones", "at_least", None, None), (10, None, "people", "less_than", None, None)],
    ),
    ("ru", "Не более 5 человек пересекли границу.", [(5, None, "people", "up_to", None, None)]),
    (
        "pl",
        "Co najmniej 12 dronów i mniej niż 10 osób.",
        [(12, None, "drones", "at_least", None, None), (10, None, "people", "less_than", None, None)],
    ),
    (
        "lv",
        "Vismaz 12 droni un mazāk nekā 10 cilvēku.",
        [(12, None, "drones", "at_least", None, None), (10, None, "people", "less_than", None, None)],
    ),
    # periods: week, month
    (
        "en",
        "The Border Guard recorded 812 attempts during the week.",
        [(812, None, "attempts", "exact", "week", 7)],
    ),
    ("ru", "За неделю зафиксировано 812 попыток.", [(812, None, "attempts", "exact", "week", 7)]),
    ("pl", "W ciągu tygodnia odnotowano 812 prób.", [(812, None, "attempts", "exact", "week", 7)]),
    ("uk", "Протягом місяця зафіксовано 40 спроб.", [(40, None, "attempts", "exact", "month", None)]),
    # daily bulletins and their wording
    ("ru", "В минувшие сутки вытеснено 37 человек.", [(37, None, "people", "exact", "day", 1)]),
    ("uk", "За мин. добу зафіксовано проліт 2 БпЛА.", [(2, None, "drones", "exact", "day", 1)]),
    ("uk", "З поч. року припинено 37 спроб.", [(37, None, "attempts", "exact", "total", None)]),
    ("en", "Yesterday there were 74 attempts.", [(74, None, "attempts", "exact", "day", 1)]),
    # a level that changes: the new level is the count
    (
        "en",
        "The contingent will increase from about 6,000 to about 7,000 soldiers.",
        [(7000, None, "troops", "about", None, None)],
    ),
    ("pl", "Liczba żołnierzy wzrośnie z ok. 6 tys. do ok. 7 tys.", [(7000, None, None, "about", None, None)]),
    # a bare number in a parenthesis or a later clause repeats the unit of the count before it
    # (the months are dates: the extractor turns them into periods where the event type counts by date)
    (
        "uk",
        "За червень — 9 випадків (у травні — 4).",
        [(9, None, "incidents", "exact", None, None), (4, None, "incidents", "exact", None, None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FORMS)
def test_forms(lang: str, text: str, expected: list[Q]) -> None:
    assert quantities(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Two border guards were injured and three smugglers were detained.",
            [(2, "injured"), (3, "detained")],
        ),
        ("ru", "Двое пограничников ранены, трое нарушителей задержаны.", [(2, "injured"), (3, "detained")]),
        ("uk", "Двоє прикордонників поранені.", [(2, "injured")]),
        ("pl", "Dwóch funkcjonariuszy zostało rannych.", [(2, "injured")]),
        ("pl", "Nikt nie odniósł obrażeń.", [(0, "injured")]),
        ("lt", "Du pasieniečiai buvo sužeisti.", [(2, "injured")]),
        ("lv", "Divi robežsargi tika ievainoti.", [(2, "injured")]),
        ("en", "Five soldiers were killed.", [(5, "killed")]),
    ],
)
def test_casualties(lang: str, text: str, expected: list[tuple[float, str]]) -> None:
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "unit"),
    [
        ("en", "No violators were recorded.", "people"),
        ("en", "No one tried to cross.", "people"),
        ("ru", "Попыток незаконного пересечения границы не зафиксировано.", "attempts"),
        ("uk", "Порушень кордону не зафіксовано.", "incidents"),
        ("pl", "Nikt nie próbował przekroczyć granicy.", "people"),
        ("pl", "Prób przekroczenia granicy nie odnotowano.", "attempts"),
        ("lt", "Nė vieno bandymo neužfiksuota.", "attempts"),
        ("lv", "Neviens nemēģināja šķērsot robežu.", "people"),
        ("et", "Piiriületuskatseid Eesti-Vene maismaapiiril nädala jooksul ei registreeritud.", "attempts"),
    ],
)
def test_zero_counts(lang: str, text: str, unit: str) -> None:
    assert [(q.value, q.unit) for q in parse_quantities(text, lang, PUBLISHED)] == [(0, unit)]


def test_a_zero_closing_a_clause_repeats_the_unit_before_it() -> None:
    found = quantities("Praėjusią savaitę apgręžti 22 migrantai, vakar – nė vieno.", "lt")
    assert found == [(22, None, "people", "exact", None, None), (0, None, "people", "exact", "day", 1)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In 2021 the crisis began; on 15 March 2024 the guards reported it."),
        ("en", "A Su-25 and an S-400 were shown at Zapad-2021."),
        ("en", "Article 4 of the treaty; call +48 22 500 40 00 for details."),
        ("en", "Support for the government fell by 51 %."),
        ("en", "Thousands of migrants wait at the border."),
        ("en", "The EU adopted 14 packages of sanctions."),
        ("en", "The 200-metre zone was closed for 90 days."),
        ("ru", "Су-25 и С-400 показали на учении «Запад-2021»."),
        ("ru", "Статья 4; телефон 8 (017) 329-18-00."),
        ("ru", "Тысячи мигрантов ждут у границы."),
        ("ru", "Доля поддержки выросла на 12 %."),
        ("ru", "25.03 | Кузница — Брузги"),
        ("uk", "Тисячі мігрантів чекають біля кордону."),
        ("uk", "Участь у навчаннях 11 червня засвідчила підготовку до застосування Су-25."),
        ("be", "Тысячы мігрантаў чакаюць ля мяжы."),
        ("be", "Уводзіцца 200-метровая буферная зона."),
        ("pl", "Artykuł 4 traktatu; tel. 22 500 40 00."),
        ("pl", "Pocisk opuścił przestrzeń po ok. 3 minutach."),
        ("lt", "2024 m. gegužės 14 d. buvo pasirašytas 5 straipsnis."),
        ("lv", "2024. gada 14. maijā tika apspriests 5. pants."),
        ("et", "Artikkel 4 arutati 14. mail 2024."),
    ],
)
def test_no_quantities(lang: str, text: str) -> None:
    assert quantities(text, lang) == []


def test_a_grouped_number_inside_a_long_date_span_is_still_a_count() -> None:
    text = "Dragon-24 began on Monday, 26 February, with about 20,000 soldiers and 3,500 vehicles; it runs until 10 March."
    assert quantities(text, "en") == [
        (20000, None, "troops", "about", None, None),
        (3500, None, "vehicles", "about", None, None),
    ]


def test_a_comparison_is_no_period() -> None:
    found = quantities(
        "The peak came on May 3, with 251 attempts, the highest figure so far this year.", "en"
    )
    assert found == [(251, None, "attempts", "exact", None, None)]


def test_a_sum_word_is_no_period() -> None:
    assert quantities("Kopā | 1 256 | –", "lv") == [(1256, None, None, "exact", None, None)]
    assert quantities("Всего вытеснено 612 человек.", "ru") == [(612, None, "people", "exact", None, None)]


def test_a_part_of_a_count_is_no_count() -> None:
    assert quantities("They found six foreigners, including two children.", "en") == [
        (6, None, "people", "exact", None, None)
    ]


def test_list_markers_are_no_counts() -> None:
    assert quantities("4. 14 JAN: 6 FOREIGNERS FOUND BY PATROL.", "en") == [
        (6, None, "people", "exact", None, None)
    ]


def test_a_length_takes_no_span() -> None:
    found = quantities("Strefa obowiązuje na odcinku ok. 60 km, na razie przez 90 dni.", "pl")
    assert found == [(60, None, "km", "about", None, None)]


def test_a_sign_qualifies_only_its_own_number() -> None:
    found = quantities("A column of ~30 military trucks and 6 BTRs moved south.", "en")
    assert found == [(30, None, "vehicles", "about", None, None), (6, None, "vehicles", "exact", None, None)]


def test_a_period_that_is_also_a_date_is_marked() -> None:
    (q,) = parse_quantities("The army sent 100 soldiers last week.", "en", PUBLISHED)
    assert (q.period, q.period_dated) == ("week", True)
    (q,) = parse_quantities("The guards counted 100 attempts a week.", "en", PUBLISHED)
    assert (q.period, q.period_dated) == ("week", False)


def test_the_far_end_of_a_day_range_is_no_count() -> None:
    found = quantities("In the week of May 20–26 the Border Guard recorded 2,400 attempts.", "en")
    assert found == [(2400, None, "attempts", "exact", None, None)]
    assert quantities("On 14 May - 20 attempts were recorded.", "en") == [
        (20, None, "attempts", "exact", None, None)
    ]


def test_a_label_word_inside_a_date_labels_nothing() -> None:
    found = quantities("На этой неделе 2 самолёта вернулись в Хельсинки.", "ru")
    assert [(v, u) for v, _, u, *_ in found] == [(2, "aircraft")]
    assert quantities("Статья 4 договора.", "ru") == []


def test_the_longest_qualifier_wins_whatever_the_order_of_the_file() -> None:
    assert quantities("Не более 5 человек.", "ru") == [(5, None, "people", "up_to", None, None)]
    assert quantities("Более 5 человек.", "ru") == [(5, None, "people", "more_than", None, None)]
