"""The packaged reference data as read by soyuzprom.registry.reference."""

from __future__ import annotations

import re

import pytest

from soyuzprom.errors import DomainValidationError
from soyuzprom.registry.reference import (
    SCHEMES,
    ClassifierRecord,
    RegionRecord,
    read_classifier,
    read_regions,
    to_roman,
)


@pytest.fixture(scope="module")
def regions() -> dict[str, RegionRecord]:
    records = read_regions()
    by_code = {r.code: r for r in records}
    assert len(by_code) == len(records), "region codes must be unique"
    return by_code


@pytest.fixture(scope="module")
def classifiers() -> dict[str, list[ClassifierRecord]]:
    return {scheme: list(read_classifier(scheme)) for scheme in SCHEMES}


# --- regions -----------------------------------------------------------------------------

def test_region_counts(regions: dict[str, RegionRecord]) -> None:
    kinds = [r.kind for r in regions.values()]
    assert kinds.count("country") == 2
    assert kinds.count("subject") == 89  # 85 in the HFLabs list + 4 supplemented
    assert kinds.count("oblast") == 6
    assert kinds.count("city") == 1


def test_countries(regions: dict[str, RegionRecord]) -> None:
    assert regions["RU"].name == "Российская Федерация"
    assert regions["BY"].name == "Республика Беларусь"
    assert regions["RU"].kind == regions["BY"].kind == "country"


def test_smolensk_has_fns_code_not_okato_prefix(regions: dict[str, RegionRecord]) -> None:
    smo = regions["RU-SMO"]
    assert smo.name == "Смоленская область"
    assert smo.fns_code == "67"
    assert smo.okato_prefix == "66"
    assert smo.federal_district == "Центральный"
    assert smo.type_name == "область"
    assert smo.country == "RU"


@pytest.mark.parametrize(
    ("code", "name", "fns"),
    [
        ("RU-AD", "Республика Адыгея", "01"),
        ("RU-KB", "Кабардино-Балкарская Республика", "07"),
        ("RU-MOW", "Москва", "77"),
        ("RU-SPE", "Санкт-Петербург", "78"),
        ("RU-YEV", "Еврейская автономная область", "79"),
        ("RU-NEN", "Ненецкий автономный округ", "83"),
        ("RU-KHM", "Ханты-Мансийский автономный округ — Югра", "86"),
        ("RU-SA", "Республика Саха (Якутия)", "14"),
        ("RU-SE", "Республика Северная Осетия — Алания", "15"),
        ("RU-KEM", "Кемеровская область — Кузбасс", "42"),
        ("RU-CU", "Чувашская Республика — Чувашия", "21"),
        ("UA-43", "Республика Крым", "91"),
        ("UA-40", "Севастополь", "92"),
    ],
)
def test_subject_names(regions: dict[str, RegionRecord], code: str, name: str, fns: str) -> None:
    assert regions[code].name == name
    assert regions[code].fns_code == fns


@pytest.mark.parametrize(
    ("code", "name", "fns"),
    [
        ("UA-14", "Донецкая Народная Республика", "93"),
        ("UA-09", "Луганская Народная Республика", "94"),
        ("UA-23", "Запорожская область", "90"),
        ("UA-65", "Херсонская область", "95"),
    ],
)
def test_supplemented_subjects(
    regions: dict[str, RegionRecord], code: str, name: str, fns: str
) -> None:
    region = regions[code]
    assert (region.name, region.fns_code, region.country, region.kind) == (
        name, fns, "RU", "subject"
    )
    assert region.okato is None


def test_fns_codes_unique_and_well_formed(regions: dict[str, RegionRecord]) -> None:
    codes = [r.fns_code for r in regions.values() if r.kind == "subject"]
    assert all(c and re.fullmatch(r"[0-9]{2}", c) for c in codes)
    assert len(set(codes)) == len(codes)


def test_no_baikonur(regions: dict[str, RegionRecord]) -> None:
    assert "KZ-BAY" not in regions


