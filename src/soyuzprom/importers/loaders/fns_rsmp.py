"""Loading the SME registry into the registry: organizations by INN, OKVED, products.

Per record (``SmeRecord``): the organization keyed by INN with its names, region (FNS code
-> Region), main OKVED, SME category (``micro``/``small``/``medium``) and OGRN(IP) when the
file has it; all OKVED codes as organization activities; each ``СвПрод`` as a product
(OKPD2) made by the organization. Products are added, never removed: leaving the SME
registry does not mean a product is no longer made.

Bad-record policy: skip and report (``STRICT = False``). The fingerprint leaves out the
document id and the state date, which change every month, so a new monthly dump re-writes
only organizations whose facts changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from soyuzprom.core.provenance import record_bulk
from soyuzprom.core.text import name_key
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import (
    DUPLICATE,
    chunks,
    fingerprint,
    latest_by_key,
    load_states,
    save_states,
)
from soyuzprom.importers.loaders._orgs import (
    held_elsewhere,
    region_ids,
    replace_activities,
    write_organizations,
)
from soyuzprom.importers.records import SmeRecord
from soyuzprom.importers.runner import BatchResult, LoadContext
from soyuzprom.registry.models import Product

STRICT = False
BATCH = 2000
ENTITY = "organizations"
PRODUCTS: Table = Product.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Prepared:
    """One SME record reduced to what is written, with its key and fingerprint."""

    key: str
    fingerprint: str
    region_code: str
    org: dict[str, Any]
    activities: tuple[tuple[str, bool], ...]
    products: tuple[tuple[str, str], ...]


def prepare(record: SmeRecord) -> Prepared:
    """Pure: the organization row, its activities and products, and the fingerprint."""
    main = next((a.code for a in record.activities if a.main), None)
    display = record.short_name or record.name
    locality = record.locality
    org: dict[str, Any] = {
        "inn": record.inn,
        "ogrn": record.ogrn,
        "name": display[:500],
        "full_name": record.name[:1000],
        "short_name": record.short_name[:300] if record.short_name else None,
        "legal_form": "ИП" if record.kind == "individual" else None,
        "city": (locality.city or locality.settlement),
        "okved_main": main,
        "sme_category": record.category,
        "name_key": name_key(display)[:500],
    }
    activities = tuple((a.code, a.main) for a in record.activities)
    products = tuple((p.okpd2, p.name) for p in record.products)
    # Values in the fixed order of the dict above: no sort needed for a stable fingerprint.
    digest = fingerprint(tuple(org.values()), locality.region_code, activities, products)
    return Prepared(record.inn, digest, locality.region_code, org, activities, products)


def write(conn: Connection, ctx: LoadContext, batch: Sequence[Prepared]) -> BatchResult:
    """Write one batch: unchanged records are only counted."""
    latest, duplicates = latest_by_key(batch)
    states = load_states(conn, ctx.importer, [p.key for p in latest])
    todo = [p for p in latest
            if p.key not in states or states[p.key].fingerprint != p.fingerprint]
    result = BatchResult(unchanged=len(latest) - len(todo))
    if duplicates:
        result.skipped[DUPLICATE] += duplicates
    if not todo:
        return result
    regions = region_ids(conn, ctx)
    rows = [{**p.org, "region_id": regions.get(p.region_code)} for p in todo]
    if any(row["ogrn"] for row in rows):
        # An OGRN(IP) already held by an organization with another INN is not moved here.
        clash = held_elsewhere(conn, rows, "inn", "ogrn")
        for row in rows:
            if row["inn"] in clash:
                row["ogrn"] = None
    ids, created = write_organizations(
        conn, ctx, rows, key="inn",
        overwrite=("short_name", "sme_category"),
        keep_existing=("ogrn", "legal_form", "city"),
    )
    result.inserted = len(created)
    result.updated = len(todo) - len(created)
    replace_activities(conn, {ids[p.key]: p.activities for p in todo})
    _add_products(conn, ctx, [(ids[p.key], p.products) for p in todo if p.products])
    save_states(conn, ctx.importer, ENTITY,
                ((p.key, p.fingerprint, ids[p.key]) for p in todo), ctx.run_id)
    return result


def _add_products(
    conn: Connection, ctx: LoadContext, items: list[tuple[int, tuple[tuple[str, str], ...]]]
) -> None:
    if not items:
        return
    makers = [maker for maker, _ in items]
    existing: set[tuple[int, str | None, str]] = set()
    for part in chunks(makers):
        rows = conn.execute(
            select(PRODUCTS.c.maker_id, PRODUCTS.c.okpd2, PRODUCTS.c.name)
            .where(PRODUCTS.c.maker_id.in_(part))
        )
        existing.update((maker, okpd2, name) for maker, okpd2, name in rows)
    now = utcnow()
    new: list[dict[str, Any]] = []
    for maker, products in items:
        for okpd2, name in dict.fromkeys(products):
            if (maker, okpd2, name[:1000]) not in existing:
                new.append({"maker_id": maker, "okpd2": okpd2, "name": name[:1000],
                             "version": 1, "created_at": now, "updated_at": now,
                             "source_id": ctx.source_id})
    if not new:
        return
    new_ids = list(conn.execute(
        insert(PRODUCTS).returning(PRODUCTS.c.id, sort_by_parameter_order=True), new
    ).scalars())
    session = Session(bind=conn)
    try:
        record_bulk(session, entity_type_name="products", entity_ids=new_ids,
                    source_id=ctx.source_id, action="create", author=ctx.author)
    finally:
        session.close()

