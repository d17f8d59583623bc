"""Check-digit validation of Russian and Belarusian organization identifiers.

Pure functions, no I/O. Two flavours per identifier:

* ``is_valid_<id>(value) -> bool`` answers yes or no and never raises;
* ``validate_<id>(value, field=...) -> str`` returns the normalised identifier (surrounding
  whitespace and inner spaces removed, letters upper-cased) or raises
  :class:`soyuzprom.errors.DomainValidationError` with a Russian message and ``field`` set,
  so the API can name the offending field.

Algorithms (the digits are ``d1 d2 ... dn``, left to right):

INN (ИНН), 10 digits, legal entities
    ``c = (Σ wᵢ·dᵢ for i = 1..9 mod 11) mod 10`` with weights ``2 4 10 3 5 9 4 6 8``; ``d10 = c``.
INN, 12 digits, individuals and individual entrepreneurs
    ``d11 = (Σ wᵢ·dᵢ, i = 1..10, w = 7 2 4 10 3 5 9 4 6 8) mod 11 mod 10`` and
    ``d12 = (Σ wᵢ·dᵢ, i = 1..11, w = 3 7 2 4 10 3 5 9 4 6 8) mod 11 mod 10``.
    The first two digits are the FNS region code; ``00`` is not a region and is refused.
OGRN (ОГРН), 13 digits
    ``d13 = (int(d1..d12) mod 11) mod 10``. The first digit (record kind) is 1 or 5 for the
    primary state registration number of a legal entity.
OGRNIP (ОГРНИП), 15 digits
    ``d15 = (int(d1..d14) mod 13) mod 10``. The first digit is 3 (an individual entrepreneur).
UNP (УНП), Belarus, 9 characters
    ``d9 = Σ wᵢ·vᵢ (i = 1..8) mod 11`` with weights ``29 23 19 17 13 7 5 3``; a remainder of 10
    means the number cannot exist. Legal entities (and entrepreneurs registered since 2011)
    have the all-digit form, where ``vᵢ = dᵢ`` and ``d1`` (the registering region) is 1..7.
    Older numbers of individuals start with two Latin letters: the first letter is the region
    (``A B C E H K M`` for 1..7) and counts with its position in ``0-9A-Z`` (A = 10, B = 11,
    C = 12, E = 14, H = 17, K = 20, M = 22); the second is the tax office series and counts
    with its index in ``ABCEHKMOPT`` (A = 0 .. T = 9). Cyrillic look-alikes (А, В, Е, К, М, Н,
    О, Р, С, Т) are read as the Latin letters.
KPP (КПП), 9 characters
    No check digit: the pattern ``NNNN PP NNN``: the 4-digit tax office code, a 2-character
    reason code (``[0-9A-Z]``), a 3-digit serial.

What a check digit cannot see (single-digit substitutions; the tests enumerate every one):

* INN and OGRN reduce a remainder modulo 11 to a digit by a further ``mod 10``, so the
  remainders 0 and 10 give the same check digit 0. A substitution that moves the weighted
  remainder from 0 to 10 (or back) passes. Every other single substitution is caught,
  because the weights (INN) and the powers of ten (OGRN) are non-zero modulo the prime 11.
* OGRNIP reduces modulo 13 then 10, so the remainder pairs 0/10, 1/11 and 2/12 collide.
* UNP keeps the full remainder (10 is refused), and every weight is non-zero modulo 11:
  every single substitution among digits is caught.
* A substitution in a check digit itself is always caught.

Example:
    >>> is_valid_inn("7707083893")
    True
    >>> validate_ogrn(" 1027700132195 ")
    '1027700132195'
"""

from __future__ import annotations

import re

from soyuzprom.errors import DomainValidationError

INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
UNP_WEIGHTS = (29, 23, 19, 17, 13, 7, 5, 3)

_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_UNP_REGION_LETTERS = "ABCEHKM"
_UNP_SERIES_LETTERS = "ABCEHKMOPT"
# Cyrillic letters that look like the Latin letters a UNP may carry; people type either.
_CYRILLIC_TO_LATIN = str.maketrans("АВЕКМНОРСТ", "ABEKMHOPCT")

_DIGITS = re.compile(r"[0-9]+")
_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")
_UNP_NUMERIC = re.compile(r"[1-7][0-9]{8}")
_UNP_LETTERS = re.compile(r"[ABCEHKM][ABCEHKMOPT][0-9]{7}")


def _normalise(value: str) -> str:
    """Drop surrounding whitespace and inner spaces; upper-case letters."""
    return "".join(str(value).split()).upper()


def _digits(value: str) -> list[int]:
    return [int(ch) for ch in value]


def _weighted_check(digits: list[int], weights: tuple[int, ...]) -> int:
    """``Σ wᵢ·dᵢ mod 11 mod 10``: the INN control number."""
    return sum(w * d for w, d in zip(weights, digits, strict=False)) % 11 % 10


def _inn_problem(value: str) -> str | None:
    """Why ``value`` (normalised) is not an INN, or None if it is one."""
    if not _DIGITS.fullmatch(value) or len(value) not in (10, 12):
        return "ИНН должен состоять из 10 (организация) или 12 (физическое лицо) цифр"
    if value.startswith("00"):
        return "ИНН не может начинаться с кода региона 00"
    d = _digits(value)
    if len(d) == 10:
        ok = _weighted_check(d, INN10_WEIGHTS) == d[9]
    else:
        ok = (
            _weighted_check(d, INN12_WEIGHTS_11) == d[10]
            and _weighted_check(d, INN12_WEIGHTS_12) == d[11]
        )
    return None if ok else "Неверное контрольное число ИНН"


