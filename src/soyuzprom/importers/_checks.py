"""Check digits for the parsers: the registry's validators, plus generators for fixtures.

The tests themselves are :mod:`soyuzprom.registry.identifiers` (one implementation in the
project); this module re-exports them and adds the inverse (computing check digits), which
only the fixture generators need. Note that the registry refuses an INN of region ``00``.

Example:
    >>> is_valid_inn("7707083893"), inn_check_digits("770708389")
    (True, '3')
"""

from __future__ import annotations

from soyuzprom.registry.identifiers import is_valid_inn, is_valid_ogrn, is_valid_ogrnip

__all__ = ["inn_check_digits", "is_valid_inn", "is_valid_ogrn", "is_valid_ogrnip",
           "ogrn_check_digit"]

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_check_digits(body: str) -> str:
    """The check digit(s) that complete a 9- or 10-digit INN body (for generated fixtures)."""
    if len(body) == 9:
        return str(_check(body, _W10))
    first = str(_check(body, _W11))
    return first + str(_check(body + first, _W12))


def ogrn_check_digit(body: str) -> str:
    """The check digit that completes a 12-digit OGRN or 14-digit OGRNIP body."""
    return str(int(body) % (11 if len(body) == 12 else 13) % 10)
