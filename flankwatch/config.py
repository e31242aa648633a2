"""Settings as a table: each has a name, a default, an environment variable and help.

The table feeds `--help`, the docs and `load_config`. Precedence, highest first:
an explicit value (a CLI option such as `--db`), the environment variable, the
default. A bad environment value is a `UsageError` naming the variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from flankwatch import __version__
from flankwatch.errors import UsageError


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name in `Config`, default, environment variable and help text."""

    name: str
    default: Any
    env: str
    help: str
    parse: Callable[[str], Any] = str


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError("must be a positive whole number")
    return value


def _non_negative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError("must be zero or more")
    return value


def _positive_float(raw: str) -> float:
    value = float(raw)
    if value <= 0:
        raise ValueError("must be a positive number")
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "flankwatch.duckdb", "FLANKWATCH_DB", "The DuckDB store file; `--db` overrides it.", str),
    Setting(
        "max_input_bytes",
        20 * 1024 * 1024,
        "FLANKWATCH_MAX_INPUT_BYTES",
        "Largest file, download or corpus line accepted, in bytes; larger inputs are rejected.",
        _positive_int,
    ),
    Setting(
        "fetch_timeout",
        10.0,
        "FLANKWATCH_FETCH_TIMEOUT",
        "Seconds to wait for a feed or page server before giving up on one attempt.",
        _positive_float,
    ),
    Setting(
        "fetch_retries",
        2,
        "FLANKWATCH_FETCH_RETRIES",
        "Extra attempts after a failed download (timeouts, connection errors, 5xx answers).",
        _non_negative_int,
    ),
    Setting(
        "batch_size",
        50,
        "FLANKWATCH_BATCH_SIZE",
        "Documents written to the store per transaction; a crash loses at most one batch.",
        _positive_int,
    ),
    Setting(
        "user_agent",
        f"flankwatch/{__version__}",
        "FLANKWATCH_USER_AGENT",
        "User-Agent sent with feed and page downloads.",
        str,
    ),
)


@dataclass(frozen=True, slots=True)
class Config:
    """The resolved settings; see `SETTINGS` for what each means."""

    db: Path
    max_input_bytes: int
    fetch_timeout: float
    fetch_retries: int
    batch_size: int
    user_agent: str

    def with_db(self, db: Path | str | None) -> Config:
        """The same settings with an explicit store path (a `--db` option), if one is given."""
        return self if db is None else replace(self, db=Path(db))


def load_config(env: Mapping[str, str] | None = None, **explicit: Any) -> Config:
    """Resolve every setting: explicit keyword > environment variable > default.

    Explicit values that are None count as not given, so CLI options can be passed
    straight through.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if explicit.get(setting.name) is not None:
            values[setting.name] = explicit[setting.name]
        elif env.get(setting.env, "").strip():
            values[setting.name] = _parse_env(setting, env[setting.env].strip())
        else:
            values[setting.name] = setting.default
    unknown = set(explicit) - {s.name for s in SETTINGS}
    if unknown:
        raise UsageError(f"unknown settings {sorted(unknown)} (known: {', '.join(s.name for s in SETTINGS)})")
    values["db"] = Path(values["db"])
    return Config(**values)


def _parse_env(setting: Setting, raw: str) -> Any:
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise UsageError(f"{setting.env}={raw!r} is not valid: {exc}") from exc


def sample_corpus_dir() -> Path:
    """The bundled sample corpus (JSONL files), as installed with the package."""
    return Path(str(resources.files("flankwatch").joinpath("data", "sample", "corpus")))
