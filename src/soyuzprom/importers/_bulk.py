"""Bulk writing with SQLAlchemy Core: dialect-specific upserts, record states, fingerprints.

Loaders write thousands of rows per statement (``executemany``), never row by row through
the ORM. An upsert is ``INSERT ... ON CONFLICT (...) DO UPDATE`` in the dialect at hand
(SQLite or PostgreSQL); columns listed in ``keep_existing`` keep the stored value when the
new one is NULL, so a source that does not know a field never erases it.

On SQLite the rows go first into an index-free TEMP table of the connection and then into
the table with one ``INSERT ... SELECT`` (see :func:`_staged`): an ``executemany`` runs the
statement once per row, and each run of an upsert (or of any insert checked by foreign
keys) opens and closes a statement journal; one set-based statement does that once per
batch, and SQLite walks the rows in C. The result is the same as row by row: the rows are
taken in their order (``ORDER BY rowid``, so ids follow the batch), each conflict applies
the same ``DO UPDATE``.

Example:
    >>> upsert(conn, Organization.__table__, rows, ["inn"], update=["name", "okved_main"])
    ... # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, Table, bindparam, column, func, literal_column, true
from sqlalchemy import table as table_clause
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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
    driver's ``executemany`` (see :func:`execute_many`; ``rows`` are converted in place).
    """
    if not rows:
        return
    columns = tuple(rows[0])
    key = ("upsert", table.name, columns, tuple(conflict), tuple(update), tuple(keep_existing),
           bump_version)

    def on_conflict(stmt: Any) -> Any:
        """The insert ``stmt`` (rows or a staged select) updating on a conflict."""
        excluded = stmt.excluded
        values: dict[str, Any] = {name: excluded[name] for name in update}
        for name in keep_existing:
            values[name] = func.coalesce(excluded[name], table.c[name])
        if bump_version:
            values["version"] = table.c.version + 1
        return stmt.on_conflict_do_update(index_elements=list(conflict), set_=values)

    def build() -> Any:
        return on_conflict(
            _insert_for(connection)(table).values({c: bindparam(c) for c in columns}))

    if connection.dialect.name == "sqlite":
        def merge(select: Any) -> Any:
            return on_conflict(sqlite_insert(table).from_select(list(columns), select))

        _staged(connection, key, merge, table, rows)
        return
    execute_many(connection, key, build, table, rows)


