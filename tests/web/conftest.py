"""Fixtures of the web tests: the seeded story and the fixed day deadlines are judged by."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from web_story import Seeded, seed

from soyuzprom.web import deps

TODAY = date(2026, 3, 1)


@pytest.fixture
def seeded(engine: Engine) -> Seeded:
    return seed(engine)


@pytest.fixture
def web(client: object, seeded: Seeded) -> Iterator[object]:
    """The HTTP client over the seeded database, with today fixed at :data:`TODAY`."""
    app = client.app  # type: ignore[attr-defined]
    app.dependency_overrides[deps.today] = lambda: TODAY
    yield client
    app.dependency_overrides.pop(deps.today, None)
