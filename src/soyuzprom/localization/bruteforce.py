"""Reference solvers by enumeration, for tests and the benchmark baseline.

They try every subset of usable actions (at most one per item, as the planner allows) and
judge each subset with :func:`.scoring.evaluate`, an independent path from the MIP model.
Exponential: use on at most ~16 actions.

Example::

    >>> brute_min_cost(problem)          # doctest: +SKIP
    (30500000, 1260)
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from soyuzprom.localization.problem import PlanProblem
from soyuzprom.localization.product import CandidateAction
from soyuzprom.localization.scoring import Verdict, evaluate


def subsets(problem: PlanProblem) -> Iterator[tuple[CandidateAction, ...]]:
    """Every set of usable actions with at most one action per item."""
    actions = problem.usable
    for size in range(len(actions) + 1):
        for combo in combinations(actions, size):
            items = [a.item for a in combo]
            if len(items) == len(set(items)):
                yield combo


def _judge(problem: PlanProblem, combo: tuple[CandidateAction, ...]) -> tuple[int, int, bool]:
    group = problem.group
    result = evaluate(group, problem.config.apply(combo), problem.target, regime="pp719",
                      thresholds=group.thresholds, shares=group.foreign_share,
                      complete=group.complete, override=None)
    return sum(a.cost for a in combo), result.total_points, result.verdict is Verdict.QUALIFIES


def brute_min_cost(problem: PlanProblem) -> int | None:
    """Cost of the cheapest qualifying subset, or None when none qualifies."""
    costs = [c for c, _, ok in (_judge(problem, s) for s in subsets(problem)) if ok]
    return min(costs) if costs else None


def brute_max_points(problem: PlanProblem, budget: int) -> tuple[int, int]:
    """(most points within budget, least cost among subsets with those points)."""
    best = (-1, 0)
    for combo in subsets(problem):
        cost, points, _ = _judge(problem, combo)
        if cost <= budget and (points > best[0] or (points == best[0] and cost < best[1])):
            best = (points, cost)
    return best


def brute_frontier(problem: PlanProblem) -> list[tuple[int, int]]:
    """Non-dominated (cost, points) pairs, cheapest first."""
    pairs = sorted({(c, p) for c, p, _ in (_judge(problem, s) for s in subsets(problem))},
                   key=lambda cp: (cp[0], -cp[1]))
    frontier: list[tuple[int, int]] = []
    for cost, points in pairs:
        if not frontier or points > frontier[-1][1]:
            if frontier and frontier[-1][0] == cost:
                continue
            frontier.append((cost, points))
    return frontier
