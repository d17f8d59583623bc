"""ЕГРЮЛ / ЕГРИП "открытые сведения" extracts (windows-1251, ``ВерсФорм`` 4.04-4.07).

Root ``Файл @ТипИнф (ЕГРЮЛ_ОТКР_СВЕД | ЕГРИП_ОТКР_СВЕД) @КолДок`` (space-padded), then
``Документ`` elements, each with one ``СвЮЛ`` (legal entity) or ``СвИП`` (sole trader).
What is read from ``СвЮЛ @ОГРН @ИНН @КПП @ДатаОГРН @ДатаВып @КодОПФ @ПолнНаимОПФ``:

* names: ``СвНаимЮЛ @НаимЮЛПолн`` / ``СвНаимЮЛСокр @НаимСокр``;
* address: the FIAS form ``СвАдрЮЛФИАС`` (``Регион`` is element text) or else the old
  ``АдресРФ @КодРегион`` (``Регион @НаимРегион``); ``СвМНЮЛ`` as a last resort;
* OKVED: ``СвОКВЭД / СвОКВЭДОсн, СвОКВЭДДоп*``;
* status: ``СвПрекрЮЛ @ДатаПрекрЮЛ`` (terminated) or ``СвСтатус/СвСтатус @КодСтатусЮЛ``;
* capital ``СвУстКап @СумКап`` and the founders (see :mod:`._egrul_founders`).

ЕГРИП: ``СвИП @ОГРНИП @ИННФЛ``, ``СвФЛ/ФИОРус``, ``СвАдрМЖ/АдресРФ``, ``СвПрекращ``.
Dates are ISO (``YYYY-MM-DD``). Never decode to str first: lxml reads the declared encoding.

Example:
    >>> [r.ogrn for r in parse(Path("VO_RUGFO_....xml")) if not isinstance(r, BadRecord)]
    ... # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import _checks, classifiers
from soyuzprom.importers._egrul_founders import founders
from soyuzprom.importers._units import Unit, xml_units
from soyuzprom.importers._values import (
    bad_identifier,
    check_inn,
    fail,
    parse_decimal,
    parse_iso_date,
    required,
)
from soyuzprom.importers._xml import (
    ProgressFn,
    XmlPart,
    open_xml_parts,
    parse_counted_documents,
)
from soyuzprom.importers.records import Activity, BadRecord, EgrulRecord, Locality, Place

NAME = "fns-egrul"
TITLE = "Выписки ЕГРЮЛ / ЕГРИП (ФНС, открытые сведения)"
FILE_TYPES = ("ЕГРЮЛ_ОТКР_СВЕД", "ЕГРИП_ОТКР_СВЕД")
RECORD_TAG = "Документ"
_OKVED = re.compile(r"\d{2}(\.\d{1,2}){0,2}\Z")

Item = EgrulRecord | BadRecord


def units(path: Path) -> AbstractContextManager[list[Unit]]:
    """One unit of work (one transaction) per XML file of the archive."""
    return xml_units(path, parse_part)


def parse(path: Path) -> Iterator[Item]:
    """Every document of an ЕГРЮЛ/ЕГРИП extract (XML or a zip of XML), in file order."""
    with open_xml_parts(path) as parts:
        for part in parts:
            yield from parse_part(part)


def parse_part(part: XmlPart, progress: ProgressFn | None = None) -> Iterator[Item]:
    """Every document of one XML file; checks ``ТипИнф`` and ``КолДок``."""
    return parse_counted_documents(
        part, progress, tag=RECORD_TAG, check_root=_check_root, parse_document=parse_document
    )


def _check_root(root: dict[str, Any], name: str) -> None:
    attrib = root.get("attrib") or {}
    if root.get("tag") != "Файл" or attrib.get("ТипИнф") not in FILE_TYPES:
        found = attrib.get("ТипИнф") or root.get("tag")
        raise InputFormatError(
            f"Это не выписка ЕГРЮЛ/ЕГРИП (ТипИнф={found!s})",
            file=name, element="Файл", field="ТипИнф",
        )


def parse_document(doc: Any, place: Place) -> EgrulRecord:
    """One ``Документ`` to an EgrulRecord (raises InputFormatError on a bad value)."""
    legal = doc.find("СвЮЛ")
    if legal is not None:
        return _legal(doc, legal, Place(place.file, legal.sourceline, "СвЮЛ", place.key))
    trader = doc.find("СвИП")
    if trader is not None:
        return _trader(doc, trader, Place(place.file, trader.sourceline, "СвИП", place.key))
    raise fail("В документе нет ни СвЮЛ, ни СвИП", place, "СвЮЛ")


def _legal(doc: Any, ul: Any, place: Place) -> EgrulRecord:
    ogrn = required(ul.get("ОГРН"), place, "ОГРН")
    if not _checks.is_valid_ogrn(ogrn):
        raise bad_identifier("ogrn", ogrn, place, "ОГРН")
    inn = ul.get("ИНН")
    if inn:
        check_inn(inn, place, "ИНН", length=10)
    names = ul.find("СвНаимЮЛ")
    if names is None:
        raise fail("Нет сведений о наименовании", place, "СвНаимЮЛ")
    short = names.find("СвНаимЮЛСокр")
    capital_element = ul.find("СвУстКап")
    capital = (
        parse_decimal(capital_element.get("СумКап"), place, "СумКап")
        if capital_element is not None else None
    )
    block = ul.find("СвУчредит")
    status, code, text, terminated = _legal_status(ul, place)
    return EgrulRecord(
        doc_id=doc.get("ИдДок") or ogrn,
        kind="legal",
        ogrn=ogrn,
        inn=inn or None,
        kpp=ul.get("КПП") or None,
        full_name=" ".join(required(names.get("НаимЮЛПолн"), place, "НаимЮЛПолн").split()),
        short_name=_one_line(short.get("НаимСокр")) if short is not None else None,
        legal_form_code=ul.get("КодОПФ"),
        legal_form=ul.get("ПолнНаимОПФ"),
        registered=parse_iso_date(ul.get("ДатаОГРН"), place, "ДатаОГРН"),
        extract_date=parse_iso_date(ul.get("ДатаВып"), place, "ДатаВып"),
        status=status,
        status_code=code,
        status_text=text,
        terminated=terminated,
        address=_legal_address(ul.find("СвАдресЮЛ"), place),
        activities=_activities(ul.find("СвОКВЭД"), place),
        capital=capital,
        founders=tuple(founders(block, capital, place)) if block is not None else (),
        place=place,
    )


def _legal_status(ul: Any, place: Place) -> tuple[str, str | None, str | None, Any]:
    ended = ul.find("СвПрекрЮЛ")
    if ended is not None:
        way = ended.find("СпПрекрЮЛ")
        return (
            "terminated",
            way.get("КодСпПрекрЮЛ") if way is not None else None,
            _one_line(way.get("НаимСпПрекрЮЛ")) if way is not None else None,
            parse_iso_date(ended.get("ДатаПрекрЮЛ"), place, "ДатаПрекрЮЛ"),
        )
    status = ul.find("СвСтатус/СвСтатус")
    if status is not None:
        return ("winding_up", status.get("КодСтатусЮЛ"),
                _one_line(status.get("НаимСтатусЮЛ")), None)
    return "active", None, None, None


def _legal_address(block: Any | None, place: Place) -> Locality | None:
    if block is None:
        return None
    fias = block.find("СвАдрЮЛФИАС")
    if fias is not None:
        code = _region(fias.findtext("Регион"), place)
        parts = [fias.findtext("НаимРегион")]
        for tag in ("МуниципРайон", "ГородСелПоселен", "НаселенПункт", "ЭлПланСтруктур",
                    "ЭлУлДорСети", "Здание", "ПомещЗдания", "ПомещКвартиры"):
            for child in fias.iterfind(tag):
                parts.append(_join(child.get("Тип") or child.get("Вид"),
                                   child.get("Наим") or child.get("Номер")))
        city = fias.find("НаселенПункт")
        return Locality(code, fias.findtext("НаимРегион"),
                        _name(fias.find("МуниципРайон")),
                        _name(city), None, fias.get("Индекс"), _address_text(parts))
    old = block.find("АдресРФ")
    if old is not None:
        return _address_rf(old, place)
    mn = block.find("СвМНЮЛ")
    if mn is not None:
        code = _region(mn.findtext("Регион"), place)
        return Locality(code, mn.findtext("НаимРегион"), _name(mn.find("МуниципРайон")),
                        _name(mn.find("НаселенПункт")), None, None, None)
    return None


def _address_rf(old: Any, place: Place) -> Locality:
    code = _region(old.get("КодРегион"), place)
    region = old.find("Регион")
    city = old.find("Город")
    district = old.find("Район")
    settlement = old.find("НаселПункт")
    street = old.find("Улица")
    parts = [
        _join(region.get("ТипРегион"), region.get("НаимРегион")) if region is not None else None,
        _join(district.get("ТипРайон"), district.get("НаимРайон"))
        if district is not None else None,
        _join(city.get("ТипГород"), city.get("НаимГород")) if city is not None else None,
        _join(settlement.get("ТипНаселПункт"), settlement.get("НаимНаселПункт"))
        if settlement is not None else None,
        _join(street.get("ТипУлица"), street.get("НаимУлица")) if street is not None else None,
        old.get("Дом"), old.get("Корпус"), old.get("Кварт"),
    ]
    return Locality(
        code,
        region.get("НаимРегион") if region is not None else None,
        district.get("НаимРайон") if district is not None else None,
        city.get("НаимГород") if city is not None else None,
        settlement.get("НаимНаселПункт") if settlement is not None else None,
        old.get("Индекс"),
        _address_text([old.get("Индекс"), *parts]),
    )


def _trader(doc: Any, ip: Any, place: Place) -> EgrulRecord:
    ogrn = required(ip.get("ОГРНИП"), place, "ОГРНИП")
    if not _checks.is_valid_ogrnip(ogrn):
        raise bad_identifier("ogrnip", ogrn, place, "ОГРНИП")
    inn = ip.get("ИННФЛ")
    if inn:
        check_inn(inn, place, "ИННФЛ", length=12)
    fio = ip.find("СвФЛ/ФИОРус")
    if fio is None:
        raise fail("Нет ФИО индивидуального предпринимателя", place, "ФИОРус")
    name = " ".join(filter(None, (fio.get("Фамилия"), fio.get("Имя"), fio.get("Отчество"))))
    ended = ip.find("СвПрекращ/СвСтатус")
    address = ip.find("СвАдрМЖ/АдресРФ")
    return EgrulRecord(
        doc_id=doc.get("ИдДок") or ogrn,
        kind="individual",
        ogrn=ogrn,
        inn=inn or None,
        kpp=None,
        full_name=f"ИП {name}",
        short_name=None,
        legal_form_code=ip.get("КодВидИП"),
        legal_form=ip.get("НаимВидИП"),
        registered=parse_iso_date(ip.get("ДатаОГРНИП"), place, "ДатаОГРНИП"),
        extract_date=parse_iso_date(ip.get("ДатаВып"), place, "ДатаВып"),
        status="terminated" if ended is not None else "active",
        status_code=ended.get("КодСтатус") if ended is not None else None,
        status_text=_one_line(ended.get("НаимСтатус")) if ended is not None else None,
        terminated=parse_iso_date(ended.get("ДатаПрекращ"), place, "ДатаПрекращ")
        if ended is not None else None,
        address=_address_rf(address, place) if address is not None else None,
        activities=_activities(ip.find("СвОКВЭД"), place),
        capital=None,
        founders=(),
        place=place,
    )


def _activities(block: Any | None, place: Place) -> tuple[Activity, ...]:
    if block is None:
        return ()
    result = []
    for element in block:
        if element.tag not in ("СвОКВЭДОсн", "СвОКВЭДДоп"):
            continue
        code = element.get("КодОКВЭД")
        if not code or not _OKVED.match(code):
            raise fail(f"Неверный код ОКВЭД «{code}»", place, "КодОКВЭД")
        result.append(Activity(code, element.get("НаимОКВЭД"), element.tag == "СвОКВЭДОсн"))
    return tuple(result)


def _region(code: str | None, place: Place) -> str:
    value = (code or "").strip().zfill(2)
    if classifiers.fns_region_iso(value) is None:
        raise fail(f"Неизвестный код региона «{code}»", place, "КодРегион")
    return value


def _name(element: Any | None) -> str | None:
    return element.get("Наим") if element is not None else None


def _join(kind: str | None, name: str | None) -> str | None:
    return " ".join(p for p in (kind, name) if p) or None


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _address_text(parts: list[str | None]) -> str | None:
    return ", ".join(p for p in parts if p) or None
