"""Migrations: they build the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from soyuzprom import migrate
from soyuzprom.areas import load_all_models
from soyuzprom.db import Base


def test_models_match_migrations(engine: Any) -> None:
    load_all_models()
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent(engine: Any) -> None:
    migrate.upgrade(engine)
    migrate.upgrade(engine)
