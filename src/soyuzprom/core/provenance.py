"""Provenance and audit, recorded for every write without the callers repeating it.

A write happens inside :func:`write_context`, which creates a :class:`Source` (a document,
an import run, a user edit, the demo loader) and puts it on the session. A flush hook then
writes, for every created, changed or deleted :class:`Audited` record, one audit entry with
before/after snapshots, and field provenance rows saying which source set which field.

Example:
    >>> with session_scope() as s, write_context(s, kind="edit", author="ivanov"):
    ...     s.add(Organization(name="Оршанский льнокомбинат", country="BY"))
    # -> one AuditEntry(action="create", author="ivanov") and FieldProvenance rows
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, event, insert, inspect
from sqlalchemy.orm import Session

from soyuzprom.core.models import AuditEntry, FieldProvenance, Source
from soyuzprom.db import utcnow

# Bookkeeping columns are not facts: no provenance, and no audit diff on their own.
_BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "source_id"})

_SOURCE_KEY = "soyuzprom_source"
_EVIDENCE_KEY = "soyuzprom_evidence"


def entity_type(obj: Any) -> str:
    """The entity type name recorded in audit and provenance: the table name."""
    return str(obj.__tablename__)


def jsonable(value: Any) -> Any:
    """A JSON-safe form of a column value for audit snapshots."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: Any) -> dict[str, Any]:
    """Column values of a mapped object as a JSON-safe dict."""
    mapper = inspect(obj).mapper
    return {attr.key: jsonable(getattr(obj, attr.key)) for attr in mapper.column_attrs}


@contextmanager
def write_context(
    session: Session,
    *,
    kind: str,
    author: str = "system",
    document_id: int | None = None,
    import_run_id: int | None = None,
    note: str | None = None,
    evidence: str | None = None,
) -> Iterator[Source]:
    """Attribute every write in the block to one new :class:`Source`.

    ``evidence`` (e.g. the sentence a claim came from) is stored with the field provenance.
    Contexts nest: the inner one wins until it exits.
    """
    source = Source(
        kind=kind, author=author, document_id=document_id, import_run_id=import_run_id, note=note
    )
    session.add(source)
    session.flush()
    previous = session.info.get(_SOURCE_KEY), session.info.get(_EVIDENCE_KEY)
    session.info[_SOURCE_KEY] = source
    session.info[_EVIDENCE_KEY] = evidence
    try:
        yield source
        session.flush()
    finally:
        session.info[_SOURCE_KEY], session.info[_EVIDENCE_KEY] = previous


def current_source(session: Session) -> Source | None:
    """The source writes in this session are attributed to, if any."""
    source = session.info.get(_SOURCE_KEY)
    return source if isinstance(source, Source) else None


def _changed_fields(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Before and after values of the columns an update changed."""
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _BOOKKEEPING:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                before[attr.key] = jsonable(old)
                after[attr.key] = jsonable(new)
    return before, after


@event.listens_for(Session, "before_flush")
def _stamp_source(session: Session, _ctx: Any, _instances: Any) -> None:
    source = current_source(session)
    if source is None:
        return
    for obj in session.new:
        if getattr(obj, "__audited__", False) and obj.source_id is None:
            obj.source_id = source.id


@event.listens_for(Session, "after_flush")
def _record_audit(session: Session, _ctx: Any) -> None:
    source = current_source(session)
    author = source.author if source is not None else "system"
    source_id = source.id if source is not None else None
    evidence = session.info.get(_EVIDENCE_KEY)
    now = utcnow()
    audits: list[dict[str, Any]] = []
    provenance: list[dict[str, Any]] = []

    def add_provenance(obj: Any, fields: Iterable[str]) -> None:
        for name in fields:
            provenance.append(
                {
                    "entity_type": entity_type(obj),
                    "entity_id": obj.id,
                    "field": name,
                    "source_id": source_id,
                    "evidence": evidence,
                    "set_at": now,
                }
            )

    for obj in session.new:
        if not getattr(obj, "__audited__", False):
            continue
        after = snapshot(obj)
        audits.append(_audit_row(obj, "create", author, source_id, now, None, after))
        add_provenance(
            obj, [k for k, v in after.items() if k not in _BOOKKEEPING and v is not None]
        )
    for obj in session.dirty:
        if not getattr(obj, "__audited__", False) or not session.is_modified(obj):
            continue
        before, after = _changed_fields(obj)
        if not after:
            continue
        audits.append(_audit_row(obj, "update", author, source_id, now, before, after))
        add_provenance(obj, after)
    for obj in session.deleted:
        if not getattr(obj, "__audited__", False):
            continue
        audits.append(_audit_row(obj, "delete", author, source_id, now, snapshot(obj), None))

    if not audits:
        return
    connection = session.connection()
    connection.execute(insert(AuditEntry), audits)
    if provenance:
        _upsert_provenance(connection, provenance)


def _audit_row(
    obj: Any,
    action: str,
    author: str,
    source_id: int | None,
    now: datetime,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> dict[str, Any]:
    return {
        "entity_type": entity_type(obj),
        "entity_id": obj.id,
        "action": action,
        "author": author,
        "source_id": source_id,
        "at": now,
        "version": getattr(obj, "version", None),
        "before": dict(before) if before is not None else None,
        "after": dict(after) if after is not None else None,
    }


def _upsert_provenance(connection: Any, rows: list[dict[str, Any]]) -> None:
    """Replace the provenance of the given (entity, field) keys; portable across dialects."""
    table: Table = FieldProvenance.__table__  # type: ignore[assignment]
    groups: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        groups.setdefault((row["entity_type"], row["field"]), []).append(row["entity_id"])
    for (etype, field), ids in groups.items():
        # Chunked so that the IN list stays below SQLite's bound-parameter limit.
        for start in range(0, len(ids), 500):
            connection.execute(
                delete(table).where(
                    table.c.entity_type == etype,
                    table.c.field == field,
                    table.c.entity_id.in_(ids[start : start + 500]),
                )
            )
    connection.execute(insert(table), rows)


def record_bulk(
    session: Session,
    *,
    entity_type_name: str,
    entity_ids: Iterable[int],
    source_id: int,
    action: str = "create",
    author: str = "system",
) -> int:
    """Record-level provenance and audit for rows written in bulk (bypassing the ORM).

    Importers that insert thousands of rows with Core statements call this once per batch:
    each row gets field provenance ``"*"`` pointing to the import's source and one audit
    entry. Returns the number of rows recorded.
    """
    ids = list(entity_ids)
    if not ids:
        return 0
    now = utcnow()
    connection = session.connection()
    _upsert_provenance(
        connection,
        [
            {
                "entity_type": entity_type_name,
                "entity_id": eid,
                "field": "*",
                "source_id": source_id,
                "evidence": None,
                "set_at": now,
            }
            for eid in ids
        ],
    )
    connection.execute(
        insert(AuditEntry),
        [
            {
                "entity_type": entity_type_name,
                "entity_id": eid,
                "action": action,
                "author": author,
                "source_id": source_id,
                "at": now,
                "version": None,
                "before": None,
                "after": None,
            }
            for eid in ids
        ],
    )
    return len(ids)
