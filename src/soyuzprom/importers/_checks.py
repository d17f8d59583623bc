"""Check-digit tests for INN / OGRN / OGRNIP used by the parsers.

Interim: ``soyuzprom.registry.identifiers`` (the registry's validators) is not on main yet;
once it is, this module only delegates to it. The algorithms are the FNS ones:

* INN 10: ``d10 = Σ wᵢdᵢ mod 11 mod 10``, w = 2 4 10 3 5 9 4 6 8;
* INN 12: two check digits with w = 7 2 4 10 3 5 9 4 6 8 and 3 7 2 4 10 3 5 9 4 6 8;
* OGRN 13: ``d13 = int(d1..d12) mod 11 mod 10``; OGRNIP 15: ``int(d1..d14) mod 13 mod 10``.

Example:
    >>> is_valid_inn("7707083893"), is_valid_ogrn("1027700132195")
    (True, True)
"""

from __future__ import annotations

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def is_valid_inn(value: str) -> bool:
    """A 10-digit (legal entity) or 12-digit (person) INN with correct check digits."""
    if not value.isdigit() or not value.isascii():
        return False
    if len(value) == 10:
        return _check(value, _W10) == int(value[9])
    if len(value) == 12:
        return _check(value, _W11) == int(value[10]) and _check(value, _W12) == int(value[11])
    return False


def is_valid_ogrn(value: str) -> bool:
    """A 13-digit OGRN with its check digit."""
    return (
        len(value) == 13 and value.isdigit() and value.isascii()
        and int(value[:12]) % 11 % 10 == int(value[12])
    )


def is_valid_ogrnip(value: str) -> bool:
    """A 15-digit OGRNIP with its check digit."""
    return (
        len(value) == 15 and value.isdigit() and value.isascii()
        and int(value[:14]) % 13 % 10 == int(value[14])
    )


def inn_check_digits(body: str) -> str:
    """The check digit(s) that complete a 9- or 10-digit INN body (for generated fixtures)."""
    if len(body) == 9:
        return str(_check(body, _W10))
    first = str(_check(body, _W11))
    return first + str(_check(body + first, _W12))


def ogrn_check_digit(body: str) -> str:
    """The check digit that completes a 12-digit OGRN or 14-digit OGRNIP body."""
    return str(int(body) % (11 if len(body) == 12 else 13) % 10)
