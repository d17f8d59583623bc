"""Load the demo region (Smolensk oblast and Belarus) into the database.

The facts come from :mod:`soyuzprom.demo_data` (the packaged YAML, already validated). They
are written through the same domain hooks as the API (``CrudService.before_write`` /
``after_write`` of the registry and cooperation services), inside one provenance
``write_context`` of kind ``demo`` whose source points to the :class:`Document` of the
report, so every record and field traces back to «Смоленская народная газета», 21.10.2025.

Idempotent: each record is looked up first (organizations by name key or alias, links by
type, ends and object, indicators by metric, subject, counterpart and period, ...) and only
missing ones are created; existing ones are left as they are, so a user's later edits
survive a reload. A run that finds everything in place writes nothing at all, not even a
source row.

Example:
    >>> with session_scope() as session:
    ...     load_demo(session)
    {'documents': 1, 'organizations': 8, 'persons': 1, 'links': 6, 'projects': 1,
     'agreements': 1, 'commitments': 3, 'indicators': 6, 'existing': 0}
"""

from __future__ import annotations

import hashlib
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from soyuzprom.cooperation import service as coop
from soyuzprom.cooperation.models import Agreement, Commitment, Indicator, Link, Project
from soyuzprom.core.crud import CrudService
from soyuzprom.core.models import Document
from soyuzprom.core.provenance import write_context
from soyuzprom.demo_data import DemoData, DemoSource, load_demo_data
from soyuzprom.errors import NotFoundError
from soyuzprom.registry import service as registry
from soyuzprom.registry.models import Person, Region
from soyuzprom.registry.reference_loader import load_regions

AUTHOR = "demo"
COUNTED = (
    "documents", "organizations", "persons", "links", "projects", "agreements", "commitments",
    "indicators",
)


def load_demo(session: Session, path: Path | str | None = None) -> dict[str, int]:
    """Load the demo region (the packaged file by default); return created counts per kind."""
    data = load_demo_data(path)
    load_regions(session)  # the demo names regions by code; make sure they are there
    with ExitStack() as stack:
        return _DemoLoader(session, data, stack).run()


def document_hash(source: DemoSource) -> str:
    """Content hash of a source we have no text for: its publisher, date and title."""
    text = f"{source.publisher}\n{source.published.isoformat()}\n{source.title}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _eq(column: Any, value: Any) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


