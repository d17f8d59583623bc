"""Registry use cases: regions, classifiers, organizations, persons, ownership, products.

Each entity is a :class:`~soyuzprom.core.crud.CrudService`; the domain rules live in the
``before_write`` hooks here (identifier check digits, region codes, uniqueness with a message
that names the field) and nested children (aliases, OKVED codes, roles) in ``after_write``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from soyuzprom.core.crud import CrudService, equals
from soyuzprom.core.text import name_key
from soyuzprom.errors import ConflictError, DomainValidationError, NotFoundError
from soyuzprom.registry import identifiers
from soyuzprom.registry.models import (
    ClassifierEntry,
    Organization,
    OrganizationActivity,
    OrganizationAlias,
    Ownership,
    Person,
    PersonRole,
    Product,
    Region,
)


def region_by_code(session: Session, code: str, field: str = "region_code") -> Region:
    """The region with ISO code ``code`` (case-insensitive), else a validation error."""
    region = session.scalar(select(Region).where(Region.code == code.strip().upper()))
    if region is None:
        raise DomainValidationError(f"Неизвестный код региона «{code}»", field=field)
    return region


def _resolve_region(session: Session, payload: dict[str, Any]) -> None:
    code = payload.pop("region_code", None)
    if code:
        payload["region_id"] = region_by_code(session, code).id


def require_exists(session: Session, model: type[Any], item_id: int | None, field: str) -> None:
    """Refuse a reference to a record that does not exist, naming the field."""
    if item_id is not None and session.get(model, item_id) is None:
        raise DomainValidationError(f"Запись {item_id} не найдена", field=field)


# -- organizations ---------------------------------------------------------------------------

_IDENTIFIER_CHECKS = {
    "inn": identifiers.validate_inn,
    "kpp": identifiers.validate_kpp,
    "unp": identifiers.validate_unp,
}


def _validate_identifiers(session: Session, payload: dict[str, Any], obj: Any) -> None:
    for field, check in _IDENTIFIER_CHECKS.items():
        if payload.get(field):
            payload[field] = check(payload[field], field=field)
    ogrn = payload.get("ogrn")
    if ogrn:
        digits = str(ogrn).strip()
        payload["ogrn"] = (
            identifiers.validate_ogrnip(digits, field="ogrn")
            if len(digits) == 15
            else identifiers.validate_ogrn(digits, field="ogrn")
        )
    labels = {"inn": "ИНН", "ogrn": "ОГРН", "unp": "УНП"}
    for field, label in labels.items():
        value = payload.get(field)
        if not value:
            continue
        column = getattr(Organization, field)
        query = select(Organization.id).where(column == value)
        if obj is not None:
            query = query.where(Organization.id != obj.id)
        other = session.scalar(query)
        if other is not None:
            raise ConflictError(
                f"Организация с {label} {value} уже существует (id {other})",
                field=field,
                details={"existing_id": other},
            )


def _organization_before(
    session: Session, payload: dict[str, Any], obj: Organization | None
) -> dict[str, Any]:
    _resolve_region(session, payload)
    _validate_identifiers(session, payload, obj)
    if payload.get("country"):
        payload["country"] = payload["country"].upper()
    if payload.get("name"):
        payload["name_key"] = name_key(payload["name"])
    if payload.get("status") is None:
        payload.pop("status", None)
    return payload


def _organization_after(session: Session, obj: Organization, payload: dict[str, Any]) -> None:
    if payload.get("aliases") is not None:
        set_aliases(obj, payload["aliases"])
    if payload.get("okved_extra") is not None or payload.get("okved_main"):
        codes = list(
            payload.get("okved_extra") or [a.okved for a in obj.activities if not a.is_main]
        )
        set_activities(obj, obj.okved_main, codes)


def set_aliases(obj: Organization, aliases: list[str], kind: str = "name") -> None:
    """Replace the aliases of an organization (keys deduplicated, the name itself skipped)."""
    wanted: dict[str, str] = {}
    for alias in aliases:
        alias = alias.strip()
        key = name_key(alias)
        if alias and key and key != obj.name_key and key not in wanted:
            wanted[key] = alias
    existing = {a.alias_key: a for a in obj.aliases}
    for key, stale in list(existing.items()):
        if key not in wanted:
            obj.aliases.remove(stale)
    for key, alias_text in wanted.items():
        if key not in existing:
            alias_kind = "initialism" if alias_text.isupper() and len(alias_text) <= 8 else kind
            obj.aliases.append(OrganizationAlias(alias=alias_text, alias_key=key, kind=alias_kind))


def set_activities(obj: Organization, main: str | None, extra: list[str]) -> None:
    """Replace the OKVED codes of an organization: the main one and the additional ones."""
    wanted = {code.strip(): False for code in extra if code and code.strip()}
    if main:
        wanted[main] = True
    for activity in list(obj.activities):
        if activity.okved not in wanted:
            obj.activities.remove(activity)
        else:
            activity.is_main = wanted.pop(activity.okved)
    for code, is_main in wanted.items():
        obj.activities.append(OrganizationActivity(okved=code, is_main=is_main))


def _org_region(stmt: Select[Any], code: str) -> Select[Any]:
    return stmt.join(Region, Organization.region_id == Region.id).where(Region.code == code.upper())


def _org_okved(stmt: Select[Any], prefix: str) -> Select[Any]:
    return stmt.where(
        exists().where(
            OrganizationActivity.organization_id == Organization.id,
            OrganizationActivity.okved.like(f"{prefix}%"),
        )
        | Organization.okved_main.like(f"{prefix}%")
    )


def _org_alias_search(q: str) -> Any:
    return exists().where(
        OrganizationAlias.organization_id == Organization.id,
        OrganizationAlias.alias_key.like(f"%{name_key(q)}%"),
    )


organizations: CrudService[Organization] = CrudService(
    model=Organization,
    label="Организация",
    filters={
        "country": lambda s, v: s.where(Organization.country == v.upper()),
        "kind": equals(Organization.kind),
        "region": _org_region,
        "inn": equals(Organization.inn),
        "ogrn": equals(Organization.ogrn),
        "unp": equals(Organization.unp),
        "okved": _org_okved,
    },
    search=(Organization.name, Organization.full_name, Organization.short_name, Organization.inn),
    search_extra=_org_alias_search,
    sortable=("id", "name", "country", "inn", "created_at", "updated_at"),
    default_sort="name",
    before_write=_organization_before,
    after_write=_organization_after,
    nested=("aliases", "okved_extra"),
)


def find_organization(session: Session, text: str) -> Organization:
    """An organization by id, INN, OGRN, UNP or exact name/alias; else :class:`NotFoundError`."""
    text = text.strip()
    if text.isdigit():
        for column in (Organization.inn, Organization.ogrn, Organization.unp):
            found = session.scalar(select(Organization).where(column == text))
            if found is not None:
                return found
        by_id = session.get(Organization, int(text))
        if by_id is not None:
            return by_id
    key = name_key(text)
    found = session.scalar(select(Organization).where(Organization.name_key == key))
    if found is None:
        found = session.scalar(
            select(Organization).join(OrganizationAlias).where(OrganizationAlias.alias_key == key)
        )
    if found is None:
        raise NotFoundError(f"Организация «{text}» не найдена", field="organization")
    return found


# -- persons ---------------------------------------------------------------------------------


def _person_before(session: Session, payload: dict[str, Any], obj: Person | None) -> dict[str, Any]:
    if payload.get("full_name") and not payload.get("last_name"):
        parts = payload["full_name"].split()
        if len(parts) >= 2:
            payload.setdefault("first_name", parts[0])
            payload["last_name"] = parts[-1]
    return payload


def _person_after(session: Session, obj: Person, payload: dict[str, Any]) -> None:
    roles = payload.get("roles")
    if roles is None:
        return
    obj.roles.clear()
    for i, role in enumerate(roles):
        role = dict(role)
        region_code = role.pop("region_code", None)
        region_id = (
            region_by_code(session, region_code, field=f"roles[{i}].region_code").id
            if region_code
            else None
        )
        require_exists(
            session, Organization, role.get("organization_id"), f"roles[{i}].organization_id"
        )
        obj.roles.append(PersonRole(region_id=region_id, **role))


persons: CrudService[Person] = CrudService(
    model=Person,
    label="Персона",
    filters={
        "organization_id": lambda s, v: s.where(
            exists().where(PersonRole.person_id == Person.id, PersonRole.organization_id == v)
        ),
    },
    search=(Person.full_name,),
    sortable=("id", "full_name", "last_name"),
    default_sort="full_name",
    before_write=_person_before,
    after_write=_person_after,
    nested=("roles",),
)


# -- ownership -------------------------------------------------------------------------------


def _ownership_before(
    session: Session, payload: dict[str, Any], obj: Ownership | None
) -> dict[str, Any]:
    require_exists(session, Organization, payload.get("organization_id"), "organization_id")
    require_exists(
        session, Organization, payload.get("owner_organization_id"), "owner_organization_id"
    )
    require_exists(session, Person, payload.get("owner_person_id"), "owner_person_id")
    country = payload.get("owner_country")
    if country:
        code = str(country).strip().zfill(3)
        if (
            session.scalar(
                select(ClassifierEntry.id).where(
                    ClassifierEntry.scheme == "oksm", ClassifierEntry.code == code
                )
            )
            is None
            and session.scalar(select(ClassifierEntry.id).limit(1)) is not None
        ):
            raise DomainValidationError(f"Неизвестный код ОКСМ «{country}»", field="owner_country")
        payload["owner_country"] = code
    return payload


ownerships: CrudService[Ownership] = CrudService(
    model=Ownership,
    label="Доля владения",
    filters={
        "organization_id": equals(Ownership.organization_id),
        "owner_country": equals(Ownership.owner_country),
    },
    search=(Ownership.owner_name,),
    sortable=("id", "share_percent", "as_of"),
    before_write=_ownership_before,
)


# -- products --------------------------------------------------------------------------------


def _product_before(
    session: Session, payload: dict[str, Any], obj: Product | None
) -> dict[str, Any]:
    require_exists(session, Organization, payload.get("maker_id"), "maker_id")
    return payload


products: CrudService[Product] = CrudService(
    model=Product,
    label="Продукция",
    filters={
        "maker_id": equals(Product.maker_id),
        "okpd2": lambda s, v: s.where(Product.okpd2.like(f"{v}%")),
    },
    search=(Product.name, Product.okpd2, Product.tnved),
    sortable=("id", "name", "okpd2"),
    default_sort="name",
    before_write=_product_before,
)


# -- reference data --------------------------------------------------------------------------

regions: CrudService[Region] = CrudService(
    model=Region,
    label="Регион",
    filters={
        "country": lambda s, v: s.where(Region.country == v.upper()),
        "kind": equals(Region.kind),
        "fns_code": equals(Region.fns_code),
    },
    search=(Region.name, Region.code),
    sortable=("id", "code", "name", "fns_code"),
    default_sort="code",
)

classifiers: CrudService[ClassifierEntry] = CrudService(
    model=ClassifierEntry,
    label="Классификатор",
    filters={
        "scheme": equals(ClassifierEntry.scheme),
        "parent_code": equals(ClassifierEntry.parent_code),
    },
    search=(ClassifierEntry.code, ClassifierEntry.name),
    sortable=("id", "code", "scheme"),
    default_sort="code",
)
