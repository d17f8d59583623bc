"""The parsers' fast identifier checks agree with the registry's validators."""

from __future__ import annotations

import random

from soyuzprom.importers import _checks
from soyuzprom.registry import identifiers


def _variants(seed: int) -> list[str]:
    rng = random.Random(seed)
    values = ["", "0", "00" + "1" * 8, "7707083893", "7707083894", "500100732259",
              "1027700132195", "1027700132194", "5027700132190", "304500116000157",
              "404500116000157", "77070838９3", " 7707083893", "77O7083893"]
    for _ in range(4000):
        length = rng.choice((9, 10, 11, 12, 13, 14, 15, 16))
        body = "".join(rng.choice("0123456789") for _ in range(length))
        values.append(body)
        if length in (9, 11):
            values.append(body + _checks.inn_check_digits(body if length == 9 else body[:10]))
        if length in (12, 14):
            values.append(body + _checks.ogrn_check_digit(body))
    return values


def test_same_answers_as_the_registry() -> None:
    values = _variants(7)
    valid = 0
    for value in values:
        canonical = value == value.strip() and " " not in value
        for fast, slow in ((_checks.is_valid_inn, identifiers.is_valid_inn),
                           (_checks.is_valid_ogrn, identifiers.is_valid_ogrn),
                           (_checks.is_valid_ogrnip, identifiers.is_valid_ogrnip)):
            if canonical:
                assert fast(value) == slow(value), (fast.__name__, value)
                valid += fast(value)
            else:  # the registry normalises first; the parser's input never has spaces
                assert not fast(value)
    assert valid > 500  # the sample holds plenty of valid identifiers of every kind
