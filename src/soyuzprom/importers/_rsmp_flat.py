"""The SME registry read fast: a whole member parsed at once and flattened by XSLT.

``fns_rsmp.parse_part`` streams a file with ``iterparse`` and builds an :class:`SmeRecord`
per document in Python, which cost twice what lxml needs to read the file. The import
(``loaders.fns_rsmp.prepared_units``) reads each XML member of the dump here instead:

* the member (about a megabyte in the real dump) is parsed as one tree, and one XSLT
  stylesheet (libxslt, in C) writes every document as one line of the values the import
  needs, separated by private-use characters the file cannot contain (checked);
* Python splits the lines, applies the parser's rules (the same functions: INN and OGRN
  checks, region codes, OKVED codes, dates) and builds the loader's ``Draft`` of the record
  with the loader's own :func:`~soyuzprom.importers.loaders.fns_rsmp.draft`.

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

import codecs
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
from soyuzprom.importers.loaders.fns_rsmp import Draft, draft, prepare
from soyuzprom.importers.records import BadRecord, Place

# Members up to this size are parsed whole (the tree, its flattened text and the items
# take ~6x the member: 7.7 MB of XML peaked at +43 MB); larger ones stream. A member of the
# real dump is about 1 MB.
WHOLE_LIMIT = 4 * 1024 * 1024
FIELD, RECORD, ITEM, PART = "\ue000", "\ue001", "\ue002", "\ue003"
# U+E000..U+E03F in UTF-8, and character references to anything in U+E000..U+E0FF.
_SEPARATOR_BYTES = b"\xee\x80"
_SEPARATOR_REF = re.compile(rb"&#(?:[xX]0*[eE]0[0-9a-fA-F]{2}|0*57[3-5]\d\d);")
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False)

_V = '<xsl:value-of select="{}"/>'
_F, _R, _I, _P = (f"<xsl:text>&#x{ord(c):X};</xsl:text>" for c in (FIELD, RECORD, ITEM, PART))


def _each(select: str, *values: str, sep: str = _F, lead: str = _F) -> str:
    """``lead`` then ``values`` joined by ``sep``, for each node of ``select``."""
    return (f'<xsl:for-each select="{select}">' + lead
            + sep.join(_V.format(v) for v in values) + "</xsl:for-each>")


def _when(tag: str, letter: str, *values: str) -> str:
    """For a ``tag`` element: ``letter`` then ``values``, all separated by PART."""
    return (f'<xsl:when test="self::{tag}">{letter}' + _P
            + _P.join(_V.format(v) for v in values) + "</xsl:when>")


# One document; the parts of a subject or a place are read only where they are (a path
# costs its evaluation even when it finds nothing). The fields, in the order _record reads
# them: the document's attributes, which parts it has ("101": organization, no sole trader,
# one place; "011": a sole trader), the subject's, the place's, then the lists.
_DOCUMENT = (
    _F.join(_V.format(v) for v in ("@ИдДок", "@ДатаСост", "@ДатаВклМСП", "@ВидСубМСП",
                                    "@КатСубМСП", "@ССЧР",
                                    "concat(count(ОргВклМСП), count(ИПВклМСП), count(СведМН))"))
    + _each("ОргВклМСП", "@ИННЮЛ", "@ОГРН", "@НаимОрг", "@НаимОргСокр")
    + _each("ИПВклМСП", "@ИННФЛ", "@ОГРНИП")
    + _each("ИПВклМСП/ФИОИП[1]", "@Фамилия", "@Имя", "@Отчество")
    + _each("СведМН", "@КодРегион", "Город[last()]/@Тип", "Город[last()]/@Наим",
            "count(НаселПункт)", "НаселПункт[last()]/@Тип", "НаселПункт[last()]/@Наим")
    # Every child of every СвОКВЭД is an activity, as in parse_document: the first main
    # code, then each code as a JSON string after a comma (the loader's activities text);
    # a child without a code gives "" and goes the parser's way.
    + _F + _V.format("(СвОКВЭД/СвОКВЭДОсн)[1]/@КодОКВЭД")
    + _F + '<xsl:for-each select="СвОКВЭД/*">,"' + _V.format("@КодОКВЭД") + '"</xsl:for-each>'
    # Licences (L), products (P) and contracts (C) in one list: one selection, not five.
    + _F + '<xsl:for-each select="СвЛиценз|СвПрод|СвПрогПарт|СвКонтр|СвДог"><xsl:choose>'
    + _when("СвЛиценз", "L", "@НомЛиценз", "@ДатаЛиценз", "@ДатаНачЛиценз", "@ДатаКонЛиценз")
    + _when("СвПрод", "P", "@КодПрод", "@НаимПрод")
    + _when("СвПрогПарт", "C", "@НаимЮЛ_ПП", "@ИННЮЛ_ПП", "@ДатаДог")
    + _when("СвКонтр", "C", "@НаимЮЛ_ЗК", "@ИННЮЛ_ЗК", "@ДатаКонтр")
    + _when("СвДог", "C", "@НаимЮЛ_ЗД", "@ИННЮЛ_ЗД", "@ДатаДог")
    + "</xsl:choose>" + _I + "</xsl:for-each>"
)
_STYLESHEET = (
    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
    '<xsl:output method="text" encoding="UTF-8"/>'
    '<xsl:template match="/">' + _V.format("count(//Документ)") + _R
    + '<xsl:for-each select="/Файл/Документ">' + _DOCUMENT + _R + "</xsl:for-each>"
    "</xsl:template></xsl:stylesheet>"
)
# Fields of a document with an organization; one more with a sole trader.
FIELDS = 20
_flatten: Any = None  # the compiled stylesheet, made on first use (per process)

# Values already seen valid; bounded like the parser's caches.
_CACHE_LIMIT = 20_000
_GOOD_DATES: set[str] = {""}
# The flattened OKVED codes of a document: each a JSON string after a comma, each valid by
# fns_rsmp.OKVED_CODE.
_OKVED_LIST = re.compile(r'(?:,"\d{2}(?:\.\d{1,2}){0,2}")*')
_CATEGORIES = fns_rsmp.CATEGORIES
_KINDS = fns_rsmp.KINDS


def units(path: Path) -> AbstractContextManager[list[Unit]]:
    """The units of ``fns_rsmp.units``, whose items are the loader's drafts or BadRecords."""
    return xml_units(path, parse_part)


