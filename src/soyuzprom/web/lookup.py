"""Names of referenced records, fetched in one query per table for a whole page.

Pages show counterpart names next to ids (a link's other end, a commitment's owner); asking
one record at a time would cost a query per row.

Example:
    >>> names = Names.load(session, organizations={1, 2}, regions={5})
    >>> names.organization(1), names.region(5)
    ('Вяземский машиностроительный завод', 'Смоленская область')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.history import describe_source, provenance_of
from soyuzprom.registry.models import ClassifierEntry, Organization, Person, Region


def _names(session: Session, id_column: Any, name_column: Any,
           ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = session.execute(select(id_column, name_column).where(id_column.in_(wanted)))
    return {int(row[0]): str(row[1]) for row in rows}


@dataclass(frozen=True)
class Names:
    """Id → display name of organizations, regions and persons."""

    organizations: dict[int, str] = field(default_factory=dict)
    regions: dict[int, str] = field(default_factory=dict)
    persons: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        session: Session,
        *,
        organizations: Iterable[int | None] = (),
        regions: Iterable[int | None] = (),
        persons: Iterable[int | None] = (),
    ) -> Names:
        return cls(
            organizations=_names(session, Organization.id, Organization.name, organizations),
            regions=_names(session, Region.id, Region.name, regions),
            persons=_names(session, Person.id, Person.full_name, persons),
        )

    def organization(self, item_id: int | None) -> str:
        return self.organizations.get(item_id, "") if item_id is not None else ""

    def region(self, item_id: int | None) -> str:
        return self.regions.get(item_id, "") if item_id is not None else ""

    def person(self, item_id: int | None) -> str:
        return self.persons.get(item_id, "") if item_id is not None else ""


def country_names(session: Session, oksm_codes: Iterable[str | None]) -> dict[str, str]:
    """ОКСМ numeric code → country name as written in Russian (``112`` → ``Беларусь``)."""
    codes = sorted({c for c in oksm_codes if c})
    if not codes:
        return {}
    rows = session.execute(
        select(ClassifierEntry.code, ClassifierEntry.name).where(
            ClassifierEntry.scheme == "oksm", ClassifierEntry.code.in_(codes)
        )
    )
    # The classifier spells short names in capitals (БЕЛАРУСЬ); pages use sentence case.
    return {str(code): str(name)[:1].upper() + str(name)[1:].lower() for code, name in rows}


def value_source(session: Session, entity_type: str, entity_id: int, source_id: int | None,
                 field_name: str = "value") -> dict[str, Any] | None:
    """The source that set ``field_name`` of a record, else the source that created it."""
    fields = provenance_of(session, entity_type, entity_id)["fields"]
    found = fields.get(field_name) or fields.get("*")
    if found and found.get("source"):
        return dict(found["source"])
    return describe_source(session, source_id)
