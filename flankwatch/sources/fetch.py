"""Downloads with a timeout, a small retry, a size limit and robots.txt respected.

The network itself sits behind a `Transport` (a plain function), so tests and
offline users can inject their own; the default uses urllib from the standard
library. Every failure becomes an `InputError` naming the URL.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from flankwatch.config import Config
from flankwatch.errors import InputError

_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """One HTTP answer: final URL, status, content type and the body (within the size limit)."""

    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


class TransportError(Exception):
    """A download attempt failed; `retriable` says whether another attempt may help."""

    def __init__(self, problem: str, retriable: bool) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retriable = retriable


# url, timeout in seconds, largest body in bytes -> Response (any HTTP status), or TransportError
Transport = Callable[[str, float, int], Response]


def urllib_transport(user_agent: str) -> Transport:
    """The default transport: urllib, with a deadline on the whole download, not only on each read."""

    def transport(url: str, timeout: float, max_bytes: int) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": user_agent})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                body = _read_limited(answer, timeout, max_bytes)
                return Response(answer.geturl(), answer.status, answer.headers.get_content_type(), body)
        except urllib.error.HTTPError as exc:
            return Response(url, exc.code, exc.headers.get_content_type() if exc.headers else "", b"")
        except TimeoutError as exc:
            raise TransportError(f"timed out after {timeout:g} s", retriable=True) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise TransportError(f"timed out after {timeout:g} s", retriable=True) from exc
            raise TransportError(f"cannot connect: {reason}", retriable=True) from exc
        except OSError as exc:  # connection reset mid-body and the like
            raise TransportError(f"connection failed: {exc}", retriable=True) from exc

    return transport


def _read_limited(answer: object, timeout: float, max_bytes: int) -> bytes:
    read = answer.read  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    chunks, size = [], 0
    while chunk := read(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TransportError(
                f"larger than the {max_bytes:,} byte limit (FLANKWATCH_MAX_INPUT_BYTES)", False
            )
        if time.monotonic() > deadline:
            raise TransportError(f"timed out after {timeout:g} s while downloading", retriable=True)
    return b"".join(chunks)


class Web:
    """Fetches URLs for the source adapters: retries, backoff, size limit, robots.txt."""

    def __init__(
        self, config: Config, transport: Transport | None = None, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self._config = config
        self._transport = transport or urllib_transport(config.user_agent)
        self._sleep = sleep
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def get(self, url: str) -> Response:
        """The URL's answer (status 200..299), or an InputError naming the URL and the problem."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise InputError(url, f"unsupported URL scheme {scheme!r} (use http or https)")
        if not self._allowed(url):
            raise InputError(url, "robots.txt of the site disallows fetching it")
        return self._get_with_retries(url)

    def _get_with_retries(self, url: str) -> Response:
        attempts = self._config.fetch_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                answer = self._transport(url, self._config.fetch_timeout, self._config.max_input_bytes)
            except TransportError as exc:
                if not exc.retriable or attempt == attempts:
                    raise InputError(url, _after(exc.problem, attempt)) from exc
            else:
                if 200 <= answer.status < 300:
                    return answer
                if not _retriable_status(answer.status) or attempt == attempts:
                    raise InputError(url, _after(f"the server answered HTTP {answer.status}", attempt))
            self._sleep(0.5 * 2 ** (attempt - 1))
        raise AssertionError("unreachable: the loop returns or raises")

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        return rules is None or rules.can_fetch(self._config.user_agent, url)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        # A missing or unreachable robots.txt allows everything, as crawlers agree.
        try:
            answer = self._transport(f"{site}/robots.txt", self._config.fetch_timeout, 512 * 1024)
        except TransportError:
            return None
        if answer.status != 200:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _retriable_status(status: int) -> bool:
    return status == 429 or status >= 500


def _after(problem: str, attempt: int) -> str:
    return problem if attempt == 1 else f"{problem} (after {attempt} attempts)"
