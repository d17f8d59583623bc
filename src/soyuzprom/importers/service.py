"""Importer use cases, shared by the CLI and the API: import a file, list import runs.

Example:
    >>> summary = import_file("fns-egrul", Path("VO_RUGFO_....xml"))   # doctest: +SKIP
    >>> [run["status"] for run in list_runs(limit=1)]                   # doctest: +SKIP
    ['completed']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from soyuzprom.core.models import ImportRun
from soyuzprom.db import get_engine
from soyuzprom.errors import NotFoundError
from soyuzprom.importers import catalog
from soyuzprom.importers.runner import ImportSummary, Progress, run_import


def formats() -> list[dict[str, str]]:
    """The available importers: command name and title."""
    return [{"name": f.name, "title": f.title} for f in catalog.formats().values()]


def import_file(
    importer: str,
    path: Path,
    *,
    author: str = "system",
    progress: Progress | None = None,
    parallel: bool | None = None,
) -> ImportSummary:
    """Run ``importer`` over ``path`` on the process-wide database (see ``runner``)."""
    catalog.get(importer)  # NotFoundError for an unknown importer, before touching the file
    return run_import(get_engine(), importer, path, author=author, progress=progress,
                      parallel=parallel)


def _run_dict(run: ImportRun) -> dict[str, Any]:
    return {
        "id": run.id, "importer": run.importer, "file_name": run.file_name,
        "file_hash": run.file_hash, "status": run.status, "started_at": run.started_at,
        "finished_at": run.finished_at, "counts": run.counts, "errors": run.errors,
        "checkpoint": run.checkpoint, "author": run.author,
    }


def list_runs(session: Session, *, importer: str | None = None, status: str | None = None,
              limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Import runs, newest first, as a page ``{"items", "total", "limit", "offset"}``."""
    stmt = select(ImportRun)
    if importer:
        stmt = stmt.where(ImportRun.importer == importer)
    if status:
        stmt = stmt.where(ImportRun.status == status)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    runs = session.scalars(stmt.order_by(ImportRun.id.desc()).limit(limit).offset(offset))
    return {"items": [_run_dict(r) for r in runs], "total": total, "limit": limit,
            "offset": offset}


def get_run(session: Session, run_id: int) -> dict[str, Any]:
    """One import run with its counts, errors and checkpoint."""
    run = session.get(ImportRun, run_id)
    if run is None:
        raise NotFoundError(f"Импорт {run_id} не найден", field="run_id")
    return _run_dict(run)
