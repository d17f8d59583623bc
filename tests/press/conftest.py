"""Press fixtures: one extractor per test session, the fixture files, a local HTTP server
and a small registry.

The HTTP server is a real ``ThreadingHTTPServer`` on 127.0.0.1 serving ``fixtures/`` (feeds
are served with the content types real sites use), so URL ingestion runs the real httpx
adapter over a real socket. The extractor is the project's real one (natasha models), loaded
once per test session.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from soyuzprom.core.text import name_key
from soyuzprom.db import session_scope
from soyuzprom.press.extraction import Extractor, get_extractor
from soyuzprom.registry.models import Organization, OrganizationAlias, Region

FIXTURES = Path(__file__).parent / "fixtures"


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                               ".xml": "application/rss+xml",
                               ".html": "text/html; charset=utf-8"}
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    """Base URL of a local server over ``tests/press/fixtures``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(FIXTURES)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor (models load once per session)."""
    return get_extractor()


def inn10(prefix: str) -> str:
    """A 10-digit INN with a correct check digit (test identifiers, not real companies)."""
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return prefix + str(sum(w * int(d) for w, d in zip(weights, prefix, strict=True)) % 11 % 10)


VYAZMA_INN = inn10("672200031")
ORSHA_UNP = "100582333"

# (name, country, region code, INN, UNP, aliases)
REGISTRY = [
    ("Вяземский машиностроительный завод", "RU", "RU-SMO", VYAZMA_INN, None, []),
    ("Минский автомобильный завод", "BY", "BY-HM", None, None, ["МАЗ"]),
    ("Оршанский льнокомбинат", "BY", "BY-VI", None, ORSHA_UNP, []),
    ("Амкодор", "BY", "BY-HM", None, None, []),
    ("Минский тракторный завод", "BY", "BY-HM", None, None, ["МТЗ"]),
    ("Пинский автомобильный завод", "BY", "BY-BR", None, None, []),
    ("Белорусский металлургический завод", "BY", "BY-HO", None, None, []),
    ("Смоленский автоагрегатный завод", "RU", "RU-SMO", None, None, []),
    ("Смоленский авиационный завод", "RU", "RU-SMO", None, None, []),
    # two registry records with one name: a mention of it is ambiguous
    ("Агромаш", "RU", "RU-SMO", None, None, []),
    ("Агромаш", "BY", "BY-HO", None, None, []),
]


def seed_registry(engine: Engine) -> dict[str, int]:
    """Registry organizations used by the press tests; returns name -> id."""
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        regions = {r.code: r.id for r in session.query(Region)}
        for name, country, region, inn, unp, aliases in REGISTRY:
            org = Organization(name=name, name_key=name_key(name), country=country,
                               region_id=regions[region], inn=inn, unp=unp, kind="enterprise")
            org.aliases = [OrganizationAlias(alias=a, alias_key=name_key(a), kind="initialism")
                           for a in aliases]
            session.add(org)
            session.flush()
            ids[name] = org.id
    return ids


@pytest.fixture
def registry(engine: Engine) -> dict[str, int]:
    return seed_registry(engine)
