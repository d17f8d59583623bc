"""``soyuzprom registry foreign-capital``: the command function, mounted by the registry CLI.

Mount with ``registry_app.command("foreign-capital")(foreign_capital_command)``.

Example:
    $ soyuzprom registry foreign-capital --country BY --region RU-SMO
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from soyuzprom.core.cli_factory import cli_errors, console, dump_json
from soyuzprom.db import session_scope
from soyuzprom.registry.foreign_capital import foreign_capital


def foreign_capital_command(
    region: Annotated[str, typer.Option("--region", help="Регион, код ISO (RU-SMO)")],
    country: Annotated[str, typer.Option("--country", help="Страна: ISO (BY) или ОКСМ (112)")]
    = "BY",
    include_terminated: Annotated[
        bool, typer.Option("--include-terminated", help="Учитывать прекратившие деятельность")
    ] = False,
    record: Annotated[
        bool, typer.Option("--record/--no-record", help="Записать число как показатель")
    ] = True,
    author: Annotated[str, typer.Option(help="Автор записи показателя")] = "system",
    as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON")] = False,
) -> None:
    """Организации региона с учредителями из страны (по коду ОКСМ): число и список."""
    with cli_errors(as_json), session_scope() as session:
        report = foreign_capital(session, country=country, region=region,
                                 include_terminated=include_terminated, record=record,
                                 author=author)
    if as_json:
        dump_json(asdict(report))
        return
    console.print(
        f"[bold]{report.region_name}[/bold]: организаций с капиталом страны "
        f"{report.country_name} (ОКСМ {report.country_oksm}): [bold]{report.count}[/bold]"
    )
    table = Table("организация", "ИНН", "ОГРН", "статус", "учредитель", "вид", "доля, %")
    for h in report.holdings:
        share = "" if h.share_percent is None else f"{h.share_percent:g}"
        table.add_row(h.organization, h.inn or "", h.ogrn or "", h.status, h.owner_name or "",
                      h.owner_kind, share)
    if report.holdings:
        console.print(table)
    console.print(f"Определение: {report.definition}")
    if report.indicator_id is not None:
        console.print(f"Записан показатель №{report.indicator_id}")
