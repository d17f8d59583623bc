"""The SME registry read fast: a whole member parsed at once and flattened by XSLT.

``fns_rsmp.parse_part`` streams a file with ``iterparse`` and builds an :class:`SmeRecord`
per document in Python, which cost twice what lxml needs to read the file. The import
(``loaders.fns_rsmp.prepared_units``) reads each XML member of the dump here instead:

* the member (a few hundred KB in the real dump) is parsed as one tree, and one XSLT
  stylesheet (libxslt, in C) writes every document as one line of the values the import
  needs, separated by private-use characters the file cannot contain (checked);
* Python splits the lines, applies the parser's rules (the same functions: INN and OGRN
  checks, region codes, OKVED codes, dates) and builds the loader's ``Prepared`` record
  with the loader's own :func:`~soyuzprom.importers.loaders.fns_rsmp.prepared`.

Whatever is not plainly valid goes the parser's way, so results, errors and their places
are the parser's: a document with anything to report is parsed by
``fns_rsmp.parse_document`` from its element (bad records keep their file, line, field);
a member that is not plainly well-formed and complete (syntax error, another ``ТипИнф``,
``КолДок`` not matching, comments, a DOCTYPE, separator characters, an odd nesting) and any
member over :data:`WHOLE_LIMIT` bytes is streamed by ``fns_rsmp.parse_part``, so memory
stays bounded for a single huge XML file. The tests compare both ways on the real samples
and on generated dumps.

Example:
    >>> with units(Path("data-test-sme-1.zip")) as parts:              # doctest: +SKIP
    ...     items = list(parts[0].items(None))
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from lxml import etree

from soyuzprom.errors import InputFormatError
from soyuzprom.importers import _checks, fns_rsmp
from soyuzprom.importers._units import Unit, xml_units
from soyuzprom.importers._values import parse_ru_date
from soyuzprom.importers._xml import ProgressFn, XmlPart
from soyuzprom.importers.loaders.fns_rsmp import Prepared, prepare, prepared
from soyuzprom.importers.records import BadRecord, Place

# Members up to this size are parsed whole (a tree is ~10x its file); larger ones stream.
WHOLE_LIMIT = 16 * 1024 * 1024
FIELD, RECORD, ITEM, PART = "\ue000", "\ue001", "\ue002", "\ue003"
FIELDS = 29
# U+E000..U+E03F in UTF-8, and character references to anything in U+E000..U+E0FF.
_SEPARATOR_BYTES = b"\xee\x80"
_SEPARATOR_REF = re.compile(rb"&#(?:[xX]0*[eE]0[0-9a-fA-F]{2}|0*57[3-5]\d\d);")
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False)

_V = '<xsl:value-of select="{}"/>'
_F, _R, _I, _P = (f"<xsl:text>&#x{ord(c):X};</xsl:text>" for c in (FIELD, RECORD, ITEM, PART))
_CONTRACT = (
    '<xsl:for-each select="СвПрогПарт|СвКонтр|СвДог"><xsl:choose>'
    '<xsl:when test="self::СвПрогПарт">' + _V.format("@НаимЮЛ_ПП") + _P
    + _V.format("@ИННЮЛ_ПП") + _P + _V.format("@ДатаДог") + "</xsl:when>"
    '<xsl:when test="self::СвКонтр">' + _V.format("@НаимЮЛ_ЗК") + _P
    + _V.format("@ИННЮЛ_ЗК") + _P + _V.format("@ДатаКонтр") + "</xsl:when>"
    "<xsl:otherwise>" + _V.format("@НаимЮЛ_ЗД") + _P + _V.format("@ИННЮЛ_ЗД") + _P
    + _V.format("@ДатаДог") + "</xsl:otherwise></xsl:choose>" + _I + "</xsl:for-each>"
)
# The fields of one document, in the order _record reads them.
_DOCUMENT = _F.join([
    _V.format("@ИдДок"), _V.format("@ДатаСост"), _V.format("@ДатаВклМСП"),
    _V.format("@ВидСубМСП"), _V.format("@КатСубМСП"),
    _V.format("concat(count(ОргВклМСП), count(ИПВклМСП))"),
    _V.format("ОргВклМСП/@ИННЮЛ"), _V.format("ОргВклМСП/@ОГРН"),
    _V.format("ОргВклМСП/@НаимОрг"), _V.format("ОргВклМСП/@НаимОргСокр"),
    _V.format("ИПВклМСП/@ИННФЛ"), _V.format("ИПВклМСП/@ОГРНИП"),
    _V.format("count(ИПВклМСП/ФИОИП)"), _V.format("ИПВклМСП/ФИОИП[1]/@Фамилия"),
    _V.format("ИПВклМСП/ФИОИП[1]/@Имя"), _V.format("ИПВклМСП/ФИОИП[1]/@Отчество"),
    _V.format("count(СведМН)"), _V.format("СведМН/@КодРегион"),
    _V.format("count(СведМН/Город)"), _V.format("СведМН/Город[last()]/@Тип"),
    _V.format("СведМН/Город[last()]/@Наим"),
    _V.format("count(СведМН/НаселПункт)"), _V.format("СведМН/НаселПункт[last()]/@Тип"),
    _V.format("СведМН/НаселПункт[last()]/@Наим"),
    # Every child of every СвОКВЭД is an activity, as in parse_document: "1" for the main.
    '<xsl:for-each select="СвОКВЭД/*"><xsl:if test="self::СвОКВЭДОсн">1</xsl:if>'
    + _P + _V.format("@КодОКВЭД") + _I + "</xsl:for-each>",
    '<xsl:for-each select="СвЛиценз">' + _V.format("@НомЛиценз") + _P
    + _V.format("@ДатаЛиценз") + _P + _V.format("@ДатаНачЛиценз") + _P
    + _V.format("@ДатаКонЛиценз") + _I + "</xsl:for-each>",
    '<xsl:for-each select="СвПрод">' + _V.format("@КодПрод") + _P
    + _V.format("@НаимПрод") + _I + "</xsl:for-each>",
    _CONTRACT,
    _V.format("@ССЧР"),
])
_STYLESHEET = (
    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
    '<xsl:output method="text" encoding="UTF-8"/>'
    '<xsl:template match="/">' + _V.format("count(//Документ)") + _R
    + '<xsl:for-each select="/Файл/Документ">' + _DOCUMENT + _R + "</xsl:for-each>"
    "</xsl:template></xsl:stylesheet>"
)
_flatten: Any = None  # the compiled stylesheet, made on first use (per process)

# Values already seen valid; bounded like the parser's caches.
_CACHE_LIMIT = 20_000
_GOOD_DATES: set[str] = {""}
_GOOD_OKVED: set[str] = set()
_CATEGORIES = fns_rsmp.CATEGORIES
_KINDS = fns_rsmp.KINDS


def units(path: Path) -> AbstractContextManager[list[Unit]]:
    """The units of ``fns_rsmp.units``, whose items are ``Prepared`` records or BadRecords."""
    return xml_units(path, parse_part)


def parse_part(part: XmlPart, progress: ProgressFn | None = None) -> Iterator[Any]:
    """Every document of one XML file as the loader's ``Prepared``, or a BadRecord."""
    if part.size > WHOLE_LIMIT:
        yield from _streamed(part, progress)
        return
    with part.open(progress) as stream:
        try:
            data = stream.read()
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error):
            data = None  # a broken archive: the parser names the error
    items = _flat(data, part.name) if data is not None else None
    if items is None:  # read again by the parser, which reports what is wrong
        source = part if data is None else XmlPart(part.name, len(data),
                                                   lambda: io.BytesIO(data))
        yield from _streamed(source, None)
        return
    yield from items


