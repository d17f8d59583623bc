"""Loading FTS regional trade statistics as indicators: region × country × TN VED × period.

Each row gives up to three indicators of its region (``subject_region``), period and
``dimension`` ``country=<alpha-2>;tnved=<code>``: ``export_value`` / ``import_value``
(US dollars, STOIM), ``export_netto_kg`` / ``import_netto_kg`` (kg, NETTO) and
``export_quantity`` / ``import_quantity`` (KOL, in the row's OKEI unit). Trade with
Belarus also sets ``counterpart_region`` to the country BY. Rows of one file that share a
key are summed (a file is aggregated in memory, bounded by its number of distinct keys).
Rows of the undisclosed region (``NNNNN``) are skipped and counted.

Bad-record policy: strict (``STRICT = True``): one bad row rolls the whole file back,
because partial statistics would be silently wrong totals. Counts are per indicator.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import Indicator
from soyuzprom.core.provenance import record_bulk
from soyuzprom.db import utcnow
from soyuzprom.importers._bulk import chunks, fingerprint, load_states, save_states
from soyuzprom.importers.loaders._orgs import region_ids
from soyuzprom.importers.records import TradeRow
from soyuzprom.importers.runner import BatchResult, LoadContext

STRICT = True
BATCH = 5000
ENTITY = "indicators"
INDICATORS: Table = Indicator.__table__  # type: ignore[assignment]
UNDISCLOSED = "Регион не раскрыт (NNNNN): строка не относится ни к одному региону"
_ACC = "fts_totals"
_SKIPS = "fts_skips"


@dataclass(frozen=True, slots=True)
class Prepared:
    """The indicator values of one row, before aggregation."""

    region_iso: str | None
    country: str
    tnved: str
    period: str
    secret: bool
    values: tuple[tuple[str, Decimal, str], ...]  # (metric, value, unit)


def prepare(row: TradeRow) -> Prepared:
    values: list[tuple[str, Decimal, str]] = []
    if row.value_usd is not None:
        values.append((f"{row.direction}_value", row.value_usd, "USD"))
    if row.netto_kg is not None:
        values.append((f"{row.direction}_netto_kg", row.netto_kg, "kg"))
    if row.quantity is not None and row.unit_name:
        values.append((f"{row.direction}_quantity", row.quantity, row.unit_name[:20]))
    return Prepared(row.region_iso, row.country_code, row.tnved, row.period, row.tnved_secret,
                    tuple(values))


def write(conn: Connection, ctx: LoadContext, batch: Sequence[Prepared]) -> BatchResult:
    """Add the batch to the file's totals; they are written by :func:`finish_unit`."""
    totals: dict[tuple[str, ...], list[Any]] = ctx.cache.setdefault(_ACC, {})
    skipped: Counter[str] = ctx.cache.setdefault(_SKIPS, Counter())
    for item in batch:
        if item.region_iso is None:
            skipped[UNDISCLOSED] += 1
            continue
        for metric, value, unit in item.values:
            key = (metric, item.region_iso, item.country, item.tnved, item.period, unit)
            slot = totals.get(key)
            if slot is None:
                totals[key] = [value, item.secret]
            else:
                slot[0] += value
    return BatchResult()


def finish_unit(conn: Connection, ctx: LoadContext) -> BatchResult:
    """Write the file's indicators: insert new, update changed, count unchanged."""
    totals: dict[tuple[str, ...], list[Any]] = ctx.cache.pop(_ACC, {})
    skipped: Counter[str] = ctx.cache.pop(_SKIPS, Counter())
    result = BatchResult(skipped=skipped)
    regions = region_ids(conn, ctx, "code")
    items = list(totals.items())
    for start in range(0, len(items), BATCH):
        _write_part(conn, ctx, regions, items[start : start + BATCH], result)
    return result


def _period_bounds(period: str) -> tuple[date, date]:
    year = int(period[:4])
    if len(period) == 7:
        month = int(period[5:])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def _write_part(conn: Connection, ctx: LoadContext, regions: dict[str, int],
                items: list[tuple[tuple[str, ...], list[Any]]], result: BatchResult) -> None:
    keyed = {"|".join(key): (key, total) for key, total in items}
    states = load_states(conn, ctx.importer, list(keyed))
    alive: set[int] = set()
    for part in chunks([s.entity_id for s in states.values()]):
        alive.update(conn.execute(select(INDICATORS.c.id).where(INDICATORS.c.id.in_(part)))
                     .scalars())
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    new_keys: list[str] = []
    changed: list[dict[str, Any]] = []
    saved: list[tuple[str, str, int]] = []
    for text_key, (key, (value, secret)) in keyed.items():
        metric, region, country, tnved, period, unit = key
        digest = fingerprint(str(value), unit)
        state = states.get(text_key)
        if state is not None and state.entity_id in alive:
            if state.fingerprint == digest:
                result.unchanged += 1
                continue
            changed.append({"iid": state.entity_id, "value": float(value), "updated_at": now})
            saved.append((text_key, digest, state.entity_id))
            continue
        start, end = _period_bounds(period)
        new_rows.append({
            "metric": metric, "subject_region_id": regions.get(region),
            "counterpart_region_id": regions.get("BY") if country == "BY" else None,
            "period": period, "period_start": start, "period_end": end,
            "value": float(value), "unit": unit, "qualifier": "exact",
            "dimension": f"country={country};tnved={tnved}"[:100],
            "description": "ФТС, таможенная статистика по субъектам РФ"
            + (" (код ТН ВЭД засекречен)" if secret else ""),
            "version": 1, "created_at": now, "updated_at": now, "source_id": ctx.source_id,
        })
        new_keys.append(text_key)
        saved.append((text_key, digest, 0))
    if changed:
        conn.execute(
            INDICATORS.update().where(INDICATORS.c.id == bindparam("iid")).values(
                value=bindparam("value"), updated_at=bindparam("updated_at"),
                version=INDICATORS.c.version + 1),
            changed,
        )
    new_ids: dict[str, int] = {}
    if new_rows:
        ids = conn.execute(
            insert(INDICATORS).returning(INDICATORS.c.id, sort_by_parameter_order=True), new_rows
        ).scalars()
        new_ids = dict(zip(new_keys, ids, strict=True))
    session = Session(bind=conn)
    try:
        record_bulk(session, entity_type_name="indicators", entity_ids=list(new_ids.values()),
                    source_id=ctx.source_id, action="create", author=ctx.author)
        record_bulk(session, entity_type_name="indicators",
                    entity_ids=[c["iid"] for c in changed], source_id=ctx.source_id,
                    action="update", author=ctx.author)
    finally:
        session.close()
    result.inserted += len(new_ids)
    result.updated += len(changed)
    save_states(conn, ctx.importer, ENTITY,
                [(k, d, new_ids.get(k, eid)) for k, d, eid in saved], ctx.run_id)
