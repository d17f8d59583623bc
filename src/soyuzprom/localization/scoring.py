"""Score a product configuration against a rulebook group on a date.

The Decree 719 regime counts each item where its rule allows (Russia only unless the rule
says EAEU); the EAEU regime (Council Decision No. 105) is evaluated separately over the
same table with every EAEU state counting. Within an alternative group only the best
counted member scores.

Verdicts: ``qualifies`` (mandatory items done and the points threshold or the
foreign-share limit met), ``does_not_qualify``, ``indeterminate`` (no criterion in force on
the date, or the point table is incomplete so a shortfall is not conclusive) and
``not_defined`` (the rulebook has no EAEU criteria for the group).

Example::

    >>> result = score(rulebook, config, date(2026, 12, 1))   # doctest: +SKIP
    >>> result.pp719.verdict, result.pp719.total_points, result.pp719.points_needed
    (<Verdict.DOES_NOT_QUALIFY: 'does_not_qualify'>, 1450, 350)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from soyuzprom.errors import DomainValidationError
from soyuzprom.localization.areas import countries
from soyuzprom.localization.model import (
    Area,
    ForeignShareLimit,
    ProductGroup,
    Rulebook,
    RulebookStatus,
    RuleItem,
    Threshold,
    in_force,
)
from soyuzprom.localization.product import ProductConfig
from soyuzprom.localization.product_loader import check_against


class Verdict(StrEnum):
    QUALIFIES = "qualifies"
    DOES_NOT_QUALIFY = "does_not_qualify"
    INDETERMINATE = "indeterminate"
    NOT_DEFINED = "not_defined"


class LineStatus(StrEnum):
    COUNTED = "counted"
    SUPERSEDED = "superseded"  # counted member of an alternative group, another one scores
    OUTSIDE_AREA = "outside_area"  # done, but only where the rule does not count it
    NOT_PERFORMED = "not_performed"


@dataclass(frozen=True)
class ScoreLine:
    item: RuleItem
    status: LineStatus
    counted_points: int
    countries: tuple[str, ...]
    organizations: tuple[str, ...]


@dataclass(frozen=True)
class Missing:
    """A mandatory requirement not met: an item or an alternative group."""

    kind: str  # "operation" | "alternative"
    id: str
    name: str


@dataclass(frozen=True)
class RegimeResult:
    regime: str  # "pp719" | "eaeu"
    verdict: Verdict
    total_points: int  # a lower bound when points_exact is False
    points_exact: bool
    threshold: Threshold | None
    points_needed: int | None
    missing_mandatory: tuple[Missing, ...]
    foreign_share_percent: float | None
    foreign_share_limit: ForeignShareLimit | None
    criterion_met: str | None  # "points" | "foreign_share"
    reasons: tuple[str, ...]
    lines: tuple[ScoreLine, ...]


@dataclass(frozen=True)
class ScoreResult:
    rulebook: Rulebook
    group: ProductGroup
    config: ProductConfig
    on: date
    pp719: RegimeResult
    eaeu: RegimeResult
    warnings: tuple[str, ...]


def resolve_group(rulebook: Rulebook, config: ProductConfig) -> ProductGroup:
    """The group named by the configuration, else the one whose OKPD2 covers the product."""
    if config.group is not None:
        group = rulebook.group(config.group)
        if group is None:
            raise DomainValidationError(
                f"группа «{config.group}» отсутствует в своде правил «{rulebook.id}»",
                field="group", details={"group": config.group, "rulebook": rulebook.id})
    else:
        group = rulebook.group_for_okpd2(config.okpd2)
        if group is None:
            raise DomainValidationError(
                f"в своде правил «{rulebook.id}» нет группы для ОКПД2 {config.okpd2}",
                field="okpd2", details={"okpd2": config.okpd2, "rulebook": rulebook.id})
    check_against(config, group)
    return group


def _allowed(item: RuleItem, override: Area | None) -> frozenset[str]:
    return countries(override or item.counts_in)


def _lines(group: ProductGroup, config: ProductConfig, override: Area | None
           ) -> tuple[ScoreLine, ...]:
    lines: list[ScoreLine] = []
    for item in group.items:
        where = config.countries_of(item.id)
        counted = any(c in _allowed(item, override) for c in where)
        status = (LineStatus.COUNTED if counted else
                  LineStatus.OUTSIDE_AREA if where else LineStatus.NOT_PERFORMED)
        orgs = config.organizations_of(item.id) if where else ()
        lines.append(ScoreLine(item, status, (item.points or 0) if counted else 0,
                               tuple(dict.fromkeys(where)), orgs))
    # Within an alternative group only the best counted member scores.
    counted_in: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.item.alternative is not None and ln.status is LineStatus.COUNTED:
            counted_in.setdefault(ln.item.alternative, []).append(i)
    for members in counted_in.values():
        if len(members) > 1:
            best = max(members, key=lambda i: lines[i].counted_points)
            for i in members:
                if i != best:
                    ln = lines[i]
                    lines[i] = ScoreLine(ln.item, LineStatus.SUPERSEDED, 0, ln.countries,
                                         ln.organizations)
    return tuple(lines)


def foreign_share(group: ProductGroup, config: ProductConfig, override: Area | None
                  ) -> float | None:
    """Percent of the product price taken by components from outside the counting area."""
    if not config.price:
        return None
    foreign = 0
    for comp in config.components:
        item = group.item(comp.item) if comp.item else None
        allowed = _allowed(item, override) if item else countries(override or group.counts_in)
        if comp.origin not in allowed:
            foreign += comp.price
    return 100.0 * foreign / config.price


def evaluate(group: ProductGroup, config: ProductConfig, on: date, *, regime: str,
             thresholds: tuple[Threshold, ...], shares: tuple[ForeignShareLimit, ...],
             complete: bool, override: Area | None) -> RegimeResult:
    """One regime's verdict; see the module docstring for the rules."""
    lines = _lines(group, config, override)
    by_id = {ln.item.id: ln for ln in lines}
    total = sum(ln.counted_points for ln in lines)
    exact = all(ln.item.points is not None for ln in lines if ln.status is LineStatus.COUNTED)
    missing = [Missing("operation", ln.item.id, ln.item.name) for ln in lines
               if ln.item.mandatory and ln.status is not LineStatus.COUNTED]
    for alt in group.alternatives:
        if alt.mandatory and not any(by_id[m.id].status in (LineStatus.COUNTED,
                                                            LineStatus.SUPERSEDED)
                                     for m in group.members(alt.id)):
            missing.append(Missing("alternative", alt.id, alt.name))

    threshold = in_force(thresholds, on)
    limit = in_force(shares, on)
    share = foreign_share(group, config, override)

    reasons: list[str] = []
    met: str | None = None
    needed = max(0, threshold.points - total) if threshold else None
    if threshold and total >= threshold.points:
        met = "points"
    elif limit and share is not None and share <= limit.max_percent + 1e-9:
        met = "foreign_share"

    if missing:
        verdict = Verdict.DOES_NOT_QUALIFY
        reasons.append("не выполнены обязательные требования: "
                       + ", ".join(f"«{m.name}»" for m in missing))
    elif met:
        verdict = Verdict.QUALIFIES
    elif threshold is None and (limit is None or share is None):
        verdict = Verdict.INDETERMINATE
        reasons.append(f"на {on:%d.%m.%Y} в своде правил нет действующего порога баллов"
                       + (" и доли иностранных компонентов" if limit is None else
                          ", а цена продукции не указана"))
    elif not complete or not exact:
        verdict = Verdict.INDETERMINATE
        reasons.append("таблица баллов группы неполная: недостаток баллов не окончателен")
    else:
        verdict = Verdict.DOES_NOT_QUALIFY
    if threshold and needed and not met:
        reasons.append(f"не хватает {needed} баллов до порога {threshold.points}")
    if limit and share is not None and not met:
        reasons.append(f"доля иностранных компонентов {share:.1f} % выше предела "
                       f"{limit.max_percent:g} %")
    return RegimeResult(regime, verdict, total, exact, threshold, needed, tuple(missing), share,
                        limit, met, tuple(reasons), lines)


