"""Registry routes under /api/v1: organizations, persons, ownership, products, reference data."""

from __future__ import annotations

from fastapi import APIRouter

from soyuzprom.core.api_factory import crud_router, read_router
from soyuzprom.registry import schemas as s
from soyuzprom.registry import service

router = APIRouter()
for svc, path, tag, read, create, update, flt in (
    (service.organizations, "/organizations", "organizations", s.OrganizationRead,
     s.OrganizationCreate, s.OrganizationUpdate, s.OrganizationFilter),
    (service.persons, "/persons", "persons", s.PersonRead, s.PersonCreate, s.PersonUpdate,
     s.PersonFilter),
    (service.ownerships, "/ownerships", "ownerships", s.OwnershipRead, s.OwnershipCreate,
     s.OwnershipUpdate, s.OwnershipFilter),
    (service.products, "/products", "products", s.ProductRead, s.ProductCreate,
     s.ProductUpdate, s.ProductFilter),
):
    router.include_router(
        crud_router(svc, path=path, tag=tag, read=read, create=create, update=update,
                    filters=flt)
    )
# Reference data is read-only through the API; `soyuzprom init` loads it.
router.include_router(
    read_router(service.regions, path="/regions", tag="reference", read=s.RegionRead,
                filters=s.RegionFilter)
)
router.include_router(
    read_router(service.classifiers, path="/classifiers", tag="reference",
                read=s.ClassifierRead, filters=s.ClassifierFilter)
)
