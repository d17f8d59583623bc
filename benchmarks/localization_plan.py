"""Benchmark: MIP planner (HiGHS) against a greedy heuristic and brute force.

Random instances with alternative groups (2-4 members, some mandatory), mandatory items,
one or two candidate actions per item (Russian and sometimes Belarusian suppliers), lead
times past the target date, and a threshold halfway between today's points and the most
reachable. For each size: solve time of the optimal plan (median and max over seeds), the
greedy heuristic's cost gap to the optimum, and brute force where the instance is small.

Run:  PYTHONPATH=src /work/venv/bin/python benchmarks/localization_plan.py [--seeds 5]
The last line printed is JSON with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import date, timedelta

from rich.console import Console
from rich.progress import Progress

from soyuzprom.localization.bruteforce import brute_min_cost
from soyuzprom.localization.explain import max_reachable_points
from soyuzprom.localization.greedy import greedy_min_cost
from soyuzprom.localization.model import (
    AlternativeGroup,
    Area,
    ProductGroup,
    RuleItem,
    Source,
    Threshold,
)
from soyuzprom.localization.planner import PlanStatus, min_cost_plan
from soyuzprom.localization.problem import PlanProblem, prepare
from soyuzprom.localization.product import CandidateAction, OperationRecord, ProductConfig

SRC = Source("benchmark instance (invented)")
START = date(2026, 1, 1)
TARGET = START + timedelta(days=365)


def instance(n_actions: int, seed: int) -> PlanProblem:
    """A random instance with about ``n_actions`` candidate actions."""
    rng = random.Random(seed)
    n_items = max(4, (n_actions * 2) // 3)
    items: list[RuleItem] = []
    alternatives: list[AlternativeGroup] = []
    k = 0
    while k < n_items:
        if rng.random() < 0.35 and k + 2 <= n_items:
            size = min(rng.randint(2, 4), n_items - k)
            alt = AlternativeGroup(f"alt{len(alternatives)}", "alt", rng.random() < 0.3)
            alternatives.append(alt)
            for _ in range(size):
                items.append(RuleItem(f"i{k}", "item", SRC, rng.randint(10, 300),
                                      alternative=alt.id))
                k += 1
        else:
            items.append(RuleItem(f"i{k}", "item", SRC, rng.randint(10, 300),
                                  mandatory=rng.random() < 0.05,
                                  counts_in=Area.EAEU if rng.random() < 0.2 else Area.RUSSIA))
            k += 1
    operations = [OperationRecord(i.id, "RU") for i in items
                  if not i.mandatory and rng.random() < 0.3]
    done = {o.item for o in operations}
    actions: list[CandidateAction] = []
    todo = [i for i in items if i.id not in done]
    while len(actions) < n_actions:
        item = rng.choice(todo)
        # cost correlated with points (the hard case for knapsack-like problems)
        cost = int((item.points or 1) * rng.uniform(20_000, 60_000))
        lead = rng.randint(30, 420)  # some end after the target date
        country = "BY" if rng.random() < 0.15 else "RU"
        actions.append(CandidateAction(f"a{len(actions)}", item.id, cost, lead, country))
    # every mandatory item gets at least one usable action, so instances are feasible
    for item in items:
        if item.mandatory and not any(a.item == item.id and a.lead_time_days <= 365
                                      and a.country == "RU" for a in actions):
            actions.append(CandidateAction(f"a{len(actions)}", item.id, 1_000_000, 30))
    for alt in alternatives:
        members = [i for i in items if i.alternative == alt.id]
        if alt.mandatory and not any(a.item in {m.id for m in members}
                                     and a.lead_time_days <= 365 and a.country == "RU"
                                     for a in actions):
            actions.append(CandidateAction(f"a{len(actions)}", rng.choice(members).id,
                                           2_000_000, 60))
    group = ProductGroup("g", "g", ("29.10.30",), SRC, tuple(items), tuple(alternatives))
    config = ProductConfig("p", "p", "29.10.30.111", operations=tuple(operations),
                           actions=tuple(actions))
    probe = prepare(group, config, target=TARGET, start=START)
    today = sum(i.points or 0 for i in items if i.id in done and i.alternative is None)
    threshold = (today + max_reachable_points(probe)) // 2
    group = ProductGroup("g", "g", ("29.10.30",), SRC, tuple(items), tuple(alternatives),
                         thresholds=(Threshold(threshold, SRC, START),))
    return prepare(group, config, target=TARGET, start=START)


def run(sizes: list[int], seeds: int, brute_size: int) -> dict[str, object]:
    console = Console(stderr=True)
    figures: dict[str, object] = {"seeds": seeds, "sizes": {}}
    with Progress(console=console) as progress:
        task = progress.add_task("экземпляры", total=len(sizes) * seeds + seeds)
        for n in sizes:
            times, gaps, greedy_times, fails = [], [], [], 0
            for seed in range(seeds):
                problem = instance(n, seed)
                t0 = time.perf_counter()
                plan = min_cost_plan(problem)
                times.append(time.perf_counter() - t0)
                assert plan.status is PlanStatus.OPTIMAL, plan.reasons
                t0 = time.perf_counter()
                greedy = greedy_min_cost(problem)
                greedy_times.append(time.perf_counter() - t0)
                if greedy is None:
                    fails += 1
                else:
                    assert greedy[0] >= plan.cost
                    gaps.append((greedy[0] - plan.cost) / plan.cost if plan.cost else 0.0)
                progress.advance(task)
            figures["sizes"][str(n)] = {  # type: ignore[index]
                "actions": n,
                "mip_seconds_median": round(statistics.median(times), 4),
                "mip_seconds_max": round(max(times), 4),
                "greedy_seconds_median": round(statistics.median(greedy_times), 4),
                "greedy_cost_gap_mean": round(statistics.mean(gaps), 4) if gaps else None,
                "greedy_cost_gap_max": round(max(gaps), 4) if gaps else None,
                "greedy_failed": fails,
            }
        # Brute force only where 2^n subsets are enumerable.
        agree, brute_times, mip_times = 0, [], []
        for seed in range(seeds):
            problem = instance(brute_size, 1000 + seed)
            t0 = time.perf_counter()
            best = brute_min_cost(problem)
            brute_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            plan = min_cost_plan(problem)
            mip_times.append(time.perf_counter() - t0)
            agree += int((best is None and plan.status is PlanStatus.INFEASIBLE)
                         or best == plan.cost)
            progress.advance(task)
        figures["brute_force"] = {
            "actions": brute_size, "instances": seeds, "mip_agrees": agree,
            "brute_seconds_median": round(statistics.median(brute_times), 4),
            "mip_seconds_median": round(statistics.median(mip_times), 4),
        }
    largest = figures["sizes"][str(max(sizes))]  # type: ignore[index]
    figures["target_met_1000_le_1s"] = largest["mip_seconds_max"] <= 1.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--brute-size", type=int, default=20)
    args = parser.parse_args()
    figures = run(args.sizes, args.seeds, args.brute_size)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
