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

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from soyuzprom.core.text import name_key
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import (
    DUPLICATE,
    fingerprint,
    insert_many,
    latest_by_key,
    load_states,
    save_states,
    select_in,
)
from soyuzprom.importers._trail import note_created
from soyuzprom.importers._units import Unit
from soyuzprom.importers.loaders._orgs import (
    held_elsewhere,
    region_ids,
    replace_activities,
    write_organizations,
)
from soyuzprom.importers.loaders._rsmp_merge import ORG as ORG_COLUMNS
from soyuzprom.importers.loaders._rsmp_merge import write_merged
from soyuzprom.importers.records import SmeRecord
from soyuzprom.importers.runner import BatchResult, LoadContext
from soyuzprom.registry.models import Product

STRICT = False
BATCH = 2000
# The set-based SQLite write; off only to compare it with the row-by-row one (tests).
MERGED = True
# A big run loads these without their secondary indexes (see importers._indexes), judged
# by the first one's size against the file's records (about this many bytes of XML each).
BULK_TABLES = ("organizations", "organization_activities", "import_record_states", "products")
RECORD_BYTES = 1300
ENTITY = "organizations"
_MAIN_OKVED = ORG_COLUMNS.index("okved_main")
PRODUCTS: Table = Product.__table__  # type: ignore[assignment]


class Prepared(NamedTuple):
    """One SME record reduced to what is written, with its key and fingerprint."""

    key: str
    fingerprint: str
    region_code: str
    org: tuple[Any, ...]  # values of ORG_COLUMNS
    activities: str  # the OKVED codes as a JSON array (see Draft)
    products: tuple[tuple[str, str], ...]


# What the parsing side gives (:func:`prepare`): ``(org, region code, activities,
# products)``. A plain tuple of plain values crosses the pipe from the parsing process
# cheaply (a named tuple or a dataclass costs several times more to pickle and unpickle);
# the writer adds the key and the fingerprint (:func:`complete`), which balances the work
# of the two processes. The activities are the record's OKVED codes in document order as
# JSON text (``'["25.62","28.29"]'``; the main one is the organization's ``okved_main``):
# the fast reader writes that text straight from the XML and SQLite's ``json_each`` reads
# it, where a tuple per code cost ~1 µs to build, pickle and convert, ten times a record.
Draft = tuple[tuple[Any, ...], str, str, tuple[tuple[str, str], ...]]


def prepared_units(path: Path) -> AbstractContextManager[list[Unit]]:
    """The parser's units (``fns_rsmp.units``) with items already in the :data:`Draft`
    form, read the fast way (:mod:`soyuzprom.importers._rsmp_flat`); the runner uses
    these."""
    from soyuzprom.importers import _rsmp_flat  # it builds on this module

    return _rsmp_flat.units(path)


def prepare(record: SmeRecord) -> Draft:
    """Pure: the organization row, its activities and products (see :data:`Draft`)."""
    locality = record.locality
    main = next((a.code for a in record.activities if a.main), None)
    return draft(
        kind=record.kind, inn=record.inn, ogrn=record.ogrn, name=record.name,
        short_name=record.short_name, category=record.category,
        region_code=locality.region_code, city=locality.city or locality.settlement,
        main_okved=main, activities=codes_json([a.code for a in record.activities]),
        products=tuple((p.okpd2, p.name) for p in record.products),
    )


def draft(*, kind: str, inn: str, ogrn: str | None, name: str, short_name: str | None,
          category: str, region_code: str, city: str | None, main_okved: str | None,
          activities: str, products: tuple[tuple[str, str], ...]) -> Draft:
    """The :data:`Draft` of a record's values (also built straight from the XML by
    ``importers._rsmp_flat``): with :func:`complete`, one definition of the row.
    ``activities`` is the JSON text of :func:`codes_json`; ``main_okved`` the first main
    code (a second main code, which the format does not allow, counts as additional)."""
    display = short_name or name
    org = (
        inn,
        ogrn,
        display[:500],
        name[:1000],
        short_name[:300] if short_name else None,
        "ИП" if kind == "individual" else None,
        city,
        main_okved,
        category,
        name_key(display)[:500],
    )
    return (org, region_code, activities, products)


def codes_json(codes: Sequence[str]) -> str:
    """OKVED codes as the JSON text of a :data:`Draft` (codes are digits and dots, checked
    by the parser, so they need no escaping).

    >>> codes_json(["25.62", "28.29"])
    '["25.62","28.29"]'
    """
    return "[" + ",".join([f'"{code}"' for code in codes]) + "]"


