"""Bulk writing with SQLAlchemy Core: dialect-specific upserts, record states, fingerprints.

Loaders write thousands of rows per statement (``executemany``), never row by row through
the ORM. An upsert is ``INSERT ... ON CONFLICT (...) DO UPDATE`` in the dialect at hand
(SQLite or PostgreSQL); columns listed in ``keep_existing`` keep the stored value when the
new one is NULL, so a source that does not know a field never erases it.

Example:
    >>> upsert(conn, Organization.__table__, rows, ["inn"], update=["name", "okved_main"])
    ... # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from soyuzprom.importers.models import ImportRecordState

# SQLite allows 32766 bound parameters per statement in recent versions, older ones 999;
# IN lists are chunked well below both with PostgreSQL's own limits in mind.
IN_CHUNK = 900


def _insert_for(connection: Connection) -> Any:
    name = connection.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert
    if name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    raise RuntimeError(f"unsupported database dialect: {name}")  # pragma: no cover


def upsert(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    conflict: Sequence[str],
    *,
    update: Iterable[str],
    keep_existing: Iterable[str] = (),
    bump_version: bool = False,
) -> None:
    """Insert ``rows`` or update the row that has the same ``conflict`` columns."""
    if not rows:
        return
    insert = _insert_for(connection)
    stmt = insert(table)
    excluded = stmt.excluded
    values: dict[str, Any] = {name: excluded[name] for name in update}
    for name in keep_existing:
        values[name] = func.coalesce(excluded[name], table.c[name])
    if bump_version:
        values["version"] = table.c.version + 1
    stmt = stmt.on_conflict_do_update(index_elements=list(conflict), set_=values)
    connection.execute(stmt, list(rows))


def insert_ignore(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], conflict: Sequence[str]
) -> None:
    """Insert ``rows``, skipping those that collide on ``conflict``."""
    if rows:
        stmt = _insert_for(connection)(table).on_conflict_do_nothing(index_elements=list(conflict))
        connection.execute(stmt, list(rows))


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def ids_by(
    connection: Connection, table: Table, column: str, values: Sequence[Any]
) -> dict[Any, int]:
    """``{value: id}`` for the rows of ``table`` whose ``column`` is one of ``values``."""
    found: dict[Any, int] = {}
    col = table.c[column]
    for part in chunks(list(values)):
        for value, row_id in connection.execute(select(col, table.c.id).where(col.in_(part))):
            found[value] = row_id
    return found


DUPLICATE = "Повтор: та же запись (ключ) уже есть в пакете, взята более поздняя"


def latest_by_key(batch: Sequence[Any], order: str | None = None) -> tuple[list[Any], int]:
    """One item per ``key`` attribute: the later in the batch, or the greatest ``order``.

    Returns the kept items (first-seen order) and how many duplicates were dropped.
    """
    kept: dict[str, Any] = {}
    for item in batch:
        previous = kept.get(item.key)
        if previous is None or order is None or (
            (getattr(item, order) or "") >= (getattr(previous, order) or "")
        ):
            kept[item.key] = item
    return list(kept.values()), len(batch) - len(kept)


# --- record states ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class State:
    fingerprint: str
    entity_id: int


STATES: Table = ImportRecordState.__table__  # type: ignore[assignment]


def load_states(
    connection: Connection, importer: str, keys: Sequence[str]
) -> dict[str, State]:
    """The stored states of ``keys`` (absent keys were never imported)."""
    found: dict[str, State] = {}
    for part in chunks(list(keys)):
        rows = connection.execute(
            select(STATES.c.record_key, STATES.c.fingerprint, STATES.c.entity_id).where(
                STATES.c.importer == importer, STATES.c.record_key.in_(part)
            )
        )
        for key, fingerprint, entity_id in rows:
            found[key] = State(fingerprint, entity_id)
    return found


def save_states(
    connection: Connection,
    importer: str,
    entity_type: str,
    states: Iterable[tuple[str, str, int]],
    import_run_id: int,
) -> None:
    """Record ``(key, fingerprint, entity_id)`` as the last imported state of each key."""
    rows = [
        {"importer": importer, "record_key": key, "fingerprint": fingerprint,
         "entity_type": entity_type, "entity_id": entity_id, "import_run_id": import_run_id}
        for key, fingerprint, entity_id in states
    ]
    upsert(connection, STATES, rows, ["importer", "record_key"],
           update=["fingerprint", "entity_type", "entity_id", "import_run_id"])


def fingerprint(*parts: Any) -> str:
    """A 128-bit hex digest of ``parts`` (str, int, bool, None, Decimal, date, tuples, lists).

    ``repr`` of these types is deterministic across runs, and much cheaper than JSON; the
    hot loaders call this once per record.
    """
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()
