"""Planner on the worked example: cheapest plan, budget, exclusions, explanations."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from soyuzprom.localization.catalog import open_rulebook
from soyuzprom.localization.planner import (
    PlanStatus,
    max_points_plan,
    min_cost_plan,
    pareto_frontier,
)
from soyuzprom.localization.problem import prepare
from soyuzprom.localization.product_loader import parse_product
from soyuzprom.localization.scoring import Verdict, resolve_group

TARGET = date(2027, 1, 1)


def _problem(rulebook, config, target=TARGET):
    return prepare(resolve_group(rulebook, config), config, target=target, start=config.as_of)


def test_cheapest_plan_for_the_apron_bus(rulebook, bus):
    problem = _problem(rulebook, bus)
    excluded = {e.action.id: e.reason for e in problem.excluded}
    # The Belarusian seats do not count under a Russia-only rule; the engine comes too late.
    assert excluded == {"seats-by": "area", "engine-ru": "late"}
    plan = min_cost_plan(problem)
    assert plan.status is PlanStatus.OPTIMAL
    # The frame-or-body requirement is met by the cheaper chassis frame welding.
    assert sorted(a.id for a in plan.actions) == [
        "cataphoresis-bryansk", "chassis-weld-smolensk", "hvac-ru", "seats-ru"]
    assert plan.cost == 18_000_000 + 6_000_000 + 4_000_000 + 2_500_000
    assert (plan.points_before, plan.points_after) == (760, 1260)
    assert plan.after.verdict is Verdict.QUALIFIES


def test_later_target_raises_the_bar(rulebook, bus):
    problem = _problem(rulebook, bus, date(2027, 8, 1))
    assert {e.action.id for e in problem.excluded} == {"seats-by"}  # the engine is in time
    plan = min_cost_plan(problem)
    assert plan.status is PlanStatus.OPTIMAL
    assert plan.points_after >= 1500 and plan.after.threshold.points == 1500


def test_budget_too_small_is_explained(rulebook, bus):
    plan = min_cost_plan(_problem(rulebook, bus), budget=20_000_000)
    assert plan.status is PlanStatus.INFEASIBLE
    assert [r.code for r in plan.reasons] == ["budget"]
    assert plan.reasons[0].details == {"cost": 30_500_000, "budget": 20_000_000}


def test_max_points_within_budget(rulebook, bus):
    plan = max_points_plan(_problem(rulebook, bus), 10_000_000)
    assert sorted(a.id for a in plan.actions) == ["cataphoresis-bryansk", "hvac-ru"]
    assert plan.points_after == 760 + 150 + 120
    assert plan.after.verdict is Verdict.DOES_NOT_QUALIFY  # the welding is still missing


def test_pareto_frontier_is_monotone(rulebook, bus):
    frontier = pareto_frontier(_problem(rulebook, bus))
    assert frontier[0].cost == 0 and frontier[0].points == 760
    assert all(a.cost < b.cost and a.points < b.points for a, b in itertools.pairwise(frontier))
    first_ok = next(p for p in frontier if p.qualifies)
    assert first_ok.cost >= min_cost_plan(_problem(rulebook, bus)).cost


def test_unreachable_mandatory_operation_is_named(rulebook, bus):
    slow = replace(bus, actions=tuple(
        replace(a, lead_time_days=400) if a.item.endswith("frame-welding") else a
        for a in bus.actions))
    plan = min_cost_plan(_problem(rulebook, slow))
    assert plan.status is PlanStatus.INFEASIBLE
    [reason] = plan.reasons
    assert reason.code == "mandatory_unreachable"
    assert reason.details["alternative"] == "frame-or-body"
    assert {e["reason"] for e in reason.details["excluded"]} == {"late"}
    assert "Сварка рамы шасси или каркаса кузова" in reason.message


def test_unreachable_points_are_counted(rulebook, bus):
    few = replace(bus, actions=tuple(a for a in bus.actions
                                     if a.id in {"chassis-weld-smolensk", "seats-ru"}))
    plan = min_cost_plan(_problem(rulebook, few))
    assert [r.code for r in plan.reasons] == ["points_unreachable"]
    assert plan.reasons[0].details == {"max_points": 760 + 150 + 80, "threshold": 1200}


def test_incomplete_rulebook_is_not_planned():
    buses = open_rulebook("pp719-buses-draft")
    bus = parse_product(
        "format: soyuzprom.product/1\nid: b\nname: Автобус\nokpd2: '29.10.30.111'\n")
    plan = min_cost_plan(prepare(resolve_group(buses, bus), bus, target=date(2026, 12, 1),
                                 start=date(2026, 6, 1)))
    assert plan.status is PlanStatus.INDETERMINATE
    assert [r.code for r in plan.reasons] == ["incomplete_rulebook"]
