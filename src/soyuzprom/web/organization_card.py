"""Everything the organization card shows, gathered through the registry and cooperation
services and the provenance/audit readers.

Example:
    >>> card = build_card(session, 7)
    >>> [(l.direction, l.counterpart) for l in card.links][:1]
    [('out', 'Оршанский льнокомбинат')]
    >>> card.belarusian_capital
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import Agreement, Link, Project
from soyuzprom.cooperation.service import agreements, links, projects
from soyuzprom.core.history import audit_of, provenance_of
from soyuzprom.core.schemas import ListQuery
from soyuzprom.registry.models import Organization, Ownership, Person, Product
from soyuzprom.registry.service import organizations, ownerships, persons, products
from soyuzprom.web.labels import labels
from soyuzprom.web.lookup import Names, country_names

BELARUS_OKSM = "112"
ALL = ListQuery(page_size=500)


@dataclass(frozen=True)
class LinkView:
    """A link seen from the organization: ``out`` it is the supplier/initiator, ``in`` not."""

    link: Link
    direction: str
    counterpart: str
    counterpart_id: int | None


@dataclass(frozen=True)
class OwnershipView:
    ownership: Ownership
    owner: str
    owner_id: int | None
    country: str
    belarusian: bool


@dataclass(frozen=True)
class ProvenanceGroup:
    """The fields one source set, with the source described (document, import, edit)."""

    source: dict[str, Any] | None
    fields: list[str]


@dataclass(frozen=True)
class OrganizationCard:
    organization: Organization
    links: list[LinkView]
    ownership: list[OwnershipView]
    products: list[Product]
    persons: list[Person]
    projects: list[Project]
    agreements: list[Agreement]
    provenance: list[ProvenanceGroup]
    audit: list[dict[str, Any]]

    @property
    def belarusian_capital(self) -> bool:
        """Has an owner whose country is Belarus by ОКСМ code 112."""
        return any(o.belarusian for o in self.ownership)


def _link_views(session: Session, org_id: int) -> list[LinkView]:
    items = links.list(session, ALL, {"organization_id": org_id}).items
    names = Names.load(
        session,
        organizations=[i.from_organization_id for i in items]
        + [i.to_organization_id for i in items],
        regions=[i.to_region_id for i in items],
    )
    views = []
    for link in items:
        if link.from_organization_id == org_id:
            other_id = link.to_organization_id
            other = names.organization(other_id) or names.region(link.to_region_id)
            views.append(LinkView(link, "out", other, other_id))
        else:
            other_id = link.from_organization_id
            views.append(LinkView(link, "in", names.organization(other_id), other_id))
    return views


def _ownership_views(session: Session, org_id: int) -> list[OwnershipView]:
    items = ownerships.list(session, ALL, {"organization_id": org_id}).items
    names = Names.load(
        session,
        organizations=[o.owner_organization_id for o in items],
        persons=[o.owner_person_id for o in items],
    )
    countries = country_names(session, [o.owner_country for o in items])
    return [
        OwnershipView(
            ownership=o,
            owner=names.organization(o.owner_organization_id)
            or names.person(o.owner_person_id)
            or (o.owner_name or ""),
            owner_id=o.owner_organization_id,
            country=countries.get(o.owner_country or "", o.owner_country or ""),
            belarusian=o.owner_country == BELARUS_OKSM,
        )
        for o in items
    ]


def _hidden() -> frozenset[str]:
    return frozenset(labels().section("hidden_fields") or ())


def _provenance_groups(session: Session, org_id: int) -> list[ProvenanceGroup]:
    fields = provenance_of(session, "organizations", org_id)["fields"]
    groups: dict[Any, ProvenanceGroup] = {}
    for name, entry in sorted(fields.items()):
        if name in _hidden():
            continue
        source = entry.get("source")
        key = source["id"] if source else None
        if key not in groups:
            groups[key] = ProvenanceGroup(source=source, fields=[])
        groups[key].fields.append(name)
    return list(groups.values())


def build_card(session: Session, org_id: int) -> OrganizationCard:
    """The card of one organization; :class:`NotFoundError` when it does not exist."""
    org = organizations.get(session, org_id)
    audit = audit_of(session, "organizations", org_id)
    audit.reverse()  # newest first: the latest change is what a reader checks
    for entry in audit:
        for side in ("before", "after"):
            if entry[side]:
                entry[side] = {k: v for k, v in entry[side].items() if k not in _hidden()}
    return OrganizationCard(
        organization=org,
        links=_link_views(session, org_id),
        ownership=_ownership_views(session, org_id),
        products=products.list(session, ALL, {"maker_id": org_id}).items,
        persons=persons.list(session, ALL, {"organization_id": org_id}).items,
        projects=projects.list(session, ALL, {"organization_id": org_id}).items,
        agreements=agreements.list(session, ALL, {"organization_id": org_id}).items,
        provenance=_provenance_groups(session, org_id),
        audit=audit,
    )
