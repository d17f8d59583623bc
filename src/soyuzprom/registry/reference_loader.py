"""Upsert the packaged reference data (regions, classifier entries) into the database.

Idempotent and fast: one select reads what is there, new rows go in with bulk ``INSERT``
(executemany, batched by the driver), changed rows with a bulk ``UPDATE`` by primary key,
unchanged rows are not touched. Rows no longer in the packaged files are kept (products and
organizations may still refer to an old code). Regions and classifier entries are reference
data, not audited records, so no audit entries are written.

Example:
    >>> with session_scope() as session:
    ...     load_reference(session)
    {'regions': 98, 'regions_inserted': 98, 'regions_updated': 0,
     'classifier_entries': 52133, 'classifier_entries_inserted': 52133, ...}
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from soyuzprom.registry.models import ClassifierEntry, Region
from soyuzprom.registry.reference import (
    ClassifierRecord,
    RegionRecord,
    read_classifiers,
    read_regions,
)

log = logging.getLogger(__name__)

# Rows per INSERT/UPDATE statement batch: bounded memory, well under parameter limits.
_BATCH = 5000


def load_reference(session: Session) -> dict[str, int]:
    """Upsert regions and every classifier scheme; return counts (total, inserted, updated)."""
    counts = load_regions(session)
    counts.update(load_classifiers(session))
    return counts


def load_regions(session: Session, records: Iterable[RegionRecord] | None = None) -> dict[str, int]:
    """Upsert the regions (keyed by ``code``)."""
    rows = [dataclasses.asdict(r) for r in (records if records is not None else read_regions())]
    columns = [c for c in rows[0] if c != "code"] if rows else []
    query = select(Region.id, Region.code, *[getattr(Region, c) for c in columns])
    existing = {row.code: row for row in session.execute(query)}
    inserted, updated = _upsert(session, Region, rows, existing, lambda r: r["code"], columns)
    log.info("regions: %d inserted, %d updated", inserted, updated)
    return {"regions": len(rows), "regions_inserted": inserted, "regions_updated": updated}


def load_classifiers(
    session: Session, records: Iterable[ClassifierRecord] | None = None
) -> dict[str, int]:
    """Upsert classifier entries (keyed by ``(scheme, code)``)."""
    source = records if records is not None else read_classifiers()
    rows = [dataclasses.asdict(r) for r in source]
    columns = ["name", "parent_code", "extra"]
    existing = {
        (row.scheme, row.code): row
        for row in session.execute(
            select(
                ClassifierEntry.id,
                ClassifierEntry.scheme,
                ClassifierEntry.code,
                *[getattr(ClassifierEntry, c) for c in columns],
            )
        )
    }
    inserted, updated = _upsert(
        session, ClassifierEntry, rows, existing, lambda r: (r["scheme"], r["code"]), columns
    )
    log.info("classifier entries: %d inserted, %d updated", inserted, updated)
    return {
        "classifier_entries": len(rows),
        "classifier_entries_inserted": inserted,
        "classifier_entries_updated": updated,
    }


def _upsert(
    session: Session,
    model: type[Any],
    rows: Sequence[dict[str, Any]],
    existing: Mapping[Any, Any],
    key: Any,
    columns: Sequence[str],
) -> tuple[int, int]:
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for row in rows:
        current = existing.get(key(row))
        if current is None:
            new.append(row)
        elif any(getattr(current, c) != row[c] for c in columns):
            changed.append({"id": current.id, **{c: row[c] for c in columns}})
    for start in range(0, len(new), _BATCH):
        session.execute(insert(model), new[start : start + _BATCH])
    for start in range(0, len(changed), _BATCH):
        session.execute(update(model), changed[start : start + _BATCH])
    return len(new), len(changed)
