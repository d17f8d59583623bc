"""Secondary indexes set aside during a bulk load on SQLite, rebuilt after; crash-safe.

A big import into a table holding little inserts every row into every index of the table,
and the indexes on random keys (names, name keys) are touched all over: each row costs a
walk down each B-tree and the pages of all of them go to the WAL again with every commit.
Building an index afterwards sorts the keys once, which costs a fraction of that. So a run
that will at least double a table (see :func:`worth_it`) drops the table's **non-unique**
indexes before it writes and creates them again when it ends — whether it completes, fails
or is interrupted (``runner.run_import`` calls :func:`rebuilt` in ``finally``). Unique
indexes stay: they enforce keys and the upserts find conflicts through them.

A process killed outright cannot rebuild; so every import run, ``soyuzprom init`` and
``migrate.upgrade`` start with :func:`restore`, which creates any index the models define
on these tables and the database lacks. Queries are correct without the indexes meanwhile,
only slower.

PostgreSQL keeps its indexes (its bulk path is not this one).

Example:
    >>> dropped = drop(conn, ["organizations"])           # doctest: +SKIP
    >>> rebuilt(engine, dropped)                          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Index, inspect
from sqlalchemy.engine import Connection, Engine

# The tables bulk imports may load without their secondary indexes.
BULK_TABLES = ("organizations", "organization_activities", "products", "import_record_states")
# Below this many records a rebuild of the indexes costs more than it saves.
MIN_RECORDS = 50_000


def _model_indexes(tables: Iterable[str]) -> list[Index]:
    """The non-unique indexes the models define on ``tables``."""
    from soyuzprom.areas import load_all_models
    from soyuzprom.db import Base

    load_all_models()
    found = []
    for name in tables:
        table = Base.metadata.tables[name]
        found.extend(sorted((i for i in table.indexes if not i.unique),
                            key=lambda i: str(i.name)))
    return found


def worth_it(conn: Connection, table: str, records: int) -> bool:
    """Whether a run of about ``records`` records should set the indexes of ``table``
    aside: SQLite, at least :data:`MIN_RECORDS`, and enough to double the table at least
    (a re-run of the same file, or next month's dump, writes little: indexes stay)."""
    if conn.dialect.name != "sqlite" or records < MIN_RECORDS:
        return False
    held = conn.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar() or 0
    return records >= 2 * held


def drop(conn: Connection, tables: Sequence[str]) -> list[str]:
    """Drop the non-unique indexes of ``tables`` (committed); their names."""
    names = [str(index.name) for index in _model_indexes(tables)]
    for name in names:
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{name}"')
    conn.commit()
    return names


def rebuilt(engine: Engine, tables: Sequence[str]) -> None:
    """Create the missing model indexes of ``tables`` again, in one committed transaction."""
    with engine.begin() as conn:
        restore(conn, tables)


def restore(conn: Connection, tables: Sequence[str] = BULK_TABLES) -> list[str]:
    """Create every index the models define on ``tables`` that the database lacks (after
    a bulk load that was killed before it could rebuild them); the names created."""
    present: set[str] = set()
    inspector = inspect(conn)
    existing = set(inspector.get_table_names())
    for name in tables:
        if name in existing:
            present.update(str(i["name"]) for i in inspector.get_indexes(name))
    created = []
    for index in _model_indexes([t for t in tables if t in existing]):
        if str(index.name) not in present:
            index.create(conn)
            created.append(str(index.name))
    return created
