"""Rich tables in Russian for ``soyuzprom localization score`` and ``plan``.

Example::

    >>> render_score(console, result)      # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from soyuzprom.localization.areas import country_name
from soyuzprom.localization.planner import FrontierPoint, Plan, PlanStatus
from soyuzprom.localization.scoring import LineStatus, RegimeResult, ScoreResult, Verdict

if TYPE_CHECKING:
    from soyuzprom.localization.service import PlanReport

VERDICTS = {
    Verdict.QUALIFIES: "[green]соответствует[/green]",
    Verdict.DOES_NOT_QUALIFY: "[red]не соответствует[/red]",
    Verdict.INDETERMINATE: "[yellow]не определено[/yellow]",
    Verdict.NOT_DEFINED: "[dim]критерии не заданы[/dim]",
}
STATUSES = {
    LineStatus.COUNTED: "[green]засчитано[/green]",
    LineStatus.SUPERSEDED: "вытеснено альтернативой",
    LineStatus.OUTSIDE_AREA: "[yellow]вне зоны зачёта[/yellow]",
    LineStatus.NOT_PERFORMED: "[dim]не выполняется[/dim]",
}
AREAS = {"russia": "Россия", "eaeu": "ЕАЭС"}
PLAN_STATUSES = {
    PlanStatus.OPTIMAL: "[green]оптимальный план найден[/green]",
    PlanStatus.INFEASIBLE: "[red]цель недостижима[/red]",
    PlanStatus.INDETERMINATE: "[yellow]план не строится[/yellow]",
}


def money(value: int | None) -> str:
    return "—" if value is None else f"{value:,}".replace(",", " ") + " руб."


def _regime_summary(console: Console, title: str, r: RegimeResult) -> None:
    console.print(f"[bold]{title}:[/bold] {VERDICTS[r.verdict]}")
    if r.verdict is Verdict.NOT_DEFINED:
        return
    points = f"{r.total_points}" + ("" if r.points_exact else " (не менее)")
    if r.threshold is not None:
        since = (f" с {r.threshold.effective_from:%d.%m.%Y}" if r.threshold.effective_from
                 else "")
        points += f" из {r.threshold.points} (порог{since})"
        if r.points_needed:
            points += f", не хватает {r.points_needed}"
    console.print(f"  Баллы: {points}")
    if r.foreign_share_percent is not None:
        limit = (f" при пределе {r.foreign_share_limit.max_percent:g} %"
                 if r.foreign_share_limit else "")
        console.print(f"  Доля иностранных компонентов: {r.foreign_share_percent:.1f} %{limit}")
    if r.criterion_met:
        met = "порог баллов" if r.criterion_met == "points" else "доля иностранных компонентов"
        console.print(f"  Выполнен критерий: {met}")
    for reason in r.reasons:
        console.print(f"  • {reason}")


def render_score(console: Console, result: ScoreResult) -> None:
    rb, group = result.rulebook, result.group
    console.print(f"[bold]{result.config.name}[/bold] — группа «{group.name}», "
                  f"свод правил «{rb.title}» (версия {rb.version}), "
                  f"дата {result.on:%d.%m.%Y}")
    table = Table(title="Построчная оценка по ПП 719")
    for col in ("Операция / компонент", "Баллы", "Засчитано", "Обяз.", "Где", "Зачёт",
                "Статус"):
        table.add_column(col, justify="right" if col in ("Баллы", "Засчитано") else "left")
    for ln in result.pp719.lines:
        item = ln.item
        # "или": a member of an alternative group (see the JSON output for the group id)
        mandatory = "да" if item.mandatory else ("или" if item.alternative else "")
        where = ", ".join(country_name(c) for c in ln.countries) or "—"
        table.add_row(item.name + (" (компонент)" if item.kind.value == "component" else ""),
                      "?" if item.points is None else str(item.points), str(ln.counted_points),
                      mandatory, where, AREAS[item.counts_in.value], STATUSES[ln.status])
    if result.pp719.lines:
        console.print(table)
    _regime_summary(console, "ПП 719", result.pp719)
    _regime_summary(console, "Режим ЕАЭС (Решение Совета ЕЭК № 105)", result.eaeu)
    for warning in result.warnings:
        console.print(f"[yellow]Внимание:[/yellow] {warning}")


def _plan_table(console: Console, title: str, plan: Plan) -> None:
    console.print(f"[bold]{title}:[/bold] {PLAN_STATUSES[plan.status]}")
    if plan.actions:
        table = Table()
        for col in ("Действие", "Операция", "Страна", "Поставщик", "Стоимость", "Срок, дн."):
            table.add_column(col, justify="right" if col in ("Стоимость", "Срок, дн.") else "left")
        for a in plan.actions:
            table.add_row(a.name or a.id, a.item, country_name(a.country),
                          a.supplier.label() if a.supplier else "—", money(a.cost),
                          str(a.lead_time_days))
        console.print(table)
    if plan.status is PlanStatus.OPTIMAL:
        verdict = VERDICTS[plan.after.verdict] if plan.after else ""
        console.print(f"  Стоимость: {money(plan.cost)}; баллы: {plan.points_before} → "
                      f"{plan.points_after}; после плана: {verdict}")
    for reason in plan.reasons:
        console.print(f"  • {reason.message}")


def _frontier_table(console: Console, frontier: tuple[FrontierPoint, ...]) -> None:
    table = Table(title="Граница Парето «затраты — баллы»")
    for col in ("Затраты", "Баллы", "Соответствует", "Действия"):
        table.add_column(col)
    for p in frontier:
        table.add_row(money(p.cost), str(p.points), "да" if p.qualifies else "нет",
                      ", ".join(a.id for a in p.actions) or "—")
    console.print(table)


def render_plan(console: Console, report: PlanReport) -> None:
    console.print(f"Начало работ {report.start:%d.%m.%Y}, целевая дата "
                  f"{report.target:%d.%m.%Y}")
    _regime_summary(console, "Сейчас по ПП 719", report.score.pp719)
    _plan_table(console, "План минимальной стоимости", report.min_cost)
    if report.max_points is not None:
        _plan_table(console, f"Максимум баллов в бюджете {money(report.max_points.budget)}",
                    report.max_points)
    if report.frontier:
        _frontier_table(console, report.frontier)
    if report.excluded:
        table = Table(title="Неприменимые действия")
        table.add_column("Действие")
        table.add_column("Причина")
        for e in report.excluded:
            table.add_row(e.action.name or e.action.id, e.message)
        console.print(table)
    for warning in report.score.warnings:
        console.print(f"[yellow]Внимание:[/yellow] {warning}")
