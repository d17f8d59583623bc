"""The planning instance: which candidate actions are usable, and the data the model needs.

An action is *usable* when its lead time ends by the target date, its country counts for
its item under the rule (a Belarusian supplier counts only where the rule allows any EAEU
state), it is not marked ``counts: false``, and it can change something (its item is not
counted yet, or it turns a foreign component into a local one). Every other action is kept
as an :class:`Exclusion` with the reason, so a plan can say why it did not use it.

Example::

    >>> problem = prepare(group, bus, target=date(2027, 1, 1), start=date(2026, 6, 1))
    >>> [e.reason for e in problem.excluded]
    ['late', 'area']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from soyuzprom.localization.areas import countries
from soyuzprom.localization.model import ForeignShareLimit, ProductGroup, Threshold
from soyuzprom.localization.product import CandidateAction, ProductConfig

_AREA_RU = {"russia": "только в России", "eaeu": "в любом государстве ЕАЭС"}


@dataclass(frozen=True)
class Exclusion:
    action: CandidateAction
    reason: str  # "late" | "area" | "marked" | "useless"
    message: str


@dataclass(frozen=True)
class PlanProblem:
    group: ProductGroup
    config: ProductConfig
    target: date
    start: date
    usable: tuple[CandidateAction, ...]
    excluded: tuple[Exclusion, ...]
    counted: frozenset[str]  # items that count today
    localisable_price: dict[str, int]  # item -> price of its foreign components today
    threshold: Threshold | None
    limit: ForeignShareLimit | None
    foreign_cost: int  # price of foreign components today

    def actions_for(self, item: str) -> tuple[CandidateAction, ...]:
        return tuple(a for a in self.usable if a.item == item)

    @property
    def limit_cost(self) -> float | None:
        """Largest foreign-component price the limit allows (None: no usable limit)."""
        if self.limit is None or not self.config.price:
            return None
        return self.limit.max_percent * self.config.price / 100.0


def prepare(group: ProductGroup, config: ProductConfig, *, target: date, start: date
            ) -> PlanProblem:
    """Sort the configuration's candidate actions into usable and excluded ones."""
    counted = frozenset(
        item.id for item in group.items
        if any(c in countries(item.counts_in) for c in config.countries_of(item.id))
    )
    localisable: dict[str, int] = defaultdict(int)
    foreign = 0
    for comp in config.components:
        item = group.item(comp.item) if comp.item else None
        area = item.counts_in if item else group.counts_in
        if comp.origin not in countries(area):
            foreign += comp.price
            if item is not None:
                localisable[item.id] += comp.price

    usable: list[CandidateAction] = []
    excluded: list[Exclusion] = []
    for action in config.actions:
        item = group.item(action.item)
        assert item is not None, "check_against() runs before prepare()"
        ready = start + timedelta(days=action.lead_time_days)
        if ready > target:
            excluded.append(Exclusion(action, "late",
                                      f"будет готово {ready:%d.%m.%Y}, позже целевой даты "
                                      f"{target:%d.%m.%Y}"))
        elif action.country not in countries(item.counts_in):
            excluded.append(Exclusion(action, "area",
                                      f"страна {action.country} не засчитывается: операция "
                                      f"учитывается {_AREA_RU[item.counts_in.value]}"))
        elif not action.counts:
            excluded.append(Exclusion(action, "marked", "действие помечено как незасчитываемое"))
        elif item.id in counted and not localisable.get(item.id):
            excluded.append(Exclusion(action, "useless", "операция уже засчитана"))
        else:
            usable.append(action)
    return PlanProblem(
        group=group, config=config, target=target, start=start, usable=tuple(usable),
        excluded=tuple(excluded), counted=counted, localisable_price=dict(localisable),
        threshold=group.threshold_on(target), limit=group.foreign_share_on(target),
        foreign_cost=foreign,
    )
