"""Loading ЕГРЮЛ/ЕГРИП extracts: organizations by OGRN, OKVED, status, founders.

Per record (``EgrulRecord``): the organization keyed by OGRN (an organization known only
by its INN, e.g. from the SME registry, is found by INN and gets the OGRN), with names,
legal form, KPP, address and region, main OKVED, status (``active``, ``winding_up``,
``terminated``); all OKVED codes as activities; every founder as an :class:`Ownership` row
with the owner's ОКСМ country code and share in percent. Founders written by an earlier
ЕГРЮЛ import of the organization are replaced; ownerships from other sources (a user, the
press) are left alone. A Russian legal-entity founder is linked to its organization when
the registry has it.

Bad-record policy: skip and report (``STRICT = False``); the fingerprint leaves out the
document id and the extract date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from soyuzprom.core.models import AuditEntry, ImportRun, Source
from soyuzprom.core.provenance import record_bulk
from soyuzprom.core.text import name_key
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import (
    DUPLICATE,
    chunks,
    fingerprint,
    ids_by,
    latest_by_key,
    load_states,
    save_states,
)
from soyuzprom.importers.loaders._orgs import (
    ORGS,
    held_elsewhere,
    region_ids,
    replace_activities,
    write_organizations,
)
from soyuzprom.importers.records import EgrulRecord, Founder
from soyuzprom.importers.runner import BatchResult, LoadContext
from soyuzprom.registry.models import Ownership

STRICT = False
BATCH = 1000
ENTITY = "organizations"
OWNERSHIPS: Table = Ownership.__table__  # type: ignore[assignment]
AUDIT: Table = AuditEntry.__table__  # type: ignore[assignment]
INN_CLASH = "ИНН уже принадлежит организации с другим ОГРН: запись не записана"
OWNER_KINDS = {"person": "person", "ru_legal": "organization", "foreign_legal": "organization",
               "public": "state", "fund": "other", "partnership": "other"}


@dataclass(frozen=True, slots=True)
class Prepared:
    key: str
    fingerprint: str
    region_code: str | None
    org: dict[str, Any]
    activities: tuple[tuple[str, bool], ...]
    founders: tuple[Founder, ...]
    as_of: date | None


def prepare(record: EgrulRecord) -> Prepared:
    """Pure: the organization row, activities, founders and the fingerprint."""
    address = record.address
    display = record.short_name or record.full_name
    main = next((a.code for a in record.activities if a.main), None)
    org: dict[str, Any] = {
        "ogrn": record.ogrn,
        "inn": record.inn,
        "kpp": record.kpp,
        "name": display[:500],
        "full_name": record.full_name[:1000],
        "short_name": record.short_name[:300] if record.short_name else None,
        "legal_form": (record.legal_form or "")[:50] or None,
        "city": (address.city or address.settlement) if address else None,
        "address": address.text if address else None,
        "okved_main": main,
        "status": record.status,
        "name_key": name_key(display)[:500],
    }
    activities = tuple((a.code, a.main) for a in record.activities)
    region = address.region_code if address else None
    digest = fingerprint(sorted(org.items()), region, activities, record.founders)
    return Prepared(record.ogrn, digest, region, org, activities, record.founders,
                    record.extract_date)


def write(conn: Connection, ctx: LoadContext, batch: Sequence[Prepared]) -> BatchResult:
    latest, duplicates = latest_by_key(batch, "as_of")
    states = load_states(conn, ctx.importer, [p.key for p in latest])
    todo = [p for p in latest
            if p.key not in states or states[p.key].fingerprint != p.fingerprint]
    result = BatchResult(unchanged=len(latest) - len(todo))
    if duplicates:
        result.skipped[DUPLICATE] += duplicates
    if not todo:
        return result
    regions = region_ids(conn, ctx)
    rows = [{**p.org, "region_id": regions.get(p.region_code or "")} for p in todo]
    clash = held_elsewhere(conn, rows, "ogrn", "inn")
    if clash:  # the INN is registered to another OGRN: a data conflict for a person to see
        result.skipped[INN_CLASH] += len(clash)
        todo = [p for p in todo if p.key not in clash]
        rows = [row for row in rows if row["ogrn"] not in clash]
        if not todo:
            return result
    ids, created = write_organizations(
        conn, ctx, rows, key="ogrn", also_match="inn",
        overwrite=("short_name", "legal_form", "city", "address", "kpp", "status"),
        keep_existing=("inn",),
    )
    result.inserted = len(created)
    result.updated = len(todo) - len(created)
    replace_activities(conn, {ids[p.key]: p.activities for p in todo if p.activities})
    _replace_founders(conn, ctx, [(ids[p.key], p) for p in todo])
    save_states(conn, ctx.importer, ENTITY,
                ((p.key, p.fingerprint, ids[p.key]) for p in todo), ctx.run_id)
    return result


def _egrul_sources(importer: str) -> Any:
    """Ids of the sources written by this importer (any run)."""
    runs = ImportRun.__table__
    sources = Source.__table__
    return (
        select(sources.c.id)
        .join(runs, sources.c.import_run_id == runs.c.id)
        .where(runs.c.importer == importer)
    )


def _replace_founders(conn: Connection, ctx: LoadContext, items: list[tuple[int, Prepared]]
                      ) -> None:
    org_ids = [org_id for org_id, _ in items]
    stale: list[int] = []
    for part in chunks(org_ids):
        stale.extend(conn.execute(
            select(OWNERSHIPS.c.id).where(
                OWNERSHIPS.c.organization_id.in_(part),
                OWNERSHIPS.c.source_id.in_(_egrul_sources(ctx.importer)),
            )
        ).scalars())
    now = utcnow()
    for part in chunks(stale):
        conn.execute(delete(OWNERSHIPS).where(OWNERSHIPS.c.id.in_(part)))
    if stale:
        conn.execute(insert(AUDIT), [
            {"entity_type": "ownerships", "entity_id": oid, "action": "delete",
             "author": ctx.author, "source_id": ctx.source_id, "at": now, "version": None,
             "before": None, "after": None} for oid in stale
        ])
    owners = ids_by(conn, ORGS, "ogrn",
                    [f.ogrn for _, p in items for f in p.founders if f.ogrn])
    rows = [
        {
            "organization_id": org_id,
            "owner_kind": OWNER_KINDS[f.kind],
            "owner_organization_id": owners.get(f.ogrn) if f.ogrn else None,
            "owner_person_id": None,
            "owner_name": f.name[:500],
            "owner_identifier": (f.ogrn or f.inn or f.foreign_reg_number),
            "owner_country": f.country_oksm,
            "share_percent": float(f.share.percent) if f.share.percent is not None else None,
            "share_nominal": float(f.share.nominal) if f.share.nominal is not None else None,
            "as_of": p.as_of,
            "version": 1, "created_at": now, "updated_at": now, "source_id": ctx.source_id,
        }
        for org_id, p in items
        for f in p.founders
    ]
    if not rows:
        return
    new_ids = list(conn.execute(
        insert(OWNERSHIPS).returning(OWNERSHIPS.c.id, sort_by_parameter_order=True), rows
    ).scalars())
    session = Session(bind=conn)
    try:
        record_bulk(session, entity_type_name="ownerships", entity_ids=new_ids,
                    source_id=ctx.source_id, action="create", author=ctx.author)
    finally:
        session.close()
