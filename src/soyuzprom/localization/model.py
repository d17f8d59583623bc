"""Rulebook model: the Decree 719 point tables as frozen dataclasses.

A *rulebook* holds product groups (by OKPD2 code). Each group lists *items*: technological
operations or components, each with its points, whether it is mandatory, an optional
alternative group ("A or B": only one member scores, and a mandatory alternative group
needs at least one member), and *where it counts*: Russia only (the default) or any EAEU
state. Thresholds and the foreign-share alternative are dated, so the rule in force on a
date is found by :meth:`ProductGroup.threshold_on` / :meth:`ProductGroup.foreign_share_on`.

Every rule carries a :class:`Source`. Unknown point values are ``None`` and allowed only in
groups marked ``complete=False``; nothing here invents numbers.

Example::

    >>> g = ProductGroup(id="g", name="G", okpd2=("29.10.30",), source=Source("PP 719"),
    ...     items=(RuleItem(id="weld", name="Welding", points=100, source=Source("PP 719")),),
    ...     thresholds=(Threshold(points=100, effective_from=date(2026, 1, 1),
    ...                           source=Source("PP 719")),))
    >>> g.threshold_on(date(2026, 5, 1)).points
    100
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import TypeVar


class Area(StrEnum):
    """Where an operation must be performed for it to count."""

    RUSSIA = "russia"
    EAEU = "eaeu"


class ItemKind(StrEnum):
    OPERATION = "operation"
    COMPONENT = "component"


class RulebookStatus(StrEnum):
    """Legal standing of a rulebook's content."""

    IN_FORCE = "in_force"  # taken from an official text in force
    DRAFT = "draft"  # taken from a published draft, not law
    FIXTURE = "fixture"  # invented for tests and examples, never law


@dataclass(frozen=True)
class Source:
    """A citation: the document a rule is taken from."""

    title: str
    reference: str | None = None  # the clause, e.g. "приложение, п. 2"
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Threshold:
    """Points needed from ``effective_from`` on (``None``: since an unrecorded earlier date)."""

    points: int
    source: Source
    effective_from: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class ForeignShareLimit:
    """Alternative criterion: foreign components at most ``max_percent`` % of the price."""

    max_percent: float
    source: Source
    effective_from: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class RuleItem:
    """One line of a point table: an operation or a component."""

    id: str
    name: str
    source: Source
    points: int | None = 0  # None: the official value is not known to us
    kind: ItemKind = ItemKind.OPERATION
    mandatory: bool = False
    alternative: str | None = None  # id of an AlternativeGroup
    counts_in: Area = Area.RUSSIA


@dataclass(frozen=True)
class AlternativeGroup:
    """Items of which only one scores ("A or B"); ``mandatory``: at least one is required."""

    id: str
    name: str
    mandatory: bool = False


@dataclass(frozen=True)
class EaeuRegime:
    """Origin criteria under EAEU Council Decision No. 105 of 23.11.2020 for this group.

    Evaluated over the same item table, but every item counts when done in any EAEU state.
    """

    source: Source
    thresholds: tuple[Threshold, ...] = ()
    foreign_share: tuple[ForeignShareLimit, ...] = ()
    complete: bool = True


_Dated = TypeVar("_Dated", "Threshold", "ForeignShareLimit")


def in_force(entries: tuple[_Dated, ...], on: date) -> _Dated | None:
    """The entry of ``entries`` in force on ``on``: the latest ``effective_from`` not after it
    (an entry without a date counts as the earliest)."""
    best: _Dated | None = None
    for entry in entries:
        start = entry.effective_from
        if start is not None and start > on:
            continue
        if best is None or (start is not None and (best.effective_from is None
                                                   or start >= best.effective_from)):
            best = entry
    return best


@dataclass(frozen=True)
class ProductGroup:
    """A product group of the appendix to Decree 719."""

    id: str
    name: str
    okpd2: tuple[str, ...]
    source: Source
    items: tuple[RuleItem, ...] = ()
    alternatives: tuple[AlternativeGroup, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    foreign_share: tuple[ForeignShareLimit, ...] = ()
    eaeu: EaeuRegime | None = None
    complete: bool = True
    note: str | None = None
    counts_in: Area = Area.RUSSIA  # default for items, and for components not in the table

    # Indexes built on first use (cached_property writes __dict__, which frozen allows),
    # so lookups stay linear-time on tables with hundreds of lines.
    @cached_property
    def _by_id(self) -> dict[str, RuleItem]:
        return {i.id: i for i in self.items}

    @cached_property
    def _members(self) -> dict[str, tuple[RuleItem, ...]]:
        out: dict[str, list[RuleItem]] = {}
        for i in self.items:
            if i.alternative is not None:
                out.setdefault(i.alternative, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    def item(self, item_id: str) -> RuleItem | None:
        return self._by_id.get(item_id)

    def alternative(self, alt_id: str) -> AlternativeGroup | None:
        return next((a for a in self.alternatives if a.id == alt_id), None)

    def members(self, alt_id: str) -> tuple[RuleItem, ...]:
        return self._members.get(alt_id, ())

    def threshold_on(self, on: date) -> Threshold | None:
        return in_force(self.thresholds, on)

    def foreign_share_on(self, on: date) -> ForeignShareLimit | None:
        return in_force(self.foreign_share, on)

    @property
    def points_known(self) -> bool:
        return all(i.points is not None for i in self.items)

    def matches_okpd2(self, code: str) -> int:
        """Length of the longest of our OKPD2 codes that prefixes ``code`` (0: no match)."""
        # OKPD2 is hierarchical by string prefix: 29.10.2 -> 29.10.21 -> 29.10.21.000.
        return max((len(own) for own in self.okpd2 if code.startswith(own)), default=0)


@dataclass(frozen=True)
class Rulebook:
    """A versioned set of product-group rules with its validity dates."""

    id: str
    title: str
    version: str
    status: RulebookStatus
    source: Source
    groups: tuple[ProductGroup, ...]
    valid_from: date | None = None
    valid_to: date | None = None
    note: str | None = None

    @property
    def complete(self) -> bool:
        return all(g.complete for g in self.groups)

    def group(self, group_id: str) -> ProductGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def group_for_okpd2(self, code: str) -> ProductGroup | None:
        """The group with the most specific OKPD2 code covering ``code``."""
        scored = [(g.matches_okpd2(code), g) for g in self.groups]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            return None
        return max(scored, key=lambda s: s[0])[1]

    def valid_on(self, on: date) -> bool:
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_to is not None and on > self.valid_to)
