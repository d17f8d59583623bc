"""Check-digit validation of INN, OGRN, OGRNIP, UNP and KPP.

The valid numbers are public registration numbers of large companies (from their own
disclosures and the EGRUL), except where marked as computed. Every single-digit
substitution of every valid number is tried; the only ones allowed through are those the
check-digit scheme provably cannot see (documented in soyuzprom.registry.identifiers), and
the test states that set independently from the spec below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from soyuzprom.errors import DomainValidationError
from soyuzprom.registry import identifiers as ids

# (company, INN, OGRN): public numbers of large Russian companies.
COMPANIES = [
    ("ПАО Сбербанк", "7707083893", "1027700132195"),
    ("ПАО «Газпром»", "7736050003", "1027700070518"),
    ("ООО «Яндекс»", "7736207543", "1027700229193"),
    ("ПАО «НК «Роснефть»", "7706107510", "1027700043502"),
    ("ПАО «ЛУКОЙЛ»", "7708004767", "1027700035769"),
    ("ОАО «РЖД»", "7708503727", "1037739877295"),
    ("ПАО «КАМАЗ»", "1650032058", "1021602013971"),
    ("ПАО «АвтоВАЗ»", "6320002223", "1026301983113"),
    ("ПАО «Аэрофлот»", "7712040126", "1027700092661"),
    ("ПАО «Северсталь»", "3528000597", "1023501236901"),
]
INN10 = [inn for _, inn, _ in COMPANIES]
OGRN = [ogrn for _, _, ogrn in COMPANIES]

# 12-digit INN: the widely used example number of an individual (region 50) and one we
# computed for Smolensk oblast (region 67) so no real person's number sits in the tests.
INN12 = ["500100732259", "670123456740"]
# OGRNIP: the widely used example (2004, region 50) and one computed for region 67 in 2019.
OGRNIP = ["304500116000157", "319673300012344"]
# Belarusian UNPs in use (published online; owners not asserted here), all digits, plus one
# number of the older individual form with two letters.
UNP = [
    "600122610", "100217336", "100693551", "191682495", "200988541",
    "290380347", "400051902", "500037201", "591705582", "690314863", "791022114",
]
UNP_LETTERS = ["MA1953684"]
KPP = ["773601001", "770701001", "7736AB001"]


def substitutions(number: str) -> Iterator[tuple[int, str]]:
    """Every number that differs from ``number`` in exactly one digit, with the position."""
    for pos, old in enumerate(number):
        for new in "0123456789":
            if new != old:
                yield pos, number[:pos] + new + number[pos + 1 :]


# --- the spec, restated independently of the implementation ---------------------------

def weighted_remainder(weights: tuple[int, ...], number: str) -> int:
    return sum(w * int(c) for w, c in zip(weights, number[: len(weights)], strict=True)) % 11


def inn_remainders(number: str) -> tuple[int, ...]:
    """The full mod-11 remainders before the final ``mod 10``."""
    if len(number) == 10:
        return (weighted_remainder((2, 4, 10, 3, 5, 9, 4, 6, 8), number),)
    return (
        weighted_remainder((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), number),
        weighted_remainder((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8), number),
    )


def inn_blind_spot(original: str, corrupted: str, pos: int) -> bool:
    """INN cannot see a payload change that only moves a remainder between 0 and 10."""
    n_checks = 1 if len(original) == 10 else 2
    if pos >= len(original) - n_checks or corrupted.startswith("00"):
        return False
    # For a 12-digit INN a change in the payload (positions 0..9) moves both remainders,
    # a change in d11 moves only the second one but d11 is compared itself.
    pairs = zip(inn_remainders(original), inn_remainders(corrupted), strict=True)
    return all({a, b} == {0, 10} for a, b in pairs)


def ogrn_blind_spot(original: str, corrupted: str, pos: int, modulus: int, heads: str) -> bool:
    if pos == len(original) - 1 or corrupted[0] not in heads:
        return False
    a, b = int(original[:-1]) % modulus, int(corrupted[:-1]) % modulus
    return a != b and a % 10 == b % 10


# --- valid numbers ------------------------------------------------------------------------

@pytest.mark.parametrize("inn", INN10 + INN12)
def test_real_inn_is_valid(inn: str) -> None:
    assert ids.is_valid_inn(inn)
    assert ids.validate_inn(inn) == inn


@pytest.mark.parametrize("ogrn", OGRN)
def test_real_ogrn_is_valid(ogrn: str) -> None:
    assert ids.is_valid_ogrn(ogrn)
    assert ids.validate_ogrn(ogrn) == ogrn


@pytest.mark.parametrize("ogrnip", OGRNIP)
def test_ogrnip_is_valid(ogrnip: str) -> None:
    assert ids.is_valid_ogrnip(ogrnip)
    assert ids.validate_ogrnip(ogrnip) == ogrnip


@pytest.mark.parametrize("unp", UNP + UNP_LETTERS)
def test_real_unp_is_valid(unp: str) -> None:
    assert ids.is_valid_unp(unp)
    assert ids.validate_unp(unp) == unp


@pytest.mark.parametrize("kpp", KPP)
def test_kpp_pattern_accepts(kpp: str) -> None:
    assert ids.is_valid_kpp(kpp)
    assert ids.validate_kpp(kpp) == kpp


# --- every single-digit substitution --------------------------------------------------------

@pytest.mark.parametrize("inn", INN10 + INN12)
def test_inn_substitutions_rejected_except_the_blind_spot(inn: str) -> None:
    passed = {c for pos, c in substitutions(inn) if ids.is_valid_inn(c)}
    blind = {c for pos, c in substitutions(inn) if inn_blind_spot(inn, c, pos)}
    assert passed == blind
    assert len(passed) <= 4  # at most one blind value per payload position, rarely any


def test_inn_blind_spot_is_real() -> None:
    """Роснефть's INN has remainder 10 (check digit 0): four substitutions reach remainder 0."""
    inn = "7706107510"
    assert inn_remainders(inn) == (10,)
    passed = sorted(c for _, c in substitutions(inn) if ids.is_valid_inn(c))
    assert passed == ["2706107510", "7706107580", "7706107710", "7706157510"]
    assert all(inn_remainders(c) == (0,) for c in passed)


