"""``soyuzprom import <format> FILE...``: one command per declared importer, and ``runs``.

Each command shows a progress bar (bytes read, records written), then the summary of the
run: read, inserted, updated, unchanged, skipped with reasons. A broken file ends with the
error naming file, line, element and field, and exit code 5; the database keeps nothing of
the unit that failed (see ``docs/importers.md``).

Example:
    $ soyuzprom import fns-rsmp data-2025-11.zip
    $ soyuzprom import fns-egrul VO_RUGFO_*.xml --json
    $ soyuzprom import runs --importer fts-trade
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from soyuzprom.core.cli_factory import cli_errors, console, dump_json, err_console
from soyuzprom.db import session_scope
from soyuzprom.importers import catalog, service
from soyuzprom.importers.runner import ImportSummary

NAME = "import"
app = typer.Typer(help="Импорт открытых данных: ФНС (МСП, ЕГРЮЛ), ГИСП (ПП 719), ФТС",
                  no_args_is_help=True)


class RichProgress:
    """The runner's progress sink drawn as a rich bar on stderr."""

    def __init__(self, progress: Progress, label: str) -> None:
        self._progress = progress
        self._label = label
        self._task: TaskID | None = None
        self._records = 0

    def start(self, total_bytes: int, units: int) -> None:
        self._task = self._progress.add_task(self._label, total=total_bytes or None,
                                             records=0, units=units)

    def advance(self, nbytes: int) -> None:
        if self._task is not None and nbytes:
            self._progress.advance(self._task, nbytes)

    def records(self, count: int) -> None:
        self._records += count
        if self._task is not None:
            self._progress.update(self._task, records=self._records)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
        TextColumn("записей: {task.fields[records]}"), TimeElapsedColumn(),
        TimeRemainingColumn(), console=err_console, transient=False,
    )


def _print_summary(summary: ImportSummary) -> None:
    counts = summary.counts
    console.print(
        f"[green]Импорт №{summary.run_id} ({summary.importer}) {summary.file}: завершён[/green]\n"
        f"  прочитано: {counts['read']}, добавлено: {counts['inserted']}, "
        f"обновлено: {counts['updated']}, без изменений: {counts['unchanged']}, "
        f"пропущено: {counts['skipped']}"
    )
    for reason, count in counts.get("skip_reasons", {}).items():
        console.print(f"    пропущено {count}: {reason}")
    for error in summary.errors[:5]:
        where = ", ".join(f"{label} {error[k]}" for k, label in _PLACE if error.get(k) is not None)
        console.print(f"    [yellow]{error['message']}[/yellow] ({where})")


_PLACE = (("file", "файл"), ("line", "строка"), ("element", "элемент"), ("field", "поле"))


def _command(importer: str, title: str) -> Any:
    def command(
        files: Annotated[list[Path], typer.Argument(help="Файлы (XML, ZIP, CSV, XLSX)")],
        author: Annotated[str, typer.Option(help="Автор импорта для журнала")] = "system",
        parallel: Annotated[
            bool | None,
            typer.Option("--parallel/--no-parallel",
                         help="Разбор во втором процессе (по умолчанию для больших файлов)"),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON")] = False,
    ) -> None:
        results: list[dict[str, Any]] = []
        with cli_errors(as_json):
            for path in files:
                if as_json:
                    summary = service.import_file(importer, path, author=author,
                                                  parallel=parallel)
                else:
                    with _progress() as bar:
                        summary = service.import_file(
                            importer, path, author=author, parallel=parallel,
                            progress=RichProgress(bar, path.name))
                    _print_summary(summary)
                results.append({"run_id": summary.run_id, "file": summary.file,
                                "status": summary.status, "counts": summary.counts,
                                "errors": summary.errors})
        if as_json:
            dump_json(results)

    command.__doc__ = f"{title}: импорт файлов."
    return command


for _format in catalog.formats().values():
    app.command(_format.name)(_command(_format.name, _format.title))


@app.command("runs")
def runs(
    importer: Annotated[str | None, typer.Option(help="Только этот формат")] = None,
    limit: Annotated[int, typer.Option(help="Сколько показать")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON")] = False,
) -> None:
    """Последние запуски импорта: файл, статус, счётчики."""
    with cli_errors(as_json), session_scope() as session:
        page = service.list_runs(session, importer=importer, limit=limit)
    if as_json:
        dump_json(page)
        return
    table = Table("№", "формат", "файл", "статус", "прочитано", "добавлено", "обновлено",
                  "без изменений", "пропущено")
    for run in page["items"]:
        c = run["counts"] or {}
        table.add_row(str(run["id"]), run["importer"], run["file_name"], run["status"],
                      *(str(c.get(k, "")) for k in ("read", "inserted", "updated", "unchanged",
                                                    "skipped")))
    console.print(table)
