"""Source adapters: files and folders, JSONL corpora, feed files. Each yields raw inputs or rejections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_samples import ATOM, RSS, minimal_pdf

from flankwatch import sources
from flankwatch.config import Config
from flankwatch.errors import InputError
from flankwatch.records import Rejection
from flankwatch.sources.feeds import slug


def _read_all(targets: list[str], config: Config) -> list[sources.RawInput | Rejection]:
    items: list[sources.RawInput | Rejection] = []
    for target in sources.plan(targets):
        items.extend([target] if isinstance(target, Rejection) else sources.read(target, config))
    return items


def test_a_folder_is_walked_in_order_skipping_hidden_files(write, config):
    write("b.txt", "Second.")
    write("a/nested.md", "# Nested")
    write(".hidden.txt", "secret")
    write(".git/config.txt", "secret")
    folder = write("c.html", "<html><body><p>x</p></body></html>").parent
    planned = list(sources.plan([str(folder)]))
    assert [Path(t.location).name for t in planned] == ["nested.md", "b.txt", "c.html"]
    assert [t.fmt for t in planned] == ["md", "txt", "html"]


def test_formats_come_from_extensions_or_from_the_first_bytes(write):
    assert sources.plan([str(write("x.PDF", minimal_pdf(["a"])))]).__next__().fmt == "pdf"
    assert next(sources.plan([str(write("feed.rss", RSS))])).fmt == "feed"
    assert next(sources.plan([str(write("noext", "<!DOCTYPE html><html></html>"))])).fmt == "html"
    assert next(sources.plan([str(write("noext2", RSS))])).fmt == "feed"
    assert next(sources.plan([str(write("noext3", minimal_pdf(["a"])))])).fmt == "pdf"
    assert next(sources.plan([str(write("notes", "plain words"))])).fmt == "txt"


def test_an_unknown_extension_and_a_missing_path_are_rejections_naming_them(write, tmp_path):
    docx = write("report.docx", b"PK\x03\x04")
    rejected = list(sources.plan([str(docx), str(tmp_path / "nowhere.txt")]))
    assert rejected == [
        Rejection(str(docx), rejected[0].problem),
        Rejection(str(tmp_path / "nowhere.txt"), "no such file, folder or URL"),
    ]
    assert "unsupported file type '.docx'" in rejected[0].problem and ".pdf" in rejected[0].problem


def test_an_empty_folder_is_a_rejection(tmp_path):
    (tmp_path / "empty").mkdir()
    assert list(sources.plan([str(tmp_path / "empty")])) == [
        Rejection(str(tmp_path / "empty"), "folder holds no files")
    ]


def test_a_file_larger_than_the_limit_is_rejected_before_it_is_read(write, config):
    big = write("big.txt", "x" * 2000)
    small_limit = Config(**{**{f: getattr(config, f) for f in config.__slots__}, "max_input_bytes": 1000})
    [item] = _read_all([str(big)], small_limit)
    assert isinstance(item, Rejection) and item.origin == str(big)
    assert "2,000 bytes is larger than the 1,000 byte limit" in item.problem


def test_an_unreadable_file_is_a_rejection(write, config, tmp_path):
    # A dangling link cannot be read by anyone, root included (permission bits would not stop root).
    link = tmp_path / "inputs" / "gone.txt"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(tmp_path / "deleted-target.txt")
    [item] = _read_all([str(link)], config)
    assert item == Rejection(str(link), "cannot read: No such file or directory")


def test_a_corpus_yields_one_input_per_line_with_declared_metadata(write, config):
    lines = [
        {
            "id": "en-2024-03-21-wire",
            "url": "https://w.example/1",
            "title": "T",
            "published": "2024-03-21",
            "publisher": "Wire",
            "language": "en",
            "text": "The Border Guard said 120 people tried to cross.",
        },
        {"url": "https://w.example/2", "text": "Без идентификатора."},
    ]
    corpus = write("c.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n")
    first, second = _read_all([str(corpus)], config)
    assert (first.origin, first.name, first.fmt) == (f"{corpus}:1", "en-2024-03-21-wire", "jsonl")
    assert first.declared == sources.Declared("T", "2024-03-21", "Wire", "en", "https://w.example/1")
    assert first.data == lines[0]["text"]
    assert (second.name, second.declared.published) == ("c:2", None)
    assert next(sources.plan([str(corpus)])).weight == 2


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (b"{not json", "not JSON: Expecting property name enclosed in double quotes at column 2"),
        (b'["a list"]', "a JSON list, not an object with a 'text' field"),
        (b'{"title": "no text"}', "no 'text' field with a string"),
        (b'{"text": 5}', "'text' is not a string"),
        (b'{"text": "ok", "published": 20240321}', "'published' must be a string, not int"),
        ('{"text": "Kuźnica"}'.encode("cp1250"), "not UTF-8 (byte 12); JSONL corpora must be UTF-8"),
    ],
)
def test_a_bad_corpus_line_is_rejected_by_file_and_line_and_the_rest_goes_on(write, config, line, problem):
    corpus = write("c.jsonl", b'{"text": "first"}\n' + line + b'\n{"text": "third"}\n')
    first, bad, third = _read_all([str(corpus)], config)
    assert bad == Rejection(f"{corpus}:2", problem)
    assert (first.data, third.data) == ("first", "third")


def test_a_corpus_line_larger_than_the_limit_is_rejected(write, config):
    limited = Config(**{**{f: getattr(config, f) for f in config.__slots__}, "max_input_bytes": 100})
    corpus = write("c.jsonl", '{"text": "%s"}\n{"text": "short"}\n' % ("x" * 200))
    bad, good = _read_all([str(corpus)], limited)
    assert bad.origin == f"{corpus}:1" and "larger than the 100 byte limit" in bad.problem
    assert good.data == "short"


def test_an_rss_file_yields_its_entries_with_feed_dates_and_skips_empty_ones(write, config):
    feed = write("wire.xml", RSS)
    first, second = _read_all([str(feed)], config)
    assert (first.origin, first.name, first.fmt) == (f"{feed}#1", "crossing-attempts-rise", "feed")
    assert first.declared == sources.Declared(
        "Crossing attempts rise",
        "2024-03-21",
        "Border Watch Wire",
        "en-gb",
        "https://wire.example/news/crossing-attempts-rise",
        "feed",
    )
    assert "<p>The Polish Border Guard" in first.data
    assert second.declared.published == "2024-03-22"


def test_an_atom_file_yields_its_entry_content(write, config):
    [entry] = _read_all([str(write("lv.atom", ATOM))], config)
    assert entry.declared.publisher == "Valsts robežsardze" and entry.declared.published == "2024-03-08"
    assert "150 cilvēkiem" in entry.data


@pytest.mark.parametrize(
    "content",
    [
        "<rss version='2.0'><channel><title>cut off",
        "this is not a feed at all, just words",
    ],
)
def test_a_broken_feed_file_is_one_rejection_naming_it(write, config, content):
    feed = write("broken.xml", content)
    [item] = _read_all([str(feed)], config)
    assert (
        isinstance(item, Rejection) and item.origin == str(feed) and item.problem.startswith("broken feed: ")
    )
    assert "\n" not in item.problem


def test_read_file_refuses_containers_and_names_the_file(write, config):
    corpus = write("c.jsonl", '{"text": "x"}\n')
    with pytest.raises(InputError, match="holds many documents"):
        sources.read_file(corpus, config)


def test_slugs_are_short_lower_case_and_keep_any_script():
    assert slug("Straż Graniczna: 120 prób!") == "straż-graniczna-120-prób"
    assert slug("!!!") == "untitled"
    assert len(slug("word " * 40)) <= 60
