"""The fast SME reader (``_rsmp_flat``) gives exactly what the parser and ``prepare`` give.

Every item (prepared records, bad records with their error and place) and every file
error is compared on the real samples, a generated dump and documents crafted to hit each
rule and each way out of the fast path.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import _rsmp_flat, fns_rsmp
from soyuzprom.importers.fixtures_fns import legal_inn, rsmp_document, rsmp_xml, write_rsmp_zip
from soyuzprom.importers.loaders.fns_rsmp import prepare
from soyuzprom.importers.records import BadRecord


def _norm(item: Any) -> Any:
    if isinstance(item, BadRecord):
        error = item.error
        return ("bad", error.message, error.file, error.line, error.element, error.field,
                error.details, item.place, item.reason)
    return item


def _both(path: Path) -> tuple[list[Any], list[Any]]:
    def parsed() -> list[Any]:
        return [_norm(i if isinstance(i, BadRecord) else prepare(i))
                for i in fns_rsmp.parse(path)]

    def flat() -> list[Any]:
        with _rsmp_flat.units(path) as units:
            return [_norm(i) for unit in units for i in unit.items(None)]

    results = []
    for read in (parsed, flat):
        try:
            results.append(read())
        except InputFormatError as exc:
            results.append([("error", exc.message, exc.file, exc.line, exc.field)])
    return results[0], results[1]


def _file(tmp_path: Path, docs: list[str], declared: int | None = None) -> Path:
    path = tmp_path / "VO_RRMSPSV_0000_9965_20230511_x.xml"
    text = "".join(rsmp_xml(docs, len(docs) if declared is None else declared, path.stem))
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize("name", ["data-test-sme-1.zip", "data-test-sme-2.zip"])
def test_real_samples(data_dir: Path, name: str) -> None:
    parsed, flat = _both(data_dir / "fns_rsmp" / name)
    assert len(parsed) == 2700 and flat == parsed


def test_generated_dump(tmp_path: Path) -> None:
    path = tmp_path / "dump.zip"
    write_rsmp_zip(path, 3000, per_file=700)
    parsed, flat = _both(path)
    assert len(parsed) == 3000 and flat == parsed


def _edit(i: int, old: str, new: str) -> str:
    doc = rsmp_document(i)
    assert old in doc, (i, old)
    return doc.replace(old, new, 1)


CRAFTED = {
    "bad INN": lambda: _edit(0, legal_inn("67", 0), legal_inn("67", 0)[:-1] + "9"),
    "INN with spaces": lambda: _edit(0, legal_inn("67", 0), f" {legal_inn('67', 0)} "),
    "unknown region": lambda: _edit(1, 'КодРегион="50"', 'КодРегион="00"'),
    "one-digit region": lambda: _edit(1, 'КодРегион="50"', 'КодРегион="7"'),
    "no subject": lambda: _edit(4, "<ОргВклМСП", "<Лишний"),
    "two subjects": lambda: _edit(4, "<СведМН", '<ИПВклМСП ИННФЛ="500100732259"/><СведМН'),
    "no state date": lambda: _edit(2, 'ДатаСост="10.05.2023" ', ""),
    "dash state date": lambda: _edit(2, 'ДатаСост="10.05.2023"', 'ДатаСост="-"'),
    "bad inclusion date": lambda: _edit(2, 'ДатаВклМСП="10.03.2020"', 'ДатаВклМСП="31.02.2020"'),
    "unknown kind": lambda: _edit(2, 'ВидСубМСП="2"', 'ВидСубМСП="3"'),
    "kind and subject differ": lambda: _edit(2, 'ВидСубМСП="2"', 'ВидСубМСП="1"'),
    "unknown category": lambda: _edit(2, 'КатСубМСП="3"', 'КатСубМСП="4"'),
    "blank doc id": lambda: _edit(2, 'ИдДок="', 'ИдДок=" " Было="'),
    "no ФИОИП": lambda: _edit(1, "<ФИОИП", "<ФИО"),
    "blank surname": lambda: _edit(1, 'Фамилия="', 'Фамилия=" " Было="'),
    "empty patronymic": lambda: _edit(1, 'Отчество="ОТЧЕСТВО1"', 'Отчество=""'),
    "bad OGRNIP": lambda: _edit(1, 'ОГРНИП="3', 'ОГРНИП="4'),
    "empty OGRNIP": lambda: _edit(1, 'ОГРНИП="', 'ОГРНИП="" Было="'),
    "bad OKVED": lambda: _edit(3, 'КодОКВЭД="', 'КодОКВЭД="X'),
    "OKVED not an element": lambda: _edit(3, "</СвОКВЭД>", "текст</СвОКВЭД>"),
    "empty town": lambda: _edit(1, 'Тип="ГОРОД" Наим="ГОРОД1"', 'Тип="" Наим=""'),
    "empty town and village": lambda: _edit(
        1, 'Тип="ГОРОД" Наим="ГОРОД1"/>', 'Тип="" Наим=""/><НаселПункт Тип="" Наим=""/>'),
    "two towns": lambda: _edit(1, "</СведМН>", '<Город Тип="Г" Наим="ВТОРОЙ"/></СведМН>'),
    "two places": lambda: _edit(1, "<СвОКВЭД>", '<СведМН КодРегион="67"/><СвОКВЭД>'),
    "no place": lambda: rsmp_document(5).split("<СведМН")[0]
    + "<СвОКВЭД" + rsmp_document(5).split("<СвОКВЭД", 1)[1],
    "bad licence date": lambda: _edit(3, 'ДатаЛиценз="15.10.2018"', 'ДатаЛиценз="15.13.2018"'),
    "blank licence number": lambda: _edit(3, 'НомЛиценз="', 'НомЛиценз=" " Было="'),
    "blank product": lambda: _edit(5, 'НаимПрод="', 'НаимПрод=" " Было="'),
    "padded product": lambda: _edit(5, 'КодПрод="25.62"', 'КодПрод=" 25.62 "'),
    "contract without INN": lambda: _edit(9, 'ИННЮЛ_ЗК="', 'ИННЮЛ_ЗК="" Было="'),
    "bad contract date": lambda: _edit(7, 'ДатаДог="01.03.2021"', 'ДатаДог="1.3.21"'),
    "odd headcount": lambda: _edit(2, "ПризНовМСП=", 'ССЧР=" 12 " ПризНовМСП='),
    "quotes and spaces": lambda: _edit(0, "ПРОМТЕХ-0&quot;", "ПРОМ  ТЕХ &amp; К&#10;О&quot;"),
}


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_crafted_document(tmp_path: Path, case: str) -> None:
    docs = [rsmp_document(i) for i in range(12)]
    docs[6] = CRAFTED[case]()
    parsed, flat = _both(_file(tmp_path, docs))
    assert flat == parsed


@pytest.mark.parametrize("case", [
    "comment", "separator", "separator reference", "count", "truncated", "encoding",
    "dataset", "nested", "doctype", "zip crc", "processing instruction",
])
def test_members_the_parser_reads(tmp_path: Path, case: str) -> None:
    docs = [rsmp_document(i) for i in range(5)]
    head = ""
    declared = None
    if case == "comment":
        docs[2] = docs[2].replace("<СвОКВЭД>", "<СвОКВЭД><!-- x -->")
    elif case == "separator":
        docs[2] = docs[2].replace("ФАМИЛИЯ", "ФАМИ\ue002ЛИЯ")
    elif case == "separator reference":
        docs[2] = docs[2].replace("ФАМИЛИЯ", "ФАМИ&#xE000;ЛИЯ")
    elif case == "count":
        declared = 7
    elif case == "processing instruction":
        docs[2] = docs[2].replace("<СвОКВЭД>", '<СвОКВЭД><?pi КодОКВЭД="01.11"?>')
    elif case == "nested":
        docs[2] = docs[2].replace("</СвОКВЭД>", "</СвОКВЭД>" + docs[3])
    elif case == "doctype":
        head = '<!DOCTYPE Файл [<!ATTLIST Документ ССЧР CDATA "5">]>'
    path = _file(tmp_path, docs, declared)
    if head:
        text = path.read_text(encoding="utf-8")
        end = text.index("?>") + 2
        path.write_text(text[:end] + head + text[end:], encoding="utf-8")
    if case == "truncated":
        path.write_bytes(path.read_bytes()[:-700])
    elif case == "encoding":
        path.write_bytes(path.read_bytes().decode("utf-8").encode("cp1251"))
    elif case == "dataset":
        path.write_bytes(path.read_bytes().replace("РЕЕСТРМСП".encode(), "ДРУГОЕ".encode()))
    elif case == "zip crc":
        data = path.read_bytes()
        path = tmp_path / "dump.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("a.xml", data)
        raw = bytearray(path.read_bytes())
        raw[raw.index(b"<\xd0\x94") + 40] ^= 1  # a byte inside the first document
        path.write_bytes(bytes(raw))
    parsed, flat = _both(path)
    assert flat == parsed


def test_big_member_streams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, [rsmp_document(i) for i in range(30)])
    monkeypatch.setattr(_rsmp_flat, "WHOLE_LIMIT", 1000)
    streamed = []
    monkeypatch.setattr(_rsmp_flat, "_flat", lambda *args: streamed.append(args))
    parsed, flat = _both(path)
    assert flat == parsed and len(flat) == 30 and streamed == []
