"""Secondary indexes set aside by a big SQLite import come back, whatever happens.

A run that will fill an (almost) empty table drops the table's non-unique indexes and
rebuilds them when it ends: completed, failed or interrupted. A run killed outright leaves
them dropped; the next run, ``migrate.upgrade`` (``soyuzprom init``) create them again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from soyuzprom import migrate
from soyuzprom.errors import InputFormatError
from soyuzprom.importers import _indexes, runner
from soyuzprom.importers.fixtures_fns import write_broken_copy, write_rsmp_zip
from soyuzprom.importers.runner import run_import


def _names(engine: Engine) -> set[str]:
    inspector = inspect(engine)
    return {str(i["name"]) for table in _indexes.BULK_TABLES
            for i in inspector.get_indexes(table)}


@pytest.fixture
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Bulk mode from a few records on; records what was dropped."""
    monkeypatch.setattr(_indexes, "MIN_RECORDS", 10)
    dropped: list[list[str]] = []
    drop = _indexes.drop

    def recording(conn: object, tables: list[str]) -> list[str]:
        names = drop(conn, tables)  # type: ignore[arg-type]
        dropped.append(names)
        return names

    monkeypatch.setattr(_indexes, "drop", recording)
    return dropped


def test_migrations_and_models_agree(engine: Engine) -> None:
    with engine.begin() as conn:
        assert _indexes.restore(conn) == []
    assert "ix_organizations_name_key" in _names(engine)


def test_big_run_rebuilds_the_indexes(engine: Engine, tmp_path: Path,
                                      small_bulk: list[list[str]]) -> None:
    before = _names(engine)
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 60, per_file=20)
    summary = run_import(engine, "fns-rsmp", path)
    assert summary.counts["inserted"] == 60
    if engine.dialect.name == "sqlite":
        assert "ix_organizations_name" in small_bulk[0]
    else:
        assert small_bulk == []  # PostgreSQL keeps its indexes
    assert _names(engine) == before
    # A second run is small against the table: indexes stay.
    small_bulk.clear()
    assert run_import(engine, "fns-rsmp", path).counts["unchanged"] == 60
    assert small_bulk == []


@pytest.mark.parametrize("how", ["broken member", "interrupted"])
def test_failed_run_rebuilds_the_indexes(engine: Engine, tmp_path: Path,
                                         small_bulk: list[list[str]], how: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = _names(engine)
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 60, per_file=20)
    if how == "broken member":
        write_broken_copy(path, path, 2)
        error: type[BaseException] = InputFormatError
    else:
        write = runner._write_items

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(runner, "_write_items", interrupted)
        error = KeyboardInterrupt
    with pytest.raises(error):
        run_import(engine, "fns-rsmp", path)
    if how == "interrupted":
        monkeypatch.setattr(runner, "_write_items", write)
    assert bool(small_bulk) == (engine.dialect.name == "sqlite")
    assert _names(engine) == before


def test_killed_run_is_repaired_by_the_next_run_and_by_migrate(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    engine = sqlite_engine
    before = _names(engine)
    with engine.connect() as conn:  # what a killed bulk run leaves behind
        dropped = _indexes.drop(conn, list(_indexes.BULK_TABLES))
    assert "ix_organizations_name" in dropped and not before & set(dropped) & _names(engine)
    migrate.upgrade(engine)
    assert _names(engine) == before
    with engine.connect() as conn:
        _indexes.drop(conn, list(_indexes.BULK_TABLES))
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 5, per_file=5)
    run_import(engine, "fns-rsmp", path)
    assert _names(engine) == before


def test_failed_rebuild_marks_the_run_failed(sqlite_only: Engine, tmp_path: Path,
                                             small_bulk: list[list[str]],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild that fails (a full disk) leaves no run ``running``: it is recorded as
    failed with the reason, and the next run restores the indexes first."""
    engine = sqlite_only
    before = _names(engine)
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 60, per_file=20)
    rebuilt = _indexes.rebuilt

    def full_disk(*args: object) -> None:
        raise OSError("database or disk is full")

    monkeypatch.setattr(_indexes, "rebuilt", full_disk)
    with pytest.raises(OSError):
        run_import(engine, "fns-rsmp", path)
    with engine.connect() as conn:
        status, errors = conn.exec_driver_sql(
            "SELECT status, errors FROM import_runs ORDER BY id DESC LIMIT 1").one()
    messages = [e["message"] for e in json.loads(errors)]
    assert status == "failed" and any("Индексы не восстановлены" in m for m in messages)
    monkeypatch.setattr(_indexes, "rebuilt", rebuilt)
    assert _names(engine) != before  # still set aside ...
    run_import(engine, "fns-rsmp", path)  # ... until the next run of a bulk importer
    assert _names(engine) == before
