"""SME registry parser: the real FNS samples, generated dumps, and broken files."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import fns_rsmp
from soyuzprom.importers.fixtures_fns import legal_inn, rsmp_document, rsmp_xml, write_rsmp_zip
from soyuzprom.importers.records import BadRecord, SmeRecord


def records(path: Path) -> list[SmeRecord]:
    items = list(fns_rsmp.parse(path))
    assert not [i for i in items if isinstance(i, BadRecord)]
    return [i for i in items if isinstance(i, SmeRecord)]


def test_real_sample_2019(data_dir: Path) -> None:
    items = records(data_dir / "fns_rsmp" / "data-test-sme-1.zip")
    assert len(items) == 2700
    kinds = Counter(r.kind for r in items)
    assert kinds == {"legal": 644, "individual": 2056}
    first = items[0]
    assert (first.inn, first.kind, first.category, first.is_new) == ("8901037297", "legal",
                                                                      "micro", True)
    assert first.name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "УРАЛ ПОЛЯРНЫЙ"'
    assert first.short_name == 'ООО "УРАЛ ПОЛЯРНЫЙ"'
    assert first.locality.region_code == "89" and first.locality.city == "ГОРОД САЛЕХАРД"
    assert (first.activities[0].code, first.activities[0].main) == ("41.20", True)
    assert sum(not a.main for a in first.activities) >= 10
    assert sum(len(r.products) for r in items) == 31
    assert sum(len(r.licenses) for r in items) > 0
    assert all(r.ogrn is None for r in items)  # 4.01 carries no OGRN(IP)
    assert all(r.is_social is None for r in items)


def test_real_sample_2023_has_ogrnip(data_dir: Path) -> None:
    items = records(data_dir / "fns_rsmp" / "data-test-sme-2.zip")
    assert len(items) == 2700
    assert all(r.kind == "individual" and r.ogrn and len(r.ogrn) == 15 for r in items)
    assert {r.locality.region_code for r in items} >= {"94"}
    assert any(r.person and r.person.middle is None for r in items)


def test_another_dataset_is_refused(data_dir: Path) -> None:
    with pytest.raises(InputFormatError) as err:
        list(fns_rsmp.parse(data_dir / "fns_rsmp" / "data-test-revexp-1.zip"))
    assert err.value.field == "ТипИнф" and "ОТКРДАННЫЕ5" in err.value.message
    assert err.value.file and err.value.file.startswith("data-test-revexp-1.zip/")


def test_generated_dump_exercises_every_optional_element(tmp_path: Path) -> None:
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 2000, per_file=700)
    with zipfile.ZipFile(path) as archive:
        assert len(archive.namelist()) == 3
    items = records(path)
    assert len(items) == 2000
    contracts = Counter(c.kind for r in items for c in r.contracts)
    assert set(contracts) == {"partnership", "contract_44fz", "contract_223fz"}
    assert any(r.licenses and r.licenses[0].addresses for r in items)
    assert any(r.products for r in items)
    assert any(r.locality.settlement for r in items) and any(r.headcount is None for r in items)
    assert {r.category for r in items} == {"micro", "small", "medium"}


def _one_file(tmp_path: Path, docs: list[str], declared: int | None = None) -> Path:
    path = tmp_path / "VO_RRMSPSV_0000_9965_20230511_x.xml"
    text = "".join(rsmp_xml(docs, len(docs) if declared is None else declared, path.stem))
    path.write_bytes(text.encode("utf-8"))
    return path


def test_bad_records_are_reported_with_their_place(tmp_path: Path) -> None:
    good = rsmp_document(0)
    bad_inn = good.replace(legal_inn("67", 0), legal_inn("67", 0)[:-1] + "9")
    bad_region = rsmp_document(1).replace('КодРегион="50"', 'КодРегион="00"')
    no_subject = rsmp_document(4).replace("<ОргВклМСП", "<Лишний").replace("ИННЮЛ", "X")
    items = list(fns_rsmp.parse(_one_file(tmp_path, [good, bad_inn, bad_region, no_subject])))
    assert isinstance(items[0], SmeRecord)
    errors = [i.error for i in items[1:] if isinstance(i, BadRecord)]
    assert [e.field for e in errors] == ["ИННЮЛ", "КодРегион", "ОргВклМСП"]
    assert "контрольное число" in errors[0].message
    assert all(e.file == "VO_RRMSPSV_0000_9965_20230511_x.xml" and e.line == 1 for e in errors)
    assert errors[0].element == "Документ" and errors[0].details["record"]


def test_truncated_file_fails_naming_file_and_line(tmp_path: Path) -> None:
    path = _one_file(tmp_path, [rsmp_document(i) for i in range(5)])
    path.write_bytes(path.read_bytes()[:-900])
    with pytest.raises(InputFormatError) as err:
        list(fns_rsmp.parse(path))
    assert "обрезан" in err.value.message or "повреждён" in err.value.message
    assert err.value.file == path.name and err.value.line == 1


def test_wrong_encoding_fails(tmp_path: Path) -> None:
    path = _one_file(tmp_path, [rsmp_document(0)])
    path.write_bytes(path.read_bytes().decode("utf-8").encode("cp1251"))
    with pytest.raises(InputFormatError) as err:
        list(fns_rsmp.parse(path))
    assert "кодировк" in err.value.message


def test_declared_count_must_match(tmp_path: Path) -> None:
    path = _one_file(tmp_path, [rsmp_document(0), rsmp_document(1)], declared=3)
    with pytest.raises(InputFormatError) as err:
        list(fns_rsmp.parse(path))
    assert err.value.field == "КолДок"


def test_missing_date_is_a_bad_record(tmp_path: Path) -> None:
    doc = rsmp_document(2).replace('ДатаСост="10.05.2023" ', "")
    (item,) = list(fns_rsmp.parse(_one_file(tmp_path, [doc])))
    assert isinstance(item, BadRecord) and item.error.field == "ДатаСост"
    assert item.reason == "ДатаСост: Нет обязательного значения"