def _ogrn_problem(value: str) -> str | None:
    if not _DIGITS.fullmatch(value) or len(value) != 13:
        return "ОГРН должен состоять из 13 цифр"
    if value[0] not in "15":
        return "ОГРН юридического лица начинается с цифры 1 или 5"
    if int(value[:12]) % 11 % 10 != int(value[12]):
        return "Неверное контрольное число ОГРН"
    return None


def _ogrnip_problem(value: str) -> str | None:
    if not _DIGITS.fullmatch(value) or len(value) != 15:
        return "ОГРНИП должен состоять из 15 цифр"
    if value[0] != "3":
        return "ОГРНИП начинается с цифры 3"
    if int(value[:14]) % 13 % 10 != int(value[14]):
        return "Неверное контрольное число ОГРНИП"
    return None


def _unp_values(value: str) -> list[int]:
    """The eight weighted values of a well-formed UNP (see the module docstring)."""
    if value[0].isdigit():
        return _digits(value[:8])
    head = [_ALNUM.index(value[0]), _UNP_SERIES_LETTERS.index(value[1])]
    return head + _digits(value[2:8])


def _unp_problem(value: str) -> str | None:
    value = value.translate(_CYRILLIC_TO_LATIN)
    if not (_UNP_NUMERIC.fullmatch(value) or _UNP_LETTERS.fullmatch(value)):
        return (
            "УНП должен состоять из 9 цифр (первая 1-7) или из двух букв "
            "и 7 цифр"
        )
    remainder = sum(w * v for w, v in zip(UNP_WEIGHTS, _unp_values(value), strict=True)) % 11
    if remainder == 10 or remainder != int(value[8]):
        return "Неверное контрольное число УНП"
    return None


def _kpp_problem(value: str) -> str | None:
    if not _KPP.fullmatch(value):
        return "КПП должен иметь вид NNNNPPNNN: 4 цифры, 2 цифры или латинские буквы, 3 цифры"
    if value.startswith("0000"):
        return "КПП не может начинаться с кода налогового органа 0000"
    return None


def _check(problem: str | None, value: str, field: str) -> None:
    if problem is not None:
        raise DomainValidationError(problem, field=field, details={"value": value})


def is_valid_inn(value: str) -> bool:
    """True if ``value`` is a 10- or 12-digit INN with correct control digits.

    >>> is_valid_inn("7736050003"), is_valid_inn("7736050004")
    (True, False)
    """
    return _inn_problem(_normalise(value)) is None


def is_valid_ogrn(value: str) -> bool:
    """True if ``value`` is a 13-digit OGRN of a legal entity with a correct check digit."""
    return _ogrn_problem(_normalise(value)) is None


def is_valid_ogrnip(value: str) -> bool:
    """True if ``value`` is a 15-digit OGRNIP with a correct check digit."""
    return _ogrnip_problem(_normalise(value)) is None


def is_valid_unp(value: str) -> bool:
    """True if ``value`` is a Belarusian UNP with a correct check digit.

    >>> is_valid_unp("600122610"), is_valid_unp("УНП 600122611")
    (True, False)
    """
    return _unp_problem(_strip_unp_prefix(_normalise(value))) is None


def is_valid_kpp(value: str) -> bool:
    """True if ``value`` has the KPP shape (there is no check digit)."""
    return _kpp_problem(_normalise(value)) is None


def validate_inn(value: str, field: str = "inn") -> str:
    """Return the normalised INN or raise DomainValidationError naming ``field``.

    >>> validate_inn("7707 083 893")
    '7707083893'
    """
    norm = _normalise(value)
    _check(_inn_problem(norm), value, field)
    return norm


def validate_ogrn(value: str, field: str = "ogrn") -> str:
    """Return the normalised OGRN or raise DomainValidationError naming ``field``."""
    norm = _normalise(value)
    _check(_ogrn_problem(norm), value, field)
    return norm


def validate_ogrnip(value: str, field: str = "ogrnip") -> str:
    """Return the normalised OGRNIP or raise DomainValidationError naming ``field``."""
    norm = _normalise(value)
    _check(_ogrnip_problem(norm), value, field)
    return norm


def validate_unp(value: str, field: str = "unp") -> str:
    """Return the normalised UNP (Latin letters, no "УНП" prefix) or raise.

    >>> validate_unp("УНП 600122610")
    '600122610'
    """
    norm = _strip_unp_prefix(_normalise(value)).translate(_CYRILLIC_TO_LATIN)
    _check(_unp_problem(norm), value, field)
    return norm


def validate_kpp(value: str, field: str = "kpp") -> str:
    """Return the normalised KPP or raise DomainValidationError naming ``field``."""
    norm = _normalise(value)
    _check(_kpp_problem(norm), value, field)
    return norm


def _strip_unp_prefix(value: str) -> str:
    # Documents print the number as "УНП 600122610"; accept the label, not other text.
    for prefix in ("УНП", "UNP"):
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value
