"""Shared fixtures: real databases (a SQLite file and, where running, PostgreSQL) and the app.

Database tests take the ``db_url`` fixture, parametrised over ``sqlite`` and ``postgres``.
PostgreSQL is the local server at 127.0.0.1:5432 (trust auth); each run creates a throwaway
database and drops it at the end. Where the server is not reachable, the PostgreSQL variants
are skipped with a message saying so.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, text
from sqlalchemy.engine import Engine

from soyuzprom import migrate
from soyuzprom.areas import load_all_models
from soyuzprom.db import Base, make_engine, set_engine

PG_HOST = os.environ.get("SOYUZPROM_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("SOYUZPROM_TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("SOYUZPROM_TEST_PG_USER", "postgres")
# Reference tables are loaded once per database and kept between tests.
KEEP_TABLES = {"regions", "classifier_entries", "alembic_version"}


def _pg_admin_dsn() -> str:
    return f"host={PG_HOST} port={PG_PORT} user={PG_USER} dbname=postgres connect_timeout=3"


def _pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(_pg_admin_dsn(), autocommit=True) as conn:
            conn.execute("select 1")
        return None
    except Exception as exc:  # any failure means: not usable here
        return f"{type(exc).__name__}: {exc}".strip()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test run."""
    reason = _pg_available()
    if reason is not None:
        message = (
            f"PostgreSQL is not reachable at {PG_HOST}:{PG_PORT}; "
            f"skipping PostgreSQL tests ({reason})"
        )
        print("\n" + message)
        pytest.skip(message)
    import psycopg

    name = f"soyuzprom_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_pg_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    try:
        yield f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(_pg_admin_dsn(), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


def load_test_reference(engine: Engine) -> None:
    """Regions and a slice of the classifiers (the full load is tested on its own)."""
    from soyuzprom.registry.models import ClassifierEntry, Region
    from soyuzprom.registry.reference import read_classifier, read_regions

    regions = [dataclasses.asdict(r) for r in read_regions()]
    oksm = [dataclasses.asdict(c) for c in read_classifier("oksm")]
    with engine.begin() as conn:
        if conn.execute(text("select count(*) from regions")).scalar():
            return
        conn.execute(insert(Region), regions)
        conn.execute(insert(ClassifierEntry), oksm)


def _prepared_engine(url: str) -> Engine:
    engine = make_engine(url)
    migrate.upgrade(engine)
    load_test_reference(engine)
    return engine


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path = tmp_path_factory.mktemp("db") / "test.db"
    engine = _prepared_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = _prepared_engine(pg_url)
    yield engine
    engine.dispose()


def _clean(engine: Engine) -> None:
    load_all_models()
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in KEEP_TABLES:
                conn.execute(delete(table))


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A migrated database with reference data, clean of other rows, installed process-wide."""
    eng: Engine = request.getfixturevalue(
        f"{'pg' if request.param == 'postgres' else 'sqlite'}_engine"
    )
    _clean(eng)
    set_engine(eng)
    yield eng
    set_engine(None)


@pytest.fixture
def sqlite_only(sqlite_engine: Engine) -> Iterator[Engine]:
    """The SQLite database alone, for tests that need no second run on PostgreSQL."""
    _clean(sqlite_engine)
    set_engine(sqlite_engine)
    yield sqlite_engine
    set_engine(None)


@pytest.fixture
def client(engine: Engine) -> Iterator[object]:
    """An HTTP client on the real app over the parametrised database."""
    from fastapi.testclient import TestClient

    from soyuzprom.web.app import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


@pytest.fixture
def shared_dir(repo_root: Path) -> Path:
    """The ../shared folder beside the checkout (skip when it is not there)."""
    path = repo_root.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is not present; tests on the shared real samples are skipped")
    return path