def insert_many(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """A plain bulk ``INSERT`` of ``rows`` (same keys; converted in place, see
    :func:`execute_many`)."""
    if not rows:
        return
    columns = tuple(rows[0])
    key = ("insert", table.name, columns)
    if connection.dialect.name == "sqlite":
        _staged(connection, key, lambda select: table.insert().from_select(list(columns), select),
                table, rows)
        return
    execute_many(connection, key,
                 lambda: table.insert().values({c: bindparam(c) for c in columns}), table, rows)


_COMPILED: dict[tuple[Any, ...],
               tuple[str, tuple[str, ...] | None, dict[str, Any], dict[str, Any]]] = {}


def execute_many(connection: Connection, key: tuple[Any, ...], build: Any, table: Table,
                 rows: Sequence[dict[str, Any]]) -> None:
    """Run a Core statement for many rows through the driver's ``executemany``.

    The statement is compiled once per dialect and shape; parameters go to the driver as
    tuples (positional styles) or dicts (named styles), converted by the columns' own bind
    processors (dates to text on SQLite...). **The row dicts are converted in place**:
    callers pass rows built for the statement and do not read them afterwards. This skips
    SQLAlchemy's per-row parameter handling, which costs more than SQLite's own work on the
    hot tables of a big import.
    """
    dialect = connection.dialect
    cache_key = (dialect.name, dialect.paramstyle, *key)
    entry = _COMPILED.get(cache_key)
    if entry is None:
        compiled = build().compile(dialect=dialect)
        order = tuple(compiled.positiontup) if compiled.positiontup else None
        # Binds of the statement itself (the 1 of "version + 1"), not of the rows.
        constants = {name: bind.effective_value for name, bind in compiled.binds.items()
                     if name not in rows[0]}
        entry = (str(compiled), order, _processors(connection, table, rows[0]), constants)
        _COMPILED[cache_key] = entry
    sql, order, processors, constants = entry
    connection.exec_driver_sql(sql, _converted(rows, order, processors, constants))


def _processors(connection: Connection, table: Table, columns: Iterable[str]) -> dict[str, Any]:
    """The bind processors of ``columns`` of ``table`` (dates to text on SQLite...)."""
    dialect = connection.dialect
    processors = {}
    for name in columns:
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            processors[name] = processor
    return processors


def _converted(rows: Sequence[dict[str, Any]], order: Sequence[str] | None,
               processors: dict[str, Any], constants: dict[str, Any]) -> list[Any]:
    """The driver's parameters of ``rows``: tuples in ``order`` (dicts without one)."""
    if processors or constants:
        # A batch repeats the same few values in processed columns (one timestamp): memoise.
        # Rows are converted in place: new dicts per row cost more than the conversion.
        memo: dict[tuple[str, Any], Any] = {}
        names = list(processors)
        for row in rows:
            if constants:
                row.update(constants)
            for name in names:
                value = row[name]
                try:
                    row[name] = memo[name, value]
                except KeyError:
                    row[name] = memo[name, value] = processors[name](value)
                except TypeError:  # unhashable
                    row[name] = processors[name](value)
    if order:
        getter = itemgetter(*order)
        return [getter(row) for row in rows] if len(order) > 1 else [
            (getter(row),) for row in rows]
    return list(rows)


@dataclass(frozen=True)
class _Stage:
    create: str  # CREATE TEMP TABLE IF NOT EXISTS ...
    empty: str
    fill: str  # INSERT INTO the stage, one row
    merge: str  # INSERT INTO the table SELECT ... FROM the stage
    merge_params: tuple[Any, ...]  # binds of the merge itself (the 1 of "version + 1")
    processors: dict[str, Any]


_STAGES: dict[tuple[Any, ...], _Stage] = {}


def _staged(connection: Connection, key: tuple[Any, ...], merge: Any, table: Table,
            rows: Sequence[dict[str, Any]]) -> None:
    """SQLite: write ``rows`` through a TEMP table and one ``INSERT ... SELECT``.

    ``merge(select)`` builds the statement that takes the staged rows (a Core ``SELECT`` of
    the stage's columns in batch order) into ``table``. The stage has no indexes, no
    constraints and no column types (no affinity: values reach ``table`` exactly as bound,
    converted by ``table``'s bind processors like a direct insert); it lives in the
    connection (``temp_store=MEMORY`` on the import connection), one per table and column
    list, and is emptied before each batch. The rows are converted in place.
    """
    columns = tuple(rows[0])
    stage = _STAGES.get(key)
    if stage is None:
        quote = connection.dialect.identifier_preparer.quote
        digest = hashlib.blake2b(repr(key).encode(), digest_size=4).hexdigest()
        name = f"stage_{table.name}_{digest}"
        clause = table_clause(name, *(column(c) for c in columns))
        select: Any = Select(*clause.c).where(true()).order_by(literal_column("rowid"))
        compiled = merge(select).compile(dialect=connection.dialect)
        listed = ", ".join(quote(c) for c in columns)
        stage = _Stage(
            create=f"CREATE TEMP TABLE IF NOT EXISTS {name} ({listed})",
            empty=f"DELETE FROM temp.{name}",
            fill=f"INSERT INTO temp.{name} ({listed}) VALUES ({', '.join('?' * len(columns))})",
            merge=str(compiled),
            merge_params=tuple(compiled.binds[bind].effective_value
                               for bind in compiled.positiontup or ()),
            processors=_processors(connection, table, columns),
        )
        _STAGES[key] = stage
    cursor = connection.connection.cursor()
    try:
        # IF NOT EXISTS: a rolled-back transaction takes the stage it created with it.
        cursor.execute(stage.create)
        cursor.execute(stage.empty)
        cursor.executemany(stage.fill, _converted(rows, columns, stage.processors, {}))
        cursor.execute(stage.merge, stage.merge_params)
    finally:
        cursor.close()


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


def select_in(connection: Connection, sql: str, values: Iterable[Any],
              leading: tuple[Any, ...] = ()) -> Iterator[Any]:
    """Rows of ``sql`` whose ``{values}`` placeholder stands for ``values``, in chunks.

    ``{mark}`` in ``sql`` is one parameter, taken in order from ``leading``.

    Plain SQL through the driver: a Core ``IN`` of 900 values is rendered anew on every
    execution (one bind name per value), which cost a big import more than SQLite's
    lookups. ``sql`` names columns of text and integer types only (no conversion is done).

    Example: ``select_in(conn, "SELECT inn, id FROM organizations WHERE inn IN ({values})",
    inns)``.
    """
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    listed = list(values)
    # The driver's own cursor, in the connection's transaction: its rows are plain tuples,
    # without a Row object each.
    cursor = connection.connection.cursor()
    try:
        for start in range(0, len(listed), IN_CHUNK):
            part = tuple(listed[start : start + IN_CHUNK])
            cursor.execute(sql.format(mark=mark, values=",".join([mark] * len(part))),
                           leading + part)
            yield from cursor.fetchall()
    finally:
        cursor.close()


def ids_by(
    connection: Connection, table: Table, column: str, values: Sequence[Any]
) -> dict[Any, int]:
    """``{value: id}`` for the rows of ``table`` whose ``column`` is one of ``values``."""
    sql = f"SELECT {column}, id FROM {table.name} WHERE {column} IN ({{values}})"
    return {value: row_id for value, row_id in select_in(connection, sql, values)}


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
    sql = (f"SELECT record_key, fingerprint, entity_id FROM {STATES.name} "
           "WHERE importer = {mark} AND record_key IN ({values})")
    return {key: State(digest, entity_id) for key, digest, entity_id
            in select_in(connection, sql, keys, (importer,))}


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
