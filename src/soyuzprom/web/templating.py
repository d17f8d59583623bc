"""The Jinja2 environment of the Russian pages: template folders, filters, navigation.

Templates live in ``web/templates``; another area may keep its own in
``<area>/templates`` (found automatically) and extend ``base.html``. Filters available in
every template: ``num``, ``amount``, ``date_ru``, ``datetime_ru``, ``period``, ``plural``,
``unit_name``, ``label``.

Example (inside an area's ``pages.py``):
    >>> @router.get("/press")
    ... def review(request: Request) -> HTMLResponse:
    ...     return render(request, "press/review.html", {"claims": claims})
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from soyuzprom.areas import AREAS
from soyuzprom.web import format as fmt
from soyuzprom.web.labels import labels, navigation

WEB_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def _template_dirs() -> list[str]:
    dirs = [str(TEMPLATE_DIR)]
    package_root = WEB_DIR.parent
    for area in AREAS:
        candidate = package_root / area / "templates"
        if candidate.is_dir():
            dirs.append(str(candidate))
    return dirs


def _label(code: Any, vocabulary: str) -> str:
    return labels().label(vocabulary, code)


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The shared template renderer, built once."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in _template_dirs()]),
        autoescape=select_autoescape(("html", "xml")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=fmt.format_number,
        amount=fmt.format_amount,
        date_ru=fmt.format_date,
        datetime_ru=lambda value: fmt.format_date(value, with_time=True),
        period=fmt.format_period,
        plural=fmt.plural,
        unit_name=fmt.unit_name,
        label=_label,
    )
    env.globals.update(labels=labels(), navigation=navigation)
    return Jinja2Templates(env=env)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render ``name`` with ``context``; ``request`` and the current path are always given."""
    data = {"request": request, "current_path": request.url.path, **(context or {})}
    return templates().TemplateResponse(request, name, data, status_code=status_code)
