"""Value parsing shared by the parsers; every failure names the place and the field.

Example:
    >>> parse_ru_date("10.02.2019", Place("a.xml"), "ДатаСост")
    datetime.date(2019, 2, 10)
    >>> parse_decimal("1 234,50", Place("a.csv"), "STOIM")
    Decimal('1234.50')
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from soyuzprom.errors import DomainValidationError, InputFormatError
from soyuzprom.importers import _checks
from soyuzprom.importers.records import Place
from soyuzprom.registry import identifiers

_VALIDATORS = {
    "inn": identifiers.validate_inn,
    "ogrn": identifiers.validate_ogrn,
    "ogrnip": identifiers.validate_ogrnip,
}


def fail(message: str, place: Place, field: str | None, **details: object) -> InputFormatError:
    """An InputFormatError at ``place`` about ``field`` (record key in the details)."""
    extra: dict[str, object] = dict(details)
    if place.key is not None:
        extra.setdefault("record", place.key)
    return InputFormatError(
        message, file=place.file, line=place.line, element=place.element, field=field,
        details=extra,
    )


def bad_identifier(kind: str, value: str, place: Place, field: str) -> InputFormatError:
    """The error for an identifier that failed its test, with the registry's explanation
    (wrong length, region 00, wrong check digit...)."""
    problem = "Неверный идентификатор"
    try:
        _VALIDATORS[kind](value, field=field)
    except DomainValidationError as exc:
        problem = exc.message
    return fail(f"{problem}: «{value}»", place, field)


def required(value: str | None, place: Place, field: str) -> str:
    """The stripped value, or an error "missing required element/attribute"."""
    if value is None or not value.strip():
        raise fail("Нет обязательного значения", place, field)
    return value.strip()


def parse_ru_date(value: str | None, place: Place, field: str) -> date | None:
    """``dd.mm.yyyy`` (FNS open data, GISP) to a date; empty or ``-`` gives None."""
    if value is None:
        return None
    text = value.strip()
    if not text or text == "-":
        return None
    try:
        if len(text) == 10 and text[2] == "." and text[5] == ".":
            return date(int(text[6:10]), int(text[3:5]), int(text[0:2]))
        return datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        raise fail(f"Неверная дата «{text}», ожидается ДД.ММ.ГГГГ", place, field) from None


def parse_iso_date(value: str | None, place: Place, field: str) -> date | None:
    """``YYYY-MM-DD`` (ЕГРЮЛ) to a date; empty gives None."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise fail(f"Неверная дата «{value}», ожидается ГГГГ-ММ-ДД", place, field) from None


def parse_decimal(value: str | None, place: Place, field: str) -> Decimal | None:
    """A number with a decimal point or comma and optional spaces; empty/``-`` is None."""
    if value is None:
        return None
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if not text or text == "-":
        return None
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise fail(f"Не число: «{value}»", place, field) from None
    if not number.is_finite():
        raise fail(f"Не число: «{value}»", place, field)
    return number


def parse_yes_no(value: str | None, place: Place, field: str) -> bool | None:
    """``Да``/``Нет`` (also 1/0, true/false); empty or ``-`` is None."""
    if value is None:
        return None
    text = value.strip().lower()
    if not text or text == "-":
        return None
    if text in ("да", "1", "true", "yes"):
        return True
    if text in ("нет", "0", "false", "no"):
        return False
    raise fail(f"Ожидается «Да» или «Нет», получено «{value}»", place, field)


def check_inn(value: str | None, place: Place, field: str, *, length: int | None = None) -> str:
    """A required INN with correct check digits (and the given length, if any)."""
    inn = required(value, place, field)
    if not _checks.is_valid_inn(inn):
        raise bad_identifier("inn", inn, place, field)
    if length is not None and len(inn) != length:
        raise fail(f"ИНН должен состоять из {length} цифр: «{inn}»", place, field)
    return inn


def check_ogrn(value: str | None, place: Place, field: str) -> str:
    """A required OGRN (13 digits) or OGRNIP (15 digits) with its check digit."""
    ogrn = required(value, place, field)
    valid = _checks.is_valid_ogrnip(ogrn) if len(ogrn) == 15 else _checks.is_valid_ogrn(ogrn)
    if not valid:
        raise bad_identifier("ogrnip" if len(ogrn) == 15 else "ogrn", ogrn, place, field)
    return ogrn


def optional(value: str | None) -> str | None:
    """Stripped text, or None for empty and the ``-`` placeholder."""
    if value is None:
        return None
    text = value.strip()
    return text if text and text != "-" else None
