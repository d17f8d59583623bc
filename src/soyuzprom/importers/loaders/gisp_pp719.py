"""Loading the GISP registry of Russian industrial products (Decree 719).

Per entry (``Pp719Product``): a product (name, OKPD2, TN VED codes joined by ``;``) made by
the organization with the entry's INN (found by INN, else by OGRN; created with the
registry's name and address when the registry does not know it yet), and its registry
entry (``pp719``, the registry number, localization points, percentage, score note, the
standard it is made to, entered / valid till / ended dates). Keyed by the registry number.

Bad-record policy: skip and report (``STRICT = False``): a row with a bad INN or date is
left out, the rest of the file is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from soyuzprom.core.provenance import record_bulk
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import (
    DUPLICATE,
    chunks,
    fingerprint,
    latest_by_key,
    load_states,
    save_states,
    upsert,
)
from soyuzprom.importers.loaders._orgs import ensure_organizations
from soyuzprom.importers.records import Pp719Product
from soyuzprom.importers.runner import BatchResult, LoadContext
from soyuzprom.registry.models import Product, ProductRegistryEntry

STRICT = False
BATCH = 1000
ENTITY = "products"
REGISTRY = "pp719"
PRODUCTS: Table = Product.__table__  # type: ignore[assignment]
ENTRIES: Table = ProductRegistryEntry.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Prepared:
    key: str
    fingerprint: str
    maker: dict[str, Any]
    product: dict[str, Any]
    entry: dict[str, Any]


def prepare(record: Pp719Product) -> Prepared:
    """Pure: maker, product and registry entry rows, and the fingerprint."""
    maker = {"inn": record.maker_inn, "ogrn": record.maker_ogrn, "name": record.maker_name,
             "address": record.maker_address}
    product = {
        "name": record.product_name[:1000],
        "okpd2": record.okpd2,
        "tnved": ";".join(record.tnved)[:100] or None,
        "description": record.score_note,
    }
    entry = {
        "registry": REGISTRY,
        "number": record.registry_number[:100],
        "points": float(record.score) if record.score is not None else None,
        "percentage": float(record.percentage) if record.percentage is not None else None,
        "score_description": record.score_note,
        "regulation": record.specification,
        "valid_from": record.entered,
        "valid_till": record.valid_till,
        "ended": record.ended,
    }
    digest = fingerprint(sorted(maker.items()), sorted(product.items()), sorted(entry.items()))
    return Prepared(record.registry_number[:100], digest, maker, product, entry)


def write(conn: Connection, ctx: LoadContext, batch: Sequence[Prepared]) -> BatchResult:
    latest, duplicates = latest_by_key(batch)
    states = load_states(conn, ctx.importer, [p.key for p in latest])
    todo = [p for p in latest
            if p.key not in states or states[p.key].fingerprint != p.fingerprint]
    result = BatchResult(unchanged=len(latest) - len(todo))
    if duplicates:
        result.skipped[DUPLICATE] += duplicates
    if not todo:
        return result
    makers = ensure_organizations(conn, ctx, [p.maker for p in todo if p.maker["inn"]])
    existing: dict[str, int] = {}
    for part in chunks([p.key for p in todo]):
        found = conn.execute(
            select(ENTRIES.c.number, ENTRIES.c.product_id)
            .where(ENTRIES.c.registry == REGISTRY, ENTRIES.c.number.in_(part))
        )
        existing.update((number, product_id) for number, product_id in found)
    now = utcnow()

    def product_row(p: Prepared) -> dict[str, Any]:
        return {**p.product, "maker_id": makers.get(p.maker["inn"] or ""), "updated_at": now}

    old = [p for p in todo if p.key in existing]
    if old:
        conn.execute(
            PRODUCTS.update().where(PRODUCTS.c.id == bindparam("pid")).values(
                # A source that lacks a field (the XLSX export has no score) keeps it.
                name=bindparam("name"),
                okpd2=func.coalesce(bindparam("okpd2"), PRODUCTS.c.okpd2),
                tnved=func.coalesce(bindparam("tnved"), PRODUCTS.c.tnved),
                description=func.coalesce(bindparam("description"), PRODUCTS.c.description),
                maker_id=func.coalesce(bindparam("maker_id"), PRODUCTS.c.maker_id),
                updated_at=bindparam("updated_at"), version=PRODUCTS.c.version + 1,
            ),
            [{**product_row(p), "pid": existing[p.key]} for p in old],
        )
    new = [p for p in todo if p.key not in existing]
    product_ids = {p.key: existing[p.key] for p in old}
    if new:
        rows = [{**product_row(p), "version": 1, "created_at": now, "source_id": ctx.source_id}
                for p in new]
        result_ids: list[int] = list(conn.execute(
            insert(PRODUCTS).returning(PRODUCTS.c.id, sort_by_parameter_order=True), rows
        ).scalars())
        product_ids.update(zip((p.key for p in new), result_ids, strict=True))
    upsert(conn, ENTRIES, [{**p.entry, "product_id": product_ids[p.key]} for p in todo],
           ["registry", "number"],
           update=["product_id", "valid_from", "valid_till"],
           keep_existing=["points", "percentage", "score_description", "regulation", "ended"])
    session = Session(bind=conn)
    try:
        record_bulk(session, entity_type_name="products",
                    entity_ids=[product_ids[p.key] for p in new], source_id=ctx.source_id,
                    action="create", author=ctx.author)
        record_bulk(session, entity_type_name="products",
                    entity_ids=[product_ids[p.key] for p in old], source_id=ctx.source_id,
                    action="update", author=ctx.author)
    finally:
        session.close()
    result.inserted, result.updated = len(new), len(old)
    save_states(conn, ctx.importer, ENTITY,
                ((p.key, p.fingerprint, product_ids[p.key]) for p in todo), ctx.run_id)
    return result
