"""Writing organizations in bulk: upsert by INN or OGRN, activities, provenance.

Shared by the FNS loaders. An organization row is keyed by its INN (SME registry) or OGRN
(ЕГРЮЛ); columns the source does not know (``None``) keep their stored value, so the SME
registry never erases an address that ЕГРЮЛ gave. OKVED codes of a written organization
are replaced by the source's list (FNS is authoritative for them).

Example:
    >>> ids, new = write_organizations(conn, ctx, rows, key="inn")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from soyuzprom.core.provenance import record_bulk
from soyuzprom.core.text import name_key
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import chunks, ids_by, insert_many, upsert
from soyuzprom.importers.runner import LoadContext
from soyuzprom.registry.models import Organization, OrganizationActivity, Region

ORGS: Table = Organization.__table__  # type: ignore[assignment]
ACTIVITIES: Table = OrganizationActivity.__table__  # type: ignore[assignment]
REGIONS: Table = Region.__table__  # type: ignore[assignment]

# Facts every FNS source states; overwritten on update.
OVERWRITE = ("name", "full_name", "name_key", "region_id", "okved_main", "updated_at")


def region_ids(conn: Connection, ctx: LoadContext, column: str = "fns_code") -> dict[str, int]:
    """``{FNS code or ISO code: region id}`` from the regions table, read once per run."""
    key = f"regions_by_{column}"
    if key not in ctx.cache:
        rows = conn.execute(select(REGIONS.c[column], REGIONS.c.id).where(
            REGIONS.c[column].is_not(None)))
        ctx.cache[key] = {code: rid for code, rid in rows}
    return dict(ctx.cache[key])


def write_organizations(
    conn: Connection,
    ctx: LoadContext,
    rows: Sequence[dict[str, Any]],
    *,
    key: str,
    overwrite: Iterable[str] = (),
    keep_existing: Iterable[str] = (),
    also_match: str | None = None,
) -> tuple[dict[str, int], set[int]]:
    """Upsert ``rows`` (organization column dicts) by ``key``; record audit and provenance.

    ``also_match``: a second identifier (``"inn"``) that finds an organization the first
    one does not (registered from another source without it); that organization gets the
    key and is updated rather than duplicated. Returns ``{key value: organization id}``
    and the set of ids that were created.
    """
    if not rows:
        return {}, set()
    keys = [row[key] for row in rows]
    before = ids_by(conn, ORGS, key, keys)
    if also_match is not None:
        loose = {row[also_match]: row[key] for row in rows
                 if row[key] not in before and row.get(also_match)}
        found = ids_by(conn, ORGS, also_match, list(loose))
        if found:
            conn.execute(
                ORGS.update().where(ORGS.c.id == bindparam("org_id")).values(
                    {key: bindparam("new_key")}),
                [{"org_id": org_id, "new_key": loose[value]} for value, org_id in found.items()],
            )
            before.update({loose[value]: org_id for value, org_id in found.items()})
    now = utcnow()
    full = [
        {"version": 1, "created_at": now, "updated_at": now, "source_id": ctx.source_id,
         "kind": "enterprise", "country": "RU", "status": "active", **row}
        for row in rows
    ]
    columns = set(full[0])
    update = [c for c in (*OVERWRITE, *overwrite) if c in columns]
    keep = [c for c in keep_existing if c in columns and c not in update]
    upsert(conn, ORGS, full, [key], update=update, keep_existing=keep, bump_version=True)
    ids = ids_by(conn, ORGS, key, keys)
    created = {ids[k] for k in keys if k not in before}
    updated = {ids[k] for k in keys if k in before}
    session = Session(bind=conn)
    try:
        record_bulk(session, entity_type_name="organizations", entity_ids=sorted(created),
                    source_id=ctx.source_id, action="create", author=ctx.author)
        record_bulk(session, entity_type_name="organizations", entity_ids=sorted(updated),
                    source_id=ctx.source_id, action="update", author=ctx.author)
    finally:
        session.close()
    return ids, created


def held_elsewhere(
    conn: Connection, rows: Sequence[dict[str, Any]], key: str, other: str
) -> set[Any]:
    """Values of ``key`` whose row's ``other`` identifier already belongs to a different
    organization (one that has another, non-empty ``key``): writing them would collide."""
    wanted = {row[other]: row[key] for row in rows if row.get(other)}
    clash: set[Any] = set()
    for part in chunks(list(wanted)):
        found = conn.execute(
            select(ORGS.c[other], ORGS.c[key]).where(
                ORGS.c[other].in_(part), ORGS.c[key].is_not(None))
        )
        for value, stored in found:
            if stored != wanted[value]:
                clash.add(wanted[value])
    return clash


def replace_activities(
    conn: Connection, activities: dict[int, Sequence[tuple[str, bool]]]
) -> None:
    """Set the OKVED codes of each organization to exactly ``(code, is_main)`` given."""
    org_ids = list(activities)
    for part in chunks(org_ids):
        conn.execute(delete(ACTIVITIES).where(ACTIVITIES.c.organization_id.in_(part)))
    rows: list[dict[str, Any]] = []
    for org_id, codes in activities.items():
        seen: dict[str, bool] = {}
        for code, main in codes:
            seen[code] = seen.get(code, False) or main
        rows.extend({"organization_id": org_id, "okved": code, "is_main": main}
                    for code, main in seen.items())
    insert_many(conn, ACTIVITIES, rows)


def ensure_organizations(
    conn: Connection, ctx: LoadContext, rows: Sequence[dict[str, Any]]
) -> dict[str, int]:
    """``{INN: id}`` for makers named by INN (OGRN as a second key); creates the missing.

    Existing organizations are not changed: a product registry is not the place to learn
    an organization's name from. Rows need ``inn``, ``name`` and may carry ``ogrn``,
    ``address``.
    """
    by_inn = {row["inn"]: row for row in rows if row.get("inn")}
    found = ids_by(conn, ORGS, "inn", list(by_inn))
    loose = {row["ogrn"]: inn for inn, row in by_inn.items()
             if inn not in found and row.get("ogrn")}
    for ogrn, org_id in ids_by(conn, ORGS, "ogrn", list(loose)).items():
        found[loose[ogrn]] = org_id
    missing = [row for inn, row in by_inn.items() if inn not in found]
    if missing:
        now = utcnow()
        new = [{"version": 1, "created_at": now, "updated_at": now, "source_id": ctx.source_id,
                "kind": "enterprise", "country": "RU", "status": "active",
                "name": row["name"][:500], "full_name": row["name"][:1000],
                "name_key": name_key(row["name"])[:500], "inn": row["inn"],
                "ogrn": row.get("ogrn"), "address": row.get("address")} for row in missing]
        conn.execute(insert(ORGS), new)
        created = ids_by(conn, ORGS, "inn", [row["inn"] for row in missing])
        found.update(created)
        session = Session(bind=conn)
        try:
            record_bulk(session, entity_type_name="organizations",
                        entity_ids=sorted(created.values()), source_id=ctx.source_id,
                        action="create", author=ctx.author)
        finally:
            session.close()
    return found
