"""Property tests: the MIP planner is optimal, checked by brute force on small instances.

Random groups have an alternative group (sometimes mandatory), mandatory items, Russia-only
and EAEU rules, components with prices (foreign-share criterion), and candidate actions
that may be late, Belarusian, or marked as not counting.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from soyuzprom.localization.bruteforce import brute_frontier, brute_max_points, brute_min_cost
from soyuzprom.localization.greedy import greedy_min_cost
from soyuzprom.localization.model import (
    AlternativeGroup,
    Area,
    ForeignShareLimit,
    ItemKind,
    ProductGroup,
    RuleItem,
    Source,
    Threshold,
)
from soyuzprom.localization.planner import (
    PlanStatus,
    max_points_plan,
    min_cost_plan,
    pareto_frontier,
)
from soyuzprom.localization.problem import PlanProblem, prepare
from soyuzprom.localization.product import (
    CandidateAction,
    ComponentRecord,
    OperationRecord,
    ProductConfig,
)
from soyuzprom.localization.scoring import Verdict, evaluate

SRC = Source("property-test fixture")
START = date(2026, 1, 1)
TARGET = START + timedelta(days=5)
COUNTRIES = st.sampled_from(["RU", "RU", "BY", "CN"])


@st.composite
def problems(draw: st.DrawFn) -> PlanProblem:
    n_items = draw(st.integers(2, 6))
    alt_size = draw(st.sampled_from([0, 2, 3]))
    alt_size = min(alt_size, n_items)
    items = []
    for k in range(n_items):
        in_alt = k < alt_size
        items.append(RuleItem(
            id=f"i{k}", name=f"item {k}", source=SRC, points=draw(st.integers(0, 40)),
            kind=draw(st.sampled_from(list(ItemKind))),
            mandatory=not in_alt and draw(st.integers(0, 5)) == 0,
            alternative="alt" if in_alt else None,
            counts_in=draw(st.sampled_from([Area.RUSSIA, Area.RUSSIA, Area.EAEU])),
        ))
    alternatives = (AlternativeGroup("alt", "alt", draw(st.booleans())),) if alt_size else ()
    total = sum(i.points or 0 for i in items)
    threshold = draw(st.one_of(st.none(), st.integers(total // 6, total // 2 + 1)))
    limit = draw(st.one_of(st.none(), st.integers(0, 100)))
    if threshold is None and limit is None:
        threshold = total // 2
    group = ProductGroup(
        id="g", name="g", okpd2=("28.13",), source=SRC, items=tuple(items),
        alternatives=alternatives,
        thresholds=(Threshold(threshold, SRC, START),) if threshold is not None else (),
        foreign_share=(ForeignShareLimit(float(limit), SRC, START),) if limit is not None else (),
    )
    operations, components = [], []
    for item in items:
        country = draw(st.sampled_from([None, None, "RU", "BY", "CN"]))
        if item.kind is ItemKind.COMPONENT:
            components.append(ComponentRecord(f"c-{item.id}", country or "CN",
                                              draw(st.integers(0, 50)), item=item.id))
        elif country is not None:
            operations.append(OperationRecord(item.id, country))
    if draw(st.booleans()):
        components.append(ComponentRecord("loose", draw(COUNTRIES), draw(st.integers(0, 50))))
    price = sum(c.price for c in components) + draw(st.integers(1, 50))
    # Zero to two candidate actions per item (alternative suppliers), some unusable.
    actions = tuple(
        CandidateAction(
            id=f"a{item.id}-{j}", item=item.id,
            cost=draw(st.integers(0, 30)), lead_time_days=draw(st.integers(0, 6)),
            country=draw(st.sampled_from(["RU", "RU", "RU", "BY"])),
            counts=draw(st.integers(0, 9)) > 0,
        )
        for item in items
        for j in range(draw(st.integers(0, 2)))
    )
    config = ProductConfig(id="p", name="p", okpd2="28.13.1", price=price,
                           operations=tuple(operations), components=tuple(components),
                           actions=actions)
    return prepare(group, config, target=TARGET, start=START)


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(problems())
def test_min_cost_plan_matches_brute_force(problem):
    plan = min_cost_plan(problem)
    best = brute_min_cost(problem)
    event(f"status={plan.status.value}, actions taken={min(len(plan.actions), 3)}")
    event("reasons=" + ",".join(sorted({r.code for r in plan.reasons})))
    if best is None:
        assert plan.status is PlanStatus.INFEASIBLE
        assert plan.reasons and all(r.code != "unexplained" for r in plan.reasons)
    else:
        assert plan.status is PlanStatus.OPTIMAL
        assert plan.cost == best
        assert len({a.item for a in plan.actions}) == len(plan.actions)
        assert all(a in problem.usable for a in plan.actions)


@FAST
@given(problems(), st.integers(0, 80))
def test_max_points_within_budget_matches_brute_force(problem, budget):
    plan = max_points_plan(problem, budget)
    points, cost = brute_max_points(problem, budget)
    assert plan.status is PlanStatus.OPTIMAL
    assert (plan.points_after, plan.cost) == (points, cost)
    assert plan.cost <= budget


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_pareto_frontier_matches_brute_force(problem):
    frontier = pareto_frontier(problem)
    assert [(p.cost, p.points) for p in frontier] == brute_frontier(problem)


@FAST
@given(problems(), st.integers(0, 60))
def test_budgeted_plan_is_the_cheapest_or_explained(problem, budget):
    plan = min_cost_plan(problem, budget=budget)
    best = brute_min_cost(problem)
    if best is not None and best <= budget:
        assert plan.status is PlanStatus.OPTIMAL and plan.cost == best
    else:
        assert plan.status is PlanStatus.INFEASIBLE
        expected = "budget" if best is not None else None
        assert expected is None or [r.code for r in plan.reasons] == ["budget"]


@FAST
@given(problems())
def test_greedy_baseline_qualifies_and_is_never_cheaper(problem):
    found = greedy_min_cost(problem)
    if found is None or problem.limit is not None:
        return  # greedy knows the points criterion only
    cost, actions = found
    plan = min_cost_plan(problem)
    assert plan.status is PlanStatus.OPTIMAL and cost >= plan.cost
    group = problem.group
    after = evaluate(group, problem.config.apply(actions), problem.target, regime="pp719",
                     thresholds=group.thresholds, shares=(), complete=True, override=None)
    assert after.verdict is Verdict.QUALIFIES
