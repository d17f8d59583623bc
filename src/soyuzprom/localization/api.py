"""Localization routes under /api/v1: score, plan, and rulebook CRUD.

``POST /localization/score`` and ``POST /localization/plan`` take a rulebook reference and
a product configuration document; ``/localization/rulebooks`` stores rulebooks (JSON or
YAML), refusing invalid ones with 422 and the path inside the document in ``field``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy.orm import Session

from soyuzprom.core.api_factory import ERRORS, SessionDep, crud_router
from soyuzprom.localization import schemas as s
from soyuzprom.localization import service
from soyuzprom.localization.loader import rulebook_from_data
from soyuzprom.localization.model import Rulebook
from soyuzprom.localization.product_loader import product_from_data
from soyuzprom.localization.report import plan_report_to_dict
from soyuzprom.localization.serialize import score_to_dict

router = APIRouter()
router.include_router(
    crud_router(
        service.rulebooks,
        path="/localization/rulebooks",
        tag="localization",
        read=s.RulebookRead,
        create=s.RulebookCreate,
        update=s.RulebookUpdate,
        filters=s.RulebookFilter,
    )
)


def _rulebook(session: Session, req: s.ScoreRequest) -> Rulebook:
    if req.rulebook is not None:
        return rulebook_from_data(req.rulebook, "rulebook")
    return service.stored_rulebook(session, rulebook_id=req.rulebook_id, key=req.rulebook_key)


@router.post("/localization/score", tags=["localization"], responses=ERRORS,
             summary="Оценка продукции по ПП 719 и режиму ЕАЭС на дату")
def score(req: s.ScoreRequest, session: SessionDep) -> dict[str, Any]:
    rulebook = _rulebook(session, req)
    config = product_from_data(req.product, "product")
    return score_to_dict(service.score(rulebook, config, req.date))


@router.post("/localization/plan", tags=["localization"], responses=ERRORS,
             summary="План локализации: минимальная стоимость, баллы в бюджете, граница Парето")
def plan(req: s.PlanRequest, session: SessionDep) -> dict[str, Any]:
    rulebook = _rulebook(session, req)
    config = product_from_data(req.product, "product")
    service.check_suppliers(session, config)
    report = service.plan(rulebook, config, target=req.date, start=req.start,
                          budget=req.budget, frontier=req.frontier)
    return plan_report_to_dict(report)
