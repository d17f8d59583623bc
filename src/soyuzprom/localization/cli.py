"""``soyuzprom localization``: score a product and plan its localization from files.

RULEBOOK is a rulebook YAML file or the id of a shipped rulebook; PRODUCT a product
configuration YAML file. No database is needed.

Example:
    $ soyuzprom localization score tests/localization/fixtures/fixture_apron_bus_rulebook.yaml \\
          tests/localization/fixtures/apron_bus_smolensk.yaml --date 2027-01-01
    $ soyuzprom localization plan RULEBOOK PRODUCT --date 2027-01-01 --budget 10000000 --json
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from soyuzprom.core.cli_factory import JsonOpt, cli_errors, console, dump_json
from soyuzprom.errors import DomainValidationError
from soyuzprom.localization import service
from soyuzprom.localization.catalog import open_rulebook, shipped_rulebooks
from soyuzprom.localization.product_loader import load_product
from soyuzprom.localization.render import render_plan, render_score
from soyuzprom.localization.report import plan_report_to_dict
from soyuzprom.localization.serialize import score_to_dict

NAME = "localization"
app = typer.Typer(help="Локализация: баллы по ПП 719 и план выхода в реестр",
                  no_args_is_help=True)

RulebookArg = Annotated[str, typer.Argument(help="Файл свода правил YAML или id поставляемого")]
ProductArg = Annotated[Path, typer.Argument(help="Файл конфигурации продукции YAML")]


def _date(value: str, option: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise DomainValidationError(f"дата «{value}» не в формате ГГГГ-ММ-ДД",
                                    field=option) from None


@app.command()
def score(
    rulebook: RulebookArg,
    product: ProductArg,
    on: Annotated[str, typer.Option("--date", help="Дата оценки, ГГГГ-ММ-ДД")],
    as_json: JsonOpt = False,
) -> None:
    """Оценить продукцию: баллы, обязательные операции, вердикт на дату, режим ЕАЭС."""
    with cli_errors(as_json):
        result = service.score(open_rulebook(rulebook), load_product(product),
                               _date(on, "date"))
    if as_json:
        dump_json(score_to_dict(result))
    else:
        render_score(console, result)


@app.command()
def plan(
    rulebook: RulebookArg,
    product: ProductArg,
    on: Annotated[str, typer.Option("--date", help="Целевая дата, ГГГГ-ММ-ДД")],
    budget: Annotated[int | None, typer.Option("--budget", min=0, help="Бюджет, руб.")] = None,
    start: Annotated[str | None, typer.Option(
        "--start", help="Начало работ (по умолчанию as_of продукции или сегодня)")] = None,
    frontier: Annotated[bool, typer.Option("--frontier",
                                           help="Граница Парето «затраты — баллы»")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Найти самый дешёвый набор действий для входа в реестр к целевой дате."""
    with cli_errors(as_json):
        report = service.plan(open_rulebook(rulebook), load_product(product),
                              target=_date(on, "date"),
                              start=_date(start, "start") if start else None,
                              budget=budget, frontier=frontier)
    if as_json:
        dump_json(plan_report_to_dict(report))
    else:
        render_plan(console, report)


@app.command("rulebooks")
def list_rulebooks(as_json: JsonOpt = False) -> None:
    """Показать поставляемые своды правил."""
    with cli_errors(as_json):
        books = shipped_rulebooks()
    rows = [{"id": rb.id, "title": rb.title, "status": rb.status.value,
             "complete": rb.complete} for rb in books]
    if as_json:
        dump_json(rows)
        return
    for row in rows:
        mark = "" if row["complete"] else " [yellow](неполный)[/yellow]"
        console.print(f"[bold]{row['id']}[/bold] — {row['title']} [{row['status']}]{mark}")