@pytest.mark.parametrize("ogrn", OGRN)
def test_ogrn_substitutions_rejected_except_the_blind_spot(ogrn: str) -> None:
    passed = {c for _, c in substitutions(ogrn) if ids.is_valid_ogrn(c)}
    blind = {c for pos, c in substitutions(ogrn) if ogrn_blind_spot(ogrn, c, pos, 11, "15")}
    assert passed == blind


@pytest.mark.parametrize("ogrnip", OGRNIP)
def test_ogrnip_substitutions_rejected_except_the_blind_spot(ogrnip: str) -> None:
    passed = {c for _, c in substitutions(ogrnip) if ids.is_valid_ogrnip(c)}
    blind = {c for pos, c in substitutions(ogrnip) if ogrn_blind_spot(ogrnip, c, pos, 13, "3")}
    assert passed == blind


def test_ogrnip_blind_spot_is_real() -> None:
    """Remainders 11 and 1 both give check digit 1: such substitutions go unseen.

    The number is computed (payload remainder 11 mod 13), not a real registration.
    """
    number = "319673300012021"
    assert int(number[:-1]) % 13 == 11
    passed = [c for _, c in substitutions(number) if ids.is_valid_ogrnip(c)]
    assert "319673300012051" in passed
    assert all(int(c[:-1]) % 13 == 1 for c in passed)


@pytest.mark.parametrize("unp", UNP)
def test_unp_every_substitution_rejected(unp: str) -> None:
    """UNP weights are all non-zero mod 11 and remainder 10 is refused: no blind spot."""
    assert [c for _, c in substitutions(unp) if ids.is_valid_unp(c)] == []


def test_unp_letter_form_substitution_rejected() -> None:
    number = "MA1953684"
    for pos, c in substitutions(number):
        if pos >= 2:
            assert not ids.is_valid_unp(c), c


# --- shape, normalisation and errors --------------------------------------------------------

@pytest.mark.parametrize(
    ("func", "value"),
    [
        (ids.is_valid_inn, "770708389"),        # 9 digits
        (ids.is_valid_inn, "77070838931"),      # 11 digits
        (ids.is_valid_inn, "77070838۹3"),       # a non-ASCII digit
        (ids.is_valid_inn, "0000000000"),       # region 00 passes the sum, not the rule
        (ids.is_valid_inn, ""),
        (ids.is_valid_ogrn, "2027700132195"),   # record kind 2 is not an OGRN
        (ids.is_valid_ogrn, "102770013219"),
        (ids.is_valid_ogrnip, "1027700132195"),
        (ids.is_valid_ogrnip, "404500116000157"),
        (ids.is_valid_unp, "991705588"),        # no region 9
        (ids.is_valid_unp, "M01953684"),        # a letter must be followed by a letter
        (ids.is_valid_unp, "7A1953689"),
        (ids.is_valid_unp, "711953681"),        # remainder 10 can never be a check digit
        (ids.is_valid_kpp, "77360100"),
        (ids.is_valid_kpp, "7736А1001"),      # Cyrillic А in the reason code
        (ids.is_valid_kpp, "000001001"),
    ],
)
def test_malformed_values_rejected(func: Callable[[str], bool], value: str) -> None:
    assert not func(value)


def test_normalisation() -> None:
    assert ids.validate_inn(" 7707 083893\n") == "7707083893"
    assert ids.validate_unp("УНП 600122610") == "600122610"
    assert ids.validate_unp("МА1953684") == "MA1953684"  # Cyrillic М, А
    assert ids.validate_kpp("7736ab001") == "7736AB001"


@pytest.mark.parametrize(
    ("func", "value", "field", "words"),
    [
        (ids.validate_inn, "7707083894", "inn", "контрольное число ИНН"),
        (ids.validate_inn, "12345", "inn", "10"),
        (ids.validate_ogrn, "1027700132196", "ogrn", "контрольное число ОГРН"),
        (ids.validate_ogrnip, "304500116000158", "ogrnip", "контрольное число ОГРНИП"),
        (ids.validate_unp, "600122611", "unp", "контрольное число УНП"),
        (ids.validate_kpp, "77360100X", "kpp", "КПП"),
    ],
)
def test_errors_name_the_field(
    func: Callable[..., str], value: str, field: str, words: str
) -> None:
    with pytest.raises(DomainValidationError) as info:
        func(value)
    assert info.value.field == field
    assert words in info.value.message
    assert info.value.details["value"] == value


def test_custom_field_name() -> None:
    with pytest.raises(DomainValidationError) as info:
        ids.validate_inn("7707083894", field="owner_inn")
    assert info.value.field == "owner_inn"
