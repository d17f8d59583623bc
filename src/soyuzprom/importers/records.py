"""The importers' own records: what a parser yields, independent of any file layout.

Parsers turn FNS, GISP and FTS files into these frozen dataclasses; the loaders turn them
into registry rows. Codes stay strings (INN, OKVED, OKSM, TN VED keep their leading zeros);
money and shares are :class:`~decimal.Decimal`; a share is always a percentage (0..100).

Example:
    >>> Share(percent=Decimal("33.3333"), nominal=Decimal("4000"), basis="fraction").percent
    Decimal('33.3333')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from soyuzprom.errors import InputFormatError

# Values are quoted «like this» in messages; the reason of a skip leaves them out, so that
# skips group by kind in the summary.
_QUOTED = re.compile(r"«[^»]*»")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a record sits in its file: for error messages and provenance."""

    file: str
    line: int | None = None
    element: str | None = None
    key: str | None = None  # the record's own id (ИдДок, registry number, row number)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record the parser could not accept; the loader skips it and reports ``error``."""

    error: InputFormatError
    place: Place

    @property
    def reason(self) -> str:
        """A stable reason for the summary, values left out: ``"ИННЮЛ: Неверное ... «…»"``."""
        field = self.error.field or self.place.element or "запись"
        return f"{field}: {_QUOTED.sub('«…»', self.error.message)}"


@dataclass(frozen=True, slots=True)
class Activity:
    """One OKVED 2 code of an organization; ``main`` marks the principal activity."""

    code: str
    name: str | None
    main: bool


@dataclass(frozen=True, slots=True)
class Locality:
    """The place of an organization as FNS gives it: region code (``КодРегион``) and names."""

    region_code: str
    region_name: str | None = None
    district: str | None = None
    city: str | None = None
    settlement: str | None = None
    postal_code: str | None = None
    text: str | None = None  # a one-line address where the file has one


@dataclass(frozen=True, slots=True)
class SmeProduct:
    """A product line of an SME (``СвПрод``): OKPD 2 code, name, innovative flag."""

    okpd2: str
    name: str
    innovative: bool


@dataclass(frozen=True, slots=True)
class SmeLicense:
    """A licence of an SME (``СвЛиценз``)."""

    number: str
    issued: date | None
    valid_from: date | None
    valid_till: date | None
    activities: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SmeContract:
    """A partnership programme (``СвПрогПарт``) or a contract under 44-FZ / 223-FZ."""

    kind: str  # "partnership" | "contract_44fz" | "contract_223fz"
    customer_name: str
    customer_inn: str
    number: str | None
    signed: date | None
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class PersonName:
    """Surname, given name and patronymic (optional) of a natural person."""

    last: str
    first: str
    middle: str | None = None

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.last, self.first, self.middle) if p)


@dataclass(frozen=True, slots=True)
class SmeRecord:
    """One ``Документ`` of the FNS SME registry (Единый реестр субъектов МСП).

    ``kind`` is ``"legal"`` (ВидСубМСП 1) or ``"individual"`` (2, a sole trader).
    ``category`` is ``"micro"``, ``"small"`` or ``"medium"`` (КатСубМСП 1/2/3).
    """

    doc_id: str
    kind: str
    inn: str
    ogrn: str | None
    name: str
    short_name: str | None
    person: PersonName | None
    category: str
    is_new: bool
    is_social: bool | None
    headcount: int | None
    state_date: date
    included_date: date | None
    locality: Locality
    activities: tuple[Activity, ...]
    licenses: tuple[SmeLicense, ...]
    products: tuple[SmeProduct, ...]
    contracts: tuple[SmeContract, ...]
    place: Place


@dataclass(frozen=True, slots=True)
class Share:
    """A share of charter capital as a percentage, with how it was stated.

    ``basis``: ``"percent"`` (Процент), ``"decimal"`` (ДесятичДробь), ``"fraction"``
    (ДробПрост Числит/Знаменат), ``"nominal"`` (НоминСтоим / СумКап) or ``"unknown"``.
    """

    percent: Decimal | None
    nominal: Decimal | None
    basis: str


@dataclass(frozen=True, slots=True)
class Founder:
    """A founder (участник) of a legal entity from ЕГРЮЛ ``СвУчредит``.

    ``kind``: ``"person"`` (УчрФЛ), ``"ru_legal"`` (УчрЮЛРос), ``"foreign_legal"``
    (УчрЮЛИн), ``"public"`` (УчрРФСубМО), ``"fund"`` (УчрПИФ) or ``"partnership"``
    (УчрДогИнвТов). ``country_oksm`` is the ОКСМ code of the founder's citizenship or
    registration ("643" for Russian legal entities and citizens), ``None`` when unknown.
    Natural persons carry no INN here on purpose: the registry does not need it.
    """

    kind: str
    name: str
    inn: str | None
    ogrn: str | None
    country_oksm: str | None
    country_name: str | None
    foreign_reg_number: str | None
    share: Share


@dataclass(frozen=True, slots=True)
class EgrulRecord:
    """One ``Документ`` of an ЕГРЮЛ (``kind="legal"``) or ЕГРИП (``"individual"``) extract.

    ``status`` is ``"active"``, ``"winding_up"`` (a status code is registered: liquidation,
    reorganisation, exclusion pending...) or ``"terminated"``.
    """

    doc_id: str
    kind: str
    ogrn: str
    inn: str | None
    kpp: str | None
    full_name: str
    short_name: str | None
    legal_form_code: str | None
    legal_form: str | None
    registered: date | None
    extract_date: date | None
    status: str
    status_code: str | None
    status_text: str | None
    terminated: date | None
    address: Locality | None
    activities: tuple[Activity, ...]
    capital: Decimal | None
    founders: tuple[Founder, ...]
    place: Place


@dataclass(frozen=True, slots=True)
class Pp719Product:
    """One entry of the GISP registry of Russian industrial products (Decree 719)."""

    registry_number: str
    product_name: str
    okpd2: str | None
    tnved: tuple[str, ...]
    maker_name: str
    maker_inn: str | None
    maker_ogrn: str | None
    maker_address: str | None
    production_address: str | None
    ektru: str | None
    entered: date | None
    valid_till: date | None
    ended: date | None
    score: Decimal | None
    percentage: Decimal | None
    score_note: str | None
    is_electronic: bool | None
    is_ai: bool | None
    electronic_level: str | None
    specification: str | None
    basis_document: str | None
    basis_date: date | None
    basis_number: str | None
    basis_valid_till: date | None
    ministry_department: str | None
    conclusion_number: str | None
    place: Place


@dataclass(frozen=True, slots=True)
class TradeRow:
    """One row of FTS regional foreign-trade statistics.

    ``direction`` is ``"export"`` or ``"import"``; ``period`` is ``"YYYY"`` or ``"YYYY-MM"``.
    ``country_oksm`` is ``None`` for the undisclosed country (``NNN``) and unions (``EU``).
    ``tnved`` keeps its leading zeros; ``tnved_secret`` marks FTS confidential codes (``SS…``).
    ``value_usd`` is the customs value (STOIM), ``netto_kg`` the net mass, ``quantity`` the
    amount in ``unit_code`` (OKEI) units when the row has one.
    """

    direction: str
    period: str
    country_code: str
    country_oksm: str | None
    tnved: str
    tnved_secret: bool
    unit_code: str | None
    unit_name: str | None
    value_usd: Decimal | None
    netto_kg: Decimal | None
    quantity: Decimal | None
    okato5: str
    region_iso: str | None
    region_name: str | None
    place: Place