class _DemoLoader:
    def __init__(self, session: Session, data: DemoData, stack: ExitStack) -> None:
        self.session = session
        self.data = data
        self.stack = stack
        self.opened = False
        self.counts = dict.fromkeys(COUNTED, 0)
        self.counts["existing"] = 0
        self.document: Document | None = None
        self.regions = {code: rid for rid, code in session.execute(select(Region.id, Region.code))}
        self.orgs: dict[str, int] = {}
        self.persons: dict[str, int] = {}

    def run(self) -> dict[str, int]:
        self.document = self._document()
        for org in self.data.organizations:
            self.orgs[org.key] = self._organization(org)
        for person in self.data.persons:
            self.persons[person.key] = self._person(person)
        for link in self.data.links:
            self._link(link)
        for project in self.data.projects:
            self._project(project)
        for agreement in self.data.agreements:
            self._agreement(agreement)
        for indicator in self.data.indicators:
            self._indicator(indicator)
        return self.counts

    # -- writing ------------------------------------------------------------------------------

    def _open(self) -> None:
        """Enter the demo write context on the first write only."""
        if not self.opened:
            assert self.document is not None
            self.stack.enter_context(
                write_context(
                    self.session,
                    kind="demo",
                    author=AUTHOR,
                    document_id=self.document.id,
                    note=f"Демо-регион: {self.data.source.title}",
                )
            )
            self.opened = True

    def _create(self, svc: CrudService[Any], payload: dict[str, Any], counter: str) -> Any:
        """Create through the service's domain hooks, inside the one demo write context."""
        self._open()
        values = dict(payload)
        if svc.before_write is not None:
            values = svc.before_write(self.session, values, None)
        columns = {c.key for c in svc.model.__mapper__.column_attrs}
        obj = svc.model(**{k: v for k, v in values.items() if k in columns and k not in svc.nested})
        self.session.add(obj)
        self.session.flush()
        if svc.after_write:
            svc.after_write(self.session, obj, payload)
            self.session.flush()
        self.counts[counter] += 1
        return obj

    def _found(self, obj: Any) -> int | None:
        if obj is None:
            return None
        self.counts["existing"] += 1
        return int(obj if isinstance(obj, int) else obj.id)

    # -- records ------------------------------------------------------------------------------

    def _document(self) -> Document:
        source = self.data.source
        digest = document_hash(source)
        found = self.session.scalar(select(Document).where(Document.content_hash == digest))
        if found is not None:
            return found
        document = Document(
            kind=source.kind,
            url=source.url,
            title=source.title,
            publisher=source.publisher,
            published=source.published,
            content_hash=digest,
            language="ru",
            meta={"demo_key": source.key},
        )
        self.session.add(document)
        self.session.flush()
        self.counts["documents"] += 1
        return document

    def _organization(self, org: Any) -> int:
        try:
            existing = self._found(registry.find_organization(self.session, org.name))
        except NotFoundError:
            existing = None
        if existing is not None:
            return existing
        payload = {
            "name": org.name,
            "short_name": org.short_name,
            "aliases": list(org.aliases),
            "kind": org.kind,
            "country": org.country,
            "region_code": org.region,
            "city": org.city,
            "inn": org.inn,
            "ogrn": org.ogrn,
            "kpp": org.kpp,
            "unp": org.unp,
            "okved_main": org.okved_main,
            "description": org.description,
        }
        return int(self._create(registry.organizations, payload, "organizations").id)

    def _person(self, person: Any) -> int:
        found = self._found(
            self.session.scalar(select(Person.id).where(Person.full_name == person.full_name))
        )
        if found is not None:
            return found
        roles = [
            {
                "role": role.role,
                "organization_id": self.orgs.get(role.organization) if role.organization else None,
                "region_code": role.region,
            }
            for role in person.roles
        ]
        payload = {"full_name": person.full_name, "roles": roles}
        return int(self._create(registry.persons, payload, "persons").id)

    def _link(self, link: Any) -> None:
        from_id = self.orgs[link.from_org]
        to_id = self.orgs[link.to_org] if link.to_org else None
        to_region = self.regions[link.to_region] if link.to_region else None
        query = select(Link.id).where(
            Link.type == link.type,
            Link.from_organization_id == from_id,
            _eq(Link.to_organization_id, to_id),
            _eq(Link.to_region_id, to_region),
            _eq(Link.object, link.object),
        )
        if self._found(self.session.scalar(query)) is not None:
            return
        payload = {
            "type": link.type,
            "from_organization_id": from_id,
            "to_organization_id": to_id,
            "to_region_id": to_region,
            "object": link.object,
            "status": link.status,
            "period_start": link.period_start,
            "period_end": link.period_end,
            "description": link.description,
        }
        self._create(coop.links, payload, "links")

    def _project(self, project: Any) -> None:
        query = select(Project.id).where(Project.name == project.name)
        if self._found(self.session.scalar(query)) is not None:
            return
        payload = {
            "name": project.name,
            "host_region_code": project.host_region,
            "stage": project.stage,
            "description": project.description,
            "amount": project.amount,
            "currency": project.currency,
            "jobs": project.jobs,
            "participants": [
                {"organization_id": self.orgs[p.organization], "role": p.role}
                for p in project.participants
            ],
            "stage_note": f"Источник: {self.data.source.publisher}",
        }
        self._create(coop.projects, payload, "projects")

    def _agreement(self, agreement: Any) -> None:
        query = select(Agreement.id).where(
            Agreement.kind == agreement.kind, Agreement.title == agreement.title
        )
        agreement_id = self._found(self.session.scalar(query))
        if agreement_id is None:
            payload = {
                "kind": agreement.kind,
                "title": agreement.title,
                "date": agreement.date,
                "event": agreement.event,
                "place": agreement.place,
                "description": agreement.description,
                "parties": [
                    {
                        "organization_id": self.orgs[p.organization] if p.organization else None,
                        "region_code": p.region,
                        "person_id": self.persons[p.person] if p.person else None,
                        "role": p.role,
                    }
                    for p in agreement.parties
                ],
            }
            agreement_id = int(self._create(coop.agreements, payload, "agreements").id)
        for commitment in agreement.commitments:
            self._commitment(agreement_id, commitment)

    def _commitment(self, agreement_id: int, commitment: Any) -> None:
        query = select(Commitment.id).where(
            Commitment.agreement_id == agreement_id, Commitment.text == commitment.text
        )
        if self._found(self.session.scalar(query)) is not None:
            return
        owner_org = commitment.owner_organization
        owner_person = commitment.owner_person
        payload = {
            "agreement_id": agreement_id,
            "text": commitment.text,
            "owner_organization_id": self.orgs[owner_org] if owner_org else None,
            "owner_person_id": self.persons[owner_person] if owner_person else None,
            "owner_region_code": commitment.owner_region,
            "due_date": commitment.due_date,
            "status": commitment.status,
        }
        self._create(coop.commitments, payload, "commitments")

    def _indicator(self, ind: Any) -> None:
        ids = {
            "subject_region_id": self.regions.get(ind.subject_region or ""),
            "subject_organization_id": self.orgs.get(ind.subject_organization or ""),
            "counterpart_region_id": self.regions.get(ind.counterpart_region or ""),
            "counterpart_organization_id": self.orgs.get(ind.counterpart_organization or ""),
        }
        query = select(Indicator.id).where(
            Indicator.metric == ind.metric,
            Indicator.period == ind.period,
            *[_eq(getattr(Indicator, name), value) for name, value in ids.items()],
        )
        if self._found(self.session.scalar(query)) is not None:
            return
        payload = {
            "metric": ind.metric,
            "period": ind.period,
            "value": ind.value,
            "unit": ind.unit,
            "qualifier": ind.qualifier,
            "description": ind.description,
            **ids,
        }
        self._create(coop.indicators, payload, "indicators")
