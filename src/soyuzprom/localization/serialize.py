"""JSON shapes of scores and plans, shared by the API and ``--json`` in the CLI.

Example::

    >>> score_to_dict(result)["pp719"]["verdict"]       # doctest: +SKIP
    'does_not_qualify'
"""

from __future__ import annotations

from typing import Any

from soyuzprom.localization.model import ForeignShareLimit, Source, Threshold
from soyuzprom.localization.planner import FrontierPoint, Plan
from soyuzprom.localization.problem import Exclusion
from soyuzprom.localization.product import CandidateAction, OrgRef
from soyuzprom.localization.scoring import RegimeResult, ScoreResult


def _source(s: Source) -> dict[str, Any]:
    return {"title": s.title, "reference": s.reference, "url": s.url, "note": s.note}


def _threshold(t: Threshold | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"points": t.points, "effective_from": t.effective_from and t.effective_from.isoformat(),
            "note": t.note, "source": _source(t.source)}


def _limit(f: ForeignShareLimit | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {"max_percent": f.max_percent,
            "effective_from": f.effective_from and f.effective_from.isoformat(),
            "note": f.note, "source": _source(f.source)}


def _org(o: OrgRef | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"name": o.name, "organization_id": o.organization_id, "inn": o.inn, "unp": o.unp}


def regime_to_dict(r: RegimeResult) -> dict[str, Any]:
    return {
        "regime": r.regime, "verdict": r.verdict.value, "total_points": r.total_points,
        "points_exact": r.points_exact, "threshold": _threshold(r.threshold),
        "points_needed": r.points_needed,
        "missing_mandatory": [{"kind": m.kind, "id": m.id, "name": m.name}
                              for m in r.missing_mandatory],
        "foreign_share_percent": (None if r.foreign_share_percent is None
                                  else round(r.foreign_share_percent, 4)),
        "foreign_share_limit": _limit(r.foreign_share_limit),
        "criterion_met": r.criterion_met, "reasons": list(r.reasons),
        "lines": [{
            "item": ln.item.id, "name": ln.item.name, "kind": ln.item.kind.value,
            "points": ln.item.points, "mandatory": ln.item.mandatory,
            "alternative": ln.item.alternative, "counts_in": ln.item.counts_in.value,
            "status": ln.status.value, "counted_points": ln.counted_points,
            "countries": list(ln.countries), "organizations": list(ln.organizations),
            "source": _source(ln.item.source),
        } for ln in r.lines],
    }


def score_to_dict(r: ScoreResult) -> dict[str, Any]:
    rb, g = r.rulebook, r.group
    return {
        "rulebook": {"id": rb.id, "title": rb.title, "version": rb.version,
                     "status": rb.status.value, "complete": rb.complete},
        "group": {"id": g.id, "name": g.name, "okpd2": list(g.okpd2), "complete": g.complete,
                  "source": _source(g.source)},
        "product": {"id": r.config.id, "name": r.config.name, "okpd2": r.config.okpd2},
        "date": r.on.isoformat(),
        "pp719": regime_to_dict(r.pp719),
        "eaeu": regime_to_dict(r.eaeu),
        "warnings": list(r.warnings),
    }


def action_to_dict(a: CandidateAction) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "item": a.item, "cost": a.cost,
            "lead_time_days": a.lead_time_days, "country": a.country,
            "supplier": _org(a.supplier)}


def exclusion_to_dict(e: Exclusion) -> dict[str, Any]:
    return {"action": e.action.id, "item": e.action.item, "reason": e.reason,
            "message": e.message}


def plan_to_dict(p: Plan) -> dict[str, Any]:
    return {
        "status": p.status.value, "goal": p.goal, "cost": p.cost, "budget": p.budget,
        "points_before": p.points_before, "points_after": p.points_after,
        "verdict_after": p.after.verdict.value if p.after else None,
        "actions": [action_to_dict(a) for a in p.actions],
        "reasons": [{"code": r.code, "message": r.message, "details": r.details}
                    for r in p.reasons],
    }


def frontier_to_dict(points: tuple[FrontierPoint, ...]) -> list[dict[str, Any]]:
    return [{"cost": f.cost, "points": f.points, "qualifies": f.qualifies,
             "actions": [a.id for a in f.actions]} for f in points]
