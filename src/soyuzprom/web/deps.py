"""Request-level dependencies of the pages: the session, today's date, the author, the form.

The session commits when the page handler returns, before the response is sent.

``today`` is a dependency so tests can fix the clock with ``app.dependency_overrides``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from soyuzprom.db import get_session

WEB_AUTHOR = "web"


def today() -> date:
    """The day the pages judge deadlines by."""
    return date.today()


def web_author(x_author: Annotated[str | None, Header()] = None) -> str:
    """Who edits through the pages: the ``X-Author`` header (set by a proxy), else ``web``."""
    return (x_author or WEB_AUTHOR).strip()[:200] or WEB_AUTHOR


async def form_fields(request: Request) -> dict[str, Any]:
    """The submitted form as a plain dict (the last value of a repeated field wins)."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def int_param(raw: str | None, default: int = 1, minimum: int = 1) -> int:
    """A positive integer from a query string; anything else gives ``default``."""
    try:
        return max(minimum, int(raw or default))
    except ValueError:
        return default


# scope="function": the session commits before the response leaves. With the default
# (request) scope the commit ran after a redirect was sent, and a browser following it
# could read the page before the change was committed.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
TodayDep = Annotated[date, Depends(today)]
AuthorDep = Annotated[str, Depends(web_author)]
FormDep = Annotated[dict[str, Any], Depends(form_fields)]
