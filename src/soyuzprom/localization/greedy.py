"""A greedy heuristic for the cheapest plan: the baseline the MIP planner is measured against.

It buys the cheapest action for each unmet mandatory item and alternative group, then keeps
taking the action with the most points per rouble (an alternative group's member only adds
what it beats the group's best by), except that once one action can close the remaining
gap it takes the cheapest such action and stops. Points criterion only.

Example::

    >>> greedy_min_cost(problem)          # doctest: +SKIP
    (32000000, (...actions...))
"""

from __future__ import annotations

from soyuzprom.localization.problem import PlanProblem
from soyuzprom.localization.product import CandidateAction


def greedy_min_cost(problem: PlanProblem) -> tuple[int, tuple[CandidateAction, ...]] | None:
    """(cost, actions) of a qualifying plan found greedily, or None if it finds none."""
    group = problem.group
    if problem.threshold is None:
        return None
    counted = set(problem.counted)
    chosen: list[CandidateAction] = []

    def take(action: CandidateAction) -> None:
        chosen.append(action)
        counted.add(action.item)

    def cheapest(items: set[str]) -> CandidateAction | None:
        options = [a for a in problem.usable if a.item in items]
        return min(options, key=lambda a: a.cost) if options else None

    for item in group.items:
        if item.mandatory and item.id not in counted:
            action = cheapest({item.id})
            if action is None:
                return None
            take(action)
    for alt in group.alternatives:
        members = {m.id for m in group.members(alt.id)}
        if alt.mandatory and not members & counted:
            action = cheapest(members)
            if action is None:
                return None
            take(action)

    points_of = {i.id: i.points or 0 for i in group.items}
    alt_of = {i.id: i.alternative for i in group.items}

    def alt_best(alt: str) -> int:
        return max((points_of[m.id] for m in group.members(alt) if m.id in counted), default=0)

    def points() -> int:
        plain = sum(points_of[i] for i in counted if alt_of[i] is None)
        return plain + sum(alt_best(a.id) for a in group.alternatives)

    need = problem.threshold.points - points()
    while need > 0:
        gains: list[tuple[int, CandidateAction]] = []
        best_alt = {a.id: alt_best(a.id) for a in group.alternatives}
        for action in problem.usable:
            if action.item in counted:
                continue
            alt_id = alt_of[action.item]
            gain = points_of[action.item] - (best_alt[alt_id] if alt_id else 0)
            if gain > 0:
                gains.append((gain, action))
        if not gains:
            return None
        closing = [a for g, a in gains if g >= need]
        if closing:
            take(min(closing, key=lambda a: a.cost))
            break
        take(max(gains, key=lambda ga: ga[0] / max(ga[1].cost, 1))[1])
        need = problem.threshold.points - points()
    return sum(a.cost for a in chosen), tuple(chosen)
