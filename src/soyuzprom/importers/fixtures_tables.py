"""Generated GISP (Decree 719) and FTS files in their published layouts, for tests.

All values are invented; makers' identifiers are valid (see :mod:`.fixtures_fns`).

Example:
    >>> write_pp719_csv(Path("/tmp/pp719.csv"), pp719_rows(5))       # doctest: +SKIP
    5
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from soyuzprom.importers.fixtures_fns import legal_inn, legal_ogrn
from soyuzprom.importers.gisp_pp719 import CSV_COLUMNS

_PRODUCTS = (
    ("Станок токарный с ЧПУ", "28.41.21.110", "8458110000"),
    ("Насос центробежный", "28.13.14.110", "8413702100;8413708100"),
    ("Трактор колёсный", "28.30.22.110", "8701951000"),
    ("Кабель силовой", "27.32.13.150", "8544499101"),
)


def pp719_rows(count: int, region: str = "67") -> list[dict[str, str]]:
    """``count`` product entries of 1 + count // 3 makers, in the open-data CSV columns."""
    rows = []
    for i in range(count):
        maker = i // 3
        name, okpd2, tnved = _PRODUCTS[i % len(_PRODUCTS)]
        rows.append({
            "Nameoforg": f'ООО "ЗАВОД-{maker}"',
            "OGRN": legal_ogrn(region, 500_000 + maker),
            "INN": legal_inn(region, 500_000 + maker),
            "Orgaddr": f"214000, Смоленская обл, г. Смоленск, ул. Промышленная, д. {maker}",
            "Productmanufaddress": "-",
            "Regnumber": f"{10000 + i}\\1\\2023",
            "Ektrudp": "-",
            "Docdate": f"{1 + i % 28:02d}.03.2023",
            "Docvalidtill": f"{1 + i % 28:02d}.03.2026",
            "Enddate": "-" if i % 5 else "01.09.2024",
            "Registernumber": f"1{i:07d}.2023",
            "Productname": f"{name} модель {i}",
            "OKPD2": okpd2,
            "TNVED": tnved,
            "Nameofregulations": f"ТУ 28.41-{i:03d}-2023",
            "Score": f"{60 + i % 40}",
            "Percentage": f"{55 + i % 40}.5",
            "Scoredesc": "Баллы за выполнение технологических операций",
            "Iselectronicproduct": "Нет",
            "Isai": "Да" if i % 7 == 0 else "Нет",
            "ElectronicProductLevel": "-",
            "Docname": "Акт экспертизы",
            "Docdatebasis": "15.02.2023",
            "Docnum": f"067-{i:05d}",
            "Docvalidtilltpp": "15.02.2024",
            "Mptdep": "Департамент станкостроения",
            "Resdocnum": f"{i + 1}/2023",
        })
    return rows


def write_pp719_csv(path: Path, rows: Iterable[dict[str, str]], delimiter: str = ",") -> int:
    """Write the open-data CSV (UTF-8, header row, ``-`` for empty); return the row count."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, CSV_COLUMNS, delimiter=delimiter)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_pp719_xlsx(path: Path, rows: Iterable[dict[str, str]]) -> int:
    """Write the XLSX export: two title rows, the header, columns by position."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Реестр")
    sheet.append(["Реестр российской промышленной продукции"])
    sheet.append([f"Выгрузка на {date(2025, 11, 1):%d.%m.%Y}"])
    sheet.append(["Предприятие", "ИНН", "ОГРН", "Адрес", "Адрес производства", "ЕКТРУ",
                  "Реестровый номер", "Номер заключения", "Дата внесения в реестр",
                  "Срок действия", "Баллы", "Наименование продукции", "ОКПД2", "ТН ВЭД",
                  "Изготовлена по"])
    count = 0
    for row in rows:
        day, month, year = (int(p) for p in row["Docdate"].split("."))
        sheet.append([
            row["Nameoforg"], int(row["INN"]), row["OGRN"], row["Orgaddr"], None, None,
            row["Registernumber"], row["Resdocnum"], date(year, month, day),
            row["Docvalidtill"], float(row["Score"]), row["Productname"], row["OKPD2"],
            row["TNVED"], row["Nameofregulations"],
        ])
        count += 1
    book.save(path)
    return count


FTS_HEADER = ("NAPR", "PERIOD", "STRANA", "TNVED", "EDIZM", "STOIM", "NETTO", "KOL", "REGION",
              "REGION_S")


def fts_rows(count: int) -> list[list[str]]:
    """Rows of regional trade statistics: Smolensk and Bryansk with Belarus and others."""
    regions = ("66000 - СМОЛЕНСКАЯ ОБЛАСТЬ", "15000 - БРЯНСКАЯ ОБЛАСТЬ",
               "45000 - ГОРОД МОСКВА СТОЛИЦА РОССИЙСКОЙ ФЕДЕРАЦИИ ГОРОД ФЕДЕРАЛЬНОГО ЗНАЧЕНИЯ")
    countries = ("BY", "KZ", "DE", "NNN")
    codes = (("8701951000", "ШТ"), ("8413", ""), ("2207", "Л"), ("SSSSSSSSSS", "КГ"))
    rows = []
    for i in range(count):
        code, unit = codes[i % len(codes)]
        rows.append([
            "ЭК" if i % 2 == 0 else "ИМ", str(2013 + i % 4), countries[(i // 2) % 4], code, unit,
            f"{1000 + i * 17}.{i % 100:02d}", f"{500 + i}.5", str(10 + i) if unit else "0",
            regions[(i // 8) % 3], "01-ЦЕНТРАЛЬНЫЙ ФЕДЕРАЛЬНЫЙ ОКРУГ",
        ])
    return rows


def write_fts_csv(path: Path, rows: Iterable[list[str]], *, delimiter: str = ",",
                  decimal_comma: bool = False) -> int:
    """Write the statistics CSV (UTF-8, no quoting, LF); TAB + decimal comma like the
    current stat.customs.gov.ru export when asked."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(delimiter.join(FTS_HEADER) + "\n")
        for row in rows:
            cells = list(row)
            if decimal_comma:
                cells[5:8] = [c.replace(".", ",") for c in cells[5:8]]
            out.write(delimiter.join(cells) + "\n")
            count += 1
    return count
