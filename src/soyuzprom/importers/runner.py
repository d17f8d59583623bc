"""Running an importer over a file: import run record, transactions, resume, summary.

The contract, the same for every format:

* every run is an :class:`~soyuzprom.core.models.ImportRun` row (file, SHA-256, status,
  counts read / inserted / updated / unchanged / skipped with reasons, the first errors, a
  checkpoint) and one :class:`~soyuzprom.core.models.Source` that every written row points to;
* the input is split into *units* (one XML member of a zip, or the whole file); units are
  committed whole, in groups of about :data:`GROUP_RECORDS` records, together with the
  checkpoint that names them, so the database never holds part of a unit;
* a bad record is skipped and reported (``STRICT = False`` loaders) or fails its unit
  (``STRICT = True``); a broken file (malformed XML, wrong encoding...) fails the unit; the
  unit is rolled back, the run is marked ``failed`` with the error, and the error is raised;
* an interrupted or failed run of the same file (same importer and SHA-256) is resumed:
  the units its checkpoint lists are not read again;
* a record whose content did not change since the last import is counted ``unchanged``
  and not written, so re-running a file changes nothing;
* a big first load on SQLite writes the loader's ``BULK_TABLES`` without their non-unique
  indexes and rebuilds them however the run ends (see ``importers._indexes``).

Example:
    >>> summary = run_import(engine, "fns-rsmp", Path("data-test-sme-1.zip"))  # doctest: +SKIP
    >>> summary.counts["inserted"], summary.status
    (2700, 'completed')
"""

from __future__ import annotations

import hashlib
import importlib
import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from queue import Empty
from types import ModuleType
from typing import Any, Protocol

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection, Engine

from soyuzprom.core.models import ImportRun, Source
from soyuzprom.db import utcnow
from soyuzprom.errors import InputFormatError, SoyuzpromError
from soyuzprom.importers import _indexes, catalog
from soyuzprom.importers.records import BadRecord

MAX_ERRORS = 50
# Files this large are parsed in a second process while this one writes to the database.
PARALLEL_FROM = 4 * 1024 * 1024
QUEUE_BATCHES = 6
# The writer parses a unit itself when the producer has nothing ready (see produced).
HELP = True
# Units are committed together until they hold this many records (see _consume).
GROUP_RECORDS = 20_000
RUNS: Table = ImportRun.__table__  # type: ignore[assignment]
SOURCES: Table = Source.__table__  # type: ignore[assignment]


class Progress(Protocol):
    """What the runner tells a progress display (the CLI's rich bar, or nothing)."""

    def start(self, total_bytes: int, units: int) -> None: ...

    def advance(self, nbytes: int) -> None: ...

    def records(self, count: int) -> None: ...


@dataclass
class LoadContext:
    """What a loader needs besides the rows: who writes, and lookups built once per run."""

    importer: str
    run_id: int
    source_id: int
    author: str
    cache: dict[str, Any] = field(default_factory=dict)
    # Ids this run created, as ranges per entity type (see importers._trail); a resumed
    # run lists only its own, the earlier run's checkpoint keeps the rest.
    created: dict[str, list[list[int]]] = field(default_factory=dict)


