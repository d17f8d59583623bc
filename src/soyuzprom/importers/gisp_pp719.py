"""GISP registry of Russian industrial products (Decree 719): open-data CSV and XLSX export.

CSV (``gispdata-current-pp719-products-structure.csv``): a header row with the columns
``Nameoforg, OGRN, INN, Orgaddr, Productmanufaddress, Regnumber, Ektrudp, Docdate,
Docvalidtill, Enddate, Registernumber, Productname, OKPD2, TNVED, Nameofregulations, Score,
Percentage, Scoredesc, Iselectronicproduct, Isai, ElectronicProductLevel, Docname,
Docdatebasis, Docnum, Docvalidtilltpp, Mptdep, Resdocnum`` (found by name, any order).
``-`` is empty, dates ``dd.mm.yyyy``, booleans ``Да``/``Нет``, ``TNVED`` may list codes
separated by ``;``.

XLSX (``production_res_valid_only``): two title rows, a header row, then columns by
position: 0 Предприятие, 1 ИНН, 6 Реестровый номер, 8 Дата внесения в реестр,
9 Срок действия, 11 Наименование продукции, 12 ОКПД2, 13 ТН ВЭД, 14 Изготовлена по.
Read with openpyxl in read-only mode (rows streamed).

A row that breaks a rule (no registry number, bad INN/OGRN check digits, a bad date or
number) becomes a :class:`BadRecord`; a broken file (missing columns, wrong encoding, a
ragged row, an unreadable workbook) raises InputFormatError.

Example:
    >>> [p.registry_number for p in parse(Path("pp719.csv"))]       # doctest: +SKIP
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from soyuzprom.errors import InputFormatError
from soyuzprom.importers._tables import open_table
from soyuzprom.importers._units import Unit, file_units
from soyuzprom.importers._values import (
    check_inn,
    check_ogrn,
    fail,
    optional,
    parse_decimal,
    parse_ru_date,
    parse_yes_no,
    required,
)
from soyuzprom.importers._xml import ProgressFn
from soyuzprom.importers.records import BadRecord, Place, Pp719Product

NAME = "gisp-pp719"
TITLE = "Реестр российской промышленной продукции (ГИСП, ПП 719)"

CSV_COLUMNS = (
    "Nameoforg", "OGRN", "INN", "Orgaddr", "Productmanufaddress", "Regnumber", "Ektrudp",
    "Docdate", "Docvalidtill", "Enddate", "Registernumber", "Productname", "OKPD2", "TNVED",
    "Nameofregulations", "Score", "Percentage", "Scoredesc", "Iselectronicproduct", "Isai",
    "ElectronicProductLevel", "Docname", "Docdatebasis", "Docnum", "Docvalidtilltpp",
    "Mptdep", "Resdocnum",
)
REQUIRED_CSV = ("Nameoforg", "INN", "Productname", "OKPD2")
XLSX_TITLE_ROWS = 2
XLSX_COLUMNS = {"maker": 0, "inn": 1, "number": 6, "entered": 8, "valid_till": 9,
                "product": 11, "okpd2": 12, "tnved": 13, "spec": 14}
_OKPD2 = re.compile(r"\d{2}(\.\d{1,2}){0,3}(\.\d{3})?\Z")
_TNVED = re.compile(r"\d{4,10}\Z")

Item = Pp719Product | BadRecord


def units(path: Path) -> AbstractContextManager[list[Unit]]:
    """The whole file is one unit of work (one transaction)."""
    return file_units(path, parse)


def parse(path: Path, progress: ProgressFn | None = None) -> Iterator[Item]:
    """Every product entry of a GISP CSV or XLSX file, in file order."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        yield from parse_xlsx(path, progress)
    else:
        yield from parse_csv(path, progress)


def parse_csv(path: Path, progress: ProgressFn | None = None) -> Iterator[Item]:
    with open_table(path, progress=progress) as (header, rows):
        index = {name.lower(): i for i, name in enumerate(header)}
        missing = [c for c in REQUIRED_CSV if c.lower() not in index]
        if "regnumber" not in index and "registernumber" not in index:
            missing.append("Regnumber")
        if missing:
            raise InputFormatError(
                "В заголовке нет обязательных столбцов: " + ", ".join(missing),
                file=path.name, line=1, field=missing[0],
            )
        for line, row in rows:
            def cell(column: str, row: list[str] = row) -> str | None:
                position = index.get(column.lower())
                return optional(row[position]) if position is not None else None

            place = Place(path.name, line, "строка")
            try:
                yield _product(cell, place)
            except InputFormatError as exc:
                yield BadRecord(exc, place)


