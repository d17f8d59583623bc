"""The JSON shape of a :class:`~.service.PlanReport` (API and ``plan --json``).

Example::

    >>> plan_report_to_dict(report)["min_cost"]["status"]     # doctest: +SKIP
    'optimal'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from soyuzprom.localization.serialize import (
    exclusion_to_dict,
    frontier_to_dict,
    plan_to_dict,
    score_to_dict,
)

if TYPE_CHECKING:
    from soyuzprom.localization.service import PlanReport


def plan_report_to_dict(report: PlanReport) -> dict[str, Any]:
    return {
        "target": report.target.isoformat(),
        "start": report.start.isoformat(),
        "score": score_to_dict(report.score),
        "min_cost": plan_to_dict(report.min_cost),
        "max_points": plan_to_dict(report.max_points) if report.max_points else None,
        "frontier": frontier_to_dict(report.frontier) if report.frontier is not None else None,
        "excluded_actions": [exclusion_to_dict(e) for e in report.excluded],
    }
