"""The «Обзор» dashboard page at ``/``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from soyuzprom.web.deps import SessionDep, TodayDep
from soyuzprom.web.overview import build_overview
from soyuzprom.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, session: SessionDep, today: TodayDep) -> HTMLResponse:
    """Counts by country and link type, key indicators with sources, commitments due."""
    view = build_overview(session, today)
    return render(request, "overview.html", {"view": view, "today": today})
