"""Fixtures of the extraction tests: one English extractor per session, and helpers."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import flankwatch
from flankwatch.extract import Extractor
from flankwatch.records import Document, Mention

DATA = Path(flankwatch.__file__).parent / "data"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Compiling the English lexicons takes about half a second: do it once."""
    return Extractor()


def make_doc(
    text: str, published: str | None = "2024-03-21", language: str = "en", publisher: str = ""
) -> Document:
    day = date.fromisoformat(published) if published else None
    return Document(
        id="doc-1", name="doc.txt", text=text, language=language, published=day, publisher=publisher
    )


@pytest.fixture
def extract(extractor: Extractor) -> Callable[..., list[Mention]]:
    """Mentions of a text published on Thursday 2024-03-21 unless told otherwise."""

    def run(text: str, published: str | None = "2024-03-21", publisher: str = "") -> list[Mention]:
        return extractor.extract(make_doc(text, published, publisher=publisher))

    return run


def only(mentions: list[Mention], type_name: str) -> Mention:
    """The single mention of a type; fails listing what was found otherwise."""
    found = [m for m in mentions if m.type == type_name]
    assert len(found) == 1, f"expected one {type_name}, found {[(m.type, m.modality) for m in mentions]}"
    return found[0]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged data files (without the sample corpus), to break on purpose."""
    root = tmp_path / "data"
    for part in ("lexicons", "gazetteer", "actors", "theatres"):
        shutil.copytree(DATA / part, root / part)
    return root


def one(mentions: list[Mention], type_name: str, modality: str | None = None) -> Mention:
    found = [m for m in mentions if m.type == type_name and (modality is None or m.modality == modality)]
    assert len(found) == 1, f"expected one {type_name}, found {[(m.type, m.modality) for m in mentions]}"
    return found[0]


def counts(m: Mention) -> list[tuple[float, float | None, str, str, str | None]]:
    return [(q.value, q.value_max, q.unit, q.qualifier, q.period) for q in m.quantities]
