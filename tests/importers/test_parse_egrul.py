"""ЕГРЮЛ parser on files generated in the real structure (windows-1251, Процент/ДробПрост...)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import fns_egrul
from soyuzprom.importers.fixtures_fns import (
    FakeCompany,
    FakeFounder,
    belarus_sample,
    legal_ogrn,
    write_egrul_xml,
)
from soyuzprom.importers.records import BadRecord, EgrulRecord


@pytest.fixture
def extract(tmp_path: Path) -> Path:
    path = tmp_path / "VO_RUGFO_0000_9965_20251127_test.xml"
    write_egrul_xml(path, belarus_sample())
    return path


def by_ogrn(path: Path) -> dict[str, EgrulRecord]:
    items = list(fns_egrul.parse(path))
    assert not [i for i in items if isinstance(i, BadRecord)]
    return {i.ogrn: i for i in items if isinstance(i, EgrulRecord)}


def test_file_is_windows_1251_with_padded_count(extract: Path) -> None:
    head = extract.read_bytes()[:400]
    assert b'encoding="windows-1251"' in head and b'\xd4\xe0\xe9\xeb' in head  # "Файл"
    assert b'"         6"' in head


def test_founders_countries_and_shares(extract: Path) -> None:
    records = by_ogrn(extract)
    assert len(records) == 6
    one = records[legal_ogrn("67", 1)]
    assert one.kind == "legal" and one.address and one.address.region_code == "67"
    (founder,) = one.founders
    assert (founder.kind, founder.country_oksm, founder.share.percent, founder.share.basis) == (
        "person", "112", Decimal("100"), "percent")
    two = records[legal_ogrn("67", 2)]
    shares = [(f.kind, f.country_oksm, f.share.percent, f.share.basis) for f in two.founders]
    assert shares == [("foreign_legal", "112", Decimal("33.3333"), "fraction"),
                      ("ru_legal", "643", Decimal("66.6667"), "fraction")]
    assert two.founders[1].inn and two.founders[1].ogrn
    three = records[legal_ogrn("67", 3)]
    assert [f.share.basis for f in three.founders] == ["decimal", "percent"]
    assert three.founders[0].share.percent == Decimal("50")
    four = records[legal_ogrn("67", 4)]
    assert four.founders[0].share == four.founders[0].share.__class__(
        Decimal("25"), Decimal("5000"), "nominal")
    assert four.status == "terminated" and four.terminated is not None
    assert four.status_text and "\n" not in four.status_text  # &#xD;&#xA; folded
    assert four.address and four.address.postal_code == "214000"  # the old АдресРФ form
    six = records[legal_ogrn("32", 6)]
    assert six.status == "winding_up" and six.status_code == "101"
    assert six.founders[0].country_oksm == "276"


def test_names_identifiers_and_activities(extract: Path) -> None:
    one = by_ogrn(extract)[legal_ogrn("67", 1)]
    assert one.full_name.startswith("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ")
    assert one.short_name and one.short_name.startswith("ООО")
    assert one.inn and one.kpp == "670101001" and one.capital == Decimal("10000")
    assert [(a.code, a.main) for a in one.activities] == [("25.62", True), ("46.69", False)]


def test_unknown_country_and_bad_ogrn_are_bad_records(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    companies = [
        FakeCompany(1, founders=(FakeFounder("person", "Иванов Иван", "999"),)),
        FakeCompany(2),
    ]
    write_egrul_xml(path, companies)
    data = path.read_bytes().replace(legal_ogrn("67", 2).encode(), b"1196700000020")
    path.write_bytes(data)
    items = list(fns_egrul.parse(path))
    assert [i.error.field for i in items if isinstance(i, BadRecord)] == ["ОКСМ", "ОГРН"]
    assert items[0].error.line is not None and items[0].error.line > 1


def test_truncated_extract_fails(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    write_egrul_xml(path, belarus_sample())
    path.write_bytes(path.read_bytes()[:-2000])
    with pytest.raises(InputFormatError) as err:
        list(fns_egrul.parse(path))
    assert err.value.file == "cut.xml" and err.value.line and err.value.line > 1


def test_sme_file_is_not_an_extract(data_dir: Path) -> None:
    with pytest.raises(InputFormatError) as err:
        list(fns_egrul.parse(data_dir / "fns_rsmp" / "data-test-sme-2.zip"))
    assert err.value.field == "ТипИнф"
