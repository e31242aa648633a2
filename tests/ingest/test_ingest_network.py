"""Feeds and pages over HTTP, against a real server on 127.0.0.1: timeouts, retries, robots, limits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from ingest_samples import ARTICLE, RSS

from flankwatch import sources
from flankwatch.config import Config
from flankwatch.errors import InputError
from flankwatch.ingest import to_document
from flankwatch.records import Rejection
from flankwatch.sources import Response, TransportError, Web


class _Site(BaseHTTPRequestHandler):
    release = threading.Event()  # set at teardown so a slow answer never outlives the test
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        routes = {
            "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/feed.xml": (200, "application/rss+xml", RSS),
            "/private/feed.xml": (200, "application/rss+xml", RSS),
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE),
            "/big.txt": (200, "text/plain", "x" * 5000),
        }
        if self.path == "/flaky.xml":
            routes[self.path] = (
                (503, "text/plain", "busy") if self.hits[self.path] == 1 else routes["/feed.xml"]
            )
        if self.path == "/slow.xml":
            self.release.wait(10)
        status, kind, body = routes.get(self.path, (404, "text/plain", "not found"))
        data = body.encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def site() -> Iterator[str]:
    _Site.hits = {}
    _Site.release = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _Site.release.set()
    server.shutdown()
    server.server_close()


def _web(config: Config, **changes: object) -> Web:
    return Web(replace(config, **changes), sleep=lambda seconds: None)


def _read(url: str, web: Web, config: Config) -> list[sources.RawInput | Rejection]:
    [target] = sources.plan([url])
    return list(sources.read(target, config, web))


def test_a_feed_url_yields_its_entries(site, config):
    first, _ = _read(f"{site}/feed.xml", _web(config), config)
    assert first.origin == f"{site}/feed.xml#1" and first.declared.date_source == "feed"
    document = to_document(first)
    assert "120 people tried to cross" in document.text and str(document.published) == "2024-03-21"


def test_a_page_url_becomes_one_html_document_with_its_main_text(site, config):
    [page] = _read(f"{site}/article.html", _web(config), config)
    assert (page.fmt, page.declared.url) == ("html", f"{site}/article.html")
    document = to_document(page)
    assert "97 people tried to cross" in document.text
    assert "Cookie settings" not in document.text  # boilerplate dropped
    assert (str(document.published), document.date_source) == ("2024-03-26", "html")


def test_a_server_error_is_retried_and_then_succeeds(site, config):
    items = _read(f"{site}/flaky.xml", _web(config, fetch_retries=1), config)
    assert len(items) == 2 and _Site.hits["/flaky.xml"] == 2


def test_a_missing_page_is_a_rejection_without_retries(site, config):
    [item] = _read(f"{site}/missing.xml", _web(config, fetch_retries=3), config)
    assert item == Rejection(f"{site}/missing.xml", "the server answered HTTP 404")
    assert _Site.hits["/missing.xml"] == 1


def test_a_server_that_does_not_answer_in_time_is_a_timeout_rejection(site, config):
    [item] = _read(f"{site}/slow.xml", _web(config, fetch_timeout=0.3, fetch_retries=1), config)
    assert item.origin == f"{site}/slow.xml"
    assert item.problem == "timed out after 0.3 s (after 2 attempts)"


def test_robots_txt_is_respected(site, config):
    [item] = _read(f"{site}/private/feed.xml", _web(config), config)
    assert item == Rejection(f"{site}/private/feed.xml", "robots.txt of the site disallows fetching it")
    assert "/private/feed.xml" not in _Site.hits


def test_a_download_larger_than_the_limit_is_rejected(site, config):
    [item] = _read(f"{site}/big.txt", _web(config, max_input_bytes=1000), config)
    assert item.problem == "larger than the 1,000 byte limit (FLANKWATCH_MAX_INPUT_BYTES)"


def test_nothing_listens_is_a_connection_rejection(config):
    [item] = _read("http://127.0.0.1:9/feed.xml", _web(config, fetch_retries=0), config)
    assert item.origin == "http://127.0.0.1:9/feed.xml" and item.problem.startswith("cannot connect:")


def test_the_transport_is_injectable_for_offline_use(config):
    calls = []

    def canned(url: str, timeout: float, max_bytes: int) -> Response:
        calls.append(url)
        if url.endswith("robots.txt"):
            raise TransportError("offline", retriable=False)
        return Response(url, 200, "application/rss+xml", RSS.encode())

    items = _read("https://wire.example/feed", Web(config, canned), config)
    assert [i.declared.title for i in items] == ["Crossing attempts rise", "Fence repairs"]
    assert calls == ["https://wire.example/robots.txt", "https://wire.example/feed"]


def test_only_http_urls_are_fetched(config):
    with pytest.raises(InputError, match="unsupported URL scheme 'ftp'"):
        Web(config).get("ftp://example.org/feed.xml")
