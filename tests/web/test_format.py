"""Russian number, amount, date and period formatting (pure functions)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from soyuzprom.web.format import (
    NBSP,
    format_amount,
    format_date,
    format_number,
    format_period,
    plain,
    plural,
    unit_name,
)


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (294_000_000_000, "RUB", "exact", "294 млрд ₽"),
        (50_000_000_000, "USD", "over", "более 50 млрд $"),
        (100_000_000_000, "RUB", "over", "более 100 млрд ₽"),
        (1_500_000_000, "RUB", None, "1,5 млрд ₽"),
        (2_750_000, "RUB", None, "2,75 млн ₽"),
        (1_200_000_000_000, "RUB", None, "1,2 трлн ₽"),
        (45_000, "RUB", None, "45 тыс. ₽"),
        (950, "RUB", None, "950 ₽"),
        (5000, "count", "approx", "около 5000"),
        (100, "count", "over", "более 100"),
        (12_345, "pcs", None, "12 345 шт."),
        (2_500_000, "t", "at_least", "не менее 2,5 млн т"),
        (3, "rank", None, "3-е место"),
        (12.5, "percent", None, "12,5 %"),
        (7, "barrels", None, "7 barrels"),     # unknown unit: shown as given
        (None, "RUB", None, "—"),
    ],
)
def test_amounts(value: float | None, unit: str, qualifier: str | None, expected: str) -> None:
    assert plain(format_amount(value, unit, qualifier)) == expected


def test_amount_is_glued_with_no_break_spaces() -> None:
    # A line break between "294" and "млрд" would be a typographic error.
    assert format_amount(294e9, "RUB") == f"294{NBSP}млрд{NBSP}₽"
    assert " " not in format_amount(50e9, "USD", "over")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (5000, "5000"),              # four digits stay whole
        (12345, "12 345"),
        (1234567.891, "1 234 567,89"),
        (-12345.5, "-12 345,5"),
        (0.1 + 0.2, "0,3"),
        (-0.001, "0"),               # no "-0"
        (None, "—"),
        (float("nan"), "—"),
    ],
)
def test_numbers(value: float | None, expected: str) -> None:
    assert plain(format_number(value)) == expected


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024", "2024 г."),
        ("2022-2024", "2022–2024 гг."),
        ("2024-03", "март 2024"),
        ("2024-01..2024-06", "январь 2024 – июнь 2024"),
        ("2024-Q1", "I кв. 2024"),
        ("2025-Q4", "IV кв. 2025"),
        ("target", "целевое значение"),
        ("", "—"),
        ("весна", "весна"),
    ],
)
def test_periods(period: str, expected: str) -> None:
    assert plain(format_period(period)) == expected


def test_dates_in_russian_order_and_moscow_time() -> None:
    assert format_date(date(2025, 10, 21)) == "21.10.2025"
    assert format_date(None) == "—"
    moment = datetime(2025, 10, 21, 21, 30, tzinfo=UTC)
    assert format_date(moment, with_time=True) == "22.10.2025 00:30"   # UTC+3
    assert format_date("2025-10-21T09:05:00+00:00", with_time=True) == "21.10.2025 12:05"
    assert format_date(datetime(2025, 10, 21, 9, 5), with_time=True) == "21.10.2025 12:05"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "проект"), (2, "проекта"), (4, "проекта"), (5, "проектов"), (11, "проектов"),
     (12, "проектов"), (14, "проектов"), (21, "проект"), (22, "проекта"), (25, "проектов"),
     (101, "проект"), (111, "проектов"), (0, "проектов"), (1.5, "проекта")],
)
def test_plural(count: float, expected: str) -> None:
    assert plural(count, "проект", "проекта", "проектов") == expected


def test_unit_names() -> None:
    assert unit_name("RUB") == "российские рубли"
    assert unit_name("barrels") == "barrels"
    assert unit_name(None) == ""
