"""Fixtures for press extraction tests: one extractor per test session."""

from __future__ import annotations

import pytest

from soyuzprom.press.extraction import Extractor, get_extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return get_extractor()