def activity_pairs(item: Prepared) -> list[tuple[str, bool]]:
    """``(code, is_main)`` of a record's activities, for the portable write."""
    main = item.org[_MAIN_OKVED]
    return [(code, code == main) for code in json.loads(item.activities)]


def complete(item: Draft) -> Prepared:
    """The :class:`Prepared` record of a draft: its key and its fingerprint, which leaves
    out the document id and dates (see the module docstring)."""
    org, region_code, activities, products = item
    digest = fingerprint(org, region_code, activities, products)
    return Prepared(org[0], digest, region_code, org, activities, products)


def write(conn: Connection, ctx: LoadContext, batch: Sequence[Draft]) -> BatchResult:
    """Write one batch of drafts: unchanged records are only counted.

    On SQLite the new and changed records are merged by set-based SQL
    (:mod:`._rsmp_merge`); elsewhere by :func:`write_rows`. Both give the same rows.
    """
    latest, duplicates = latest_by_key([complete(item) for item in batch])
    states = load_states(conn, ctx.importer, [p.key for p in latest])
    todo = _one_holder_per_ogrn([
        p for p in latest
        if p.key not in states or states[p.key].fingerprint != p.fingerprint])
    result = BatchResult(unchanged=len(latest) - len(todo))
    if duplicates:
        result.skipped[DUPLICATE] += duplicates
    if not todo:
        return result
    if conn.dialect.name == "sqlite" and MERGED:
        ids, created = write_merged(conn, ctx, todo, ENTITY)
        _add_products(conn, ctx, [(org_id, p.products) for p, org_id in zip(todo, ids, strict=True)
                                  if p.products], created)
    else:
        created = write_rows(conn, ctx, todo)
    result.inserted = len(created)
    result.updated = len(todo) - len(created)
    return result


def _one_holder_per_ogrn(todo: list[Prepared]) -> list[Prepared]:
    """Within a batch, an OGRN(IP) goes to the first record giving it; a later record with
    another INN is written without it, as when an organization in the database holds it
    already (the OGRN is unique: two holders failed the whole run)."""
    holders: dict[str, str] = {}
    kept = []
    for item in todo:
        ogrn = item.org[1]
        if ogrn and holders.setdefault(ogrn, item.key) != item.key:
            item = item._replace(org=(item.org[0], None, *item.org[2:]))
        kept.append(item)
    return kept


def write_rows(conn: Connection, ctx: LoadContext, todo: Sequence[Prepared]) -> set[int]:
    """The portable write of new and changed records (distinct keys), statement by
    statement; returns the ids of the organizations created."""
    regions = region_ids(conn, ctx)
    rows = [{**dict(zip(ORG_COLUMNS, p.org, strict=True)),
             "region_id": regions.get(p.region_code)} for p in todo]
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
    replace_activities(conn, {ids[p.key]: activity_pairs(p) for p in todo}, created)
    _add_products(conn, ctx, [(ids[p.key], p.products) for p in todo if p.products], created)
    save_states(conn, ctx.importer, ENTITY,
                ((p.key, p.fingerprint, ids[p.key]) for p in todo), ctx.run_id)
    return created


def _add_products(
    conn: Connection, ctx: LoadContext, items: list[tuple[int, tuple[tuple[str, str], ...]]],
    created: set[int],
) -> None:
    """Add the products a maker does not have yet (makers just created have none)."""
    if not items:
        return
    sql = f"SELECT maker_id, okpd2, name FROM {PRODUCTS.name} WHERE maker_id IN ({{values}})"
    existing = {tuple(row) for row in select_in(
        conn, sql, [maker for maker, _ in items if maker not in created])}
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
    # One executemany, then the new ids by what only they share (this run's source, ids
    # above the maximum before): an INSERT ... RETURNING per row cost ten times more.
    last = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {PRODUCTS.name}").scalar()
    makers = sorted({row["maker_id"] for row in new})
    insert_many(conn, PRODUCTS, new)
    sql = (f"SELECT id FROM {PRODUCTS.name} WHERE source_id = {{mark}} AND id > {{mark}} "
           "AND maker_id IN ({values})")
    note_created(ctx, "products", [row[0] for row in select_in(
        conn, sql, makers, (ctx.source_id, last))])
