"""Reading provenance and the audit trail of one record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.models import AuditEntry, Document, FieldProvenance, ImportRun, Source


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
    return {"entity_type": entity_type, "entity_id": entity_id, "fields": fields}


def audit_of(session: Session, entity_type: str, entity_id: int) -> list[dict[str, Any]]:
    """The audit trail of one record, oldest first."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return [
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
