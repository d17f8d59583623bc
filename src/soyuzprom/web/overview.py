"""The «Обзор» dashboard: what the registry and the cooperation graph hold right now.

Counts come from grouped queries; indicators and commitments are read through the same
``CrudService`` objects the API serves (``indicators.list``, ``commitments.list`` with the
``overdue_on`` filter), so the dashboard shows exactly what the API would return.

Example:
    >>> view = build_overview(session, today=date(2026, 1, 15))
    >>> view.organizations_by_country[0]
    CountRow(code='RU', count=12)
    >>> view.overdue[0].text
    'Проработать поставку сушильного оборудования'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import (
    Agreement,
    Commitment,
    Indicator,
    Link,
    Project,
)
from soyuzprom.cooperation.service import commitments, indicators
from soyuzprom.core.schemas import ListQuery
from soyuzprom.registry.models import Organization
from soyuzprom.web.labels import labels
from soyuzprom.web.lookup import Names, value_source

KEY_INDICATORS_SHOWN = 8
# Statuses of a commitment still to be fulfilled (as the service's ``overdue_on`` filter).
OPEN_COMMITMENT_STATUSES = ("open", "in_progress", "overdue")


@dataclass(frozen=True)
class CountRow:
    code: str
    count: int


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator ready to show: names resolved, source described."""

    id: int
    metric: str
    subject: str
    counterpart: str
    period: str
    value: float
    unit: str
    qualifier: str
    source: dict[str, Any] | None


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    version: int
    agreement_id: int
    agreement_title: str
    text: str
    owner: str
    due_date: date | None
    status: str
    overdue: bool


@dataclass(frozen=True)
class Overview:
    totals: dict[str, int]
    organizations_by_country: list[CountRow]
    links_by_type: list[CountRow]
    key_indicators: list[IndicatorRow]
    open_commitments: int
    overdue_count: int
    overdue: list[CommitmentRow]


def _grouped(session: Session, column: Any) -> list[CountRow]:
    rows = session.execute(
        select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
    ).all()
    return [CountRow(str(code), int(count)) for code, count in rows]


def _count(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def indicator_rows(session: Session, items: list[Indicator]) -> list[IndicatorRow]:
    """Indicators with subject/counterpart names and the source of their value."""
    names = Names.load(
        session,
        organizations=[i.subject_organization_id for i in items]
        + [i.counterpart_organization_id for i in items],
        regions=[i.subject_region_id for i in items] + [i.counterpart_region_id for i in items],
    )
    return [
        IndicatorRow(
            id=i.id,
            metric=i.metric,
            subject=names.region(i.subject_region_id)
            or names.organization(i.subject_organization_id),
            counterpart=names.region(i.counterpart_region_id)
            or names.organization(i.counterpart_organization_id),
            period=i.period,
            value=i.value,
            unit=i.unit,
            qualifier=i.qualifier,
            source=value_source(session, "indicators", i.id, i.source_id),
        )
        for i in items
    ]


def commitment_rows(session: Session, items: list[Commitment], today: date) -> list[CommitmentRow]:
    """Commitments with the agreement title, the owner's name and the overdue mark."""
    names = Names.load(
        session,
        organizations=[c.owner_organization_id for c in items],
        regions=[c.owner_region_id for c in items],
        persons=[c.owner_person_id for c in items],
    )
    titles = dict(
        session.execute(
            select(Agreement.id, Agreement.title).where(
                Agreement.id.in_({c.agreement_id for c in items})
            )
        ).all()
    ) if items else {}
    return [
        CommitmentRow(
            id=c.id,
            version=c.version,
            agreement_id=c.agreement_id,
            agreement_title=titles.get(c.agreement_id, ""),
            text=c.text,
            owner=", ".join(
                n
                for n in (
                    names.organization(c.owner_organization_id),
                    names.person(c.owner_person_id),
                    names.region(c.owner_region_id),
                )
                if n
            ),
            due_date=c.due_date,
            status=c.status,
            overdue=is_overdue(c.status, c.due_date, today),
        )
        for c in items
    ]


def is_overdue(status: str, due_date: date | None, today: date) -> bool:
    """Past its due date and not closed, or marked overdue by a person."""
    if status == "overdue":
        return True
    return due_date is not None and due_date < today and status in OPEN_COMMITMENT_STATUSES


def _key_indicators(session: Session) -> list[Indicator]:
    order = [str(m) for m in labels().section("dashboard_key_metrics") or []]
    items = indicators.list(session, ListQuery(page_size=200, sort="metric,period")).items
    rank = {metric: i for i, metric in enumerate(order)}
    # Two stable sorts: key metrics first in the configured order, latest period first within.
    items.sort(key=lambda item: item.period, reverse=True)
    items.sort(key=lambda item: (rank.get(item.metric, len(rank)), item.metric))
    return items[:KEY_INDICATORS_SHOWN]


def build_overview(session: Session, today: date) -> Overview:
    """Everything the dashboard shows, for the given day (overdue is relative to it)."""
    open_count = commitments.list(
        session, ListQuery(page_size=1), {"status": ",".join(OPEN_COMMITMENT_STATUSES)}
    ).total
    overdue = commitments.list(
        session, ListQuery(page_size=20, sort="due_date"), {"overdue_on": today}
    )
    return Overview(
        totals={
            "organizations": _count(session, Organization),
            "links": _count(session, Link),
            "projects": _count(session, Project),
            "agreements": _count(session, Agreement),
            "indicators": _count(session, Indicator),
        },
        organizations_by_country=_grouped(session, Organization.country),
        links_by_type=_grouped(session, Link.type),
        key_indicators=indicator_rows(session, _key_indicators(session)),
        open_commitments=open_count,
        overdue_count=overdue.total,
        overdue=commitment_rows(session, overdue.items, today),
    )
