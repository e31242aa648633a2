"""Read the packaged YAML data files of fusion and the stages above it, with errors that name them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flankwatch.errors import DataFileError


def packaged(relative: str) -> Path:
    """The path of a data file shipped under flankwatch/data/."""
    return Path(str(resources.files("flankwatch").joinpath("data", *relative.split("/"))))


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML mapping, or a DataFileError naming the file and the problem."""
    try:
        raw = yaml.safe_load(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataFileError(str(path), "must be a YAML mapping at the top level")
    return raw


def need(raw: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """`raw[key]`, checked for presence and type, else a readable DataFileError."""
    if key not in raw:
        raise DataFileError(where, f"lacks the key {key!r}")
    value = raw[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise DataFileError(where, f"{key!r} must be a {names}, not {type(value).__name__}")
    return value
