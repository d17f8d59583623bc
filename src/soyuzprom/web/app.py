"""The FastAPI application factory.

Every area's ``router`` is mounted under ``/api/v1``; its pages (``<area>/pages.py`` with a
``router``) at the root, after the Russian pages of :mod:`soyuzprom.web.pages` and the static
files under ``/static``. The engine is created once and injected through ``soyuzprom.db``.

Example:
    >>> app = create_app()          # uses settings
    >>> uvicorn.run(app, port=8000)
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from soyuzprom import __version__
from soyuzprom.areas import area_modules
from soyuzprom.web import pages
from soyuzprom.web.errors import install_error_handlers
from soyuzprom.web.templating import STATIC_DIR

API_PREFIX = "/api/v1"


def create_app() -> FastAPI:
    """Build the application with every area's routes and the error mapping."""
    app = FastAPI(
        title="Союзпром",
        description=(
            "Информационная система промышленной кооперации регионов России и Республики Беларусь"
        ),
        version=__version__,
        openapi_url="/openapi.json",
        docs_url="/docs",
    )
    install_error_handlers(app)
    for module in area_modules("api"):
        app.include_router(module.router, prefix=API_PREFIX)

    @app.get(API_PREFIX + "/health", tags=["system"], summary="Проверка работоспособности")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(pages.router)
    for module in area_modules("pages"):
        app.include_router(module.router)
    return app
