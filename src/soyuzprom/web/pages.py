"""The Russian web interface of the registry and the cooperation graph, mounted at ``/``.

Pages only parse the request, call the same service functions as the API, and render a
template. Other areas add their own pages in ``<area>/pages.py`` (a ``router``), extend
``base.html`` and add a menu item in ``data/<area>/navigation.yaml``.

Pages: ``/`` «Обзор»; ``/organizations`` (+ ``/new``, ``/{id}``, ``/{id}/edit``);
``/links``; ``/projects``; ``/agreements`` (+ ``POST /commitments/{id}/status``);
``/indicators``.
"""

from __future__ import annotations

from fastapi import APIRouter

from soyuzprom.web import cooperation_pages, organization_pages, overview_pages

router = APIRouter(include_in_schema=False)
router.include_router(overview_pages.router)
router.include_router(organization_pages.router)
router.include_router(cooperation_pages.router)
