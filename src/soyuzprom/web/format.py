"""Russian formatting of numbers, amounts, dates and periods for the pages.

Conventions of Russian typography: a decimal comma; digit groups of three separated by a
no-break space, but only from five digits on (``5000``, ``12 345``); amounts of money in
scale words (``294 млрд ₽``); a qualifier in front (``более 50 млрд $``, ``около 5000``).
Units, scale words, qualifiers and month names come from ``labels_ru.yaml``.

Example:
    >>> format_amount(294_000_000_000, "RUB")
    '294 млрд ₽'
    >>> format_amount(50e9, "USD", "over")
    'более 50 млрд $'
    >>> format_number(1234567.891)
    '1 234 567,89'
    >>> format_period("2024-Q1")
    'I кв. 2024'

(The spaces above are no-break spaces, ``NBSP``.)
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from soyuzprom.web.labels import Labels, labels

NBSP = "\u00a0"
DASH = "—"
# Times are stored in UTC and shown in Moscow time, a fixed UTC+3 since 2014 (as Minsk);
# a fixed offset needs no time-zone database on the machine.
DISPLAY_TIMEZONE = timezone(timedelta(hours=3), "MSK")
_ROMAN_QUARTERS = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def _group(digits: str) -> str:
    # Russian typography leaves four-digit numbers whole and groups longer ones.
    if len(digits) <= 4:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NBSP.join(parts)


def format_number(value: float | int | None, decimals: int = 2) -> str:
    """A number with a decimal comma, at most ``decimals`` places, trailing zeros dropped.

    Example: ``format_number(-12345.5)`` is ``'-12 345,5'``; ``None`` is ``'—'``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    text = f"{abs(value):.{decimals}f}" if decimals > 0 else f"{round(abs(value))}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if value < 0 and (whole.strip("0") or fraction) else ""
    return sign + _group(whole) + ("," + fraction if fraction else "")


def scale(value: float, book: Labels | None = None, minimum: float = 1000) -> tuple[float, str]:
    """The value divided by the largest scale not above it, with its word (``млрд``).

    Scales below ``minimum`` are not used: ``scale(5000, minimum=1e6)`` is ``(5000, '')``.
    """
    for step in (book or labels()).section("number_scales") or []:
        factor = float(step["factor"])
        if factor >= minimum and abs(value) >= factor:
            return value / factor, str(step["word"])
    return value, ""


def format_amount(
    value: float | int | None,
    unit: str | None = None,
    qualifier: str | None = None,
    book: Labels | None = None,
) -> str:
    """A value with its unit and qualifier, money in scale words.

    Money units (``RUB``, ``USD``...) scale from thousands, other units from millions;
    ``rank`` glues to the number (``3-е место``). Unknown units follow the number as given.

    Example: ``format_amount(5000, "count", "approx")`` is ``'около 5000'``.
    """
    if value is None:
        return DASH
    book = book or labels()
    spec = (book.section("units") or {}).get(unit or "", None)
    if spec is None:
        spec = {"sign": unit or "", "money": False}
    number, word = scale(float(value), book, minimum=1000 if spec.get("money") else 1_000_000)
    text = format_number(number, decimals=2 if word or number != int(number) else 0)
    if word:
        text += NBSP + word
    sign = str(spec.get("sign") or "")
    if sign:
        text += sign if spec.get("glue") else NBSP + sign
    prefix = book.label("qualifiers", qualifier) if qualifier else ""
    return f"{prefix}{NBSP}{text}" if prefix else text


def unit_name(unit: str | None, book: Labels | None = None) -> str:
    """The unit spelled out (``RUB`` → ``российские рубли``); unknown units as given."""
    spec = ((book or labels()).section("units") or {}).get(unit or "")
    return str(spec.get("name") or unit) if spec else str(unit or "")


def format_date(value: date | datetime | str | None, with_time: bool = False) -> str:
    """``21.10.2025`` (and ``21.10.2025 14:05`` with time); ISO strings are accepted."""
    if value is None or value == "":
        return DASH
    if isinstance(value, str):
        raw = value
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            return raw
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite hands back naive datetimes; they are UTC
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(DISPLAY_TIMEZONE)
        return value.strftime("%d.%m.%Y %H:%M") if with_time else value.strftime("%d.%m.%Y")
    return value.strftime("%d.%m.%Y")


def plural(count: int | float, one: str, few: str, many: str) -> str:
    """The Russian noun form for ``count``: 1 организация, 2 организации, 5 организаций.

    Example: ``plural(21, "связь", "связи", "связей")`` is ``'связь'``.
    """
    if count != int(count):
        return few  # fractions take the genitive singular: 1,5 организации
    n = abs(int(count))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def format_period(period: str | None, book: Labels | None = None) -> str:
    """A period code as Russian text.

    ``2024`` → ``2024 г.``; ``2022-2024`` → ``2022–2024 гг.``; ``2024-03`` → ``март 2024``;
    ``2024-01..2024-06`` → ``январь 2024 – июнь 2024``; ``2024-Q1`` → ``I кв. 2024``;
    ``target`` → ``целевое значение``; empty → ``—``.
    """
    if not period:
        return DASH
    book = book or labels()
    months: list[str] = book.section("months") or []
    words: dict[str, str] = book.section("period_words") or {}

    def month(text: str) -> str:
        year, number = text.split("-")
        index = int(number) - 1
        return f"{months[index]} {year}" if 0 <= index < len(months) else text

    if re.fullmatch(r"\d{4}", period):
        return f"{period}{NBSP}{words.get('year', '')}".rstrip()
    if re.fullmatch(r"\d{4}-\d{4}", period):
        start, end = period.split("-")
        return f"{start}–{end}{NBSP}{words.get('years', '')}".rstrip()
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return month(period)
    found = re.fullmatch(r"(\d{4}-\d{2})\.\.(\d{4}-\d{2})", period)
    if found:
        return f"{month(found.group(1))} – {month(found.group(2))}"
    found = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if found:
        quarter = words.get("quarter", "Q")
        return f"{_ROMAN_QUARTERS[found.group(2)]}{NBSP}{quarter}{NBSP}{found.group(1)}"
    if period == "target":
        return words.get("target", period)
    return period


def plain(text: Any) -> str:
    """Text with no-break spaces as ordinary spaces (for comparisons in tests and search)."""
    return str(text).replace(NBSP, " ")
