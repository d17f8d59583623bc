"""The Typer root: ``soyuzprom init | demo | serve | run`` and every area's commands.

Areas contribute command groups through ``<area>/cli.py`` (``NAME`` and ``app``, or a
``COMMANDS`` dict of several groups), discovered in :mod:`soyuzprom.areas`.

Example:
    $ soyuzprom init && soyuzprom demo && soyuzprom serve
    $ soyuzprom --database postgresql+psycopg://localhost/soyuzprom init
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from soyuzprom.areas import area_modules
from soyuzprom.core.cli_factory import cli_errors, console, dump_json
from soyuzprom.settings import get_settings

app = typer.Typer(
    name="soyuzprom",
    help="Союзпром: промышленная кооперация регионов России и Республики Беларусь",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def main_options(
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            envvar="SOYUZPROM_DATABASE_URL",
            help="URL базы данных (по умолчанию — SQLite в каталоге данных)",
        ),
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", envvar="SOYUZPROM_DATA_DIR", help="Каталог данных")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Подробный журнал")] = False,
) -> None:
    """Общие параметры: база данных и каталог данных."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    settings = get_settings()
    if data_dir is not None:
        settings.data_dir = data_dir
    if database is not None:
        settings.database_url = database


def _initialise(load_reference: bool = True) -> dict[str, int]:
    from soyuzprom import migrate
    from soyuzprom.db import get_engine, session_scope

    migrate.upgrade(get_engine())
    counts: dict[str, int] = {}
    if load_reference:
        from soyuzprom.registry.reference import load_reference as load

        with session_scope() as session:
            counts = dict(load(session))
    return counts


@app.command()
def init(
    as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON")] = False,
) -> None:
    """Создать или обновить базу данных и загрузить справочники (повторный запуск безопасен)."""
    with cli_errors(as_json):
        counts = _initialise()
    if as_json:
        dump_json({"database": get_settings().effective_database_url, "reference": counts})
    else:
        console.print(f"[green]База готова:[/green] {get_settings().effective_database_url}")
        for key, value in counts.items():
            console.print(f"  {key}: {value}")


@app.command()
def demo(
    as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON")] = False,
) -> None:
    """Загрузить демо-регион (Смоленская область и Беларусь); повтор ничего не меняет."""
    from soyuzprom.db import session_scope
    from soyuzprom.demo import load_demo

    with cli_errors(as_json):
        _initialise()
        with session_scope() as session:
            counts = dict(load_demo(session))
    if as_json:
        dump_json(counts)
    else:
        console.print("[green]Демонстрационный регион загружен[/green]")
        for key, value in counts.items():
            console.print(f"  {key}: {value}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Адрес")] = None,
    port: Annotated[int | None, typer.Option(help="Порт")] = None,
) -> None:
    """Запустить веб-интерфейс и REST API."""
    from soyuzprom.web.server import serve as run_server

    run_server(host=host, port=port)


@app.command()
def run(
    host: Annotated[str | None, typer.Option(help="Адрес")] = None,
    port: Annotated[int | None, typer.Option(help="Порт")] = None,
) -> None:
    """Всё сразу: база, справочники, демо-регион (если база пуста) и веб-сервер."""
    from sqlalchemy import func, select

    from soyuzprom.db import session_scope
    from soyuzprom.demo import load_demo
    from soyuzprom.registry.models import Organization

    with cli_errors():
        _initialise()
        with session_scope() as session:
            if not session.scalar(select(func.count()).select_from(Organization)):
                load_demo(session)
                console.print("[green]Загружен демонстрационный регион[/green]")
    serve(host=host, port=port)


def _mount_areas() -> None:
    for module in area_modules("cli"):
        commands = getattr(module, "COMMANDS", None)
        if commands is None and hasattr(module, "app") and hasattr(module, "NAME"):
            commands = {module.NAME: module.app}
        for name, group in (commands or {}).items():
            app.add_typer(group, name=name)


_mount_areas()


def main() -> None:
    """Console-script entry point."""
    app()