@dataclass
class BatchResult:
    """Counts of one written batch, by source record."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class ImportSummary:
    """The outcome of one run, as recorded in its ImportRun row."""

    run_id: int
    importer: str
    file: str
    status: str
    counts: dict[str, Any]
    errors: list[dict[str, Any]]


class _Tally:
    def __init__(self, previous: dict[str, Any] | None = None) -> None:
        prev = previous or {}
        self.read = int(prev.get("read", 0))
        self.inserted = int(prev.get("inserted", 0))
        self.updated = int(prev.get("updated", 0))
        self.unchanged = int(prev.get("unchanged", 0))
        self.reasons: Counter[str] = Counter(prev.get("skip_reasons", {}))
        self.errors: list[dict[str, Any]] = []

    def snapshot(self) -> tuple[int, int, int, int, Counter[str]]:
        return self.read, self.inserted, self.updated, self.unchanged, Counter(self.reasons)

    def restore(self, snapshot: tuple[int, int, int, int, Counter[str]]) -> None:
        self.read, self.inserted, self.updated, self.unchanged, reasons = snapshot
        self.reasons = Counter(reasons)

    def add(self, result: BatchResult) -> None:
        self.inserted += result.inserted
        self.updated += result.updated
        self.unchanged += result.unchanged
        self.reasons.update(result.skipped)

    def skip(self, bad: BadRecord) -> None:
        self.reasons[bad.reason] += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error_dict(bad.error, record=bad.place.key))

    def counts(self, units_done: int, units_total: int) -> dict[str, Any]:
        return {
            "read": self.read, "inserted": self.inserted, "updated": self.updated,
            "unchanged": self.unchanged, "skipped": sum(self.reasons.values()),
            "skip_reasons": dict(self.reasons.most_common()),
            "units_done": units_done, "units_total": units_total,
        }


def error_dict(error: SoyuzpromError, **extra: Any) -> dict[str, Any]:
    """The JSON form of an error for ``ImportRun.errors`` (message and where)."""
    data: dict[str, Any] = {"message": error.message, "field": error.field}
    if isinstance(error, InputFormatError):
        data.update(file=error.file, line=error.line, element=error.element)
    data.update({k: v for k, v in extra.items() if v is not None})
    return data


def loader_for(name: str) -> ModuleType:
    """The loader module of format ``name``: ``importers.loaders.<parser module name>``."""
    module = catalog.get(name).module
    short = module.__name__.rsplit(".", 1)[-1]
    return importlib.import_module(f"soyuzprom.importers.loaders.{short}")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _resumable(engine: Engine, importer: str, sha: str) -> tuple[int | None, list[str], dict]:
    """The unfinished run of this very file, if any: its id, finished units and counts."""
    with engine.connect() as conn:
        row = conn.execute(
            select(RUNS.c.id, RUNS.c.status, RUNS.c.checkpoint, RUNS.c.counts)
            .where(RUNS.c.importer == importer, RUNS.c.file_hash == sha)
            .order_by(RUNS.c.id.desc())
            .limit(1)
        ).first()
    if row is None or row.status == "completed":
        return None, [], {}
    done = list((row.checkpoint or {}).get("done_units", []))
    return (row.id, done, dict(row.counts or {})) if done else (None, [], {})


def _start(engine: Engine, importer: str, path: Path, sha: str, author: str,
           resumed_from: int | None, done: list[str]) -> tuple[int, int]:
    with engine.begin() as conn:
        run_id = conn.execute(
            RUNS.insert().values(
                importer=importer, file_name=path.name, file_hash=sha, status="running",
                started_at=utcnow(), counts={}, errors=[], author=author,
                checkpoint={"done_units": done, "resumed_from": resumed_from},
            ).returning(RUNS.c.id)
        ).scalar_one()
        source_id = conn.execute(
            SOURCES.insert().values(
                kind="import", author=author, import_run_id=run_id, created_at=utcnow(),
                note=f"{importer}: {path.name}",
            ).returning(SOURCES.c.id)
        ).scalar_one()
    return run_id, source_id


def _finish(engine: Engine, run_id: int, status: str, counts: dict[str, Any],
            errors: list[dict[str, Any]]) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(RUNS).where(RUNS.c.id == run_id).values(
                status=status, finished_at=utcnow(), counts=counts, errors=errors
            )
        )


def _rebuild_or_fail(engine: Engine, tables: tuple[str, ...], run_id: int, state: _RunState,
                     tally: _Tally) -> None:
    """Build the set-aside indexes again; when that fails (a full disk...), the run is
    recorded as failed with the reason, not left ``running``, and the error is raised (the
    next run of any bulk importer restores the indexes first)."""
    try:
        _indexes.rebuilt(engine, tables)
    except Exception as exc:
        errors = [*tally.errors, {"message": f"Индексы не восстановлены: {type(exc).__name__}: "
                                             f"{exc}"}]
        _finish(engine, run_id, "failed", state.counts(tally), errors)
        raise


def run_import(
    engine: Engine,
    importer: str,
    path: Path,
    *,
    author: str = "system",
    progress: Progress | None = None,
    batch_size: int | None = None,
    parallel: bool | None = None,
    group_records: int | None = None,
) -> ImportSummary:
    """Import ``path`` with the importer called ``importer``; see the module docstring.

    ``parallel``: parse in a second process while this one writes (default: for files
    over :data:`PARALLEL_FROM` bytes). ``group_records``: commit units in groups of at
    least this many records (default :data:`GROUP_RECORDS`; 0 commits every unit). Raises
    InputFormatError (after recording the failed run) when the file is broken.
    """
    loader = loader_for(importer)
    path = Path(path)
    if not path.is_file():
        raise InputFormatError("Файл не найден", file=str(path))
    sha = file_sha256(path)
    bulk = tuple(getattr(loader, "BULK_TABLES", ()))
    if bulk:  # a run killed during a bulk load could not rebuild its indexes
        with engine.begin() as conn:
            _indexes.restore(conn, bulk)
    resumed_from, done, previous = _resumable(engine, importer, sha)
    run_id, source_id = _start(engine, importer, path, sha, author, resumed_from, done)
    ctx = LoadContext(importer=importer, run_id=run_id, source_id=source_id, author=author)
    tally = _Tally(previous)
    size = batch_size or int(getattr(loader, "BATCH", 2000))
    if parallel is None:
        parallel = path.stat().st_size >= PARALLEL_FROM
    state = _RunState(set(done), resumed_from)
    try:
        with produced(importer, path, frozenset(done), size, parallel) as messages:
            _consume(engine, loader, ctx, messages, tally, state, progress,
                     GROUP_RECORDS if group_records is None else group_records)
    except SoyuzpromError as exc:
        errors = [*tally.errors, error_dict(exc)]
        _finish(engine, run_id, "failed", state.counts(tally), errors)
        raise
    except KeyboardInterrupt:
        _finish(engine, run_id, "interrupted", state.counts(tally), tally.errors)
        raise
    except BaseException as exc:
        errors = [*tally.errors, {"message": f"{type(exc).__name__}: {exc}"}]
        _finish(engine, run_id, "failed", state.counts(tally), errors)
        raise
    finally:
        if state.indexes_dropped:  # whatever happened: never leave the tables without them
            _rebuild_or_fail(engine, bulk, run_id, state, tally)
    counts = state.counts(tally)
    _finish(engine, run_id, "completed", counts, tally.errors)
    return ImportSummary(run_id, importer, path.name, "completed", counts, tally.errors)


@dataclass
class _RunState:
    finished: set[str]
    resumed_from: int | None
    units_total: int = 0
    indexes_dropped: bool = False

    def counts(self, tally: _Tally) -> dict[str, Any]:
        return tally.counts(len(self.finished), self.units_total)


def _consume(engine: Engine, loader: ModuleType, ctx: LoadContext, messages: Iterator[Any],
             tally: _Tally, state: _RunState, progress: Progress | None,
             group_records: int = 0) -> None:
    """Write what the producer sends: whole units, committed with the checkpoint naming them.

    One connection serves the whole run (opening one per unit costs a WAL checkpoint on
    SQLite each time). Units are committed in groups of at least ``group_records``
    records: a commit writes every page the transaction touched, and the random-keyed
    indexes of a big table (names, INN, OGRN) are touched all over, so committing each
    900-record XML member made the writes ~1.5x slower. A failure (a broken member,
    Ctrl-C) rolls back the group in progress: the database holds the committed groups,
    the checkpoint names exactly their units, and a resumed run reads the others again.
    (Savepoints per unit would keep the units before a broken one, but SQLite's
    sub-journal made the writes inside them several times slower.)
    """
    strict = bool(getattr(loader, "STRICT", False))
    with engine.connect() as conn:
        _tune(conn)
        group = _Group(conn, ctx, tally, state, group_records)
        completed = False
        try:
            for message in messages:
                kind = message[0]
                if kind == "total":
                    state.units_total = message[2]
                    _set_indexes_aside(conn, loader, state, message[1])
                    if progress is not None:
                        progress.start(message[1], message[2])
                elif kind == "skip":
                    if progress is not None:
                        progress.advance(message[2])
                elif kind == "unit":
                    group.start_unit()
                elif kind == "items":
                    _write_items(conn, loader, ctx, message[1], tally, strict)
                    group.records += len(message[1])
                    if progress is not None:
                        progress.advance(message[2])
                        progress.records(len(message[1]))
                elif kind == "end":
                    finish = getattr(loader, "finish_unit", None)
                    if finish is not None:
                        tally.add(finish(conn, ctx))
                    group.end_unit(message[1])
                elif kind == "error":
                    raise message[1]
            completed = True
        finally:
            group.close(completed)


class _Group:
    """The open transaction of a group of units."""

    def __init__(self, conn: Connection, ctx: LoadContext, tally: _Tally, state: _RunState,
                 group_records: int) -> None:
        self.conn, self.ctx, self.tally, self.state = conn, ctx, tally, state
        self.group_records = group_records
        self.in_unit = False
        self.records = 0
        self.committed = set(state.finished)
        self.counted = tally.snapshot()

    def start_unit(self) -> None:
        if not self.conn.in_transaction():
            self.conn.begin()
        self.in_unit = True

    def end_unit(self, name: str) -> None:
        self.state.finished.add(name)
        self.in_unit = False
        if self.records >= self.group_records:
            self.commit()

    def commit(self) -> None:
        """Commit the finished units with the checkpoint that names them."""
        state, ctx = self.state, self.ctx
        self.conn.execute(update(RUNS).where(RUNS.c.id == ctx.run_id).values(
            counts=state.counts(self.tally), errors=self.tally.errors,
            checkpoint={"done_units": sorted(state.finished),
                        "resumed_from": state.resumed_from, "created": ctx.created},
        ))
        self.conn.commit()
        self.records = 0
        self.committed = set(state.finished)
        self.counted = self.tally.snapshot()

    def close(self, completed: bool) -> None:
        """At the end, commit; after a failure, roll back the group in progress."""
        if completed and not self.in_unit and self.conn.in_transaction():
            self.commit()
        elif self.conn.in_transaction():
            self.conn.rollback()
        # What the database holds: the finished units of the committed groups, and the
        # counts of their records (the errors seen stay reported).
        self.state.finished = set(self.committed)
        self.tally.restore(self.counted)


def _set_indexes_aside(conn: Connection, loader: ModuleType, state: _RunState,
                       total_bytes: int) -> None:
    """Drop the secondary indexes of the loader's ``BULK_TABLES`` when the file is big
    against what the first of them holds (see ``importers._indexes``); ``run_import``
    rebuilds them at the end, whatever the end is."""
    tables = tuple(getattr(loader, "BULK_TABLES", ()))
    per_record = int(getattr(loader, "RECORD_BYTES", 0))
    if tables and per_record and _indexes.worth_it(conn, tables[0], total_bytes // per_record):
        state.indexes_dropped = True  # first: a failure while dropping still rebuilds
        _indexes.drop(conn, tables)


def _tune(conn: Connection) -> None:
    """Connection settings for bulk writing: a larger page cache on SQLite, so that the
    indexes of a million-row table stay in memory (a fixed 64 MB, not growing with input)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-65536")
        conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
        conn.commit()


