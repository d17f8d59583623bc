"""Writing organizations in bulk: upsert by INN or OGRN, activities, audit trail.

Shared by the FNS loaders. An organization row is keyed by its INN (SME registry) or OGRN
(ЕГРЮЛ); columns the source does not know (``None``) keep their stored value, so the SME
registry never erases an address that ЕГРЮЛ gave. OKVED codes of a written organization
are replaced by the source's list (FNS is authoritative for them).

Example:
    >>> ids, new = write_organizations(conn, ctx, rows, key="inn")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select
from sqlalchemy.engine import Connection

from soyuzprom.core.text import name_key
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import chunks, ids_by, insert_many, select_in, upsert
from soyuzprom.importers._trail import audit_changes, diff, note_created
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
    """Upsert ``rows`` (organization column dicts) by ``key``; record the audit trail.

    ``also_match``: a second identifier (``"inn"``) that finds an organization the first
    one does not (registered from another source without it); that organization gets the
    key and is updated rather than duplicated. Created ids go to the run's summary
    (``_trail.note_created``); each updated organization gets an audit entry with the
    columns that changed. Returns ``{key value: organization id}`` and the set of ids that
    were created.
    """
    if not rows:
        return {}, set()
    now = utcnow()
    full = [
        {"version": 1, "created_at": now, "updated_at": now, "source_id": ctx.source_id,
         "kind": "enterprise", "country": "RU", "status": "active", **row}
        for row in rows
    ]
    update, keep = update_columns(full[0], overwrite, keep_existing)
    compared = [c for c in (*update, *keep) if c != "updated_at"]
    keys = [row[key] for row in rows]
    before = stored_values(conn, key, keys, compared)
    if also_match is not None:
        loose = {row[also_match]: row[key] for row in rows
                 if row[key] not in before and row.get(also_match)}
        found = stored_values(conn, also_match, list(loose), compared)
        if found:
            conn.execute(
                ORGS.update().where(ORGS.c.id == bindparam("org_id")).values(
                    {key: bindparam("new_key")}),
                [{"org_id": org_id, "new_key": loose[value]}
                 for value, (org_id, _) in found.items()],
            )
            before.update({loose[value]: stored for value, stored in found.items()})
    upsert(conn, ORGS, full, [key], update=update, keep_existing=keep, bump_version=True)
    ids = {k: org_id for k, (org_id, _) in before.items()}
    ids.update(ids_by(conn, ORGS, key, [k for k in keys if k not in before]))
    created = {ids[k] for k in keys if k not in before}
    note_created(ctx, "organizations", created)
    changes: dict[int, Any] = {}
    for row in rows:
        stored = before.get(row[key])
        if stored is not None:
            org_id, old = stored
            changes[org_id] = diff(old, stored_after(row, old, update, keep))
    audit_changes(conn, ctx, "organizations", "update", changes)
    return ids, created


def update_columns(columns: Iterable[str], overwrite: Iterable[str] = (),
                   keep_existing: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The columns an upsert of rows with ``columns`` overwrites, and those it fills only
    where the new value is not NULL (``keep_existing``), in the order audit entries list
    them."""
    present = set(columns)
    update = [c for c in (*OVERWRITE, *overwrite) if c in present]
    return update, [c for c in keep_existing if c in present and c not in update]


def stored_after(row: Mapping[str, Any], old: Mapping[str, Any], update: Sequence[str],
                 keep: Sequence[str]) -> dict[str, Any]:
    """What an upsert of ``row`` leaves in the compared columns of an organization that
    held ``old`` (NULL keeps the stored value in ``keep`` columns)."""
    new = {c: row[c] for c in update if c != "updated_at"}
    new.update({c: old[c] if row[c] is None else row[c] for c in keep})
    return new


def stored_values(conn: Connection, column: str, values: Sequence[Any],
                  columns: Sequence[str]) -> dict[Any, tuple[int, dict[str, Any]]]:
    """``{value of column: (id, {name: stored value})}`` of the organizations that exist."""
    for name in (column, *columns):  # plain SQL below: names must be ours
        ORGS.c[name]
    sql = (f"SELECT {', '.join((column, 'id', *columns))} FROM {ORGS.name} "
           f"WHERE {column} IN ({{values}})")
    return {row[0]: (row[1], dict(zip(columns, row[2:], strict=True)))
            for row in select_in(conn, sql, values)}


def held_elsewhere(
    conn: Connection, rows: Sequence[dict[str, Any]], key: str, other: str
) -> set[Any]:
    """Values of ``key`` whose row's ``other`` identifier already belongs to a different
    organization (one that has another, non-empty ``key``): writing them would collide."""
    wanted = {row[other]: row[key] for row in rows if row.get(other)}
    ORGS.c[key], ORGS.c[other]
    sql = (f"SELECT {other}, {key} FROM {ORGS.name} "
           f"WHERE {other} IN ({{values}}) AND {key} IS NOT NULL")
    return {wanted[value] for value, stored in select_in(conn, sql, wanted)
            if stored != wanted[value]}


def replace_activities(
    conn: Connection, activities: dict[int, Sequence[tuple[str, bool]]],
    created: Collection[int] = (),
) -> None:
    """Set the OKVED codes of each organization to exactly ``(code, is_main)`` given.

    ``created``: organizations created by this batch, which have no codes to delete yet.
    """
    stale = [org_id for org_id in activities if org_id not in created]
    for part in chunks(stale):
        conn.execute(delete(ACTIVITIES).where(ACTIVITIES.c.organization_id.in_(part)))
    rows: list[dict[str, Any]] = []
    for org_id, codes in activities.items():
        if len(codes) == len({code for code, _ in codes}):  # the usual case: no repeats
            rows.extend([{"organization_id": org_id, "okved": code, "is_main": main}
                         for code, main in codes])
            continue
        seen: dict[str, bool] = {}
        for code, main in codes:
            seen[code] = seen.get(code, False) or main
        rows.extend([{"organization_id": org_id, "okved": code, "is_main": main}
                     for code, main in seen.items()])
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
        note_created(ctx, "organizations", created.values())
    return found
