"""Product configuration: where each operation is done, components and candidate actions.

A configuration describes one product as it is made today: which rulebook items are
performed in which country (and by which registry organization), the components with their
origin and price, and the *candidate actions* a planner may choose from (localise an item:
cost, lead time, country, optional supplier).

Countries are ISO 3166-1 alpha-2 codes (``RU``, ``BY``, ...). Money is in whole roubles.

Example::

    >>> cfg = ProductConfig(id="bus", name="Bus", okpd2="29.10.30.119", price=1000,
    ...     operations=(OperationRecord(item="weld", country="RU"),))
    >>> cfg.countries_of("weld")
    ('RU',)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property


@dataclass(frozen=True)
class OrgRef:
    """A reference to an organization: registry id and/or INN (RU) / UNP (BY), and a name."""

    name: str | None = None
    organization_id: int | None = None
    inn: str | None = None
    unp: str | None = None

    def label(self) -> str:
        ident = (self.inn and f"ИНН {self.inn}") or (self.unp and f"УНП {self.unp}")
        if self.organization_id is not None:
            ident = f"#{self.organization_id}" + (f", {ident}" if ident else "")
        return " ".join(p for p in (self.name, f"({ident})" if ident else None) if p) or "—"


@dataclass(frozen=True)
class OperationRecord:
    """Rulebook item ``item`` is performed in ``country`` (by ``organization``)."""

    item: str
    country: str
    organization: OrgRef | None = None


@dataclass(frozen=True)
class ComponentRecord:
    """A component with its origin and price; ``item`` links it to a rulebook item."""

    id: str
    origin: str
    price: int
    name: str | None = None
    item: str | None = None
    supplier: OrgRef | None = None


@dataclass(frozen=True)
class CandidateAction:
    """Localise rulebook item ``item``: done in ``country`` after ``lead_time_days``.

    ``counts`` set to False excludes the action explicitly (e.g. the supplier's conclusion
    would not be accepted); otherwise whether it counts follows the rule's area.
    """

    id: str
    item: str
    cost: int
    lead_time_days: int
    country: str = "RU"
    name: str | None = None
    supplier: OrgRef | None = None
    counts: bool = True


@dataclass(frozen=True)
class ProductConfig:
    """One product as made today, plus the actions that could localise it further."""

    id: str
    name: str
    okpd2: str
    price: int | None = None
    group: str | None = None
    as_of: date | None = None
    maker: OrgRef | None = None
    operations: tuple[OperationRecord, ...] = ()
    components: tuple[ComponentRecord, ...] = ()
    actions: tuple[CandidateAction, ...] = ()

    @cached_property
    def _where(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for r in self.operations:
            found.setdefault(r.item, []).append(r.country)
        for c in self.components:
            if c.item is not None:
                found.setdefault(c.item, []).append(c.origin)
        return {k: tuple(v) for k, v in found.items()}

    def countries_of(self, item: str) -> tuple[str, ...]:
        """Every country where ``item`` is done today (operation records and components)."""
        return self._where.get(item, ())

    def organizations_of(self, item: str) -> tuple[str, ...]:
        """Labels of the organizations doing ``item`` (operations, then component suppliers)."""
        orgs = [r.organization.label() for r in self.operations
                if r.item == item and r.organization is not None]
        orgs += [c.supplier.label() for c in self.components
                 if c.item == item and c.supplier is not None]
        return tuple(dict.fromkeys(orgs))

    def apply(self, actions: tuple[CandidateAction, ...] | list[CandidateAction]) -> ProductConfig:
        """The configuration after ``actions``: each localised item is done in its country.

        Components linked to a localised item take the action's country as their origin
        (their price is kept); an operation record is added for the item.
        """
        ops = list(self.operations)
        comps = list(self.components)
        for action in actions:
            ops.append(OperationRecord(action.item, action.country, action.supplier))
            comps = [
                replace(c, origin=action.country, supplier=action.supplier or c.supplier)
                if c.item == action.item else c
                for c in comps
            ]
        return replace(self, operations=tuple(ops), components=tuple(comps), actions=())
