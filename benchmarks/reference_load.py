"""Benchmark: loading the packaged reference data into a fresh SQLite file.

Measures, in one run and on the same rows (all regions and classifier entries):

* ``load_reference`` (bulk insert of new rows, bulk update of changed ones), first load into
  an empty database and the second, idempotent load;
* the baseline a straightforward loader would use: per row, look the entry up by its key
  through the ORM and add it when missing (``session.get``-style get-or-create).

Prints a final JSON line of figures (seconds and rows per second).

    PYTHONPATH=src python benchmarks/reference_load.py
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from rich.progress import Progress
from sqlalchemy import select
from sqlalchemy.engine import Engine

from soyuzprom import migrate
from soyuzprom.db import make_engine, session_scope
from soyuzprom.registry.models import ClassifierEntry, Region
from soyuzprom.registry.reference import load_reference, read_classifiers, read_regions


def _fresh_engine(folder: Path, name: str) -> Engine:
    engine = make_engine(f"sqlite:///{folder / name}")
    migrate.upgrade(engine)
    return engine


def _ours(folder: Path) -> tuple[float, float, int]:
    engine = _fresh_engine(folder, "ours.db")
    start = time.perf_counter()
    with session_scope(engine) as session:
        counts = load_reference(session)
    first = time.perf_counter() - start
    start = time.perf_counter()
    with session_scope(engine) as session:
        load_reference(session)
    second = time.perf_counter() - start
    engine.dispose()
    return first, second, counts["regions"] + counts["classifier_entries"]


def _baseline(folder: Path) -> tuple[float, int]:
    engine = _fresh_engine(folder, "baseline.db")
    regions = read_regions()
    entries = list(read_classifiers())
    start = time.perf_counter()
    with session_scope(engine) as session, Progress(transient=True) as progress:
        task = progress.add_task("baseline: get-or-create per row", total=len(entries))
        for r in regions:
            if session.scalar(select(Region.id).where(Region.code == r.code)) is None:
                session.add(Region(**{f: getattr(r, f) for f in r.__dataclass_fields__}))
        for i, e in enumerate(entries):
            found = session.scalar(
                select(ClassifierEntry.id).where(
                    ClassifierEntry.scheme == e.scheme, ClassifierEntry.code == e.code
                )
            )
            if found is None:
                session.add(ClassifierEntry(
                    scheme=e.scheme, code=e.code, name=e.name,
                    parent_code=e.parent_code, extra=e.extra,
                ))
            if i % 1000 == 0:
                progress.update(task, completed=i)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed, len(regions) + len(entries)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first, second, rows = _ours(folder)
        base, base_rows = _baseline(folder)
    assert rows == base_rows
    figures = {
        "rows": rows,
        "load_reference_first_s": round(first, 2),
        "load_reference_second_s": round(second, 2),
        "baseline_get_or_create_s": round(base, 2),
        "load_reference_rows_per_s": round(rows / first),
        "baseline_rows_per_s": round(rows / base),
        "speedup": round(base / first, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