def parse_part(part: XmlPart, progress: ProgressFn | None = None) -> Iterator[Any]:
    """Every document of one XML file as the loader's ``Draft``, or a BadRecord."""
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
    # No processing instruction but the XML declaration (parse_document would see them).
    head = 3 if data.startswith(codecs.BOM_UTF8) else 0
    after_declaration = head + 5 if data.startswith(b"<?xml", head) else 0
    if (_contains(data, b"\xee", _SEPARATOR_BYTES) or _contains(data, b"!", b"<!--")
            or _contains(data, b"!", b"<!DOCTYPE")
            or _contains(data, b"?", b"<?", after_declaration)
            or (_contains(data, b"#", b"&#") and _SEPARATOR_REF.search(data))):
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


def _contains(data: bytes, rare: bytes, needle: bytes, start: int = 0) -> bool:
    """Whether ``needle`` is in ``data[start:]``, looking first for ``rare``, one of its
    bytes: a one-byte search runs at memory speed, while a needle starting with ``<``
    stops at every tag (a megabyte took a millisecond, several µs per document)."""
    return data.find(rare, start) != -1 and data.find(needle, start) != -1


def _parsed(element: Any, name: str) -> Any:
    place = Place(name, element.sourceline, fns_rsmp.RECORD_TAG, element.get("ИдДок"))
    try:
        return prepare(fns_rsmp.parse_document(element, place))
    except InputFormatError as exc:
        return BadRecord(exc, place)


def _record(f: list[str]) -> Draft | None:
    """One document's fields to a ``Draft``; None for anything the parser should judge."""
    shape = f[6]
    if shape == "101" and len(f) == FIELDS:
        inn, ogrn, full, short_name = f[7:11]
        full = full.strip()
        if (len(inn) != 10 or not _checks.is_valid_inn(inn) or not full
                or (ogrn and not _checks.is_valid_ogrn(ogrn))):
            return None
        place = f[11:]
        short: str | None = short_name or None
    elif shape == "011" and len(f) == FIELDS + 1:
        inn, ogrn, last, first, middle = f[7:12]
        last, first = last.strip(), first.strip()
        if (len(inn) != 12 or not _checks.is_valid_inn(inn) or not last or not first
                or (ogrn and not _checks.is_valid_ogrnip(ogrn))):
            return None
        full = " ".join(p for p in (last, first, middle) if p)
        place = f[12:]
        short = None
    else:
        return None
    doc_id, state, included, kind_code, category_code, headcount = f[:6]
    kind, category = _KINDS.get(kind_code), _CATEGORIES.get(category_code)
    if (kind is None or category is None or not doc_id.strip()
            or (state not in _GOOD_DATES and not _date(state)) or state.strip() in ("", "-")
            or (included not in _GOOD_DATES and not _date(included))
            or (headcount and not (headcount.isascii() and headcount.isdigit()))):
        return None
    region, town_type, town, villages, village_type, village, main, okved, lists = place
    if len(region) != 2 or not fns_rsmp.known_region(region):
        return None
    # Where parse_document keeps the last of each: the town, else the village (present,
    # even empty, or None).
    city = (f"{town_type} {town}" if town_type else town) or (
        (f"{village_type} {village}" if village_type else village) if villages != "0" else None)
    # One C-level match checks every code (digits and dots, so the text is valid JSON).
    if not _OKVED_LIST.fullmatch(okved):
        return None
    made: tuple[tuple[str, str], ...] = ()
    if lists:
        listed = _lists(lists)
        if listed is None:
            return None
        made = listed
    return draft(
        kind=kind, inn=inn, ogrn=ogrn or None, name=" ".join(full.split()),
        short_name=short, category=category, region_code=region, city=city,
        main_okved=main or None, activities=f"[{okved[1:]}]", products=made,
    )


def _lists(field: str) -> tuple[tuple[str, str], ...] | None:
    """The products of a document's list field, once its licences and contracts are found
    valid (None when anything is not: the parser judges)."""
    products = []
    for entry in field.split(ITEM)[:-1]:
        kind, *values = entry.split(PART)
        if kind == "P":
            code, title = values[0].strip(), values[1].strip()
            if not code or not title:
                return None
            products.append((code, title))
        elif kind == "L":
            number, *dates = values
            if not number.strip() or not all(_date(d) for d in dates):
                return None
        else:
            customer, customer_inn, signed = values
            if not customer.strip() or not customer_inn.strip() or not _date(signed):
                return None
    return tuple(products)


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
