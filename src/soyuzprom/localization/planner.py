"""Plans: cheapest qualifying set of actions, most points within a budget, Pareto frontier.

The model (0-1 program solved by HiGHS through :mod:`.mip`)::

    x_a   action a is taken (usable actions only; at most one per item)
    s_k   item k scores:  s_k <= counted_k + sum_{a on k} x_a
          alternative groups:  sum_{k in group} s_k <= 1
    P   = sum_k points_k * s_k
    mandatory item k not counted:         sum_{a on k} x_a >= 1
    mandatory alternative group unmet:    sum_{k in group} sum_{a on k} x_a >= 1
    criterion: z_p + z_f >= 1,  P >= T * z_p,
               sum_a localisable_price(a) * x_a >= (foreign_cost - limit) * z_f

Minimising cost gives the cheapest plan; the result is re-scored with :mod:`.scoring` so
the verdict a user sees comes from the same code that scores products.

Example::

    >>> plan = min_cost_plan(problem)                  # doctest: +SKIP
    >>> plan.status, plan.cost, [a.id for a in plan.actions]
    (<PlanStatus.OPTIMAL: 'optimal'>, 9500000, ['paint-ru', 'seats-ru'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from soyuzprom.localization.explain import Reason, explain_infeasible
from soyuzprom.localization.mip import Mip, Status
from soyuzprom.localization.problem import PlanProblem
from soyuzprom.localization.product import CandidateAction
from soyuzprom.localization.scoring import RegimeResult, Verdict, evaluate


class PlanStatus(StrEnum):
    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    INDETERMINATE = "indeterminate"  # the rulebook cannot decide (incomplete, no criterion)


@dataclass(frozen=True)
class Plan:
    status: PlanStatus
    goal: str  # "min_cost" | "max_points"
    actions: tuple[CandidateAction, ...] = ()
    cost: int = 0
    points_before: int = 0
    points_after: int = 0
    after: RegimeResult | None = None
    reasons: tuple[Reason, ...] = ()
    budget: int | None = None


@dataclass(frozen=True)
class FrontierPoint:
    cost: int
    points: int
    actions: tuple[CandidateAction, ...]
    qualifies: bool


@dataclass
class _Model:
    mip: Mip
    actions: tuple[CandidateAction, ...]  # the actions with a column, in column order
    x: list[int]  # column of each of ``actions``
    points: dict[int, float] = field(default_factory=dict)  # s_k column -> points
    cost: dict[int, float] = field(default_factory=dict)  # x_a column -> cost


def cheapest_per_item(actions: tuple[CandidateAction, ...]) -> tuple[CandidateAction, ...]:
    """Actions on the same item have the same effect, so only the cheapest can be optimal."""
    best: dict[str, CandidateAction] = {}
    for action in actions:
        if action.item not in best or action.cost < best[action.item].cost:
            best[action.item] = action
    return tuple(a for a in actions if best[a.item] is a)


def _model(problem: PlanProblem, *, qualify: bool) -> _Model:
    group, mip = problem.group, Mip()
    actions = cheapest_per_item(problem.usable)
    x = [mip.binary() for _ in actions]
    model = _Model(mip, actions, x, cost={x[i]: a.cost for i, a in enumerate(actions)})
    by_item: dict[str, list[int]] = {}
    for i, action in enumerate(actions):
        by_item.setdefault(action.item, []).append(x[i])
    s: dict[str, int] = {}
    for item in group.items:
        cols = by_item.get(item.id, [])
        if len(cols) > 1:
            mip.row(dict.fromkeys(cols, 1.0), upper=1)
        counted = 1 if item.id in problem.counted else 0
        if item.points and (cols or counted):
            s[item.id] = mip.binary(upper=1)
            model.points[s[item.id]] = item.points
            mip.row({s[item.id]: 1.0, **dict.fromkeys(cols, -1.0)}, upper=counted)
        if qualify and item.mandatory and not counted:
            mip.row(dict.fromkeys(cols, 1.0), lower=1)  # empty row: infeasible, as it must be
    for alt in group.alternatives:
        members = group.members(alt.id)
        scoring = {s[m.id]: 1.0 for m in members if m.id in s}
        if len(scoring) > 1:
            mip.row(scoring, upper=1)
        if qualify and alt.mandatory and not any(m.id in problem.counted for m in members):
            mip.row({c: 1.0 for m in members for c in by_item.get(m.id, [])}, lower=1)
    if qualify:
        limit = problem.limit_cost
        z_p = mip.binary(upper=1 if problem.threshold else 0)
        z_f = mip.binary(upper=1 if limit is not None else 0)
        mip.row({z_p: 1.0, z_f: 1.0}, lower=1)
        if problem.threshold:
            mip.row({**model.points, z_p: -float(problem.threshold.points)}, lower=0)
        if limit is not None:
            gain = {x[i]: float(problem.localisable_price.get(a.item, 0))
                    for i, a in enumerate(actions)}
            mip.row({**gain, z_f: -(problem.foreign_cost - limit)}, lower=0)
    return model


def _chosen(problem: PlanProblem, model: _Model, values: tuple[int, ...]
            ) -> tuple[CandidateAction, ...]:
    return tuple(a for i, a in enumerate(model.actions) if values[model.x[i]])


def _regime(problem: PlanProblem, actions: tuple[CandidateAction, ...]) -> RegimeResult:
    group = problem.group
    return evaluate(group, problem.config.apply(actions), problem.target, regime="pp719",
                    thresholds=group.thresholds, shares=group.foreign_share,
                    complete=group.complete, override=None)


def _indeterminate(problem: PlanProblem, goal: str) -> Plan | None:
    group = problem.group
    reasons = []
    if not group.complete or not group.points_known:
        reasons.append(Reason("incomplete_rulebook",
                              f"таблица баллов группы «{group.name}» неполная: план не строится",
                              {"group": group.id}))
    if goal == "min_cost" and problem.threshold is None and problem.limit_cost is None:
        reasons.append(Reason("no_criterion",
                              f"на {problem.target:%d.%m.%Y} нет действующего порога баллов "
                              "или применимого предела доли иностранных компонентов", {}))
    if not reasons:
        return None
    before = _regime(problem, ())
    return Plan(PlanStatus.INDETERMINATE, goal, points_before=before.total_points,
                points_after=before.total_points, after=before, reasons=tuple(reasons))


def _rub(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " руб."


def min_cost_plan(problem: PlanProblem, budget: int | None = None) -> Plan:
    """The cheapest set of usable actions after which the product qualifies on the target date.

    With ``budget``, a cheapest plan above the budget is reported as infeasible, with its cost.
    """
    blocked = _indeterminate(problem, "min_cost")
    if blocked:
        return blocked
    before = _regime(problem, ())
    model = _model(problem, qualify=True)
    for col, col_cost in model.cost.items():
        model.mip.costs[col] = col_cost
    solution = model.mip.solve(maximize=False)
    if solution.status is not Status.OPTIMAL:
        if solution.status is not Status.INFEASIBLE:
            raise RuntimeError("решатель HiGHS не нашёл оптимума за отведённое время")
        return Plan(PlanStatus.INFEASIBLE, "min_cost", points_before=before.total_points,
                    points_after=before.total_points, after=before, budget=budget,
                    reasons=explain_infeasible(problem))
    actions = _chosen(problem, model, solution.values)
    after = _regime(problem, actions)
    cost = sum(a.cost for a in actions)
    if after.verdict is not Verdict.QUALIFIES:  # the model and the scorer must agree
        raise RuntimeError(f"план не прошёл проверку оценкой: {after.reasons}")
    if budget is not None and cost > budget:
        reason = Reason("budget", f"самый дешёвый план стоит {_rub(cost)}, больше бюджета "
                        f"{_rub(budget)}", {"cost": cost, "budget": budget})
        return Plan(PlanStatus.INFEASIBLE, "min_cost", points_before=before.total_points,
                    points_after=before.total_points, after=before, budget=budget,
                    reasons=(reason,))
    return Plan(PlanStatus.OPTIMAL, "min_cost", actions, cost, before.total_points,
                after.total_points, after, budget=budget)


def _max_points(problem: PlanProblem, budget: float | None, at_least: int | None = None
                ) -> tuple[int, int, tuple[CandidateAction, ...]] | None:
    """(points, cost, actions): most points within ``budget``, cheapest among those.

    With ``at_least``, the cheapest set reaching that many points instead (no budget).
    """
    model = _model(problem, qualify=False)
    if at_least is None:
        if budget is not None:
            model.mip.row(model.cost, upper=budget)
        for col, pts in model.points.items():
            model.mip.costs[col] = pts
        best = model.mip.solve(maximize=True)
        if best.status is not Status.OPTIMAL:
            raise RuntimeError("решатель HiGHS не нашёл оптимума за отведённое время")
        at_least = round(best.objective or 0)
    model.mip.costs = [0.0] * len(model.mip.costs)
    model.mip.row(model.points, lower=at_least)
    for col, cost in model.cost.items():
        model.mip.costs[col] = cost
    cheapest = model.mip.solve(maximize=False)
    if cheapest.status is Status.INFEASIBLE:
        return None
    if cheapest.status is not Status.OPTIMAL:
        raise RuntimeError("решатель HiGHS не нашёл оптимума за отведённое время")
    actions = _chosen(problem, model, cheapest.values)
    points = round(sum(model.points[c] for c in model.points if cheapest.values[c]))
    return points, sum(a.cost for a in actions), actions


def max_points_plan(problem: PlanProblem, budget: int) -> Plan:
    """The most points reachable within ``budget`` (the cheapest such plan).

    Mandatory items are not forced here; the verdict after the plan says if it qualifies.
    """
    blocked = _indeterminate(problem, "max_points")
    if blocked:
        return blocked
    before = _regime(problem, ())
    found = _max_points(problem, budget)
    assert found is not None  # the empty plan always fits a non-negative budget
    _, cost, actions = found
    after = _regime(problem, actions)
    return Plan(PlanStatus.OPTIMAL, "max_points", actions, cost, before.total_points,
                after.total_points, after, budget=budget)


def pareto_frontier(problem: PlanProblem, max_points: int = 100) -> tuple[FrontierPoint, ...]:
    """Non-dominated (cost, points) plans, cheapest first, at most ``max_points`` of them.

    Epsilon-constraint: from the best plan at a cost, ask for one point more at least cost,
    then for the most points at that cost.
    """
    if _indeterminate(problem, "max_points"):
        return ()
    frontier: list[FrontierPoint] = []
    found = _max_points(problem, 0)
    while found is not None and len(frontier) < max_points:
        points, cost, actions = found
        qualifies = _regime(problem, actions).verdict is Verdict.QUALIFIES
        frontier.append(FrontierPoint(cost, points, actions, qualifies))
        step = _max_points(problem, None, at_least=points + 1)
        if step is None:
            break
        found = _max_points(problem, step[1])
    return tuple(frontier)


def plan_summary(plan: Plan) -> dict[str, Any]:
    """Counts used by logs and benchmarks."""
    return {"status": plan.status.value, "cost": plan.cost, "actions": len(plan.actions),
            "points_before": plan.points_before, "points_after": plan.points_after}
