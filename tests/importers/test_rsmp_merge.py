"""The SQLite set-based write of SME records gives what the row-by-row write gives.

One scenario (organizations that exist from elsewhere, an OGRN held by another
organization, new, changed, unchanged, repeated and bad records, repeated OKVED codes, new
products) is imported with the merge (``MERGED = True``, SQLite's path) and with the
portable row-by-row write, and every written row is compared (ids as the INNs they stand
for, timestamps and sources left out). On PostgreSQL both runs take the portable path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, text
from sqlalchemy.engine import Engine

from soyuzprom.core.models import AuditEntry, ImportRun, Source
from soyuzprom.importers.fixtures_fns import legal_inn, ogrnip, rsmp_document, rsmp_xml
from soyuzprom.importers.loaders import fns_rsmp
from soyuzprom.importers.models import ImportRecordState
from soyuzprom.importers.runner import run_import
from soyuzprom.registry.models import Organization, OrganizationActivity, Product

EXTRA_OKVED = '<СвОКВЭДДоп КодОКВЭД="25.62" НаимОКВЭД="Обработка" ВерсОКВЭД="2014"/>'


def _write(path: Path, docs: list[str]) -> Path:
    path.write_text("".join(rsmp_xml(docs, len(docs), path.stem)), encoding="utf-8")
    return path


def _files(tmp_path: Path) -> tuple[Path, Path]:
    first = [rsmp_document(i) for i in range(20)]
    # A repeated code (main and additional): one row, main.
    first[5] = first[5].replace("</СвОКВЭД>", EXTRA_OKVED + "</СвОКВЭД>")
    second = list(first) + [rsmp_document(i) for i in range(20, 25)]
    second[2] = second[2].replace('КатСубМСП="3"', 'КатСубМСП="1"')
    second[4] = second[4].replace("ПРОМТЕХ-4", "НОВОЕ ИМЯ-4")
    second[9] = second[9].split("<СвОКВЭДДоп")[0] + "</СвОКВЭД></Документ>"  # codes dropped
    second[16] = second[16].replace("механической обработке", "обработке")  # a new product
    second.append(second[7].replace('КатСубМСП="2"', 'КатСубМСП="3"'))  # repeated: later wins
    second[10] = second[10].replace(rsmp_document(10).split('ИННФЛ="')[1][:12], "001234567890")
    return _write(tmp_path / "a.xml", first), _write(tmp_path / "b.xml", second)


def _seed(engine: Engine) -> None:
    """An organization known from elsewhere (the INN of record 0, with an address and an
    OKVED code), and one holding the OGRNIP of record 1 under another INN."""
    with engine.begin() as conn:
        common = {"kind": "enterprise", "country": "RU", "status": "active"}
        conn.execute(insert(Organization).values(
            name="Старое имя", inn=legal_inn("67", 0), address="г. Смоленск", legal_form="ООО",
            version=3, **common))
        conn.execute(insert(Organization).values(
            name="Держатель ОГРНИП", inn="500100732259", ogrn=ogrnip("50", 1), version=1,
            **common))
        org_id = conn.execute(text("select id from organizations where inn = :inn"),
                              {"inn": legal_inn("67", 0)}).scalar_one()
        conn.execute(insert(OrganizationActivity),
                     [{"organization_id": org_id, "okved": "01.11", "is_main": True}])


def _picture(engine: Engine) -> dict[str, Any]:
    """Every written row, ids replaced by the organization's INN, without timestamps."""
    with engine.connect() as conn:
        inn = dict(conn.execute(text("select id, inn from organizations")).all())
        run_ids = conn.execute(text("select id from import_runs order by id")).scalars().all()
        order = {run_id: position for position, run_id in enumerate(run_ids)}
        skip = {"id", "created_at", "updated_at", "source_id", "at"}

        def value(name: str, refs: tuple[str, ...], found: Any) -> Any:
            if name in refs:
                return inn.get(found)
            return order.get(found) if name == "import_run_id" else found

        def rows(table: Any, *refs: str) -> list[tuple[Any, ...]]:
            found = []
            for row in conn.execute(table.select()).mappings():
                found.append(tuple(sorted(
                    (k, value(k, refs, v)) for k, v in row.items() if k not in skip)))
            return sorted(found, key=repr)

        runs = [(r.counts, {k: sum(b - a + 1 for a, b in v)
                            for k, v in (r.checkpoint.get("created") or {}).items()})
                for r in conn.execute(ImportRun.__table__.select().order_by(ImportRun.id))]
        audit = [row for row in rows(AuditEntry.__table__, "entity_id")
                 if ("entity_type", "organizations") in row]
        return {
            "organizations": rows(Organization.__table__),
            "activities": rows(OrganizationActivity.__table__, "organization_id"),
            "products": rows(Product.__table__, "maker_id"),
            "states": rows(ImportRecordState.__table__, "entity_id"),
            "audit": audit,
            "runs": [(counts, created) for counts, created in runs],
        }


def _scenario(engine: Engine, tmp_path: Path, batch_size: int | None) -> dict[str, Any]:
    with engine.begin() as conn:
        for table in (ImportRecordState, Product, OrganizationActivity, Organization,
                      AuditEntry, Source, ImportRun):
            conn.execute(delete(table.__table__))  # type: ignore[arg-type]
    _seed(engine)
    first, second = _files(tmp_path)
    run_import(engine, "fns-rsmp", first, batch_size=batch_size)
    summary = run_import(engine, "fns-rsmp", second, batch_size=batch_size)
    # The bad INN; the repeated record too when it falls in the same batch.
    assert summary.counts["skipped"] == (2 if batch_size is None else 1)
    assert summary.counts["updated"] >= 4 and summary.counts["inserted"] == 5
    return _picture(engine)


@pytest.mark.parametrize("batch_size", [None, 7], ids=["one-batch", "batches-of-7"])
def test_merge_writes_what_row_by_row_writes(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int | None
) -> None:
    merged = _scenario(engine, tmp_path, batch_size)
    monkeypatch.setattr(fns_rsmp, "MERGED", False)
    by_rows = _scenario(engine, tmp_path, batch_size)
    assert merged == by_rows
    # The scenario did what it says.
    orgs = {dict(r)["inn"]: dict(r) for r in merged["organizations"]}
    assert orgs[legal_inn("67", 0)]["address"] == "г. Смоленск"  # NULL never erases
    assert orgs["500100732259"]["ogrn"] == ogrnip("50", 1)  # the OGRNIP stays with its holder
    assert any(("action", "update") in row for row in merged["audit"])
