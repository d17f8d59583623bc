"""CLI plumbing: error-to-exit-code mapping, JSON/table output, and CRUD command groups.

Every command calls a service function; typed errors become a Russian message on stderr
(or the JSON error shape with ``--json``) and the error's exit code.

Example:
    $ soyuzprom organizations list --q Вяземский --json
    $ soyuzprom links create --data '{"type": "supply", "from_organization_id": 1, ...}'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.table import Table

from soyuzprom.core.crud import CrudService
from soyuzprom.core.history import audit_of, provenance_of
from soyuzprom.core.schemas import ListQuery
from soyuzprom.db import session_scope
from soyuzprom.errors import DomainValidationError, InputFormatError, SoyuzpromError

console = Console()
err_console = Console(stderr=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="Вывод в JSON")]
DataOpt = Annotated[str | None, typer.Option("--data", help="JSON с полями")]
FileOpt = Annotated[Path | None, typer.Option("--file", help="Файл JSON с полями")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", help="поле=значение")]
AuthorOpt = Annotated[str, typer.Option(help="Автор изменения для журнала")]


def dump_json(data: Any) -> None:
    """Print data as JSON (UTF-8, not escaped) to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@contextmanager
def cli_errors(as_json: bool = False) -> Iterator[None]:
    """Map typed errors to a message and exit code; unexpected errors propagate."""
    try:
        yield
    except SoyuzpromError as exc:
        if as_json:
            dump_json({"error": exc.to_dict()})
        else:
            # InputFormatError already names file, line, element and field in its text.
            named = isinstance(exc, InputFormatError)
            where = f" [поле {exc.field}]" if exc.field and not named else ""
            err_console.print(f"[red]Ошибка:[/red] {exc}{where}")
        raise typer.Exit(exc.exit_code) from None


def pydantic_to_domain(exc: ValidationError) -> DomainValidationError:
    """The first pydantic error as a DomainValidationError naming the field."""
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first.get("loc", ()))
    return DomainValidationError(
        f"Ошибка в поле «{field}»: {first.get('msg')}",
        field=field,
        details={"errors": json.loads(exc.json())},
    )


def parse_payload(
    schema: type[BaseModel], data: str | None, file: Path | None, sets: list[str] | None
) -> BaseModel:
    """Build a write shape from ``--data`` JSON, ``--file`` JSON and ``--set key=value``."""
    payload: dict[str, Any] = {}
    try:
        if file is not None:
            payload.update(json.loads(file.read_text(encoding="utf-8")))
        if data:
            payload.update(json.loads(data))
    except json.JSONDecodeError as exc:
        raise DomainValidationError(f"Неверный JSON: {exc}", field="data") from exc
    for item in sets or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise DomainValidationError(f"Ожидается ключ=значение: «{item}»", field="set")
        try:
            payload[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            payload[key.strip()] = value
    try:
        return schema.model_validate(payload)
    except ValidationError as exc:
        raise pydantic_to_domain(exc) from exc


def print_table(rows: list[dict[str, Any]], columns: list[str], title: str) -> None:
    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    console.print(table)


def crud_cli(
    service: CrudService[Any],
    *,
    read: type[BaseModel],
    create: type[BaseModel] | None = None,
    update: type[BaseModel] | None = None,
    columns: list[str],
    help: str,
) -> typer.Typer:
    """A command group ``list/show/create/update/delete`` over one service."""
    app = typer.Typer(help=help, no_args_is_help=True)

    def render(obj: Any) -> dict[str, Any]:
        return read.model_validate(obj).model_dump(mode="json")

    @app.command("list")
    def list_cmd(
        q: Annotated[str | None, typer.Option(help="Поиск по названию")] = None,
        sort: Annotated[str | None, typer.Option(help="Сортировка: поле или -поле")] = None,
        page: int = 1,
        page_size: int = 50,
        where: Annotated[
            list[str] | None, typer.Option("--filter", "-f", help="Фильтр ключ=значение")
        ] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Список записей с фильтрами, сортировкой и страницами."""
        with cli_errors(as_json), session_scope() as session:
            filters = dict(item.split("=", 1) for item in where or [] if "=" in item)
            result = service.list(
                session, ListQuery(q=q, sort=sort, page=page, page_size=page_size), filters
            )
            rows = [render(i) for i in result.items]
            if as_json:
                dump_json(
                    {
                        "items": rows,
                        "total": result.total,
                        "page": result.page,
                        "page_size": result.page_size,
                    }
                )
            else:
                print_table(rows, columns, f"{service.label}: {result.total}")

    @app.command("show")
    def show_cmd(
        item_id: int,
        history: Annotated[bool, typer.Option(help="Показать источники и журнал")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Карточка записи (с источниками и журналом изменений по --history)."""
        with cli_errors(as_json), session_scope() as session:
            obj = service.get(session, item_id)
            out = render(obj)
            if history:
                table_name = service.model.__tablename__
                out["_provenance"] = provenance_of(session, table_name, item_id)["fields"]
                out["_audit"] = audit_of(session, table_name, item_id)
            if as_json:
                dump_json(out)
            else:
                for key, value in out.items():
                    console.print(f"[bold]{key}[/bold]: {value}")

    if create is not None:
        create_schema = create

        @app.command("create")
        def create_cmd(
            data: DataOpt = None,
            file: FileOpt = None,
            set_: SetOpt = None,
            author: AuthorOpt = "cli",
            as_json: JsonOpt = False,
        ) -> None:
            """Создать запись."""
            with cli_errors(as_json), session_scope() as session:
                payload = parse_payload(create_schema, data, file, set_)
                obj = service.create(session, payload, author=author)
                session.flush()
                session.refresh(obj)
                out = render(obj)
            _print_written(out, as_json, "Создано")

    if update is not None:
        update_schema = update

        @app.command("update")
        def update_cmd(
            item_id: int,
            data: DataOpt = None,
            file: FileOpt = None,
            set_: SetOpt = None,
            author: AuthorOpt = "cli",
            as_json: JsonOpt = False,
        ) -> None:
            """Изменить запись; нужна версия (version), которую вы видели."""
            with cli_errors(as_json), session_scope() as session:
                payload = parse_payload(update_schema, data, file, set_)
                obj = service.update(session, item_id, payload, author=author)
                session.flush()
                session.refresh(obj)
                out = render(obj)
            _print_written(out, as_json, "Изменено")

        @app.command("delete")
        def delete_cmd(
            item_id: int,
            version: Annotated[int | None, typer.Option(help="Ожидаемая версия")] = None,
            author: AuthorOpt = "cli",
            as_json: JsonOpt = False,
        ) -> None:
            """Удалить запись."""
            with cli_errors(as_json), session_scope() as session:
                service.delete(session, item_id, version=version, author=author)
            _print_written({"id": item_id, "deleted": True}, as_json, "Удалено")

    return app


def _print_written(out: dict[str, Any], as_json: bool, verb: str) -> None:
    if as_json:
        dump_json(out)
    else:
        console.print(f"[green]{verb}:[/green] id {out.get('id')}")


def command_group(help: str) -> typer.Typer:
    """An empty command group with the house defaults."""
    return typer.Typer(help=help, no_args_is_help=True)


Handler = Callable[..., Any]
