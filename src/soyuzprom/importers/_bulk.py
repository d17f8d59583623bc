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
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, func, select
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
    """Insert ``rows`` or update the row that has the same ``conflict`` columns.

    All rows must have the same keys. The statement is a Core ``insert().on_conflict_do_
    update()`` of the connection's dialect, compiled once per shape and run with the
    driver's ``executemany`` (see :func:`execute_many`).
    """
    if not rows:
        return
    columns = tuple(rows[0])
    key = ("upsert", table.name, columns, tuple(conflict), tuple(update), tuple(keep_existing),
           bump_version)

    def build() -> Any:
        stmt = _insert_for(connection)(table).values({c: bindparam(c) for c in columns})
        excluded = stmt.excluded
        values: dict[str, Any] = {name: excluded[name] for name in update}
        for name in keep_existing:
            values[name] = func.coalesce(excluded[name], table.c[name])
        if bump_version:
            values["version"] = table.c.version + 1
        return stmt.on_conflict_do_update(index_elements=list(conflict), set_=values)

    execute_many(connection, key, build, table, rows)


def insert_many(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """A plain bulk ``INSERT`` of ``rows`` (all with the same keys), see :func:`execute_many`."""
    if not rows:
        return
    columns = tuple(rows[0])
    execute_many(connection, ("insert", table.name, columns),
                 lambda: table.insert().values({c: bindparam(c) for c in columns}), table, rows)


_COMPILED: dict[tuple[Any, ...],
               tuple[str, tuple[str, ...] | None, dict[str, Any], dict[str, Any]]] = {}


def execute_many(connection: Connection, key: tuple[Any, ...], build: Any, table: Table,
                 rows: Sequence[dict[str, Any]]) -> None:
    """Run a Core statement for many rows through the driver's ``executemany``.

    The statement is compiled once per dialect and shape; parameters go to the driver as
    tuples (positional styles) or dicts (named styles), converted by the columns' own bind
    processors (dates to text on SQLite...). This skips SQLAlchemy's per-row parameter
    handling, which costs more than SQLite's own work on the hot tables of a big import.
    """
    dialect = connection.dialect
    cache_key = (dialect.name, dialect.paramstyle, *key)
    entry = _COMPILED.get(cache_key)
    if entry is None:
        compiled = build().compile(dialect=dialect)
        order = tuple(compiled.positiontup) if compiled.positiontup else None
        processors = {}
        for name in rows[0]:
            processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                processors[name] = processor
        # Binds of the statement itself (the 1 of "version + 1"), not of the rows.
        constants = {name: bind.effective_value for name, bind in compiled.binds.items()
                     if name not in rows[0]}
        entry = (str(compiled), order, processors, constants)
        _COMPILED[cache_key] = entry
    sql, order, processors, constants = entry
    if processors or constants:
        # A batch repeats the same few values in processed columns (one timestamp): memoise.
        memo: dict[tuple[str, Any], Any] = {}

        def convert(name: str, value: Any) -> Any:
            try:
                return memo[name, value]
            except KeyError:
                memo[name, value] = result = processors[name](value)
                return result
            except TypeError:  # unhashable
                return processors[name](value)

        rows = [{**row, **constants, **{k: convert(k, row[k]) for k in processors}}
                for row in rows]
    if order:
        getter = itemgetter(*order)
        params: list[Any] = [getter(row) for row in rows] if len(order) > 1 else [
            (getter(row),) for row in rows]
    else:
        params = list(rows)
    connection.exec_driver_sql(sql, params)


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
