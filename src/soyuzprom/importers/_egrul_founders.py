"""Founders (``СвУчредит``) of an ЕГРЮЛ record, with their country and share.

The share of ``ДоляУстКап`` comes, in this order of preference, from ``РазмерДоли/Процент``
(``33.33``), ``РазмерДоли/ДесятичДробь`` (``0.5``), ``РазмерДоли/ДробПрост @Числит
@Знаменат`` (1/3), or ``@НоминСтоим / СвУстКап@СумКап``; otherwise it is unknown.
The country is the ОКСМ code: ``СвГраждФЛ @ОКСМ`` for a foreign citizen (``@КодГражд=2``),
``643`` for a citizen of Russia (``@КодГражд=1``), ``СвРегИн @ОКСМ`` for a foreign legal
entity and ``643`` for Russian legal entities and public owners.

Example:
    >>> share_of(doc_share_element, Decimal("12000"), place)       # doctest: +SKIP
    Share(percent=Decimal('33.3333'), nominal=Decimal('4000'), basis='fraction')
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from soyuzprom.importers import _checks, classifiers
from soyuzprom.importers._values import bad_identifier, fail, parse_decimal
from soyuzprom.importers.records import Founder, PersonName, Place, Share

RUSSIA = "643"
_HUNDRED = Decimal(100)
_QUANT = Decimal("0.0001")

KINDS = {
    "УчрФЛ": "person",
    "УчрЮЛРос": "ru_legal",
    "УчрЮЛИн": "foreign_legal",
    "УчрРФСубМО": "public",
    "УчрПИФ": "fund",
    "УчрДогИнвТов": "partnership",
}


def founders(block: Any, capital: Decimal | None, place: Place) -> Iterator[Founder]:
    """Every founder of a ``СвУчредит`` element, in file order."""
    for element in block:
        kind = KINDS.get(element.tag)
        if kind is not None:
            yield _founder(kind, element, capital, place)


def share_of(element: Any | None, capital: Decimal | None, place: Place) -> Share:
    """The share stated by a ``ДоляУстКап`` element (None gives an unknown share)."""
    if element is None:
        return Share(None, None, "unknown")
    nominal = parse_decimal(element.get("НоминСтоим"), place, "НоминСтоим")
    size = element.find("РазмерДоли")
    if size is not None:
        percent = size.findtext("Процент")
        if percent:
            return Share(_percent(percent, place, "Процент"), nominal, "percent")
        decimal_fraction = size.findtext("ДесятичДробь")
        if decimal_fraction:
            value = _percent(decimal_fraction, place, "ДесятичДробь") * _HUNDRED
            return Share(value.quantize(_QUANT), nominal, "decimal")
        fraction = size.find("ДробПрост")
        if fraction is not None:
            return Share(_fraction(fraction, place), nominal, "fraction")
    if nominal is not None and capital:
        return Share((nominal * _HUNDRED / capital).quantize(_QUANT), nominal, "nominal")
    return Share(None, nominal, "unknown")


def _percent(text: str, place: Place, field: str) -> Decimal:
    value = parse_decimal(text, place, field)
    if value is None or value < 0 or value > _HUNDRED:
        raise fail(f"Доля вне пределов 0..100: «{text}»", place, field)
    return value


def _fraction(element: Any, place: Place) -> Decimal:
    try:
        numerator = Decimal(element.get("Числит") or "")
        denominator = Decimal(element.get("Знаменат") or "")
    except InvalidOperation:
        raise fail("Неверная простая дробь доли", place, "ДробПрост") from None
    if denominator <= 0 or numerator < 0 or numerator > denominator:
        raise fail(
            f"Неверная простая дробь доли {element.get('Числит')}/{element.get('Знаменат')}",
            place, "ДробПрост",
        )
    return (numerator * _HUNDRED / denominator).quantize(_QUANT)


def _founder(kind: str, element: Any, capital: Decimal | None, place: Place) -> Founder:
    share = share_of(element.find("ДоляУстКап"), capital, place)
    if kind == "person":
        return _person(element, share, place)
    org = element.find("НаимИННЮЛ")
    if kind == "public":
        org = element.find("СвОргОсущПр/НаимИННЮЛ")
        region = element.find("ВидНаимУчр")
        name = (org.get("НаимЮЛПолн") if org is not None else None) or (
            region.get("НаимРегион") or region.get("НаимМО") if region is not None else None
        )
        return Founder(kind, name or "публичное образование", *_org_ids(org, place),
                       RUSSIA, None, None, share)
    if kind == "foreign_legal":
        reg = element.find("СвРегИн")
        name = org.get("НаимЮЛПолн") if org is not None else None
        latin = element.find("СвНаимЮЛПолнИн")
        if not name and latin is not None:
            name = latin.get("НаимПолн")
        oksm = _oksm(reg.get("ОКСМ") if reg is not None else None, place)
        return Founder(kind, name or "иностранное юридическое лицо", *_org_ids(org, place),
                       oksm, reg.get("НаимСтран") if reg is not None else None,
                       reg.get("РегНомер") if reg is not None else None, share)
    if kind in ("fund", "partnership"):
        org = element.find("СвУпрКомпПИФ/УпрКомпПиф")
        if org is None:
            org = element.find("НаимИННЮЛ")
        name = element.find("СвНаимПИФ")
        title = name.get("НаимПИФ") if name is not None else None
        if title is None and org is not None:
            title = org.get("НаимЮЛПолн")
        return Founder(kind, title or "паевой фонд или товарищество", None, None, RUSSIA,
                       None, None, share)
    name = org.get("НаимЮЛПолн") if org is not None else None
    return Founder(kind, name or "юридическое лицо", *_org_ids(org, place), RUSSIA, None, None,
                   share)


def _org_ids(org: Any | None, place: Place) -> tuple[str | None, str | None]:
    """INN and OGRN of a founder organisation; a value failing its check digit is an error."""
    if org is None:
        return None, None
    inn, ogrn = org.get("ИНН"), org.get("ОГРН")
    if inn and not _checks.is_valid_inn(inn):
        raise bad_identifier("inn", inn, place, "ИНН")
    if ogrn and not _checks.is_valid_ogrn(ogrn):
        raise bad_identifier("ogrn", ogrn, place, "ОГРН")
    return inn or None, ogrn or None


def _person(element: Any, share: Share, place: Place) -> Founder:
    person = element.find("СвФЛ")
    name = PersonName(
        person.get("Фамилия") or "", person.get("Имя") or "", person.get("Отчество")
    ).full if person is not None else ""
    citizenship = element.find("СвГраждФЛ")
    oksm: str | None = None
    country_name = None
    if citizenship is not None:
        if citizenship.get("КодГражд") == "1":
            oksm = RUSSIA
        else:
            oksm = _oksm(citizenship.get("ОКСМ"), place)
            country_name = citizenship.get("НаимСтран")
    return Founder("person", name or "физическое лицо", None, None, oksm, country_name, None,
                   share)


def _oksm(code: str | None, place: Place) -> str | None:
    if not code:
        return None
    code = code.strip().zfill(3)
    if not classifiers.is_known_oksm(code):
        raise fail(f"Неизвестный код страны ОКСМ «{code}»", place, "ОКСМ")
    return code
