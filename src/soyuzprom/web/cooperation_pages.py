"""Cooperation pages: «Связи», «Проекты», «Соглашения и поручения», «Показатели».

Lists are read through the cooperation ``CrudService`` objects (the API's use cases);
a commitment's status is changed with ``commitments.update``, carrying the version the
page showed, so a change made by someone else in between is refused, not overwritten.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import Commitment, Link
from soyuzprom.cooperation.schemas import CommitmentUpdate
from soyuzprom.cooperation.service import agreements, commitments, indicators, links, projects
from soyuzprom.core.schemas import ListQuery
from soyuzprom.errors import SoyuzpromError
from soyuzprom.web.deps import AuthorDep, FormDep, SessionDep, TodayDep, int_param
from soyuzprom.web.forms import errors_from
from soyuzprom.web.labels import labels
from soyuzprom.web.lookup import Names
from soyuzprom.web.overview import commitment_rows, indicator_rows
from soyuzprom.web.paging import Pager
from soyuzprom.web.templating import render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50


def _known(vocabulary: str, code: str) -> str | None:
    """``code`` when the vocabulary has it, else ``None`` (an unknown filter shows all)."""
    return code if code and code in dict(labels().options(vocabulary)) else None


@router.get("/links", response_class=HTMLResponse)
def link_list(
    request: Request, session: SessionDep, type: str = "", page: str = "1"
) -> HTMLResponse:
    """Links of one type (or all), with both ends named and Russian type labels."""
    number = int_param(page)
    chosen = _known("link_types", type)
    result = links.list(session, ListQuery(page=number, page_size=PAGE_SIZE, sort="type"),
                        {"type": chosen})
    names = Names.load(
        session,
        organizations=[i.from_organization_id for i in result.items]
        + [i.to_organization_id for i in result.items],
        regions=[i.to_region_id for i in result.items],
    )
    counts = dict(session.execute(select(Link.type, func.count()).group_by(Link.type)).all())
    return render(
        request,
        "links.html",
        {
            "result": result,
            "names": names,
            "chosen": chosen or "",
            "types": [(code, name, counts.get(code, 0)) for code, name in
                      labels().options("link_types")],
            "total_all": sum(counts.values()),
            "pager": Pager(result.total, number, PAGE_SIZE, "/links", {"type": chosen or ""}),
        },
    )


@router.get("/projects", response_class=HTMLResponse)
def project_list(request: Request, session: SessionDep, stage: str = "",
                 page: str = "1") -> HTMLResponse:
    """Projects with host region, amount, participants and the history of their stages."""
    number = int_param(page)
    chosen = _known("project_stages", stage)
    result = projects.list(session, ListQuery(page=number, page_size=PAGE_SIZE),
                           {"stage": chosen})
    names = Names.load(
        session,
        organizations=[p.organization_id for i in result.items for p in i.participants],
        regions=[i.host_region_id for i in result.items],
    )
    return render(
        request,
        "projects.html",
        {
            "result": result,
            "names": names,
            "chosen": chosen or "",
            "stages": labels().options("project_stages"),
            "pager": Pager(result.total, number, PAGE_SIZE, "/projects", {"stage": chosen or ""}),
        },
    )


def _agreements_context(session: Session, today: Any, overdue_only: bool,
                        page: int) -> dict[str, Any]:
    result = agreements.list(session, ListQuery(page=page, page_size=20))
    rows: dict[int, list[Any]] = {}
    for agreement in result.items:
        filters: dict[str, Any] = {"agreement_id": agreement.id}
        if overdue_only:
            filters["overdue_on"] = today
        items = commitments.list(session, ListQuery(page_size=500, sort="due_date"), filters).items
        rows[agreement.id] = commitment_rows(session, items, today)
    names = Names.load(
        session,
        organizations=[p.organization_id for a in result.items for p in a.parties],
        regions=[p.region_id for a in result.items for p in a.parties],
        persons=[p.person_id for a in result.items for p in a.parties],
    )
    shown = [a for a in result.items if rows[a.id] or not overdue_only]
    return {
        "result": result,
        "shown": shown,
        "rows": rows,
        "names": names,
        "overdue_only": overdue_only,
        "statuses": labels().options("commitment_statuses"),
        "pager": Pager(result.total, page, 20, "/agreements",
                       {"overdue": "1" if overdue_only else ""}),
        "errors": {},
        "changed": None,
    }


@router.get("/agreements", response_class=HTMLResponse)
def agreement_list(request: Request, session: SessionDep, today: TodayDep, overdue: str = "",
                   changed: str = "", page: str = "1") -> HTMLResponse:
    """Agreements and meetings with their commitments; overdue ones are marked."""
    context = _agreements_context(session, today, bool(overdue), int_param(page))
    context["changed"] = int_param(changed, default=0, minimum=0) or None
    return render(request, "agreements.html", context)


@router.post("/commitments/{commitment_id:int}/status", response_class=HTMLResponse)
def commitment_status(request: Request, commitment_id: int, session: SessionDep,
                      today: TodayDep, author: AuthorDep, fields: FormDep) -> Response:
    """Change a commitment's status; a stale or invalid change is shown by the commitment."""
    commitment = commitments.get(session, commitment_id)
    version = str(fields.get("version") or "")
    try:
        data = CommitmentUpdate.model_validate(
            {"status": fields.get("status") or "",
             "version": int(version) if version.isdigit() else commitment.version}
        )
        commitments.update(session, commitment_id, data, author=author)
    except (ValidationError, SoyuzpromError) as exc:
        session.rollback()
        errors = errors_from(exc, frozenset({"status"}))
        message = errors.fields.get("status") or " ".join(errors.general)
        context = _agreements_context(session, today, False, 1)
        context["errors"] = {commitment_id: message}
        status = exc.http_status if isinstance(exc, SoyuzpromError) else 422
        return render(request, "agreements.html", context, status_code=status)
    agreement_id = session.scalar(
        select(Commitment.agreement_id).where(Commitment.id == commitment_id)
    )
    return RedirectResponse(
        f"/agreements?changed={commitment_id}#agreement-{agreement_id}", status_code=303
    )


@router.get("/indicators", response_class=HTMLResponse)
def indicator_list(request: Request, session: SessionDep, metric: str = "",
                   page: str = "1") -> HTMLResponse:
    """Indicators with unit, qualifier («около», «более»), period and the source document."""
    number = int_param(page)
    result = indicators.list(
        session, ListQuery(page=number, page_size=PAGE_SIZE, sort="metric,-period"),
        {"metric": metric or None},
    )
    metrics = sorted(
        {m for m in session.scalars(select(indicators.model.metric).distinct())},
        key=lambda m: labels().label("metrics", m),
    )
    return render(
        request,
        "indicators.html",
        {
            "rows": indicator_rows(session, result.items),
            "result": result,
            "metric": metric,
            "metrics": [(m, labels().label("metrics", m)) for m in metrics],
            "pager": Pager(result.total, number, PAGE_SIZE, "/indicators", {"metric": metric}),
        },
    )
