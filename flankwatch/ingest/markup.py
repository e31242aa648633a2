"""Markdown: YAML front matter as declared metadata, and the markup reduced to plain text.

Only the marks that would otherwise end up inside evidence sentences are
removed (headings, emphasis, links, images, quotes, list bullets, rules); the
words and their order stay as written.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml

from flankwatch.errors import InputError

FRONT_MATTER_KEYS = ("title", "published", "publisher", "language", "url")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

_LINE_RULES = (
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.M), ""),  # setext heading underlines
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), r"\1"),  # list bullets and numbers
    (re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.M), ""),  # link reference definitions
)
_INLINE_RULES = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images keep their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis with *
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis with _
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)


def split_front_matter(text: str, origin: str) -> tuple[dict[str, str], str]:
    """The declared fields of a leading `---` YAML block (as strings) and the body after it."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        fields = yaml.safe_load(match[1] or "") or {}
    except yaml.YAMLError as exc:
        raise InputError(origin, f"front matter is not valid YAML: {' '.join(str(exc).split())}") from exc
    if not isinstance(fields, dict):
        raise InputError(origin, "front matter must be YAML key: value lines")
    return {key: _as_text(fields[key]) for key in FRONT_MATTER_KEYS if fields.get(key) is not None}, text[
        match.end() :
    ]


def _as_text(value: Any) -> str:
    # YAML reads `published: 2024-03-21` as a date; keep every field a string until ingest validates it.
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def markdown_to_text(markdown: str) -> str:
    """Plain text from Markdown: marks removed, words kept, blank lines between blocks kept."""
    text = markdown
    for pattern, replacement in _LINE_RULES:
        text = pattern.sub(replacement, text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