def test_belarus_regions(regions: dict[str, RegionRecord]) -> None:
    by = {c: r for c, r in regions.items() if r.country == "BY" and r.kind != "country"}
    assert set(by) == {"BY-BR", "BY-VI", "BY-HO", "BY-HR", "BY-MI", "BY-MA", "BY-HM"}
    assert by["BY-VI"].name == "Витебская область"
    assert by["BY-VI"].capital == "Витебск"
    assert by["BY-HM"].kind == "city"
    assert by["BY-HM"].name == "город Минск"
    assert all(r.fns_code is None for r in by.values())
    assert by["BY-VI"].lat == pytest.approx(55.19, abs=0.01)


# --- classifiers -------------------------------------------------------------------------

def test_scheme_sizes(classifiers: dict[str, list[ClassifierRecord]]) -> None:
    sizes = {scheme: len(entries) for scheme, entries in classifiers.items()}
    # tnved: 28493 FTS rows - 5 pseudo-codes - 96 FTS chapters + 96 chapters (2022) + 21 sections
    assert sizes == {"okved2": 3043, "okpd2": 20328, "oksm": 253, "tnved": 28509}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_codes_unique_and_parents_precede_children(
    classifiers: dict[str, list[ClassifierRecord]], scheme: str
) -> None:
    seen: set[str] = set()
    for entry in classifiers[scheme]:
        assert entry.scheme == scheme
        assert entry.code not in seen, entry.code
        assert entry.parent_code is None or entry.parent_code in seen, entry
        assert entry.name.strip()
        seen.add(entry.code)


def test_okved2_hierarchy(classifiers: dict[str, list[ClassifierRecord]]) -> None:
    parent = {e.code: e.parent_code for e in classifiers["okved2"]}
    assert parent["A"] is None
    assert parent["01"] == "A"
    assert parent["28"] == "C"
    assert parent["28.29"] == "28.2"
    assert parent["28.2"] == "28"
    assert parent["01.11.1"] == "01.11"
    assert parent["01.11.11"] == "01.11.1"


def test_okpd2_hierarchy_and_sections(classifiers: dict[str, list[ClassifierRecord]]) -> None:
    entries = {e.code: e for e in classifiers["okpd2"]}
    assert entries["C"].parent_code is None
    assert entries["28"].parent_code == "C"  # from the shared OKVED2 division mapping
    assert entries["28.29.21"].parent_code == "28.29.2"
    assert entries["28.29.2"].parent_code == "28.29"
    # The last three-digit group pads with zeros: sub-type -> type -> subcategory.
    assert entries["10.51.11.111"].parent_code == "10.51.11.110"
    assert entries["10.51.11.119"].parent_code == "10.51.11.110"
    assert entries["10.51.11.110"].parent_code == "10.51.11"
    assert entries["01.11.12.143"].parent_code == "01.11.12.140"


def test_oksm(classifiers: dict[str, list[ClassifierRecord]]) -> None:
    entries = {e.code: e for e in classifiers["oksm"]}
    assert entries["112"].name == "БЕЛАРУСЬ"
    assert entries["112"].extra == "BY BLR"
    assert entries["643"].extra == "RU RUS"
    assert all(e.parent_code is None for e in entries.values())


def test_tnved(classifiers: dict[str, list[ClassifierRecord]]) -> None:
    entries = {e.code: e for e in classifiers["tnved"]}
    assert not any(code.startswith("SS") for code in entries)
    assert entries["XVII"].parent_code is None
    assert entries["87"].parent_code == "XVII"
    assert entries["8702"].parent_code == "87"
    assert entries["8702"].extra == "2016"
    tenth = [e for e in entries.values() if len(e.code) == 10]
    assert len(tenth) == 12480  # 12481 ten-character codes minus the pseudo-code
    assert all(e.parent_code and e.code.startswith(e.parent_code) for e in tenth)
    sections = [c for c in entries if not c.isdigit()]
    assert len(sections) == 21


def test_roman_numerals() -> None:
    assert [to_roman(n) for n in (1, 4, 9, 14, 16, 19, 21)] == [
        "I", "IV", "IX", "XIV", "XVI", "XIX", "XXI"
    ]


def test_unknown_scheme_is_a_domain_error() -> None:
    with pytest.raises(DomainValidationError) as info:
        read_classifier("okdp")
    assert info.value.field == "scheme"
