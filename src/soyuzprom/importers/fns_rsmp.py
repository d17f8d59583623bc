"""FNS open data: the SME registry (Единый реестр субъектов МСП), ``ТипИнф=РЕЕСТРМСП``.

The monthly dump is a zip of thousands of one-line UTF-8 XML files, each
``Файл @ТипИнф="РЕЕСТРМСП" @КолДок`` with ``КолДок`` × ``Документ``::

    Документ @ИдДок @ДатаСост @ДатаВклМСП @ВидСубМСП(1 ЮЛ | 2 ИП) @КатСубМСП(1|2|3)
             @ПризНовМСП(1|2) [@СведСоцПред(1|2)] [@ССЧР]
      ОргВклМСП @НаимОрг [@НаимОргСокр] @ИННЮЛ [@ОГРН]
        | ИПВклМСП @ИННФЛ [@ОГРНИП] / ФИОИП @Фамилия @Имя [@Отчество]
      СведМН @КодРегион / Регион, Район?, Город?, НаселПункт? (@Тип @Наим)
      СвОКВЭД / СвОКВЭДОсн, СвОКВЭДДоп* (@КодОКВЭД @НаимОКВЭД @ВерсОКВЭД)
      СвЛиценз* @НомЛиценз @ДатаЛиценз? @ДатаНачЛиценз @ДатаКонЛиценз? / НаимЛицВД*, СведАдрЛицВД*
      СвПрод* @КодПрод @НаимПрод @ПрОтнПрод(1 innovative | 2)
      СвПрогПарт* @НаимЮЛ_ПП @ИННЮЛ_ПП @НомДог @ДатаДог
      СвКонтр* @НаимЮЛ_ЗК @ИННЮЛ_ЗК @ПредмКонтр @НомКонтрРеестр @ДатаКонтр   (44-ФЗ)
      СвДог*   @НаимЮЛ_ЗД @ИННЮЛ_ЗД @ПредмДог @НомДогРеестр @ДатаДог      (223-ФЗ)

:func:`parse` yields an :class:`SmeRecord` per document, or a :class:`BadRecord` for a
document that breaks a rule (bad INN check digits, unknown region code, a missing required
attribute), and raises InputFormatError for a broken file (malformed or truncated XML,
wrong encoding, another ``ТипИнф``, ``КолДок`` not matching the documents).

Example:
    >>> for item in parse(Path("data-test-sme-1.zip")):              # doctest: +SKIP
    ...     print(item.inn, item.category, item.locality.region_code)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import _checks, classifiers
from soyuzprom.importers._units import Unit, xml_units
from soyuzprom.importers._values import (
    bad_identifier,
    check_inn,
    fail,
    parse_ru_date,
    required,
)
from soyuzprom.importers._xml import (
    ProgressFn,
    XmlPart,
    open_xml_parts,
    parse_counted_documents,
)
from soyuzprom.importers.records import (
    Activity,
    BadRecord,
    Locality,
    PersonName,
    Place,
    SmeContract,
    SmeLicense,
    SmeProduct,
    SmeRecord,
)

NAME = "fns-rsmp"
TITLE = "Единый реестр субъектов МСП (ФНС, открытые данные)"
FILE_TYPE = "РЕЕСТРМСП"
RECORD_TAG = "Документ"

CATEGORIES = {"1": "micro", "2": "small", "3": "medium"}
KINDS = {"1": "legal", "2": "individual"}
OKVED_CODE = re.compile(r"\d{2}(\.\d{1,2}){0,2}\Z")
_CONTRACTS = {
    "СвПрогПарт": ("partnership", "НаимЮЛ_ПП", "ИННЮЛ_ПП", "НомДог", "ДатаДог", None),
    "СвКонтр": ("contract_44fz", "НаимЮЛ_ЗК", "ИННЮЛ_ЗК", "НомКонтрРеестр", "ДатаКонтр",
                "ПредмКонтр"),
    "СвДог": ("contract_223fz", "НаимЮЛ_ЗД", "ИННЮЛ_ЗД", "НомДогРеестр", "ДатаДог",
              "ПредмДог"),
}

Item = SmeRecord | BadRecord

# Activities and dates repeat across millions of documents and are immutable: share the
# instances. Bounded, so memory stays flat even on a dump with unexpected variety.
_CACHE_LIMIT = 20_000
_ACTIVITY_CACHE: dict[tuple[str | None, str | None, str], Activity] = {}
_DATE_CACHE: dict[str, date] = {}
_KNOWN_REGIONS: set[str] = set()


def units(path: Path) -> AbstractContextManager[list[Unit]]:
    """One unit of work (one transaction) per XML file of the archive."""
    return xml_units(path, parse_part)


def parse(path: Path) -> Iterator[Item]:
    """Every document of an SME registry dump (zip or single XML), in file order."""
    with open_xml_parts(path) as parts:
        for part in parts:
            yield from parse_part(part)


def parse_part(part: XmlPart, progress: ProgressFn | None = None) -> Iterator[Item]:
    """Every document of one XML file; checks ``ТипИнф`` and ``КолДок`` of its root."""
    return parse_counted_documents(
        part, progress, tag=RECORD_TAG, check_root=check_root, parse_document=parse_document
    )


def check_root(root: dict[str, Any], name: str) -> None:
    """Refuse anything but ``Файл @ТипИнф="РЕЕСТРМСП"``."""
    attrib = root.get("attrib") or {}
    if root.get("tag") != "Файл" or attrib.get("ТипИнф") != FILE_TYPE:
        found = attrib.get("ТипИнф") or root.get("tag")
        raise InputFormatError(
            f"Это не файл реестра МСП (ТипИнф={found!s})",
            file=name, element="Файл", field="ТипИнф",
        )


def parse_document(doc: Any, place: Place) -> SmeRecord:
    """One ``Документ`` element to an SmeRecord (raises InputFormatError on a bad value)."""
    get = doc.get
    kind = KINDS.get(get("ВидСубМСП") or "")
    if kind is None:
        raise fail(f"Неизвестный вид субъекта МСП «{get('ВидСубМСП')}»", place, "ВидСубМСП")
    category = CATEGORIES.get(get("КатСубМСП") or "")
    if category is None:
        raise fail(f"Неизвестная категория МСП «{get('КатСубМСП')}»", place, "КатСубМСП")
    state_date = _date(get("ДатаСост"), place, "ДатаСост")
    if state_date is None:
        raise fail("Нет обязательного значения", place, "ДатаСост")
    social = get("СведСоцПред")
    headcount = get("ССЧР")

    inn = ogrn = name = short_name = None
    person: PersonName | None = None
    locality: Locality | None = None
    activities: list[Activity] = []
    licenses: list[SmeLicense] = []
    products: list[SmeProduct] = []
    contracts: list[SmeContract] = []
    for child in doc:
        tag = child.tag
        if tag == "ОргВклМСП":
            inn = _inn(child.get("ИННЮЛ"), place, "ИННЮЛ", 10)
            ogrn = _ogrn(child.get("ОГРН"), place, "ОГРН", _checks.is_valid_ogrn)
            name = required(child.get("НаимОрг"), place, "НаимОрг")
            short_name = child.get("НаимОргСокр") or None
        elif tag == "ИПВклМСП":
            inn = _inn(child.get("ИННФЛ"), place, "ИННФЛ", 12)
            ogrn = _ogrn(child.get("ОГРНИП"), place, "ОГРНИП", _checks.is_valid_ogrnip)
            fio = child.find("ФИОИП")
            if fio is None:
                raise fail("Нет ФИО индивидуального предпринимателя", place, "ФИОИП")
            person = PersonName(
                required(fio.get("Фамилия"), place, "Фамилия"),
                required(fio.get("Имя"), place, "Имя"),
                fio.get("Отчество") or None,
            )
            name = person.full
        elif tag == "СведМН":
            locality = _locality(child, place)
        elif tag == "СвОКВЭД":
            for code in child:
                key = (code.get("КодОКВЭД"), code.get("НаимОКВЭД"), code.tag)
                activity = _ACTIVITY_CACHE.get(key)
                if activity is None:
                    activity = _activity(code, place)
                    if len(_ACTIVITY_CACHE) < _CACHE_LIMIT:
                        _ACTIVITY_CACHE[key] = activity
                activities.append(activity)
        elif tag == "СвЛиценз":
            licenses.append(_license(child, place))
        elif tag == "СвПрод":
            products.append(_product(child, place))
        elif tag in _CONTRACTS:
            contracts.append(_contract(tag, child, place))
    if inn is None or name is None:
        raise fail("Нет сведений о субъекте МСП (ОргВклМСП или ИПВклМСП)", place, "ОргВклМСП")
    if locality is None:
        raise fail("Нет сведений о месте нахождения", place, "СведМН")
    return SmeRecord(
        doc_id=required(get("ИдДок"), place, "ИдДок"),
        kind=kind,
        inn=inn,
        ogrn=ogrn,
        name=" ".join(name.split()),
        short_name=short_name,
        person=person,
        category=category,
        is_new=get("ПризНовМСП") == "1",
        is_social=None if social is None else social == "1",
        # isdigit() alone takes "²" and other digits int() refuses.
        headcount=(int(headcount) if headcount and headcount.strip().isascii()
                   and headcount.strip().isdigit() else None),
        state_date=state_date,
        included_date=_date(get("ДатаВклМСП"), place, "ДатаВклМСП"),
        locality=locality,
        activities=tuple(activities),
        licenses=tuple(licenses),
        products=tuple(products),
        contracts=tuple(contracts),
        place=place,
    )


def _inn(value: str | None, place: Place, field: str, length: int) -> str:
    if value and len(value) == length and _checks.is_valid_inn(value):
        return value  # the fast path: one test per record
    return check_inn(value, place, field, length=length)


def _ogrn(value: str | None, place: Place, field: str, valid: Any) -> str | None:
    if not value:
        return None
    if not valid(value):
        raise bad_identifier("ogrnip" if len(value) == 15 else "ogrn", value, place, field)
    return str(value)


def _date(value: str | None, place: Place, field: str) -> date | None:
    """``dd.mm.yyyy`` through a bounded cache: a dump holds few distinct dates."""
    if value is None:
        return None
    found = _DATE_CACHE.get(value)
    if found is None:
        found = parse_ru_date(value, place, field)
        if found is not None and len(_DATE_CACHE) < _CACHE_LIMIT:
            _DATE_CACHE[value] = found
    return found


def known_region(code: str) -> bool:
    """Whether ``code`` (two characters) is an FNS region code."""
    if code in _KNOWN_REGIONS:
        return True
    if classifiers.fns_region_iso(code) is None:
        return False
    _KNOWN_REGIONS.add(code)
    return True


def _locality(element: Any, place: Place) -> Locality:
    code = element.get("КодРегион") or ""
    if len(code) != 2:
        code = required(code, place, "КодРегион").zfill(2)
    if not known_region(code):
        raise fail(f"Неизвестный код региона «{code}»", place, "КодРегион")
    parts: dict[str, str] = {}
    for child in element:
        kind, title = child.get("Тип"), child.get("Наим") or ""
        parts[child.tag] = f"{kind} {title}" if kind else title
    return Locality(
        region_code=code,
        region_name=parts.get("Регион"),
        district=parts.get("Район"),
        city=parts.get("Город"),
        settlement=parts.get("НаселПункт"),
    )


def _activity(element: Any, place: Place) -> Activity:
    code = element.get("КодОКВЭД")
    if not code or not OKVED_CODE.match(code):
        raise fail(f"Неверный код ОКВЭД «{code}»", place, "КодОКВЭД")
    return Activity(code, element.get("НаимОКВЭД"), element.tag == "СвОКВЭДОсн")


def _license(element: Any, place: Place) -> SmeLicense:
    return SmeLicense(
        number=required(element.get("НомЛиценз"), place, "НомЛиценз"),
        issued=parse_ru_date(element.get("ДатаЛиценз"), place, "ДатаЛиценз"),
        valid_from=parse_ru_date(element.get("ДатаНачЛиценз"), place, "ДатаНачЛиценз"),
        valid_till=parse_ru_date(element.get("ДатаКонЛиценз"), place, "ДатаКонЛиценз"),
        activities=tuple(e.text.strip() for e in element.iterfind("НаимЛицВД") if e.text),
        addresses=tuple(e.text.strip() for e in element.iterfind("СведАдрЛицВД") if e.text),
    )


def _product(element: Any, place: Place) -> SmeProduct:
    return SmeProduct(
        okpd2=required(element.get("КодПрод"), place, "КодПрод"),
        name=required(element.get("НаимПрод"), place, "НаимПрод"),
        innovative=element.get("ПрОтнПрод") == "1",
    )


def _contract(tag: str, element: Any, place: Place) -> SmeContract:
    kind, name_attr, inn_attr, number_attr, date_attr, subject_attr = _CONTRACTS[tag]
    return SmeContract(
        kind=kind,
        customer_name=required(element.get(name_attr), place, name_attr),
        customer_inn=required(element.get(inn_attr), place, inn_attr),
        number=element.get(number_attr) or None,
        signed=parse_ru_date(element.get(date_attr), place, date_attr),
        subject=element.get(subject_attr) if subject_attr else None,
    )