def _product(cell: Callable[[str], str | None], place: Place) -> Pp719Product:
    number = cell("Registernumber") or cell("Regnumber")
    place = Place(place.file, place.line, place.element, number)
    number = required(number, place, "Regnumber")
    inn = cell("INN")
    ogrn = cell("OGRN")
    return Pp719Product(
        registry_number=number,
        product_name=required(cell("Productname"), place, "Productname"),
        okpd2=_okpd2(cell("OKPD2"), place),
        tnved=_tnved(cell("TNVED"), place),
        maker_name=required(cell("Nameoforg"), place, "Nameoforg"),
        maker_inn=check_inn(inn, place, "INN") if inn else None,
        maker_ogrn=check_ogrn(ogrn, place, "OGRN") if ogrn else None,
        maker_address=cell("Orgaddr"),
        production_address=cell("Productmanufaddress"),
        ektru=cell("Ektrudp"),
        entered=parse_ru_date(cell("Docdate"), place, "Docdate"),
        valid_till=parse_ru_date(cell("Docvalidtill"), place, "Docvalidtill"),
        ended=parse_ru_date(cell("Enddate"), place, "Enddate"),
        score=parse_decimal(cell("Score"), place, "Score"),
        percentage=_percentage(cell("Percentage"), place),
        score_note=cell("Scoredesc"),
        is_electronic=parse_yes_no(cell("Iselectronicproduct"), place, "Iselectronicproduct"),
        is_ai=parse_yes_no(cell("Isai"), place, "Isai"),
        electronic_level=cell("ElectronicProductLevel"),
        specification=cell("Nameofregulations"),
        basis_document=cell("Docname"),
        basis_date=parse_ru_date(cell("Docdatebasis"), place, "Docdatebasis"),
        basis_number=cell("Docnum"),
        basis_valid_till=parse_ru_date(cell("Docvalidtilltpp"), place, "Docvalidtilltpp"),
        ministry_department=cell("Mptdep"),
        conclusion_number=cell("Resdocnum"),
        place=place,
    )


def _okpd2(value: str | None, place: Place) -> str | None:
    if value is None:
        return None
    if not _OKPD2.match(value):
        raise fail(f"Неверный код ОКПД2 «{value}»", place, "OKPD2")
    return value


def _tnved(value: str | None, place: Place) -> tuple[str, ...]:
    if value is None:
        return ()
    codes = tuple(c.replace(" ", "") for c in re.split(r"[;,\n]", value) if c.strip())
    for code in codes:
        if not _TNVED.match(code):
            raise fail(f"Неверный код ТН ВЭД «{code}»", place, "TNVED")
    return codes


def _percentage(value: str | None, place: Place) -> Any:
    number = parse_decimal(value, place, "Percentage")
    if number is not None and not 0 <= number <= 100:
        raise fail(f"Процент вне пределов 0..100: «{value}»", place, "Percentage")
    return number


def parse_xlsx(path: Path, progress: ProgressFn | None = None) -> Iterator[Item]:
    """The XLSX export: columns by position after two title rows and the header row."""
    from openpyxl import load_workbook  # imported here: openpyxl is slow to import

    if not path.is_file():
        raise InputFormatError("Файл не найден", file=str(path))
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputFormatError(f"Книга XLSX не читается: {exc}", file=path.name) from exc
    try:
        sheet = workbook.worksheets[0]
        width = max(XLSX_COLUMNS.values()) + 1
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number <= XLSX_TITLE_ROWS + 1:
                if number == XLSX_TITLE_ROWS + 1 and len(row) < width:
                    raise InputFormatError(
                        f"В строке заголовка {len(row)} столбцов, ожидается не меньше {width}",
                        file=path.name, line=number,
                    )
                continue
            if all(v is None or str(v).strip() == "" for v in row):
                continue
            place = Place(path.name, number, "строка")
            if progress is not None:
                progress(0)  # rows, not bytes: the sheet is unpacked by openpyxl
            try:
                yield _xlsx_product(row, place)
            except InputFormatError as exc:
                yield BadRecord(exc, place)
        if progress is not None:
            progress(path.stat().st_size)  # a workbook is unpacked by openpyxl: done at once
    except zipfile.BadZipFile as exc:
        raise InputFormatError(f"Книга XLSX повреждена: {exc}", file=path.name) from exc
    finally:
        workbook.close()


def _xlsx_product(row: Sequence[Any], place: Place) -> Pp719Product:
    def cell(key: str) -> str | None:
        position = XLSX_COLUMNS[key]
        value = row[position] if position < len(row) else None
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # INN typed as a number in the sheet
        return optional(str(value))

    def when(key: str, field: str) -> date | None:
        value = row[XLSX_COLUMNS[key]] if XLSX_COLUMNS[key] < len(row) else None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        return parse_ru_date(cell(key), place, field)

    number = cell("number")
    place = Place(place.file, place.line, place.element, number)
    inn = cell("inn")
    return Pp719Product(
        registry_number=required(number, place, "Реестровый номер"),
        product_name=required(cell("product"), place, "Наименование продукции"),
        okpd2=_okpd2(cell("okpd2"), place),
        tnved=_tnved(cell("tnved"), place),
        maker_name=required(cell("maker"), place, "Предприятие"),
        maker_inn=check_inn(inn.zfill(10) if inn and len(inn) == 9 else inn, place, "ИНН")
        if inn else None,
        maker_ogrn=None, maker_address=None, production_address=None, ektru=None,
        entered=when("entered", "Дата внесения в реестр"),
        valid_till=when("valid_till", "Срок действия"),
        ended=None, score=None, percentage=None, score_note=None, is_electronic=None,
        is_ai=None, electronic_level=None,
        specification=cell("spec"),
        basis_document=None, basis_date=None, basis_number=None, basis_valid_till=None,
        ministry_department=None, conclusion_number=None,
        place=place,
    )
