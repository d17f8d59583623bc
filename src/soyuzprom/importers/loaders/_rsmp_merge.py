"""The SQLite write of an SME registry batch: one staged batch, merged by set-based SQL.

Same result as the portable row-by-row write (``loaders.fns_rsmp.write_rows``; the tests
compare both on a file mixing new, changed, unchanged, repeated and bad records), at a
fraction of the cost on SQLite:

* the batch's records (organization columns, key, fingerprint, region id and the OKVED
  codes as JSON text) go into one index-free TEMP table with a single ``executemany``;
* OGRN clashes are cleared, the stored values of the organizations that exist are read
  (for their audit entries), the organizations are upserted, their ids written back into
  the stage, the OKVED codes and the record states inserted, each by **one** statement
  that SQLite runs in C over the whole batch, in batch order (ids follow the file).

An ``executemany`` of an upsert runs the statement once per row, and each run opens and
closes a statement journal (upserts, foreign keys): that was most of SQLite's time here.

Example:
    >>> created = write_merged(conn, ctx, todo)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Connection

from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import STATES, chunks
from soyuzprom.importers._trail import audit_changes, diff, note_created
from soyuzprom.importers.loaders._orgs import (
    ACTIVITIES,
    ORGS,
    region_ids,
    stored_after,
    update_columns,
)
from soyuzprom.importers.runner import LoadContext

if TYPE_CHECKING:
    from soyuzprom.importers.loaders.fns_rsmp import Prepared

STAGE = "stage_sme_records"
# The organization columns a record gives, in the order of ``Prepared.org``; then what the
# stage adds.
ORG = ("inn", "ogrn", "name", "full_name", "short_name", "legal_form", "city", "okved_main",
       "sme_category", "name_key")
STAGED = (*ORG, "fingerprint", "region_id", "activities")
# Written on insert only; updates bump the version and set updated_at.
CONSTANT = {"version": "1", "kind": "'enterprise'", "country": "'RU'", "status": "'active'"}
UPDATE, KEEP = update_columns((*ORG, "region_id", "updated_at"),
                              ("short_name", "sme_category"), ("ogrn", "legal_form", "city"))
COMPARED = [c for c in (*UPDATE, *KEEP) if c != "updated_at"]

_CREATE = (f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} "
           f"({', '.join(STAGED)}, org_id)")
_FILL = f"INSERT INTO temp.{STAGE} ({', '.join(STAGED)}) VALUES ({', '.join('?' * len(STAGED))})"
# An OGRN(IP) already held by an organization with another INN is not moved here.
_CLASH = (f"UPDATE temp.{STAGE} SET ogrn = NULL WHERE ogrn IS NOT NULL AND EXISTS "
          f"(SELECT 1 FROM {ORGS.name} o WHERE o.ogrn = {STAGE}.ogrn "
          f"AND o.inn IS NOT NULL AND o.inn <> {STAGE}.inn)")
_BEFORE = (f"SELECT s.rowid, o.id, {', '.join(f'o.{c}' for c in COMPARED)}, "
           f"{', '.join(f's.{c}' for c in ORG)}, s.region_id "
           f"FROM temp.{STAGE} s JOIN {ORGS.name} o ON o.inn = s.inn ORDER BY s.rowid")
_INSERTED = (*ORG, "region_id", *CONSTANT, "created_at", "updated_at", "source_id")
_UPSERT = (
    f"INSERT INTO {ORGS.name} ({', '.join(_INSERTED)}) "
    f"SELECT {', '.join((*ORG, 'region_id', *CONSTANT.values()))}, ?, ?, ? "
    f"FROM temp.{STAGE} WHERE true ORDER BY rowid "
    f"ON CONFLICT (inn) DO UPDATE SET "
    + ", ".join([*(f"{c} = excluded.{c}" for c in UPDATE),
                 *(f"{c} = coalesce(excluded.{c}, {ORGS.name}.{c})" for c in KEEP),
                 f"version = {ORGS.name}.version + 1"])
)
_IDS = (f"UPDATE temp.{STAGE} SET org_id = "
        f"(SELECT o.id FROM {ORGS.name} o WHERE o.inn = {STAGE}.inn)")
# The codes of the JSON array, the main one marked; a repeated code is one row, main if
# any of them is (as row by row). No ORDER BY: the join already walks the stage by rowid
# and each array in order, and sorting cost a third of the statement.
_ACTIVITIES = (
    f"INSERT INTO {ACTIVITIES.name} (organization_id, okved, is_main) "
    f"SELECT s.org_id, a.value, a.value = s.okved_main "
    f"FROM temp.{STAGE} s, json_each(s.activities) a WHERE true "
    f"ON CONFLICT (organization_id, okved) DO UPDATE SET "
    f"is_main = {ACTIVITIES.name}.is_main OR excluded.is_main"
)
_STATES = (
    f"INSERT INTO {STATES.name} "
    f"(importer, record_key, fingerprint, entity_type, entity_id, import_run_id) "
    f"SELECT ?, inn, fingerprint, ?, org_id, ? FROM temp.{STAGE} WHERE true ORDER BY rowid "
    f"ON CONFLICT (importer, record_key) DO UPDATE SET fingerprint = excluded.fingerprint, "
    f"entity_type = excluded.entity_type, entity_id = excluded.entity_id, "
    f"import_run_id = excluded.import_run_id"
)
_TIMESTAMP = DateTime(timezone=True)


def write_merged(conn: Connection, ctx: LoadContext, todo: Sequence[Prepared],
                 entity: str) -> tuple[list[int], set[int]]:
    """Write the new and changed records ``todo`` (distinct keys); return the organization
    id of each (in order) and the set of ids created."""
    regions = region_ids(conn, ctx)
    cursor = conn.connection.cursor()
    try:
        # IF NOT EXISTS: a rolled-back transaction takes the stage it created with it.
        cursor.execute(_CREATE)
        cursor.execute(f"DELETE FROM temp.{STAGE}")
        cursor.executemany(_FILL, [
            (*p.org, p.fingerprint, regions.get(p.region_code), p.activities)
            for p in todo])
        if any(p.org[1] for p in todo):
            cursor.execute(_CLASH)
        before = cursor.execute(_BEFORE).fetchall()
        now = _TIMESTAMP.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        stamp = now(utcnow()) if now is not None else utcnow()
        cursor.execute(_UPSERT, (stamp, stamp, ctx.source_id))
        cursor.execute(_IDS)
        ids = [row[0] for row in cursor.execute(f"SELECT org_id FROM temp.{STAGE} ORDER BY rowid")]
        existing = [row[1] for row in before]
        # Codes of organizations that existed are replaced (new ones have none yet).
        for part in chunks(existing):
            cursor.execute(f"DELETE FROM {ACTIVITIES.name} WHERE organization_id IN "
                           f"({', '.join('?' * len(part))})", tuple(part))
        cursor.execute(_ACTIVITIES)
        cursor.execute(_STATES, (ctx.importer, entity, ctx.run_id))
    finally:
        cursor.close()
    created = set(ids).difference(existing)
    note_created(ctx, "organizations", created)
    audit_changes(conn, ctx, "organizations", "update", _changes(before))
    return ids, created


def _changes(before: list[Any]) -> dict[int, Any]:
    """``{id: (before, after)}`` of the changed columns of organizations that existed."""
    changes = {}
    width = len(COMPARED)
    for row in before:
        old = dict(zip(COMPARED, row[2:2 + width], strict=True))
        new = dict(zip((*ORG, "region_id"), row[2 + width:], strict=True))
        changes[row[1]] = diff(old, stored_after(new, old, UPDATE, KEEP))
    return changes
