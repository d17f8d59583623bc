"""The real (anonymised) ЕГРЮЛ/ЕГРИП extracts, read from ``<repo>/../shared`` when present.

They may not be copied into the project; without the shared folder these tests are skipped
with a message saying where they looked.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from soyuzprom.importers import fns_egrul
from soyuzprom.importers.records import BadRecord, EgrulRecord
from soyuzprom.importers.runner import run_import
from soyuzprom.registry.foreign_capital import foreign_capital


def test_every_extract_parses(egrul_dir: Path) -> None:
    legal = Counter[str]()
    for path in sorted(egrul_dir.glob("VO_RUGFO_*.xml")):
        items = list(fns_egrul.parse(path))
        assert not [i for i in items if isinstance(i, BadRecord)], path.name
        legal.update(i.status for i in items if isinstance(i, EgrulRecord))
    assert sum(legal.values()) == 498
    assert legal["terminated"] >= 9 and legal["active"] > 200


def test_belarusian_founders_are_found(egrul_dir: Path) -> None:
    path = next(egrul_dir.glob("VO_RUGFO_0000_9965_20251127_*.xml"))
    records = {r.ogrn: r for r in fns_egrul.parse(path) if isinstance(r, EgrulRecord)}
    ls = records["1185027003776"]
    (founder,) = [f for f in ls.founders if f.country_oksm == "112"]
    assert founder.share.percent == 100 and founder.share.nominal == 12000
    tech = records["1047796463483"]
    belarus = [f for f in tech.founders if f.country_oksm == "112"]
    assert [f.share.basis for f in belarus] == ["fraction"]
    assert {f.country_oksm for r in records.values() for f in r.founders} >= {"276", "196"}


def test_egrip_anonymised_inns_are_refused_with_a_reason(egrul_dir: Path) -> None:
    path = next(egrul_dir.glob("VO_RIGFO_0000_9965_20251105_*.xml"))
    items = list(fns_egrul.parse(path))
    assert len(items) == 3 and all(isinstance(i, BadRecord) for i in items)
    assert {i.reason for i in items if isinstance(i, BadRecord)} == {
        "ИННФЛ: ИНН не может начинаться с кода региона 00: «…»"}


def test_import_and_foreign_capital_listing(sqlite_only: Engine, egrul_dir: Path) -> None:
    for path in sorted(egrul_dir.glob("VO_RUGFO_*.xml")):
        assert run_import(sqlite_only, "fns-egrul", path).status == "completed"
    with Session(sqlite_only) as session:
        moscow = foreign_capital(session, country="BY", region="RU-MOS", record=False)
        yaroslavl = foreign_capital(session, country="BY", region="RU-YAR", record=False)
    assert moscow.count == 2
    assert {h.ogrn for h in moscow.holdings} == {"1185027003776", "1047796463483"}
    # The file holds this company's extract twice (same day); its one Belarusian founder
    # (33.33 %) is counted once, because the later duplicate replaces the earlier.
    assert yaroslavl.count == 1 and len(yaroslavl.holdings) == 1
    assert yaroslavl.holdings[0].share_percent == 33.33
