"""Raw inputs become Documents: text per format, language, publication date and its source, content id."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from ingest_samples import ARTICLE, minimal_pdf

from flankwatch.errors import InputError
from flankwatch.ingest import load_file, to_document
from flankwatch.records import content_id
from flankwatch.sources import Declared, RawInput

EN = "The Polish Border Guard said 120 people tried to cross the border with Belarus near Kuźnica on Tuesday."


def test_a_text_file_is_a_document_whose_id_comes_from_its_text(write):
    document = load_file(write("note.txt", EN + "\r\n"))
    assert (document.text, document.id, document.name, document.fmt) == (
        EN,
        content_id(EN),
        "note.txt",
        "txt",
    )
    assert (document.language, document.published, document.date_source) == ("en", None, "none")


def test_the_same_text_in_two_formats_is_the_same_document(write):
    from_txt = load_file(write("a.txt", EN))
    from_corpus = to_document(RawInput("c.jsonl:1", "doc-1", "jsonl", EN))
    assert from_txt.id == from_corpus.id


def test_markdown_front_matter_gives_metadata_and_the_marks_are_removed(write):
    page = write(
        "w.md",
        f"---\ntitle: Weekly note\npublished: 2024-03-21\npublisher: Think Tank\n"
        f"language: en\nurl: https://tt.example/w\n---\n# Week 12\n\n**{EN}**\n",
    )
    document = load_file(page)
    assert document.text == f"Week 12\n\n{EN}"
    assert (document.title, document.publisher, document.url) == (
        "Weekly note",
        "Think Tank",
        "https://tt.example/w",
    )
    assert (document.published, document.date_source) == (date(2024, 3, 21), "front_matter")


def test_bad_front_matter_is_an_error_naming_the_file(write):
    page = write("bad.md", "---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(InputError, match=r"bad\.md: front matter is not valid YAML"):
        load_file(page)


def test_an_html_page_gives_its_main_text_title_publisher_and_date(write):
    document = load_file(write("article.html", ARTICLE))
    assert document.text.startswith("Border guard: 97 attempts\nThe Polish Border Guard said on Tuesday")
    assert "Home" not in document.text and "Cookie" not in document.text
    assert "about 1\u00a0200 metres" in document.text  # the no-break space inside the number survives
    assert (document.title, document.publisher) == ("Border guard: 97 attempts", "Eastern Flank Daily")
    assert (document.published, document.date_source) == (date(2024, 3, 26), "html")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"<html><body><script>var x = 1;</script></body></html>", "broken HTML: no text found in the page"),
        (b"\xef\xbb\xbf", "empty: no text in the file"),
    ],
)
def test_broken_html_is_an_error_naming_the_file(write, content, problem):
    with pytest.raises(InputError) as caught:
        load_file(write("page.html", content))
    assert caught.value.problem == problem and caught.value.origin.endswith("page.html")


def test_a_pdf_gives_its_text_title_and_creation_date(write):
    pdf = write(
        "report.pdf",
        minimal_pdf([EN.replace("ź", "z"), "Second line."], title="Border report", created="20240321120000"),
    )
    document = load_file(pdf)
    assert document.text.startswith("The Polish Border Guard said 120 people")
    assert (document.title, document.published, document.date_source) == (
        "Border report",
        date(2024, 3, 21),
        "metadata",
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"%PDF-1.4\nthis is no pdf body", "broken PDF"),
        (minimal_pdf([])[:200], "broken PDF"),
        (minimal_pdf([]), "PDF has no text layer (1 pages; scanned images need OCR first)"),
    ],
)
def test_a_broken_or_textless_pdf_is_an_error_naming_the_file(write, content, problem):
    with pytest.raises(InputError) as caught:
        load_file(write("scan.pdf", content))
    assert caught.value.problem.startswith(problem) and caught.value.origin.endswith("scan.pdf")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Пограничники Беларуси сообщили, что мигранты пытались пересечь границу у Гродно.", "ru"),
        ("Straż Graniczna poinformowała, że 120 osób próbowało przekroczyć granicę koło Kuźnicy.", "pl"),
        ("Pasieniečiai apgręžė 30 migrantų prie Medininkų užkardos.", "lt"),
        ("Valsts robežsardze ziņoja, ka 150 cilvēkiem neļāva šķērsot robežu pie Silenes.", "lv"),
        ("Прикордонники України повідомили про рух військ біля кордону з Білоруссю.", "uk"),
        ("Eesti piirivalve teatas, et Vene helikopter rikkus õhuruumi Vaindloo saare lähedal.", "et"),
    ],
)
def test_the_language_is_identified_among_the_projects_languages(text, language):
    assert to_document(RawInput("x", "x", "jsonl", text)).language == language


def test_a_declared_language_wins_and_is_reduced_to_its_two_letters():
    raw = RawInput("x", "x", "jsonl", EN, Declared(language="pl-PL"))
    assert to_document(raw).language == "pl"
    with pytest.raises(InputError, match="declared language 'polish' is not an ISO 639-1 code"):
        to_document(replace(raw, declared=Declared(language="polish")))


def test_text_without_words_cannot_have_a_language():
    with pytest.raises(InputError, match="no words to identify a language from"):
        to_document(RawInput("numbers.txt", "numbers.txt", "txt", b"12 345 678\n"))


def test_publication_dates_come_from_the_option_then_the_declaration_then_the_content(write):
    page = write("p.md", "---\npublished: 2024-03-20\n---\n" + EN)
    assert (load_file(page).published, load_file(page).date_source) == (date(2024, 3, 20), "front_matter")
    forced = load_file(page, published=date(2024, 1, 2))
    assert (forced.published, forced.date_source) == (date(2024, 1, 2), "cli")
    feed_entry = RawInput(
        "f.xml#1",
        "e",
        "feed",
        f"<p>{EN}</p>",
        Declared(published="2024-03-22T10:00:00+02:00", date_source="feed"),
    )
    assert (to_document(feed_entry).published, to_document(feed_entry).date_source) == (
        date(2024, 3, 22),
        "feed",
    )


@pytest.mark.parametrize(
    ("published", "problem"),
    [
        ("21/03/2024", "published date '21/03/2024' is not a date (write YYYY-MM-DD)"),
        ("2024-02-30", "published date '2024-02-30' is not a date (write YYYY-MM-DD)"),
        ("2999-01-01", "published date 2999-01-01 is outside 1900.."),
    ],
)
def test_a_bad_declared_date_is_an_error_naming_the_input(published, problem):
    with pytest.raises(InputError) as caught:
        to_document(RawInput("c.jsonl:4", "d", "jsonl", EN, Declared(published=published)))
    assert caught.value.origin == "c.jsonl:4" and caught.value.problem.startswith(problem)


def test_a_feed_body_in_plain_text_is_taken_as_it_is():
    document = to_document(RawInput("f.xml#2", "e", "feed", "Engineers repaired 3 km of fence &amp; wire."))
    assert document.text == "Engineers repaired 3 km of fence & wire."


def test_load_file_errors_name_the_file(write, tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt: cannot read: No such file or directory"):
        load_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match=r"c\.jsonl: holds many documents \(jsonl\)"):
        load_file(write("c.jsonl", '{"text": "x"}\n'))
    with pytest.raises(InputError, match=r"blank\.txt: empty: no text in the file"):
        load_file(write("blank.txt", "\n\n  \n"))
