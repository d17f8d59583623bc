"""A small adapter from a sparse 0-1 program to HiGHS (highspy) and back.

The planner states its model with :class:`Mip` (plain Python lists); this module is the
only place that touches highspy. Solutions are rounded to integers, and the gap options
are set to prove optimality exactly (costs and points are integers).

Example::

    >>> m = Mip()
    >>> a, b = m.binary(3), m.binary(2)
    >>> m.row({a: 1, b: 1}, lower=1)
    >>> m.solve(maximize=False).values
    (0, 1)
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import StrEnum

import highspy
import numpy as np

INF = highspy.kHighsInf
_banner_shown = False


class Status(StrEnum):
    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    OTHER = "other"


@dataclass(frozen=True)
class Solution:
    status: Status
    objective: float | None
    values: tuple[int, ...]


@dataclass
class Mip:
    """Binary variables (optionally general integers), sparse rows, one linear objective."""

    costs: list[float] = field(default_factory=list)
    uppers: list[float] = field(default_factory=list)
    lowers: list[float] = field(default_factory=list)
    rows: list[tuple[dict[int, float], float, float]] = field(default_factory=list)

    def binary(self, cost: float = 0.0, lower: float = 0.0, upper: float = 1.0) -> int:
        self.costs.append(float(cost))
        self.lowers.append(float(lower))
        self.uppers.append(float(upper))
        return len(self.costs) - 1

    def row(self, coefs: dict[int, float], lower: float = -INF, upper: float = INF) -> None:
        self.rows.append((coefs, float(lower), float(upper)))

    def solve(self, *, maximize: bool, time_limit: float = 60.0) -> Solution:
        if not self.costs:
            # HiGHS reports an empty model as such; decide it here: every row sums to 0.
            ok = all(lo <= 0.0 <= up for _, lo, up in self.rows)
            if ok:
                return Solution(Status.OPTIMAL, 0.0, ())
            return Solution(Status.INFEASIBLE, None, ())
        h = _new_highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("mip_rel_gap", 0.0)
        # Objectives are integral: a gap below 1 proves optimality.
        h.setOptionValue("mip_abs_gap", 0.5)
        h.setOptionValue("time_limit", float(time_limit))
        h.setOptionValue("threads", 1)
        n = len(self.costs)
        lp = highspy.HighsLp()
        lp.num_col_ = n
        lp.num_row_ = len(self.rows)
        lp.col_cost_ = np.array(self.costs, dtype=float)
        lp.col_lower_ = np.array(self.lowers, dtype=float)
        lp.col_upper_ = np.array(self.uppers, dtype=float)
        lp.row_lower_ = np.array([r[1] for r in self.rows], dtype=float)
        lp.row_upper_ = np.array([r[2] for r in self.rows], dtype=float)
        start, index, value = [0], [], []
        for coefs, _, _ in self.rows:
            for col, coef in coefs.items():
                if coef:
                    index.append(col)
                    value.append(float(coef))
            start.append(len(index))
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.num_col_ = n
        lp.a_matrix_.num_row_ = len(self.rows)
        lp.a_matrix_.start_ = np.array(start, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(value, dtype=float)
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
        lp.sense_ = highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize
        h.passModel(lp)
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            values = tuple(round(v) for v in h.getSolution().col_value)
            return Solution(Status.OPTIMAL, h.getInfo().objective_function_value, values)
        if status == highspy.HighsModelStatus.kInfeasible:
            return Solution(Status.INFEASIBLE, None, ())
        return Solution(Status.OTHER, None, ())


def _new_highs() -> highspy.Highs:
    """A Highs instance; the first one prints a banner on fd 1, which would spoil JSON output."""
    global _banner_shown
    if _banner_shown:
        return highspy.Highs()
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
        _banner_shown = True
    return h