def _streamed(part: XmlPart, progress: ProgressFn | None) -> Iterator[Any]:
    for item in fns_rsmp.parse_part(part, progress):
        yield item if isinstance(item, BadRecord) else prepare(item)


def _flat(data: bytes, name: str) -> list[Any] | None:
    """The items of a member, or None when it is not plainly good (see the module doc)."""
    if (_SEPARATOR_BYTES in data or b"<!--" in data or b"<!DOCTYPE" in data
            or data.count(b"<?") > 1 or (b"&#" in data and _SEPARATOR_REF.search(data))):
        return None
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None
    try:
        fns_rsmp.check_root({"tag": root.tag, "attrib": root.attrib}, name)
    except InputFormatError:
        return None
    global _flatten
    if _flatten is None:
        _flatten = etree.XSLT(etree.XML(_STYLESHEET))
    lines = bytes(_flatten(root)).decode("utf-8").split(RECORD)
    total, documents = int(lines[0]), lines[1:-1]
    declared = (root.get("КолДок") or "").strip()
    if total != len(documents) or (declared.isdigit() and int(declared) != total):
        return None
    items: list[Any] = []
    elements: list[Any] | None = None
    for index, line in enumerate(documents):
        item = _record(line.split(FIELD))
        if item is None:  # the parser's way, from the element
            if elements is None:
                elements = root.findall("Документ")
            item = _parsed(elements[index], name)
        items.append(item)
    return items


