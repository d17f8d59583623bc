"""Why no plan qualifies: the requirements that even every usable action cannot meet.

Without a budget the requirements are independent (taking every usable action maximises
points and minimises the foreign share at once), so a goal is infeasible exactly when one
of these fails: a mandatory item or alternative group has no usable action, or neither the
points threshold nor the foreign-share limit can be reached. Each failure is one
:class:`Reason` with a Russian message and machine-readable details.

Example::

    >>> [r.code for r in explain_infeasible(problem)]          # doctest: +SKIP
    ['mandatory_unreachable', 'points_unreachable']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from soyuzprom.localization.problem import PlanProblem


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    details: dict[str, Any] = field(default_factory=dict)


def _why_not(problem: PlanProblem, item_ids: set[str]) -> list[dict[str, str]]:
    return [{"action": e.action.id, "item": e.action.item, "reason": e.reason,
             "message": e.message} for e in problem.excluded if e.action.item in item_ids]


def max_reachable_points(problem: PlanProblem) -> int:
    """Points with every usable action taken (best member of each alternative group)."""
    group = problem.group
    reachable = {i.id for i in group.items
                 if i.id in problem.counted or problem.actions_for(i.id)}
    total = sum(i.points or 0 for i in group.items if i.alternative is None and i.id in reachable)
    for alt in group.alternatives:
        total += max((m.points or 0 for m in group.members(alt.id) if m.id in reachable),
                     default=0)
    return total


def explain_infeasible(problem: PlanProblem) -> tuple[Reason, ...]:
    """The requirements that cannot be met by the target date with the usable actions."""
    group, reasons = problem.group, []
    for item in group.items:
        if item.mandatory and item.id not in problem.counted and not problem.actions_for(item.id):
            reasons.append(Reason(
                "mandatory_unreachable",
                f"обязательная операция «{item.name}» не выполняется в зачётной зоне, "
                "и применимых действий для неё нет",
                {"item": item.id, "excluded": _why_not(problem, {item.id})}))
    for alt in group.alternatives:
        members = {m.id for m in group.members(alt.id)}
        if alt.mandatory and not members & problem.counted and not any(
                problem.actions_for(m) for m in members):
            reasons.append(Reason(
                "mandatory_unreachable",
                f"ни один вариант обязательной группы «{alt.name}» не выполнен, "
                "и применимых действий нет",
                {"alternative": alt.id, "excluded": _why_not(problem, members)}))
    points_ok = share_ok = False
    if problem.threshold is not None:
        best = max_reachable_points(problem)
        points_ok = best >= problem.threshold.points
        if not points_ok:
            reasons.append(Reason(
                "points_unreachable",
                f"даже со всеми применимыми действиями набирается {best} баллов "
                f"из {problem.threshold.points} необходимых",
                {"max_points": best, "threshold": problem.threshold.points}))
    limit = problem.limit_cost
    if limit is not None and problem.config.price:
        rest = problem.foreign_cost - sum(
            problem.localisable_price.get(i, 0) for i in {a.item for a in problem.usable})
        share_ok = rest <= limit + 1e-9
        if not share_ok:
            best_share = 100.0 * rest / problem.config.price
            reasons.append(Reason(
                "foreign_share_unreachable",
                f"доля иностранных компонентов не опускается ниже {best_share:.1f} % "
                f"при пределе {problem.limit.max_percent if problem.limit else 0:g} %",
                {"min_share_percent": round(best_share, 3)}))
    if points_ok or share_ok:
        # A criterion is reachable, so only the mandatory reasons explain the failure.
        reasons = [r for r in reasons if r.code == "mandatory_unreachable"]
    if not reasons:
        reasons.append(Reason("unexplained", "требования несовместимы", {}))
    return tuple(reasons)