def _write_items(conn: Connection, loader: ModuleType, ctx: LoadContext, items: list[Any],
                 tally: _Tally, strict: bool) -> None:
    batch = []
    for item in items:
        tally.read += 1
        if isinstance(item, BadRecord):
            if strict:
                raise item.error
            tally.skip(item)
        else:
            batch.append(item)
    if batch:
        tally.add(loader.write(conn, ctx, batch))


def _units_of(importer: str) -> tuple[Callable[[Path], Any], Callable[[Any], Any] | None]:
    """How ``importer`` reads a file: its units' opener, and the loader's ``prepare`` for
    the items (None when the loader reads the file itself, items already prepared, as
    fns-rsmp does)."""
    loader = loader_for(importer)
    prepared_units = getattr(loader, "prepared_units", None)
    if prepared_units is not None:
        return prepared_units, None
    return catalog.get(importer).module.units, loader.prepare


def _messages(importer: str, path: Path, done: frozenset[str], size: int,
              claim: Callable[[], int] | None = None) -> Iterator[Any]:
    """Parse and prepare: ``("total", bytes, units)``, then per unit ``("unit", name)``,
    ``("items", [prepared or BadRecord], bytes read)``..., ``("end", name)``; resumed units
    give ``("skip", name, bytes)``; a broken file ends with ``("error", InputFormatError)``.

    ``claim`` (with a producer process): gives the index of the next unit nobody has
    taken yet; the writer takes some too (see :func:`produced`)."""
    opener, prepare = _units_of(importer)
    try:
        with opener(path) as units:
            yield ("total", sum(u.size for u in units), len(units))
            indexes = iter(range(len(units))) if claim is None else iter(claim, None)
            for index in indexes:
                if index >= len(units):
                    break
                yield from _unit_messages(units[index], done, prepare, size)
    except SoyuzpromError as exc:
        yield ("error", exc)


