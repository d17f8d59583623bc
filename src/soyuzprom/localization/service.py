"""Localization use cases: score, plan, and rulebooks stored in the database.

The API and the CLI call these; scoring and planning are pure (they take loaded
rulebooks and configurations), the rulebook store uses a :class:`CrudService`.

Example::

    >>> report = plan(rulebook, bus, target=date(2027, 1, 1), budget=10_000_000)
    >>> report.min_cost.cost, report.max_points.points_after
    (30500000, 1030)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.crud import CrudService, equals
from soyuzprom.errors import DomainValidationError, NotFoundError
from soyuzprom.localization import models
from soyuzprom.localization.catalog import shipped_rulebooks
from soyuzprom.localization.loader import build_rulebook, rulebook_from_data
from soyuzprom.localization.model import Rulebook
from soyuzprom.localization.planner import (
    FrontierPoint,
    Plan,
    max_points_plan,
    min_cost_plan,
    pareto_frontier,
)
from soyuzprom.localization.problem import Exclusion, prepare
from soyuzprom.localization.product import ProductConfig
from soyuzprom.localization.scoring import ScoreResult, resolve_group
from soyuzprom.localization.scoring import score as score_config
from soyuzprom.localization.yamlio import parse_yaml


@dataclass(frozen=True)
class PlanReport:
    """Everything ``plan`` answers: today's score, the plans, and unused actions."""

    score: ScoreResult
    target: date
    start: date
    min_cost: Plan
    max_points: Plan | None
    frontier: tuple[FrontierPoint, ...] | None
    excluded: tuple[Exclusion, ...]


def score(rulebook: Rulebook, config: ProductConfig, on: date) -> ScoreResult:
    """Score a product under Decree 719 and the EAEU regime on a date."""
    return score_config(rulebook, config, on)


def plan(rulebook: Rulebook, config: ProductConfig, *, target: date, start: date | None = None,
         budget: int | None = None, frontier: bool = False, today: date | None = None
         ) -> PlanReport:
    """Cheapest plan to qualify by ``target``; with ``budget`` also the most points within it.

    Work starts at ``start``, else the configuration's ``as_of``, else ``today`` (the
    caller's clock; ``date.today()`` when not given).
    """
    group = resolve_group(rulebook, config)
    begin = start or config.as_of or today or date.today()
    problem = prepare(group, config, target=target, start=begin)
    return PlanReport(
        score=score_config(rulebook, config, target),
        target=target,
        start=begin,
        min_cost=min_cost_plan(problem, budget=budget),
        max_points=max_points_plan(problem, budget) if budget is not None else None,
        frontier=pareto_frontier(problem) if frontier else None,
        excluded=problem.excluded,
    )


def check_suppliers(session: Session, config: ProductConfig) -> None:
    """Suppliers of candidate actions that name a registry organization must exist there,
    and the organization's country must be the action's country.

    Raises NotFoundError / DomainValidationError naming ``candidate_actions[i].supplier``.
    """
    from soyuzprom.registry.models import Organization

    for i, action in enumerate(config.actions):
        ref, field = action.supplier, f"candidate_actions[{i}].supplier"
        if ref is None:
            continue
        org = None
        if ref.organization_id is not None:
            org = session.get(Organization, ref.organization_id)
            if org is None:
                raise NotFoundError(
                    f"поставщик: организация #{ref.organization_id} не найдена в реестре",
                    field=f"{field}.organization_id")
        elif ref.inn is not None:
            org = session.scalar(select(Organization).where(Organization.inn == ref.inn))
        elif ref.unp is not None:
            org = session.scalar(select(Organization).where(Organization.unp == ref.unp))
        if org is not None and org.country != action.country:
            raise DomainValidationError(
                f"поставщик «{org.name}» из страны {org.country}, а действие указано "
                f"для страны {action.country}",
                field=f"{field}", details={"organization_id": org.id})


# -- stored rulebooks ------------------------------------------------------------------


def _rulebook_columns(session: Session, payload: dict[str, Any],
                      obj: models.Rulebook | None) -> dict[str, Any]:
    """Validate the document (JSON or YAML) and derive the listing columns from it."""
    if payload.get("yaml") is not None:
        doc = parse_yaml(payload["yaml"], "yaml")
        rulebook, data = build_rulebook(doc), doc.data
    elif payload.get("document") is not None:
        data = payload["document"]
        rulebook = rulebook_from_data(data, "document")
    else:
        return {}
    return {"key": rulebook.id, "title": rulebook.title, "rulebook_version": rulebook.version,
            "status": rulebook.status.value, "complete": rulebook.complete, "document": data}


rulebooks: CrudService[models.Rulebook] = CrudService(
    model=models.Rulebook,
    label="Свод правил",
    filters={"status": equals(models.Rulebook.status), "key": equals(models.Rulebook.key)},
    search=(models.Rulebook.title, models.Rulebook.key),
    sortable=("id", "key", "title", "updated_at"),
    default_sort="key",
    before_write=_rulebook_columns,
)


def stored_rulebook(session: Session, *, rulebook_id: int | None = None,
                    key: str | None = None) -> Rulebook:
    """A stored rulebook by id or key; a key may also name a shipped rulebook."""
    if rulebook_id is not None:
        row = rulebooks.get(session, rulebook_id)
        return rulebook_from_data(row.document, f"rulebook #{row.id}")
    found = session.scalar(select(models.Rulebook).where(models.Rulebook.key == key))
    if found is not None:
        return rulebook_from_data(found.document, f"rulebook {found.key}")
    for shipped in shipped_rulebooks():
        if shipped.id == key:
            return shipped
    raise NotFoundError(f"свод правил «{key}» не найден", field="rulebook_key")
