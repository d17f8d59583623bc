"""GISP (CSV and XLSX) and FTS parsers: published layouts, real FTS samples, broken files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import fts_trade, gisp_pp719
from soyuzprom.importers.fixtures_tables import (
    fts_rows,
    pp719_rows,
    write_fts_csv,
    write_pp719_csv,
    write_pp719_xlsx,
)
from soyuzprom.importers.records import BadRecord, Pp719Product, TradeRow


def test_pp719_csv(tmp_path: Path) -> None:
    path = tmp_path / "pp719.csv"
    write_pp719_csv(path, pp719_rows(8))
    items = list(gisp_pp719.parse(path))
    assert all(isinstance(i, Pp719Product) for i in items) and len(items) == 8
    first, second = items[0], items[1]
    assert isinstance(first, Pp719Product) and isinstance(second, Pp719Product)
    assert first.registry_number == "10000000.2023" and first.okpd2 == "28.41.21.110"
    assert second.tnved == ("8413702100", "8413708100")
    assert first.production_address is None  # "-" is empty
    assert first.is_ai is True and second.is_ai is False and first.is_electronic is False
    assert first.ended is not None and second.ended is None
    assert first.percentage == Decimal("55.5") and first.score == Decimal("60")
    assert first.maker_inn and first.maker_ogrn


def test_pp719_xlsx_by_position(tmp_path: Path) -> None:
    path = tmp_path / "pp719.xlsx"
    write_pp719_xlsx(path, pp719_rows(4))
    items = [i for i in gisp_pp719.parse(path) if isinstance(i, Pp719Product)]
    assert len(items) == 4
    assert items[0].entered is not None and items[0].valid_till is not None
    assert items[0].maker_inn == pp719_rows(1)[0]["INN"]
    assert items[0].specification == "ТУ 28.41-000-2023" and items[0].place.line == 4


def test_pp719_bad_rows_and_files(tmp_path: Path) -> None:
    rows = pp719_rows(3)
    rows[1]["INN"] = rows[1]["INN"][:-1] + ("0" if rows[1]["INN"][-1] != "0" else "1")
    rows[2]["Docdate"] = "31.02.2023"
    path = tmp_path / "pp719.csv"
    write_pp719_csv(path, rows, delimiter=";")
    items = list(gisp_pp719.parse(path))
    assert isinstance(items[0], Pp719Product)
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert [(b.error.field, b.error.line) for b in bad] == [("INN", 3), ("Docdate", 4)]

    path.write_text("Nameoforg;INN\nООО;123\n", encoding="utf-8")
    with pytest.raises(InputFormatError) as err:
        list(gisp_pp719.parse(path))
    assert err.value.line == 1 and "Productname" in err.value.message

    write_pp719_csv(path, pp719_rows(3))
    path.write_bytes(path.read_bytes().decode("utf-8").encode("cp1251"))
    with pytest.raises(InputFormatError) as err:
        list(gisp_pp719.parse(path))
    assert "кодировк" in err.value.message and err.value.line == 2


def test_fts_real_samples(data_dir: Path) -> None:
    items = list(fts_trade.parse(data_dir / "fts_trade" / "2207.csv"))
    assert len(items) == 130 and all(isinstance(i, TradeRow) for i in items)
    rows = [i for i in items if isinstance(i, TradeRow)]
    belarus = [r for r in rows if r.country_code == "BY"]
    assert len(belarus) == 6 and {r.country_oksm for r in belarus} == {"112"}
    assert {r.country_oksm for r in rows if r.country_code == "AB"} == {"895"}
    first = rows[0]
    assert (first.direction, first.period, first.region_iso, first.unit_code) == (
        "export", "2014", "RU-BA", "112")
    assert first.value_usd == Decimal("32.58") and first.netto_kg == Decimal("4")
    bermuda = [i for i in fts_trade.parse(data_dir / "fts_trade" / "bermudi.csv")
               if isinstance(i, TradeRow)]
    assert {r.region_iso for r in bermuda if r.okato5 == "07000"} == {"RU-STA"}
    no_unit = [r for r in bermuda if r.unit_code is None]
    assert len(no_unit) == 9 and all(r.quantity is None for r in no_unit)
    moscow = [i for i in fts_trade.parse(data_dir / "fts_trade" / "moscow_2208301100.csv")
              if isinstance(i, TradeRow)]
    assert [r.country_oksm for r in moscow if r.country_code == "NNN"] == [None]
    assert all(r.tnved == "2208301100" for r in moscow)


def test_fts_tab_decimal_comma_and_secret_codes(tmp_path: Path) -> None:
    path = tmp_path / "fts.tsv"
    write_fts_csv(path, fts_rows(16), delimiter="\t", decimal_comma=True)
    rows = [i for i in fts_trade.parse(path) if isinstance(i, TradeRow)]
    assert len(rows) == 16
    assert rows[0].value_usd == Decimal("1000.00") and rows[0].region_iso == "RU-SMO"
    secret = [r for r in rows if r.tnved_secret]
    assert secret and all(r.tnved == "SSSSSSSSSS" for r in secret)


def test_fts_bad_rows(tmp_path: Path) -> None:
    rows = fts_rows(4)
    rows[0][8] = "12345 - НЕТ ТАКОГО"
    rows[1][4] = "ВЕДРО"
    rows[2][2] = "QQ"
    rows[3][1] = "2016-13"
    path = tmp_path / "bad.csv"
    write_fts_csv(path, rows)
    bad = [i for i in fts_trade.parse(path) if isinstance(i, BadRecord)]
    assert [(b.error.field, b.error.line) for b in bad] == [
        ("REGION", 2), ("EDIZM", 3), ("STRANA", 4), ("PERIOD", 5)]


def test_fts_ragged_row_fails(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    write_fts_csv(path, fts_rows(3))
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(InputFormatError) as err:
        list(fts_trade.parse(path))
    assert err.value.line == 4