def _unit_messages(unit: Any, done: frozenset[str], prepare: Callable[[Any], Any] | None,
                   size: int) -> Iterator[Any]:
    """One unit's ``("unit", name)``, ``("items", ...)``... and ``("end", name)``, or its
    ``("skip", name, bytes)`` when a resumed run has it already."""
    if unit.name in done:
        yield ("skip", unit.name, unit.size)
        return
    yield ("unit", unit.name)
    read = [0]

    def count(n: int) -> None:
        read[0] += n

    batch: list[Any] = []
    for item in unit.items(count):
        if prepare is not None and not isinstance(item, BadRecord):
            item = prepare(item)
        batch.append(item)
        if len(batch) >= size:
            yield ("items", batch, read[0])
            batch, read[0] = [], 0
    yield ("items", batch, read[0])
    yield ("end", unit.name)


def _produce_into(queue: Any, claimed: Any, importer: str, path: Path, done: frozenset[str],
                  size: int) -> None:  # pragma: no cover - runs in the producer process
    try:
        for message in _messages(importer, path, done, size, partial(_claim, claimed)):
            queue.put(message)
    except BaseException as exc:
        queue.put(("error", SoyuzpromError(f"Сбой разбора файла: {type(exc).__name__}: {exc}")))
    queue.put(("eof",))


