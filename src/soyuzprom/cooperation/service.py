"""Cooperation use cases: links, projects (with stage history), agreements, commitments,
indicators. Domain rules sit in the ``before_write`` hooks; nested lists in ``after_write``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import (
    Agreement,
    AgreementParty,
    Commitment,
    Indicator,
    Link,
    Project,
    ProjectParticipant,
    ProjectStage,
)
from soyuzprom.core.crud import CrudService, equals, one_of
from soyuzprom.errors import DomainValidationError
from soyuzprom.registry.models import Organization, Person, Product, Region
from soyuzprom.registry.service import region_by_code, require_exists


def _code_to_id(session: Session, payload: dict[str, Any], code_key: str, id_key: str) -> None:
    if code_key in payload:
        code = payload.pop(code_key)
        if code:
            payload[id_key] = region_by_code(session, code, field=code_key).id


def _region_filter(column: Any) -> Any:
    def apply(stmt: Select[Any], code: str) -> Select[Any]:
        return stmt.where(
            column == select(Region.id).where(Region.code == code.upper()).scalar_subquery()
        )

    return apply


def _check_period(payload: dict[str, Any], obj: Any, start: str, end: str) -> None:
    begin = payload.get(start, getattr(obj, start, None) if obj is not None else None)
    finish = payload.get(end, getattr(obj, end, None) if obj is not None else None)
    if begin and finish and finish < begin:
        raise DomainValidationError("Дата окончания раньше даты начала", field=end)


# -- links -----------------------------------------------------------------------------------


def _link_before(session: Session, payload: dict[str, Any], obj: Link | None) -> dict[str, Any]:
    _code_to_id(session, payload, "to_region_code", "to_region_id")
    require_exists(
        session, Organization, payload.get("from_organization_id"), "from_organization_id"
    )
    require_exists(session, Organization, payload.get("to_organization_id"), "to_organization_id")
    require_exists(session, Product, payload.get("product_id"), "product_id")
    target_org = payload.get("to_organization_id", obj.to_organization_id if obj else None)
    target_region = payload.get("to_region_id", obj.to_region_id if obj else None)
    if target_org is None and target_region is None:
        raise DomainValidationError(
            "Укажите получателя: организацию или регион", field="to_organization_id"
        )
    source = payload.get("from_organization_id", obj.from_organization_id if obj else None)
    if target_org is not None and target_org == source:
        raise DomainValidationError("Связь организации с самой собой", field="to_organization_id")
    _check_period(payload, obj, "period_start", "period_end")
    return payload


links: CrudService[Link] = CrudService(
    model=Link,
    label="Связь",
    filters={
        "type": one_of(Link.type),
        "status": one_of(Link.status),
        "organization_id": lambda s, v: s.where(
            or_(Link.from_organization_id == v, Link.to_organization_id == v)
        ),
        "from_organization_id": equals(Link.from_organization_id),
        "to_organization_id": equals(Link.to_organization_id),
        "to_region": _region_filter(Link.to_region_id),
    },
    search=(Link.object, Link.description),
    sortable=("id", "type", "status", "period_start", "value"),
    before_write=_link_before,
)


# -- projects --------------------------------------------------------------------------------


def _project_before(
    session: Session, payload: dict[str, Any], obj: Project | None
) -> dict[str, Any]:
    _code_to_id(session, payload, "host_region_code", "host_region_id")
    _check_period(payload, obj, "start_date", "end_date")
    return payload


def _project_after(session: Session, obj: Project, payload: dict[str, Any]) -> None:
    participants = payload.get("participants")
    if participants is not None:
        obj.participants.clear()
        for i, item in enumerate(participants):
            item = dict(item)
            require_exists(
                session, Organization, item["organization_id"], f"participants[{i}].organization_id"
            )
            obj.participants.append(ProjectParticipant(**item))
    # The stage history records every stage the project has been put in, first one included.
    if not obj.stages or obj.stages[-1].stage != obj.stage:
        obj.stages.append(ProjectStage(stage=obj.stage, note=payload.get("stage_note")))


projects: CrudService[Project] = CrudService(
    model=Project,
    label="Проект",
    filters={
        "stage": one_of(Project.stage),
        "host_region": _region_filter(Project.host_region_id),
        "organization_id": lambda s, v: s.where(
            Project.id.in_(
                select(ProjectParticipant.project_id).where(ProjectParticipant.organization_id == v)
            )
        ),
    },
    search=(Project.name, Project.description),
    sortable=("id", "name", "stage", "amount", "start_date"),
    default_sort="name",
    before_write=_project_before,
    after_write=_project_after,
    nested=("participants", "stage_note"),
)


# -- agreements and commitments ---------------------------------------------------------------


def _agreement_after(session: Session, obj: Agreement, payload: dict[str, Any]) -> None:
    parties = payload.get("parties")
    if parties is None:
        return
    obj.parties.clear()
    for i, item in enumerate(parties):
        item = dict(item)
        _code_to_id(session, item, "region_code", "region_id")
        if not any(item.get(k) for k in ("organization_id", "region_id", "person_id")):
            raise DomainValidationError(
                "Сторона должна быть организацией, регионом или персоной", field=f"parties[{i}]"
            )
        require_exists(
            session, Organization, item.get("organization_id"), f"parties[{i}].organization_id"
        )
        require_exists(session, Person, item.get("person_id"), f"parties[{i}].person_id")
        obj.parties.append(AgreementParty(**item))


agreements: CrudService[Agreement] = CrudService(
    model=Agreement,
    label="Соглашение",
    filters={
        "kind": one_of(Agreement.kind),
        "organization_id": lambda s, v: s.where(
            Agreement.id.in_(
                select(AgreementParty.agreement_id).where(AgreementParty.organization_id == v)
            )
        ),
        "date_from": lambda s, v: s.where(Agreement.date >= v),
        "date_to": lambda s, v: s.where(Agreement.date <= v),
    },
    search=(Agreement.title, Agreement.event, Agreement.description),
    sortable=("id", "date", "title", "kind"),
    default_sort="-date",
    after_write=_agreement_after,
    nested=("parties",),
)


def _commitment_before(
    session: Session, payload: dict[str, Any], obj: Commitment | None
) -> dict[str, Any]:
    require_exists(session, Agreement, payload.get("agreement_id"), "agreement_id")
    require_exists(
        session, Organization, payload.get("owner_organization_id"), "owner_organization_id"
    )
    require_exists(session, Person, payload.get("owner_person_id"), "owner_person_id")
    _code_to_id(session, payload, "owner_region_code", "owner_region_id")
    return payload


def _overdue(stmt: Select[Any], on: date) -> Select[Any]:
    return stmt.where(
        Commitment.due_date < on, Commitment.status.in_(("open", "in_progress", "overdue"))
    )


commitments: CrudService[Commitment] = CrudService(
    model=Commitment,
    label="Поручение",
    filters={
        "agreement_id": equals(Commitment.agreement_id),
        "status": one_of(Commitment.status),
        "owner_organization_id": equals(Commitment.owner_organization_id),
        "overdue_on": _overdue,
    },
    search=(Commitment.text,),
    sortable=("id", "due_date", "status"),
    default_sort="due_date",
    before_write=_commitment_before,
)


# -- indicators ------------------------------------------------------------------------------

_PERIOD = re.compile(r"^(|\d{4}|\d{4}-\d{4}|\d{4}-\d{2}(\.\.\d{4}-\d{2})?|\d{4}-Q[1-4]|target)$")


def _indicator_before(
    session: Session, payload: dict[str, Any], obj: Indicator | None
) -> dict[str, Any]:
    _code_to_id(session, payload, "subject_region_code", "subject_region_id")
    _code_to_id(session, payload, "counterpart_region_code", "counterpart_region_id")
    require_exists(
        session, Organization, payload.get("subject_organization_id"), "subject_organization_id"
    )
    require_exists(
        session,
        Organization,
        payload.get("counterpart_organization_id"),
        "counterpart_organization_id",
    )
    period = payload.get("period")
    if period is not None and not _PERIOD.match(period):
        raise DomainValidationError(
            "Период: YYYY, YYYY-YYYY, YYYY-MM, YYYY-MM..YYYY-MM, YYYY-Qn, target или пусто",
            field="period",
        )
    if period and re.fullmatch(r"\d{4}", period):
        if payload.get("period_start") is None:
            payload["period_start"] = date(int(period), 1, 1)
        if payload.get("period_end") is None:
            payload["period_end"] = date(int(period), 12, 31)
    subject = (
        payload.get("subject_region_id", obj.subject_region_id if obj else None),
        payload.get("subject_organization_id", obj.subject_organization_id if obj else None),
    )
    if subject == (None, None):
        raise DomainValidationError(
            "Укажите субъект показателя: регион или организацию", field="subject_region_code"
        )
    return payload


indicators: CrudService[Indicator] = CrudService(
    model=Indicator,
    label="Показатель",
    filters={
        "metric": one_of(Indicator.metric),
        "subject_region": _region_filter(Indicator.subject_region_id),
        "counterpart_region": _region_filter(Indicator.counterpart_region_id),
        "subject_organization_id": equals(Indicator.subject_organization_id),
        "period": equals(Indicator.period),
        "unit": equals(Indicator.unit),
    },
    search=(Indicator.metric, Indicator.description),
    sortable=("id", "metric", "period", "value"),
    default_sort="metric",
    before_write=_indicator_before,
)
