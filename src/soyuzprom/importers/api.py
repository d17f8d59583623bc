"""Import routes: the available importers, the import runs and their counts and errors.

Files are imported from the CLI (``soyuzprom import <format> FILE``); over HTTP the runs
are read. Paths are relative to ``/api/v1``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from soyuzprom.core.api_factory import ERRORS, SessionDep
from soyuzprom.importers import service

router = APIRouter(tags=["imports"], responses=ERRORS)


class ImportFormat(BaseModel):
    name: str
    title: str


class ImportRunRead(BaseModel):
    id: int
    importer: str
    file_name: str
    file_hash: str | None
    status: str
    started_at: datetime
    finished_at: datetime | None
    counts: dict[str, Any]
    errors: list[Any]
    checkpoint: dict[str, Any]
    author: str


class ImportRunPage(BaseModel):
    items: list[ImportRunRead]
    total: int
    limit: int
    offset: int


@router.get("/imports/formats", summary="Форматы импорта", response_model=list[ImportFormat])
def list_formats() -> list[dict[str, str]]:
    return service.formats()


@router.get("/imports", summary="Запуски импорта", response_model=ImportRunPage)
def list_imports(
    session: SessionDep,
    importer: str | None = None,
    status: str | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    return service.list_runs(session, importer=importer, status=status, limit=limit,
                             offset=offset)


@router.get("/imports/{run_id}", summary="Запуск импорта", response_model=ImportRunRead)
def get_import(run_id: int, session: SessionDep) -> dict[str, Any]:
    return service.get_run(session, run_id)
