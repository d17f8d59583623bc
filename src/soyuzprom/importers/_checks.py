"""Check digits on the parsers' hot path, equal in result to the registry's validators.

:mod:`soyuzprom.registry.identifiers` is the one definition of what a valid INN, OGRN and
OGRNIP is (and gives the Russian explanation when one is not). A million-record import
checks two identifiers per record, and the registry's general functions (normalising,
regular expressions, explanations) cost more there than parsing the record; these are the
same rules for values already in canonical form (ASCII digits, no spaces), and the tests
compare both on every kind of valid and invalid value. An error message always comes from
the registry (see ``_values.bad_identifier``).

Example:
    >>> is_valid_inn("7707083893"), inn_check_digits("770708389")
    (True, '3')
"""

from __future__ import annotations

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def is_valid_inn(value: str) -> bool:
    """10 or 12 ASCII digits, region not ``00``, correct check digit(s)."""
    n = len(value)
    if n not in (10, 12) or not value.isdigit() or not value.isascii() or value[:2] == "00":
        return False
    # The digits as bytes (48 + digit): no int() per digit, the offsets subtracted once
    # (48 x the sum of the weights); unrolled: this runs for every imported record.
    d = value.encode()
    if n == 10:
        return (2 * d[0] + 4 * d[1] + 10 * d[2] + 3 * d[3] + 5 * d[4] + 9 * d[5] + 4 * d[6]
                + 6 * d[7] + 8 * d[8] - 48 * 51) % 11 % 10 == d[9] - 48
    return (
        (7 * d[0] + 2 * d[1] + 4 * d[2] + 10 * d[3] + 3 * d[4] + 5 * d[5] + 9 * d[6] + 4 * d[7]
         + 6 * d[8] + 8 * d[9] - 48 * 58) % 11 % 10 == d[10] - 48
        and (3 * d[0] + 7 * d[1] + 2 * d[2] + 4 * d[3] + 10 * d[4] + 3 * d[5] + 5 * d[6]
             + 9 * d[7] + 4 * d[8] + 6 * d[9] + 8 * d[10] - 48 * 61) % 11 % 10 == d[11] - 48
    )


def is_valid_ogrn(value: str) -> bool:
    """13 ASCII digits starting with 1 or 5, correct check digit."""
    return (len(value) == 13 and value.isdigit() and value.isascii() and value[0] in "15"
            and int(value[:12]) % 11 % 10 == ord(value[12]) - 48)


def is_valid_ogrnip(value: str) -> bool:
    """15 ASCII digits starting with 3, correct check digit."""
    return (len(value) == 15 and value.isdigit() and value.isascii() and value[0] == "3"
            and int(value[:14]) % 13 % 10 == ord(value[14]) - 48)


def inn_check_digits(body: str) -> str:
    """The check digit(s) that complete a 9- or 10-digit INN body (for generated fixtures)."""
    if len(body) == 9:
        return str(_check(body, _W10))
    first = str(_check(body, _W11))
    return first + str(_check(body + first, _W12))


def ogrn_check_digit(body: str) -> str:
    """The check digit that completes a 12-digit OGRN or 14-digit OGRNIP body."""
    return str(int(body) % (11 if len(body) == 12 else 13) % 10)
