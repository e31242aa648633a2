"""The shared corpus of real documents, found beside the checkout (../shared), or a skip with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from perception_texts import CORPUS


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus of official documents is not at {CORPUS}")
    return CORPUS
