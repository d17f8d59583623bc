"""Reading provenance and the audit trail of one record.

Records written through the ORM have stored ``FieldProvenance`` rows and audit entries.
Records written in bulk by an importer have neither per row (see docs/architecture.md,
"Provenance and audit"): their record-level provenance (field ``"*"``) is the import that
last set them, which a *record source resolver* registered by the importers area finds
(:func:`register_record_source`), else the row's own ``source_id`` when that source is an
import; their creation is reported from the row itself (``source_id``, ``created_at``).

Example:
    >>> provenance_of(session, "organizations", 42)["fields"]["*"]["source"]["import"]
    ... # doctest: +SKIP
    {'id': 7, 'importer': 'fns-rsmp', 'file': 'data-2025-11.zip'}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from soyuzprom.core.models import AuditEntry, Document, FieldProvenance, ImportRun, Source
from soyuzprom.db import Base

# ``resolver(session, entity_type, entity_id)`` -> id of the source that last set the
# whole record in bulk, or None.
RecordSourceResolver = Callable[[Session, str, int], "int | None"]
_RESOLVERS: list[RecordSourceResolver] = []


def register_record_source(resolver: RecordSourceResolver) -> RecordSourceResolver:
    """Register a resolver of bulk-written records' provenance (idempotent; a decorator)."""
    if resolver not in _RESOLVERS:
        _RESOLVERS.append(resolver)
    return resolver


def describe_source(session: Session, source_id: int | None) -> dict[str, Any] | None:
    """A source as a dict, with the document or import it stands for.

    Example: ``{"id": 3, "kind": "demo", "document": {"title": ..., "publisher": ...}}``.
    """
    if source_id is None:
        return None
    source = session.get(Source, source_id)
    if source is None:
        return None
    out: dict[str, Any] = {
        "id": source.id,
        "kind": source.kind,
        "author": source.author,
        "created_at": source.created_at.isoformat(),
        "note": source.note,
    }
    if source.document_id is not None:
        doc = session.get(Document, source.document_id)
        if doc is not None:
            out["document"] = {
                "id": doc.id,
                "title": doc.title,
                "publisher": doc.publisher,
                "published": doc.published.isoformat() if doc.published else None,
                "url": doc.url,
            }
    if source.import_run_id is not None:
        run = session.get(ImportRun, source.import_run_id)
        if run is not None:
            out["import"] = {"id": run.id, "importer": run.importer, "file": run.file_name}
    return out


def provenance_of(session: Session, entity_type: str, entity_id: int) -> dict[str, Any]:
    """Field → source of one record."""
    rows = session.scalars(
        select(FieldProvenance).where(
            FieldProvenance.entity_type == entity_type, FieldProvenance.entity_id == entity_id
        )
    )
    cache: dict[int | None, Any] = {}
    fields: dict[str, Any] = {}
    for row in rows:
        if row.source_id not in cache:
            cache[row.source_id] = describe_source(session, row.source_id)
        fields[row.field] = {"source": cache[row.source_id], "evidence": row.evidence}
    bulk = _bulk_source(session, entity_type, entity_id)
    stored = fields.get("*")
    # A "*" row written before bulk imports stopped writing them may be older than the
    # import that last set the record: the later source (sources are numbered in time) wins.
    if bulk is not None and (stored is None or stored["source"] is None
                             or stored["source"]["id"] < bulk["id"]):
        fields["*"] = {"source": bulk, "evidence": None}
    return {"entity_type": entity_type, "entity_id": entity_id, "fields": fields}


def _row(session: Session, entity_type: str, entity_id: int) -> Any:
    """``(source_id, created_at)`` of an audited row, or None (no such table or row)."""
    table = Base.metadata.tables.get(entity_type)
    if not isinstance(table, Table) or "source_id" not in table.c or "created_at" not in table.c:
        return None
    return session.execute(
        select(table.c.source_id, table.c.created_at).where(table.c.id == entity_id)
    ).first()


def _bulk_source(session: Session, entity_type: str, entity_id: int) -> dict[str, Any] | None:
    """The import that last set the record as a whole: a registered resolver's answer,
    else the import source that created the row."""
    for resolver in _RESOLVERS:
        source_id = resolver(session, entity_type, entity_id)
        if source_id is not None:
            return describe_source(session, source_id)
    row = _row(session, entity_type, entity_id)
    if row is None or row.source_id is None:
        return None
    source = describe_source(session, row.source_id)
    return source if source is not None and source["kind"] == "import" else None


def audit_of(session: Session, entity_type: str, entity_id: int) -> list[dict[str, Any]]:
    """The audit trail of one record, oldest first.

    A record created by a bulk import has no stored ``create`` entry (the run keeps the
    list of ids it created, see ``ImportRun.checkpoint["created"]``); its creation is
    reported from the row: the import's source and author, the row's ``created_at``,
    version 1, ``"id": None``.
    """
    rows = list(session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    ))
    created = _bulk_creation(session, entity_type, entity_id, rows)
    return created + [
        {
            "id": r.id,
            "action": r.action,
            "author": r.author,
            "at": r.at.isoformat(),
            "version": r.version,
            "source_id": r.source_id,
            "before": r.before,
            "after": r.after,
        }
        for r in rows
    ]


def _bulk_creation(session: Session, entity_type: str, entity_id: int,
                   stored: list[AuditEntry]) -> list[dict[str, Any]]:
    """The ``create`` entry of a record an import wrote in bulk ([] for any other)."""
    if any(r.action == "create" for r in stored):
        return []
    row = _row(session, entity_type, entity_id)
    if row is None or row.source_id is None:
        return []
    source = session.get(Source, row.source_id)
    if source is None or source.kind != "import":
        return []
    return [{"id": None, "action": "create", "author": source.author,
             "at": row.created_at.isoformat(), "version": 1, "source_id": source.id,
             "before": None, "after": None}]
