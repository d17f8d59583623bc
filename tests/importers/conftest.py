"""Fixtures of the importer tests: the copied real samples, generated files, helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def shared_samples(repo_root: Path) -> Path | None:
    """``<repo>/../shared/data/samples`` (or ``$SOYUZPROM_SHARED_DIR/data/samples``)."""
    candidates = [repo_root.parent / "shared"]
    if os.environ.get("SOYUZPROM_SHARED_DIR"):
        candidates.insert(0, Path(os.environ["SOYUZPROM_SHARED_DIR"]))
    for base in candidates:
        if (base / "data" / "samples").is_dir():
            return base / "data" / "samples"
    return None


def row_counts(engine: Engine, *tables: str) -> dict[str, int]:
    """Rows per table: the tests' picture of "the database changed or not"."""
    from soyuzprom.areas import load_all_models
    from soyuzprom.db import Base

    load_all_models()
    names = tables or ("organizations", "organization_activities", "ownerships", "products",
                       "product_registry_entries", "indicators", "audit_log",
                       "field_provenance", "import_record_states")
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(Base.metadata.tables[name]))
                for name in names}
