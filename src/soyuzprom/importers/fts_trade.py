"""FTS regional foreign-trade statistics (stat.customs.ru, ТС ВЭД by subject of the RF).

Header ``NAPR,PERIOD,STRANA,TNVED,EDIZM,STOIM,NETTO,KOL,REGION,REGION_S`` (columns found
by name; comma, semicolon or TAB separated; decimal point or comma). Values:

* ``NAPR`` ``ЭК`` (export) / ``ИМ`` (import);
* ``PERIOD`` a year (``2016``) or a month (``2016-03``, ``03/2016``, ``2016/03``, ``201603``);
* ``STRANA`` an ISO alpha-2 code mapped to ОКСМ, or an FTS special: ``NNN`` (undisclosed),
  ``EU``, ``AB`` (Abkhazia, ОКСМ 895), ``YY`` (Georgia, 268);
* ``TNVED`` 2-10 digits kept as a string; ``SS…`` is a confidential code (kept, flagged);
* ``EDIZM`` an OKEI unit by code or name (``Л 100% СПИРТА`` = 831), or empty;
* ``STOIM`` value in US dollars, ``NETTO`` net mass in kg, ``KOL`` quantity in ``EDIZM``;
* ``REGION`` ``"<OKATO5> - <NAME>"`` (``07000 - СТАВРОПОЛЬСКИЙ КРАЙ``): the OKATO prefix
  is mapped to the region's ISO code; ``NNNNN`` (undisclosed region) gives no region.

A row with a bad value yields a :class:`BadRecord`; a broken file raises InputFormatError.

Example:
    >>> next(parse(Path("2207.csv"))).region_iso                      # doctest: +SKIP
    'RU-BA'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from decimal import Decimal
from pathlib import Path

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import classifiers
from soyuzprom.importers._tables import open_table
from soyuzprom.importers._units import Unit, file_units
from soyuzprom.importers._values import fail, optional, parse_decimal, required
from soyuzprom.importers._xml import ProgressFn
from soyuzprom.importers.records import BadRecord, Place, TradeRow

NAME = "fts-trade"
TITLE = "Статистика внешней торговли по субъектам РФ (ФТС)"
COLUMNS = ("NAPR", "PERIOD", "STRANA", "TNVED", "EDIZM", "STOIM", "NETTO", "KOL", "REGION")
DIRECTIONS = {"ЭК": "export", "ИМ": "import"}
UNDISCLOSED_REGION = "NNNNN"

_TNVED = re.compile(r"(\d{2}|\d{4}|\d{6}|\d{8}|\d{10})\Z")
_SECRET = re.compile(r"S{2,10}\Z")
_REGION = re.compile(r"\s*([0-9N]{5})\s*-\s*(.*)\Z")
_PERIODS = (
    (re.compile(r"(\d{4})\Z"), lambda m: m.group(1)),
    (re.compile(r"(\d{4})[-/.](\d{1,2})\Z"), lambda m: f"{m.group(1)}-{int(m.group(2)):02d}"),
    (re.compile(r"(\d{1,2})[-/.](\d{4})\Z"), lambda m: f"{m.group(2)}-{int(m.group(1)):02d}"),
    (re.compile(r"(\d{4})(\d{2})\Z"), lambda m: f"{m.group(1)}-{m.group(2)}"),
)

Item = TradeRow | BadRecord


def units(path: Path) -> AbstractContextManager[list[Unit]]:
    """The whole file is one unit of work (one transaction)."""
    return file_units(path, parse)


def parse(path: Path, progress: ProgressFn | None = None) -> Iterator[Item]:
    """Every row of an FTS statistics file, in file order."""
    with open_table(path, progress=progress) as (header, rows):
        index = {name.upper(): i for i, name in enumerate(header)}
        missing = [c for c in COLUMNS if c not in index]
        if missing:
            raise InputFormatError(
                "В заголовке нет обязательных столбцов: " + ", ".join(missing),
                file=path.name, line=1, field=missing[0],
            )
        for line, row in rows:
            place = Place(path.name, line, "строка")
            try:
                yield parse_row({c: row[index[c]] for c in COLUMNS}, place)
            except InputFormatError as exc:
                yield BadRecord(exc, place)


def parse_row(cells: dict[str, str], place: Place) -> TradeRow:
    """One row (cells by column name) to a TradeRow; raises InputFormatError on a bad value."""
    direction = DIRECTIONS.get(required(cells["NAPR"], place, "NAPR").upper())
    if direction is None:
        raise fail(f"Неизвестное направление «{cells['NAPR']}», ожидается ЭК или ИМ",
                   place, "NAPR")
    country = required(cells["STRANA"], place, "STRANA").upper()
    oksm = classifiers.oksm_by_alpha2(country)
    if oksm is None:
        raise fail(f"Неизвестный код страны «{country}»", place, "STRANA")
    tnved = required(cells["TNVED"], place, "TNVED").replace(" ", "").upper()
    secret = bool(_SECRET.match(tnved))
    if not secret and not _TNVED.match(tnved):
        raise fail(f"Неверный код ТН ВЭД «{tnved}»", place, "TNVED")
    unit_code = unit_name = None
    unit = optional(cells["EDIZM"])
    if unit is not None:
        known = classifiers.fts_unit(unit)
        if known is None:
            raise fail(f"Неизвестная единица измерения «{unit}»", place, "EDIZM")
        unit_code, unit_name = known
    okato5, region_iso, region_name = _region(cells["REGION"], place)
    return TradeRow(
        direction=direction,
        period=_period(cells["PERIOD"], place),
        country_code=country,
        country_oksm=oksm or None,
        tnved=tnved,
        tnved_secret=secret,
        unit_code=unit_code,
        unit_name=unit_name,
        value_usd=_amount(cells["STOIM"], place, "STOIM"),
        netto_kg=_amount(cells["NETTO"], place, "NETTO"),
        quantity=_amount(cells["KOL"], place, "KOL") if unit_code else None,
        okato5=okato5,
        region_iso=region_iso,
        region_name=region_name,
        place=place,
    )


def _period(value: str, place: Place) -> str:
    text = required(value, place, "PERIOD")
    for pattern, render in _PERIODS:
        match = pattern.match(text)
        if match:
            period = render(match)
            if len(period) == 7 and not 1 <= int(period[5:]) <= 12:
                break
            return period
    raise fail(f"Неверный период «{text}»", place, "PERIOD")


def _amount(value: str, place: Place, field: str) -> Decimal | None:
    number = parse_decimal(value, place, field)
    if number is not None and number < 0:
        raise fail(f"Отрицательное значение «{value}»", place, field)
    return number


def _region(value: str, place: Place) -> tuple[str, str | None, str | None]:
    match = _REGION.match(required(value, place, "REGION"))
    if not match:
        raise fail(f"Неверный регион «{value}», ожидается «ОКАТО - НАИМЕНОВАНИЕ»",
                   place, "REGION")
    okato5, name = match.group(1), match.group(2).strip() or None
    if okato5 == UNDISCLOSED_REGION:
        return okato5, None, name
    known = classifiers.okato_region(okato5)
    if known is None:
        raise fail(f"Неизвестный код ОКАТО региона «{okato5}»", place, "REGION")
    return okato5, known[0], name