def score(rulebook: Rulebook, config: ProductConfig, on: date) -> ScoreResult:
    """Score ``config`` under Decree 719 and, separately, the EAEU regime, on ``on``."""
    group = resolve_group(rulebook, config)
    pp719 = evaluate(group, config, on, regime="pp719", thresholds=group.thresholds,
                     shares=group.foreign_share, complete=group.complete, override=None)
    if group.eaeu is None:
        eaeu = RegimeResult("eaeu", Verdict.NOT_DEFINED, 0, True, None, None, (), None, None,
                            None, ("критерии ЕАЭС для группы в своде правил не заданы",), ())
    else:
        eaeu = evaluate(group, config, on, regime="eaeu", thresholds=group.eaeu.thresholds,
                        shares=group.eaeu.foreign_share,
                        complete=group.complete and group.eaeu.complete, override=Area.EAEU)
    warnings: list[str] = []
    if not rulebook.valid_on(on):
        warnings.append(f"свод правил «{rulebook.id}» не действует на {on:%d.%m.%Y}")
    if rulebook.status is RulebookStatus.DRAFT:
        warnings.append("свод правил основан на проекте документа, а не на действующей норме")
    if rulebook.status is RulebookStatus.FIXTURE:
        warnings.append("свод правил тестовый: числа в нём вымышлены и не являются нормой")
    if not group.complete:
        warnings.append(f"таблица баллов группы «{group.name}» в своде правил неполная")
    return ScoreResult(rulebook, group, config, on, pp719, eaeu, tuple(warnings))


__all__ = ["LineStatus", "Missing", "RegimeResult", "ScoreLine", "ScoreResult",
           "Verdict", "evaluate", "foreign_share", "resolve_group", "score"]
