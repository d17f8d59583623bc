"""Foreign capital in a region: organizations with a founder from a given country.

Definition (recorded with the indicator): the number of organizations of the region (by
their registered address), not terminated, that have at least one ownership row whose
owner's country is the given ОКСМ code (a foreign legal entity registered there or a
citizen of it). The match is by ОКСМ code only, never by country name. The ownerships come
from the ЕГРЮЛ imports (``soyuzprom import fns-egrul``) and any other recorded source.

The count is stored as an indicator ``foreign_capital_organizations`` of the region, with
the country as counterpart (when it is a region of the registry, e.g. BY) and
``dimension`` ``oksm=<code>``, for the period of the day it was computed; computing it again
the same day updates that indicator.

Example:
    >>> report = foreign_capital(session, country="BY", region="RU-SMO")  # doctest: +SKIP
    >>> report.count, report.holdings[0].owner_country
    (2, '112')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import Indicator
from soyuzprom.core.provenance import write_context
from soyuzprom.errors import DomainValidationError, NotFoundError
from soyuzprom.registry.models import Organization, Ownership, Region
from soyuzprom.registry.reference import read_classifier

METRIC = "foreign_capital_organizations"
UNIT = "организаций"


@dataclass(frozen=True, slots=True)
class Holding:
    """One foreign ownership of an organization of the region."""

    organization_id: int
    organization: str
    inn: str | None
    ogrn: str | None
    status: str
    owner_name: str | None
    owner_kind: str
    owner_country: str
    share_percent: float | None


@dataclass(frozen=True, slots=True)
class ForeignCapitalReport:
    """The count of organizations, their foreign ownerships, and the recorded indicator."""

    country_oksm: str
    country_name: str
    region_code: str
    region_name: str
    count: int
    holdings: tuple[Holding, ...]
    definition: str
    indicator_id: int | None


def resolve_country(value: str) -> tuple[str, str]:
    """(ОКСМ code, name) for ``"BY"``, ``"BLR"`` or ``"112"``; DomainValidationError else."""
    text = value.strip().upper()
    for record in read_classifier("oksm"):
        codes = (record.extra or "").split()
        if text in codes or (text.isdigit() and text.zfill(3) == record.code):
            return record.code, record.name
    raise DomainValidationError(f"Неизвестная страна «{value}»: нужен код ОКСМ или ISO",
                                field="country")


def foreign_capital(
    session: Session,
    *,
    country: str,
    region: str,
    include_terminated: bool = False,
    record: bool = True,
    author: str = "system",
    today: date | None = None,
) -> ForeignCapitalReport:
    """Count and list the organizations of ``region`` with founders from ``country``."""
    oksm, country_name = resolve_country(country)
    subject = session.scalar(select(Region).where(Region.code == region.strip().upper()))
    if subject is None:
        raise NotFoundError(f"Регион «{region}» не найден", field="region")
    stmt = (
        select(Organization, Ownership)
        .join(Ownership, Ownership.organization_id == Organization.id)
        .where(Organization.region_id == subject.id, Ownership.owner_country == oksm)
        .order_by(Organization.name, Ownership.id)
    )
    if not include_terminated:
        stmt = stmt.where(Organization.status != "terminated")
    holdings = tuple(
        Holding(org.id, org.name, org.inn, org.ogrn, org.status, own.owner_name,
                own.owner_kind, oksm, own.share_percent)
        for org, own in session.execute(stmt)
    )
    count = len({h.organization_id for h in holdings})
    definition = (
        f"Число организаций региона {subject.name}"
        + ("" if include_terminated else " (кроме прекративших деятельность)")
        + f", среди учредителей которых есть лица страны ОКСМ {oksm} ({country_name}); "
        "источник: доли владения реестра (импорт ЕГРЮЛ, ФНС, открытые сведения)"
    )
    indicator_id = None
    if record:
        indicator_id = _record(session, subject, oksm, count, definition, author,
                               today or date.today())
    return ForeignCapitalReport(oksm, country_name, subject.code, subject.name, count,
                                holdings, definition, indicator_id)


def _record(session: Session, subject: Region, oksm: str, count: int, definition: str,
            author: str, today: date) -> int:
    counterpart = session.scalar(
        select(Region.id).where(Region.kind == "country", Region.code.in_(
            [r.extra.split()[0] for r in read_classifier("oksm") if r.code == oksm and r.extra]
        ))
    )
    period = today.isoformat()
    dimension = f"oksm={oksm}"
    with write_context(session, kind="system", author=author,
                       note=f"registry foreign-capital {subject.code} {oksm}",
                       evidence=definition):
        indicator = session.scalar(select(Indicator).where(
            Indicator.metric == METRIC, Indicator.subject_region_id == subject.id,
            Indicator.dimension == dimension, Indicator.period == period,
        ))
        if indicator is None:
            indicator = Indicator(
                metric=METRIC, subject_region_id=subject.id, counterpart_region_id=counterpart,
                period=period, period_start=today, period_end=today, value=float(count),
                unit=UNIT, qualifier="exact", dimension=dimension, description=definition,
            )
            session.add(indicator)
        elif indicator.value != float(count) or indicator.description != definition:
            indicator.value = float(count)
            indicator.description = definition
        session.flush()
    return int(indicator.id)
