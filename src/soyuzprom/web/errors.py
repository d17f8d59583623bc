"""Mapping of every error to the one JSON shape ``{"error": {code, message, field, details}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from soyuzprom.errors import SoyuzpromError

log = logging.getLogger(__name__)


def _body(code: str, message: str, field: str | None = None, **details: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field, "details": details}}


def _field_of(loc: tuple[Any, ...] | list[Any]) -> str:
    # ("body", "inn") -> "inn"; ("query", "page") -> "page"; nested -> "roles[0].role"
    parts: list[str] = []
    for item in list(loc)[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or str(loc[0] if loc else "")


# Paths that speak JSON; every other path is a page and gets its errors as a page.
_JSON_PREFIXES = ("/api/", "/openapi.json", "/docs", "/redoc", "/static/")


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(_JSON_PREFIXES)


def _page(request: Request, status: int, message: str) -> Response:
    from soyuzprom.web.templating import render  # the pages are optional for the API

    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into the JSON error shape."""

    @app.exception_handler(SoyuzpromError)
    async def domain_error(request: Request, exc: SoyuzpromError) -> Response:
        if _is_page(request):
            return _page(request, exc.http_status, exc.message)
        return JSONResponse({"error": exc.to_dict()}, status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def request_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "field": _field_of(e.get("loc", ())),
                "message": e.get("msg", ""),
                "type": e.get("type"),
            }
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": None, "message": ""}
        return JSONResponse(
            _body(
                "validation_error",
                f"Ошибка в поле «{first['field']}»: {first['message']}",
                first["field"],
                errors=errors,
            ),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = "Не найдено" if exc.status_code == 404 else str(exc.detail)
        if _is_page(request):
            return _page(request, exc.status_code, message)
        return JSONResponse(_body(code, message), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error", exc_info=exc)
        if _is_page(request):
            return _page(request, 500, "Внутренняя ошибка сервера")
        return JSONResponse(_body("internal_error", "Внутренняя ошибка сервера"), status_code=500)
