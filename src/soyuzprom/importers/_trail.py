"""Audit of what importers write in bulk, without a row per created record.

A bulk import writes hundreds of thousands of records; an audit entry and a provenance row
per created record would double what it writes. Instead (see docs/importers.md, "Writing:
runs, provenance, idempotence"):

* **creates**: the ids a run created are kept as ranges in the run's checkpoint
  (``ImportRun.checkpoint["created"] = {"organizations": [[1, 900], ...]}``), committed
  with each unit; the row itself says who created it (``source_id`` -> the import's source,
  ``created_at``), and ``core.history.audit_of`` reports that as its ``create`` entry;
* **updates** (a record whose content changed since the last import) get a stored audit
  entry each, with the changed columns' before/after values when the loader knows them;
* **deletes** get a stored audit entry each (the loader writes them).

Record-level provenance is the ``import_record_states`` row of the record (the latest run
that set it) or the row's ``source_id``: see ``importers.models.last_import_source``.

Example:
    >>> note_created(ctx, "organizations", [5, 6, 7, 9])  # doctest: +SKIP
    >>> ctx.created
    {'organizations': [[5, 7], [9, 9]]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from soyuzprom.core.models import AuditEntry
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import insert_many
from soyuzprom.importers.runner import LoadContext

AUDIT: Table = AuditEntry.__table__  # type: ignore[assignment]

Diff = tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]


def note_created(ctx: LoadContext, entity_type: str, ids: Iterable[int]) -> None:
    """Add ``ids`` to the run's ranges of created ``entity_type`` records."""
    ordered = sorted(ids)
    if not ordered:
        return
    ranges = ctx.created.setdefault(entity_type, [])
    for entity_id in ordered:
        if ranges and ranges[-1][0] <= entity_id <= ranges[-1][1] + 1:
            ranges[-1][1] = max(ranges[-1][1], entity_id)
        else:
            ranges.append([entity_id, entity_id])


def audit_changes(conn: Connection, ctx: LoadContext, entity_type: str, action: str,
                  entries: Mapping[int, Diff | None]) -> None:
    """One stored audit entry per ``{id: (before, after) or None}`` (``update``/``delete``)."""
    if not entries:
        return
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for entity_id, diff in entries.items():
        before, after = diff if diff is not None else (None, None)
        rows.append({"entity_type": entity_type, "entity_id": entity_id, "action": action,
                     "author": ctx.author, "source_id": ctx.source_id, "at": now,
                     "version": None,
                     "before": dict(before) if before is not None else None,
                     "after": dict(after) if after is not None else None})
    insert_many(conn, AUDIT, rows)


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> Diff:
    """The columns whose value changed: ``({col: old}, {col: new})``."""
    changed = [name for name, value in after.items() if before.get(name) != value]
    return ({name: before.get(name) for name in changed}, {name: after[name] for name in changed})
