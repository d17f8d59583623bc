"""Organization pages: the searchable list, the card, and the create/edit form.

Every read and write goes through ``soyuzprom.registry.service.organizations`` — the same
use cases the API serves. A refused write is rolled back and the form shown again with the
message next to the field the error names; a stale edit (someone saved in between) gets a
clear banner and keeps what the user typed.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.schemas import ListQuery
from soyuzprom.errors import SoyuzpromError
from soyuzprom.registry.models import Organization, Region
from soyuzprom.registry.schemas import OrganizationCreate, OrganizationUpdate
from soyuzprom.registry.service import organizations
from soyuzprom.web.deps import AuthorDep, FormDep, SessionDep, int_param
from soyuzprom.web.forms import ORGANIZATION_FIELDS, FormErrors, OrganizationForm, errors_from
from soyuzprom.web.labels import labels
from soyuzprom.web.organization_card import build_card
from soyuzprom.web.paging import Pager
from soyuzprom.web.templating import render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
KNOWN_FIELDS = frozenset(ORGANIZATION_FIELDS) | {"aliases", "region_id"}


def _filter_options(session: Session) -> dict[str, Any]:
    countries = sorted(set(session.scalars(select(Organization.country).distinct())))
    regions = session.execute(
        select(Region.code, Region.name)
        .where(Region.id.in_(select(Organization.region_id).distinct()))
        .order_by(Region.name)
    ).all()
    return {
        "countries": [(c, labels().label("countries", c)) for c in countries],
        "regions": list(regions),
        "kinds": labels().options("organization_kinds"),
    }


@router.get("/organizations", response_class=HTMLResponse)
def organization_list(
    request: Request,
    session: SessionDep,
    q: str = "",
    country: str = "",
    region: str = "",
    kind: str = "",
    page: str = "1",
) -> HTMLResponse:
    """Search by name, alias or INN; filter by country, region and kind; 25 per page."""
    number = int_param(page)
    query = ListQuery(q=q.strip() or None, page=number, page_size=PAGE_SIZE, sort="name")
    filters = {"country": country or None, "region": region or None, "kind": kind or None}
    result = organizations.list(session, query, filters)
    params = {"q": q, "country": country, "region": region, "kind": kind}
    return render(
        request,
        "organizations/list.html",
        {
            "result": result,
            "params": params,
            "pager": Pager(result.total, number, PAGE_SIZE, "/organizations", params),
            **_filter_options(session),
        },
    )


def _form_context(session: Session, form: OrganizationForm, errors: FormErrors,
                  org: Organization | None) -> dict[str, Any]:
    regions = session.execute(
        select(Region.code, Region.name, Region.country)
        .where(Region.kind != "country")
        .order_by(Region.country.desc(), Region.name)
    ).all()
    grouped: dict[str, list[tuple[str, str]]] = {}
    for code, name, country in regions:
        grouped.setdefault(labels().label("countries", country), []).append((code, name))
    countries = labels().options("countries")
    if form.values["country"] and form.values["country"] not in dict(countries):
        countries.append((form.values["country"], form.values["country"]))
    return {
        "form": form,
        "errors": errors,
        "org": org,
        "region_groups": grouped,
        "countries": countries,
        "kinds": labels().options("organization_kinds"),
    }


@router.get("/organizations/new", response_class=HTMLResponse)
def organization_new(request: Request, session: SessionDep) -> HTMLResponse:
    form = OrganizationForm.blank()
    return render(request, "organizations/form.html",
                  _form_context(session, form, FormErrors(), None))


@router.post("/organizations/new", response_class=HTMLResponse)
def organization_create(
    request: Request, session: SessionDep, author: AuthorDep, fields: FormDep
) -> Response:
    form = OrganizationForm.from_fields(fields)
    try:
        data = OrganizationCreate.model_validate(form.payload())
        org = organizations.create(session, data, author=author)
    except (ValidationError, SoyuzpromError) as exc:
        session.rollback()  # nothing of a refused write may be committed
        errors = errors_from(exc, KNOWN_FIELDS)
        return render(request, "organizations/form.html",
                      _form_context(session, form, errors, None),
                      status_code=_status(exc))
    return RedirectResponse(f"/organizations/{org.id}?saved=1", status_code=303)


@router.get("/organizations/{org_id:int}", response_class=HTMLResponse)
def organization_card(
    request: Request, org_id: int, session: SessionDep, saved: str = ""
) -> HTMLResponse:
    """Identifiers, region, aliases, links both ways, ownership, products, sources, audit."""
    card = build_card(session, org_id)
    return render(request, "organizations/card.html", {"card": card, "saved": bool(saved)})


@router.get("/organizations/{org_id:int}/edit", response_class=HTMLResponse)
def organization_edit(request: Request, org_id: int, session: SessionDep) -> HTMLResponse:
    org = organizations.get(session, org_id)
    form = OrganizationForm.from_organization(org)
    return render(request, "organizations/form.html",
                  _form_context(session, form, FormErrors(), org))


@router.post("/organizations/{org_id:int}/edit", response_class=HTMLResponse)
def organization_update(
    request: Request, org_id: int, session: SessionDep, author: AuthorDep, fields: FormDep
) -> Response:
    org = organizations.get(session, org_id)
    form = OrganizationForm.from_fields(fields)
    try:
        schema = OrganizationUpdate.model_validate(form.payload(for_update=True))
        data = schema.model_dump(exclude_unset=True)
        if not form.values["region_code"]:
            data["region_id"] = None  # an emptied region select clears the region
        organizations.update(session, org_id, data, author=author)
    except (ValidationError, SoyuzpromError) as exc:
        session.rollback()
        errors = errors_from(exc, KNOWN_FIELDS)
        current = organizations.get(session, org_id)
        return render(
            request,
            "organizations/form.html",
            {**_form_context(session, form, errors, org), "current_version": current.version},
            status_code=_status(exc),
        )
    return RedirectResponse(f"/organizations/{org_id}?saved=1", status_code=303)


def _status(exc: Exception) -> int:
    return exc.http_status if isinstance(exc, SoyuzpromError) else 422
