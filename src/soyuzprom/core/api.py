"""Routes of cross-cutting records: provenance and audit trail of any record, sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from soyuzprom.core.api_factory import ERRORS, SessionDep
from soyuzprom.core.history import audit_of, describe_source, provenance_of
from soyuzprom.errors import NotFoundError

router = APIRouter(tags=["provenance"], responses=ERRORS)


@router.get("/provenance/{entity_type}/{entity_id}", summary="Источники полей записи")
def get_provenance(entity_type: str, entity_id: int, session: SessionDep) -> dict[str, Any]:
    return provenance_of(session, entity_type, entity_id)


@router.get("/audit/{entity_type}/{entity_id}", summary="Журнал изменений записи")
def get_audit(entity_type: str, entity_id: int, session: SessionDep) -> list[dict[str, Any]]:
    return audit_of(session, entity_type, entity_id)


@router.get("/sources/{source_id}", summary="Источник")
def get_source(source_id: int, session: SessionDep) -> dict[str, Any]:
    found = describe_source(session, source_id)
    if found is None:
        raise NotFoundError(f"Источник {source_id} не найден", field="source_id")
    return found
