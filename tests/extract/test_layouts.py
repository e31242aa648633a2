"""Layouts read as text: table rows, list items, live-blog entries, footnotes, questions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conftest import counts, one

from flankwatch.records import Mention

Extract = Callable[..., list[Mention]]

PIPE_TABLE = (
    "Weekly note of the border desk\n\n"
    "Attempts to cross the Polish-Belarusian border by day:\n"
    "Date | Attempts | Section\n"
    "13 May | 210 | Kuźnica\n"
    "14 May | 185 | Białowieża\n"
    "15 May | 96 | Czeremcha\n"
)


def _rows(found: list[Mention], type_name: str = "MIGRATION_PRESSURE") -> list[Mention]:
    return sorted((m for m in found if m.type == type_name), key=lambda m: m.evidence.start)


def test_each_table_row_is_an_event_of_what_its_header_counts(extract: Extract) -> None:
    found = _rows(extract(PIPE_TABLE, "2024-05-20"))
    assert [m.evidence.text for m in found] == [
        "13 May | 210 | Kuźnica",
        "14 May | 185 | Białowieża",
        "15 May | 96 | Czeremcha",
    ]
    assert [m.date_start for m in found] == [date(2024, 5, 13), date(2024, 5, 14), date(2024, 5, 15)]
    assert [counts(m) for m in found] == [[(v, None, "attempts", "exact", "day")] for v in (210, 185, 96)]
    assert [m.place.name if m.place else None for m in found] == ["Kuźnica", "Białowieża", "Czeremcha"]
    assert {m.theatre for m in found} == {"PL-BY"}
    for m in found:
        assert PIPE_TABLE[m.evidence.start : m.evidence.end] == m.evidence.text


def test_a_header_that_only_announces_its_rows_is_no_event(extract: Extract) -> None:
    found = extract(PIPE_TABLE, "2024-05-20")
    assert all(m.quantities for m in found)  # "Attempts … by day:" itself gives none


def test_a_column_header_names_the_unit_when_the_title_names_none(extract: Extract) -> None:
    text = "Daily figures of the Polish Border Guard:\nDate\tAttempts\tSection\n18 May\t210\tKuźnica\n19 May\t143\tBiałowieża\n"
    found = _rows(extract(text, "2024-05-20"))
    assert [counts(m) for m in found] == [
        [(210, None, "attempts", "exact", "day")],
        [(143, None, "attempts", "exact", "day")],
    ]


def test_a_number_under_a_column_without_a_unit_is_no_count(extract: Extract) -> None:
    text = "Crossing attempts by day:\nDate | Attempts | Post no.\n13 May | 210 | 12\n14 May | 185 | 7\n"
    found = _rows(extract(text, "2024-05-20"))
    assert [counts(m) for m in found] == [
        [(210, None, "attempts", "exact", "day")],
        [(185, None, "attempts", "exact", "day")],
    ]


def test_long_rows_are_read_and_a_row_with_its_own_trigger_keeps_the_tables_count(extract: Extract) -> None:
    text = (
        "Polish-Belarusian border: daily crossing attempts, week 15\n\n"
        "| Date | Day | Attempts | Main sector | Note |\n"
        "| 8 Apr | Mon | 96 | Białowieża | barrier damaged at two points |\n"
        "| 9 Apr | Tue | 92 | Michałowo | quiet night, patrols reinforced |\n"
        "| 10 Apr | Wed | 131 | Czeremcha | stones thrown at a patrol |\n"
    )
    found = _rows(extract(text, "2024-04-15"))
    assert [(m.date_start, counts(m)[0][0]) for m in found] == [
        (date(2024, 4, 8), 96),
        (date(2024, 4, 9), 92),
        (date(2024, 4, 10), 131),
    ]


def test_a_total_row_covers_the_days_of_the_rows_above_it(extract: Extract) -> None:
    text = (
        "Attempts to cross the border with Belarus:\n"
        "Date | Attempts\n"
        + "".join(
            f"{d} May | {v}\n" for d, v in zip(range(13, 20), (210, 185, 96, 120, 130, 140, 150), strict=True)
        )
        + "Total | 1,031\n"
    )
    found = _rows(extract(text, "2024-05-21"))
    total = found[-1]
    assert total.evidence.text == "Total | 1,031"
    assert (total.date_start, total.date_end) == (date(2024, 5, 13), date(2024, 5, 19))
    assert counts(total) == [(1031, None, "attempts", "exact", "week")]


def test_list_items_under_a_colon_header_take_their_own_place_and_evidence(extract: Extract) -> None:
    text = "Crossing attempts on the border with Belarus, by day:\n• 18 May: 210, Kuźnica\n• 19 May: 143, Białowieża\n• 20 May: 0\n"
    found = _rows(extract(text, "2024-05-21"))
    assert [m.evidence.text for m in found] == [
        "• 18 May: 210, Kuźnica",
        "• 19 May: 143, Białowieża",
        "• 20 May: 0",
    ]
    assert [m.place.name if m.place else None for m in found] == ["Kuźnica", "Białowieża", None]
    assert [counts(m)[0][0] for m in found] == [210, 143, 0]


def test_a_numbered_items_number_is_no_count(extract: Extract) -> None:
    found = extract(
        "2. Scope: a strip up to 200 m wide along about 60 km of the border with Belarus is closed to visitors.",
        "2024-06-12",
    )
    assert all(q.value != 2 for m in found for q in m.quantities)


def test_a_time_stamped_live_entry_happened_on_the_day_of_publication(extract: Extract) -> None:
    text = (
        "LIVE: drone debris in eastern Poland\n\n"
        "09:12 — Border guards recorded 86 attempts to cross the border near Kuźnica.\n"
        "UPDATE 11:05: Warsaw has summoned the Belarusian chargé d'affaires.\n"
    )
    found = extract(text, "2024-05-20")
    assert one(found, "MIGRATION_PRESSURE").date_start == date(2024, 5, 20)
    assert one(found, "DIPLOMATIC_ACTION").date_start == date(2024, 5, 20)


def test_a_bare_time_stamp_dates_the_entry_under_it(extract: Extract) -> None:
    text = "Live: the border today\n\n14:05\nWarsaw has summoned the Belarusian chargé d'affaires.\n"
    assert one(extract(text, "2024-05-20"), "DIPLOMATIC_ACTION").date_start == date(2024, 5, 20)


def test_only_the_opening_sentence_of_an_entry_takes_the_stamp(extract: Extract) -> None:
    text = (
        "Live blog: jamming over Estonia\n\n"
        "09:10 Pilots over eastern Estonia reported GPS jamming again. "
        "The jamming is believed to come from Russian territory.\n"
    )
    found = {m.evidence.text[:5]: m for m in extract(text, "2024-04-29") if m.type == "AVIATION_INTERFERENCE"}
    assert found["09:10"].date_start == date(2024, 4, 29)
    assert found["The j"].date_start is None


def test_footnote_markers_glued_to_words_do_not_hide_them(extract: Extract) -> None:
    text = "Border guards recorded 210 attempts³ to cross near Kuźnica[12] on Saturday, and Belarus moved troops² to Hrodna⁴ on Friday.¹"
    found = extract(text, "2024-05-20")
    pressure = one(found, "MIGRATION_PRESSURE")
    assert pressure.place is not None and pressure.place.name == "Kuźnica"
    assert counts(pressure)[0][:3] == (210, None, "attempts")
    assert one(found, "FORCE_DEPLOYMENT").place.name == "Hrodna"  # type: ignore[union-attr]


def test_a_question_asks_and_its_date_frames_the_answer(extract: Extract) -> None:
    text = (
        "Q: How many people tried to cross last week?\n"
        "A: Our officers recorded 1,204 attempts to cross the border from Belarus.\n"
        "Q: Will the crossing at Bobrowniki be closed?\n"
    )
    found = extract(text, "2024-05-20", publisher="Polish Border Guard")
    pressure = one(found, "MIGRATION_PRESSURE")
    assert pressure.evidence.text.startswith("A: ")
    assert (pressure.date_start, pressure.date_end) == (date(2024, 5, 13), date(2024, 5, 19))
    assert not [m for m in found if m.evidence.text.endswith("?")]


def test_a_question_states_what_it_dates_in_the_past(extract: Extract) -> None:
    found = extract("Q: Why did Belarus move troops to the Hrodna region in April?", "2024-05-20")
    deployment = one(found, "FORCE_DEPLOYMENT")
    assert deployment.date_start == date(2024, 4, 1)


def test_each_item_of_a_list_under_a_dated_header_is_an_event_of_that_date(extract: Extract) -> None:
    text = (
        "Last week border guards turned back 38 migrants on the border with Belarus:\n"
        "• Medininkai section – 12;\n"
        "• Šalčininkai section – 9;\n"
        "• Druskininkai section – 17.\n"
    )
    found = _rows(extract(text, "2024-03-12"))
    assert [counts(m)[0][0] for m in found] == [38, 12, 9, 17]
    assert [m.evidence.text for m in found[1:]] == [
        "• Medininkai section – 12;",
        "• Šalčininkai section – 9;",
        "• Druskininkai section – 17.",
    ]
    assert {(m.date_start, m.date_end) for m in found} == {(date(2024, 3, 4), date(2024, 3, 10))}


def test_columns_named_by_dates_date_the_counts_under_them(extract: Extract) -> None:
    text = (
        "Latvian border guards prevented 1,256 people from crossing the border with Belarus last week.\n\n"
        "Section\t4–10 March\t26 February – 3 March\n"
        "Krāslava\t512\t344\n"
        "Silene\t481\t301\n"
    )
    found = [m for m in _rows(extract(text, "2024-03-12")) if "\t" in m.evidence.text]
    assert sorted((m.place.name if m.place else None, m.date_start, counts(m)[0][0]) for m in found) == [
        ("Krāslava", date(2024, 2, 26), 344),
        ("Krāslava", date(2024, 3, 4), 512),
        ("Silene", date(2024, 2, 26), 301),
        ("Silene", date(2024, 3, 4), 481),
    ]
    assert {counts(m)[0][4] for m in found} == {"week"}