def _claim(claimed: Any) -> int:
    """The index of the next unit to parse, taken from the counter both processes share."""
    with claimed.get_lock():
        index = int(claimed.value)
        claimed.value = index + 1
    return index


@contextmanager
def produced(importer: str, path: Path, done: frozenset[str], size: int,
             parallel: bool) -> Iterator[Iterator[Any]]:
    """The producer's messages: from a generator here, or from a second process.

    The queue is bounded (:data:`QUEUE_BATCHES` batches), so memory does not grow with the
    file; the producer process is ended when the consumer stops early. (A second producer
    process was tried: each forked process counts ~75 MB of RSS, which breaks the 300 MB
    budget, and on two cores the writer then competes with both.)
    """
    if not parallel:
        yield _messages(importer, path, done, size)
        return
    context: Any = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    queue = context.Queue(maxsize=QUEUE_BATCHES)
    claimed = context.Value("q", 0)
    opener, prepare = _units_of(importer)
    process = context.Process(target=_produce_into,
                              args=(queue, claimed, importer, path, done, size), daemon=True)
    process.start()

    local = ExitStack()  # this process's own reading of the file, for the units it takes

    def receive() -> Iterator[Any]:
        # The producer parses units in order; whenever the writer finds nothing waiting in
        # the queue, it takes the next unit and parses it itself rather than wait. The two
        # processes so share the parsing as their speeds allow (the writer's work per
        # record is lighter than the parser's: see docs/importers.md). Units are
        # independent and the checkpoint is a set of them, so the order does not matter.
        units: Any = None
        started = False  # the producer's ("total", ...) came: the file is readable
        while True:
            try:
                message = queue.get_nowait() if started and HELP else None
            except Empty:
                message = None
            if message is None and started and HELP:
                if units is None:
                    units = local.enter_context(opener(path))
                index = _claim(claimed)
                if index < len(units):
                    try:
                        yield from _unit_messages(units[index], done, prepare, size)
                    except SoyuzpromError as exc:
                        yield ("error", exc)
                    continue
            while message is None:
                try:
                    message = queue.get(timeout=1.0)
                except Empty:
                    if not process.is_alive():  # killed (out of memory...) without a word
                        raise SoyuzpromError(
                            "Процесс разбора файла завершился аварийно "
                            f"(код {process.exitcode})") from None
            if message[0] == "eof":
                return
            started = started or message[0] == "total"
            yield message

    try:
        with local:
            yield receive()
    finally:
        if process.is_alive():
            process.terminate()
        process.join(timeout=10)
        queue.close()


def iter_runs(engine: Engine, importer: str | None = None, limit: int = 50) -> Iterator[Any]:
    """The latest import runs, newest first."""
    stmt = select(RUNS).order_by(RUNS.c.id.desc()).limit(limit)
    if importer:
        stmt = stmt.where(RUNS.c.importer == importer)
    with engine.connect() as conn:
        yield from conn.execute(stmt).mappings().all()
