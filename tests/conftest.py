"""Fixtures every test folder may use: settings for tests, a fresh store, files written on the fly.

Nothing heavy is loaded here; each test asks for what it needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from flankwatch.config import Config, load_config
from flankwatch.store import Store

# No timed tests: hypothesis must not fail an example for being slow on a busy 2-core machine.
settings.register_profile(
    "flankwatch",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("flankwatch")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """Settings that ignore the environment: a store in tmp_path, small batches, fast network give-up."""
    return load_config(env={}, db=tmp_path / "store.duckdb", batch_size=3, fetch_timeout=2.0, fetch_retries=1)


@pytest.fixture
def store(config: Config) -> Iterator[Store]:
    with Store.open(config.db) as opened:
        yield opened


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("a/b.txt", "text") or write("x.pdf", b"bytes") -> the path, folders created."""

    def _write(relative: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / "inputs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write
