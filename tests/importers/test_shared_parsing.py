"""With a producer process, the writer parses the units the producer has not got to yet.

Both processes take units from one shared counter; the writer takes one whenever the
queue is empty. Whoever parses a unit, the database ends the same as after a run in one
process, a broken unit fails the run, and a resumed run reads only what is missing. The
producer is slowed down here (in the producer process only) so that the writer certainly
finds the queue empty.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from tests.importers.test_rsmp_merge import _picture

from soyuzprom.core.models import AuditEntry, ImportRun, Source
from soyuzprom.errors import InputFormatError
from soyuzprom.importers import runner
from soyuzprom.importers.fixtures_fns import write_broken_copy, write_rsmp_zip
from soyuzprom.importers.models import ImportRecordState
from soyuzprom.registry.models import Organization, OrganizationActivity, Product

MEMBERS = 8


@pytest.fixture
def writer_units(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the units the writer (this process) parsed; the producer process
    sleeps before each of its units."""
    parent = os.getpid()
    original = runner._unit_messages
    taken: list[str] = []

    def unit_messages(unit: Any, *args: Any) -> Iterator[Any]:
        if os.getpid() != parent:
            time.sleep(0.3)
        elif unit.name not in args[0]:  # not a unit a resumed run skips
            taken.append(unit.name)
        yield from original(unit, *args)

    monkeypatch.setattr(runner, "_unit_messages", unit_messages)
    return taken


def _clean(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in (ImportRecordState, Product, OrganizationActivity, Organization,
                      AuditEntry, Source, ImportRun):
            conn.execute(delete(table.__table__))  # type: ignore[arg-type]


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, MEMBERS * 40, per_file=40, shape="dump")
    return path


def test_shared_parsing_writes_what_one_process_writes(
    engine: Engine, tmp_path: Path, writer_units: list[str]
) -> None:
    path = _dump(tmp_path)
    _clean(engine)
    alone = runner.run_import(engine, "fns-rsmp", path, parallel=False)
    expected = _picture(engine)
    assert len(writer_units) == MEMBERS  # one process parses everything
    writer_units.clear()
    _clean(engine)
    shared = runner.run_import(engine, "fns-rsmp", path, parallel=True)
    assert 0 < len(writer_units) < MEMBERS  # both processes parsed units
    assert shared.counts == alone.counts
    assert _picture(engine) == expected


def test_shared_parsing_broken_unit_and_resume(
    engine: Engine, tmp_path: Path, writer_units: list[str]
) -> None:
    path = _dump(tmp_path)
    broken = tmp_path / "broken.zip"
    broken_member = write_broken_copy(path, broken, 3)
    _clean(engine)
    with pytest.raises(InputFormatError):
        runner.run_import(engine, "fns-rsmp", broken, parallel=True, group_records=0)
    with engine.connect() as conn:
        failed = conn.execute(select(ImportRun).order_by(ImportRun.id.desc())).first()
        stored = conn.scalar(select(func.count()).select_from(Organization))
    assert failed is not None and failed.status == "failed"
    done = failed.checkpoint["done_units"]
    assert broken_member not in done
    assert stored == 40 * len(done)  # exactly the units the checkpoint names
    # The same file again, repaired: a new run (another SHA-256) skips nothing but
    # changes nothing it already has.
    repaired = runner.run_import(engine, "fns-rsmp", path, parallel=True)
    assert repaired.counts["inserted"] == 40 * (MEMBERS - len(done))
    assert repaired.counts["unchanged"] == 40 * len(done)
