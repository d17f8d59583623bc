"""Registry routes under /api/v1: organizations, persons, ownership, products, reference data."""

from __future__ import annotations

from fastapi import APIRouter

from soyuzprom.core.api_factory import crud_router, read_router
from soyuzprom.registry import schemas as s
from soyuzprom.registry import service

router = APIRouter()
router.include_router(
    crud_router(
        service.organizations,
        path="/organizations",
        tag="organizations",
        read=s.OrganizationRead,
        create=s.OrganizationCreate,
        update=s.OrganizationUpdate,
        filters=s.OrganizationFilter,
    )
)
router.include_router(
    crud_router(
        service.persons,
        path="/persons",
        tag="persons",
        read=s.PersonRead,
        create=s.PersonCreate,
        update=s.PersonUpdate,
        filters=s.PersonFilter,
    )
)
router.include_router(
    crud_router(
        service.ownerships,
        path="/ownerships",
        tag="ownerships",
        read=s.OwnershipRead,
        create=s.OwnershipCreate,
        update=s.OwnershipUpdate,
        filters=s.OwnershipFilter,
    )
)
router.include_router(
    crud_router(
        service.products,
        path="/products",
        tag="products",
        read=s.ProductRead,
        create=s.ProductCreate,
        update=s.ProductUpdate,
        filters=s.ProductFilter,
    )
)
router.include_router(
    read_router(
        service.regions,
        path="/regions",
        tag="reference",
        read=s.RegionRead,
        filters=s.RegionFilter,
    )
)
router.include_router(
    read_router(
        service.classifiers,
        path="/classifiers",
        tag="reference",
        read=s.ClassifierRead,
        filters=s.ClassifierFilter,
    )
)
