"""What accepting a claim writes: organizations, persons, links, agreements, indicators.

Each writer runs inside the ``write_context(kind="document", document_id=..., evidence=
<sentence>, author=<reviewer>)`` opened by :func:`soyuzprom.press.service.accept_claim`, so
the audit log and field provenance of every record point back to the news document and the
sentence the fact came from. Domain rules are the registry's and cooperation's own
``before_write`` hooks (identifier check digits, region codes, period format).

Relation ends are found in this order: a reference in the (possibly edited) payload
(``from_ref``/``to_ref``), the organization an accepted candidate claim of the same
document became, the registry by exact name or alias. An end that is still unresolved is an
error naming it - or, with ``accept_candidates=True``, its pending candidate claim is
accepted first (same reviewer, same transaction).

Example:
    >>> result_type, result_id = write_claim(session, claim, payload, reviewer="petrova")
    >>> result_type
    'links'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from soyuzprom.cooperation.models import Agreement, AgreementParty, Indicator, Link
from soyuzprom.cooperation.service import indicators, links
from soyuzprom.core.crud import CrudService, integrity_to_error
from soyuzprom.core.models import Claim, Document
from soyuzprom.core.text import name_key
from soyuzprom.errors import ConflictError, DomainValidationError
from soyuzprom.press.claims import vocabulary
from soyuzprom.registry.models import (
    Organization,
    OrganizationAlias,
    Person,
    PersonRole,
    Region,
)
from soyuzprom.registry.service import organizations, set_aliases

AcceptCandidate = Callable[[Claim], Claim]


def _columns(service: CrudService[Any], session: Session,
             payload: dict[str, Any]) -> dict[str, Any]:
    """Apply an area's domain rules and keep only the table's columns."""
    hook = service.before_write
    values = hook(session, dict(payload), None) if hook else payload
    columns = {c.key for c in service.model.__mapper__.column_attrs}
    return {k: v for k, v in values.items() if k in columns}


def _flush(session: Session, table: str) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        raise integrity_to_error(exc, table) from exc


# -- organizations ---------------------------------------------------------------------------


def _guess_country(payload: dict[str, Any]) -> str:
    found = payload.get("identifiers") or {}
    if payload.get("country"):
        return str(payload["country"]).upper()
    return "BY" if "unp" in found else "RU"


def write_organization(session: Session, payload: dict[str, Any]) -> Organization:
    """Create the proposed organization, or - when the reviewer chose an existing one
    (``organization_id``) - add the mention as its alias."""
    if payload.get("organization_id"):
        org = session.get(Organization, int(payload["organization_id"]))
        if org is None:
            raise DomainValidationError(
                f"Организация {payload['organization_id']} не найдена", field="organization_id")
        set_aliases(org, [a.alias for a in org.aliases] + [payload["name"]])
        _flush(session, "organizations")
        return org
    found = payload.get("identifiers") or {}
    record = {
        "name": payload["name"], "kind": payload.get("kind") or "other",
        "country": _guess_country(payload), "region_code": payload.get("region_code"),
        "inn": found.get("inn"), "ogrn": found.get("ogrn"), "unp": found.get("unp"),
        "full_name": payload.get("full_name"), "city": payload.get("city"),
    }
    values = _columns(organizations, session, {k: v for k, v in record.items() if v})
    org = Organization(**values)
    session.add(org)
    _flush(session, "organizations")
    if payload.get("aliases"):
        set_aliases(org, list(payload["aliases"]))
        _flush(session, "organizations")
    return org


# -- persons ---------------------------------------------------------------------------------


def write_person(session: Session, payload: dict[str, Any]) -> Person:
    """Find the person by full name (else create) and add the role if it is new."""
    name = str(payload.get("name") or "").strip()
    if not name:
        raise DomainValidationError("У персоны нет имени", field="name")
    person = session.scalar(select(Person).where(Person.full_name == name).order_by(Person.id))
    if person is None:
        parts = name.split()
        person = Person(full_name=name, first_name=parts[0] if len(parts) > 1 else None,
                        last_name=parts[-1])
        session.add(person)
        _flush(session, "persons")
    role = str(payload.get("role") or "").strip()
    org_ref, region_ref = payload.get("organization_ref"), payload.get("region_ref")
    org_id = org_ref.get("id") if isinstance(org_ref, dict) else None
    region_id = region_ref.get("id") if isinstance(region_ref, dict) else None
    if role and not any(r.role == role and r.organization_id == org_id for r in person.roles):
        person.roles.append(PersonRole(role=role, organization_id=org_id, region_id=region_id))
        _flush(session, "persons")
    return person


# -- relation ends ---------------------------------------------------------------------------


def _by_name(session: Session, name: str) -> tuple[str, int] | None:
    key = name_key(name)
    org = session.scalar(select(Organization.id).where(Organization.name_key == key))
    if org is None:
        org = session.scalar(select(OrganizationAlias.organization_id)
                             .where(OrganizationAlias.alias_key == key))
    if org is not None:
        return "organization", org
    region = session.scalar(select(Region.id).where(Region.name == name))
    return ("region", region) if region is not None else None


def _candidate(session: Session, claim: Claim, name: str) -> Claim | None:
    key = name_key(name)
    for other in session.scalars(select(Claim).where(
            Claim.document_id == claim.document_id, Claim.kind == "organization")):
        if name_key(str(other.payload.get("name") or "")) == key:
            return other
    return None


def resolve_end(session: Session, claim: Claim, payload: dict[str, Any], end: str,
                accept_candidate: AcceptCandidate | None) -> tuple[str, int]:
    """(``organization``|``region``, id) of the relation end ``end`` ("from" or "to")."""
    name = str(payload.get(end) or "")
    ref = payload.get(f"{end}_ref")
    if isinstance(ref, dict) and ref.get("id") and ref.get("kind") in ("organization", "region"):
        model = Organization if ref["kind"] == "organization" else Region
        if session.get(model, int(ref["id"])) is not None:
            return str(ref["kind"]), int(ref["id"])
    candidate = _candidate(session, claim, name)
    if candidate is not None and candidate.status == "accepted" and candidate.result_id:
        return "organization", candidate.result_id
    found = _by_name(session, name)
    if found is not None:
        return found
    if candidate is not None and candidate.status == "pending":
        if accept_candidate is not None:
            accepted = accept_candidate(candidate)
            assert accepted.result_id is not None
            return "organization", accepted.result_id
        raise ConflictError(
            f"Сторона «{name}» не найдена в реестре: сначала примите кандидата "
            f"(утверждение {candidate.id}) или укажите {end}_ref",
            field=end, details={"endpoint": name, "candidate_claim_id": candidate.id})
    raise DomainValidationError(
        f"Сторона «{name}» не найдена в реестре; укажите {end}_ref",
        field=end, details={"endpoint": name})


# -- links and agreements ---------------------------------------------------------------------


def write_relation(session: Session, claim: Claim, payload: dict[str, Any],
                   accept_candidate: AcceptCandidate | None) -> tuple[str, int]:
    """A Link (supply, joint production...) or an Agreement (agreement, meeting)."""
    rel_type = str(payload.get("type") or "")
    source = resolve_end(session, claim, payload, "from", accept_candidate)
    target = resolve_end(session, claim, payload, "to", accept_candidate)
    sentence = str(payload.get("sentence") or claim.evidence or "")
    if rel_type in vocabulary()["link_types"]:
        return "links", write_link(session, rel_type, source, target, payload, sentence).id
    kinds: dict[str, str] = vocabulary()["agreement_kinds"]
    if rel_type in kinds:
        document = session.get(Document, claim.document_id)
        return "agreements", write_agreement(session, kinds[rel_type], source, target, payload,
                                             sentence, document).id
    raise DomainValidationError(f"Неизвестный тип связи «{rel_type}»", field="type")


def write_link(session: Session, rel_type: str, source: tuple[str, int],
               target: tuple[str, int], payload: dict[str, Any], sentence: str) -> Link:
    """Create the link, or update the one with the same type, ends and object."""
    if source[0] != "organization":
        raise DomainValidationError(
            f"Связь «{rel_type}» начинается с организации, а «{payload.get('from')}» - регион; "
            "укажите from_ref организации", field="from")
    to_org = target[1] if target[0] == "organization" else None
    to_region = target[1] if target[0] == "region" else None
    obj = str(payload.get("object") or "")[:500] or None
    existing = session.scalar(select(Link).where(
        Link.type == rel_type, Link.from_organization_id == source[1],
        Link.to_organization_id.is_(None) if to_org is None else Link.to_organization_id == to_org,
        Link.to_region_id.is_(None) if to_region is None else Link.to_region_id == to_region,
        Link.object.is_(None) if obj is None else Link.object == obj,
    ))
    if existing is not None:
        if existing.description != sentence:
            existing.description = sentence
            _flush(session, "links")
        return existing
    values = _columns(links, session, {
        "type": rel_type, "from_organization_id": source[1], "to_organization_id": to_org,
        "to_region_id": to_region, "object": obj, "description": sentence,
        "status": payload.get("status") or "active",
    })
    link = Link(**values)
    session.add(link)
    _flush(session, "links")
    return link


def write_agreement(session: Session, kind: str, source: tuple[str, int],
                    target: tuple[str, int], payload: dict[str, Any], sentence: str,
                    document: Document | None) -> Agreement:
    title = str(payload.get("object") or "") or f"{payload.get('from')} — {payload.get('to')}"
    agreement = Agreement(kind=kind, title=title[:1000], description=sentence,
                          date=document.published if document else None)
    for end in (source, target):
        key = "organization_id" if end[0] == "organization" else "region_id"
        if not any(getattr(p, key) == end[1] for p in agreement.parties):
            agreement.parties.append(AgreementParty(**{key: end[1]}))
    session.add(agreement)
    _flush(session, "agreements")
    return agreement


# -- figures ---------------------------------------------------------------------------------


def write_indicator(session: Session, payload: dict[str, Any]) -> Indicator:
    """An Indicator; the subject (region code or organization id) may be edited in."""
    record = {
        "metric": payload.get("metric") or "figure",
        "value": payload.get("value"), "unit": payload.get("unit"),
        "period": payload.get("period") or "", "qualifier": payload.get("qualifier") or "exact",
        "description": payload.get("what"),
        "subject_region_code": payload.get("subject_region_code"),
        "counterpart_region_code": payload.get("counterpart_region_code"),
        "subject_organization_id": payload.get("subject_organization_id"),
    }
    if record["value"] is None or not record["unit"]:
        raise DomainValidationError("У показателя нет значения или единицы", field="value")
    values = _columns(indicators, session, record)
    indicator = Indicator(**values)
    session.add(indicator)
    _flush(session, "indicators")
    return indicator
