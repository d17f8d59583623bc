"""Fixtures of the importer tests: the copied real samples, generated files, helpers."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def counts() -> Callable[..., dict[str, int]]:
    """``counts(engine, *tables)``: rows per table, the tests' picture of "changed or not"."""
    return row_counts


@pytest.fixture
def egrul_dir(repo_root: Path) -> Path:
    """The real ЕГРЮЛ samples in ``<repo>/../shared`` (skip with a message when absent)."""
    samples = shared_samples(repo_root)
    if samples is None or not (samples / "fns_egrul").is_dir():
        pytest.skip(f"real ЕГРЮЛ samples not found at {repo_root.parent / 'shared'}"
                    "/data/samples/fns_egrul (they may not be copied into the project)")
    return samples / "fns_egrul"


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
