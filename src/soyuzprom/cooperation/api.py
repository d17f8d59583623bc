"""Cooperation routes under /api/v1: links, projects, agreements, commitments, indicators."""

from __future__ import annotations

from fastapi import APIRouter

from soyuzprom.cooperation import schemas as s
from soyuzprom.cooperation import service
from soyuzprom.core.api_factory import crud_router

router = APIRouter()
for svc, path, tag, read, create, update, flt in (
    (service.links, "/links", "links", s.LinkRead, s.LinkCreate, s.LinkUpdate, s.LinkFilter),
    (
        service.projects,
        "/projects",
        "projects",
        s.ProjectRead,
        s.ProjectCreate,
        s.ProjectUpdate,
        s.ProjectFilter,
    ),
    (
        service.agreements,
        "/agreements",
        "agreements",
        s.AgreementRead,
        s.AgreementCreate,
        s.AgreementUpdate,
        s.AgreementFilter,
    ),
    (
        service.commitments,
        "/commitments",
        "agreements",
        s.CommitmentRead,
        s.CommitmentCreate,
        s.CommitmentUpdate,
        s.CommitmentFilter,
    ),
    (
        service.indicators,
        "/indicators",
        "indicators",
        s.IndicatorRead,
        s.IndicatorCreate,
        s.IndicatorUpdate,
        s.IndicatorFilter,
    ),
):
    router.include_router(
        crud_router(svc, path=path, tag=tag, read=read, create=create, update=update, filters=flt)
    )