def _parsed(element: Any, name: str) -> Any:
    place = Place(name, element.sourceline, fns_rsmp.RECORD_TAG, element.get("ИдДок"))
    try:
        return prepare(fns_rsmp.parse_document(element, place))
    except InputFormatError as exc:
        return BadRecord(exc, place)


def _record(f: list[str]) -> Prepared | None:
    """One document's fields to ``Prepared``; None for anything the parser should judge."""
    if len(f) != FIELDS:
        return None
    kind, category = _KINDS.get(f[3]), _CATEGORIES.get(f[4])
    if (kind is None or category is None or not f[0].strip() or f[5] not in ("10", "01")
            or f[16] != "1" or not _date(f[1]) or f[1].strip() in ("", "-") or not _date(f[2])
            or (f[28] and not (f[28].isascii() and f[28].isdigit()))):
        return None
    if f[5] == "10":  # ОргВклМСП
        inn, ogrn, full = f[6], f[7], f[8].strip()
        if (len(inn) != 10 or not _checks.is_valid_inn(inn) or not full
                or (ogrn and not _checks.is_valid_ogrn(ogrn))):
            return None
        short_name = f[9] or None
    else:  # ИПВклМСП
        inn, ogrn = f[10], f[11]
        last, first, middle = f[13].strip(), f[14].strip(), f[15] or None
        if (len(inn) != 12 or not _checks.is_valid_inn(inn) or f[12] == "0" or not last
                or not first or (ogrn and not _checks.is_valid_ogrnip(ogrn))):
            return None
        full = " ".join(p for p in (last, first, middle) if p)
        short_name = None
    region = f[17]
    if len(region) != 2 or not fns_rsmp.known_region(region):
        return None
    city = (f"{f[19]} {f[20]}" if f[19] else f[20]) if f[18] != "0" else None
    settlement = (f"{f[22]} {f[23]}" if f[22] else f[23]) if f[21] != "0" else None
    activities = []
    for entry in f[24].split(ITEM)[:-1]:
        main, code = entry.split(PART)
        if code not in _GOOD_OKVED:
            if not fns_rsmp.OKVED_CODE.match(code):
                return None
            if len(_GOOD_OKVED) < _CACHE_LIMIT:
                _GOOD_OKVED.add(code)
        activities.append((code, main == "1"))
    if f[25]:
        for entry in f[25].split(ITEM)[:-1]:
            number, *dates = entry.split(PART)
            if not number.strip() or not all(_date(d) for d in dates):
                return None
    products = []
    if f[26]:
        for entry in f[26].split(ITEM)[:-1]:
            code, title = entry.split(PART)
            code, title = code.strip(), title.strip()
            if not code or not title:
                return None
            products.append((code, title))
    if f[27]:
        for entry in f[27].split(ITEM)[:-1]:
            customer, customer_inn, signed = entry.split(PART)
            if not customer.strip() or not customer_inn.strip() or not _date(signed):
                return None
    return prepared(
        kind=kind, inn=inn, ogrn=ogrn or None, name=" ".join(full.split()),
        short_name=short_name, category=category, region_code=region,
        city=city or settlement, activities=tuple(activities), products=tuple(products),
    )


_NOWHERE = Place("")


def _date(value: str) -> bool:
    """Whether ``parse_ru_date`` accepts ``value`` (empty and ``-`` are no date: valid)."""
    if value in _GOOD_DATES:
        return True
    try:
        parse_ru_date(value, _NOWHERE, None)  # type: ignore[arg-type]
    except InputFormatError:
        return False
    if len(_GOOD_DATES) < _CACHE_LIMIT:
        _GOOD_DATES.add(value)
    return True
