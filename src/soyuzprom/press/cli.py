"""Press monitoring commands (``soyuzprom press ...``).

``soyuzprom press extract FILE... --out DIR [--published YYYY-MM-DD]`` writes one JSON per
text in the ANNOTATION.md schema. A file that fails is reported and the others continue;
the exit code is 1 when any file failed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console

NAME = "press"
app = typer.Typer(help="Мониторинг прессы: извлечение фактов о кооперации из новостей.",
                  no_args_is_help=True)
_err = Console(stderr=True)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter("дата должна быть в формате ГГГГ-ММ-ДД") from exc


@app.callback()
def _group() -> None:
    """Мониторинг прессы."""


@app.command("extract")
def extract_command(
    files: list[Path] = typer.Argument(..., help="Текстовые файлы UTF-8 с новостями."),
    out: Path = typer.Option(..., "--out", help="Каталог для JSON-файлов."),
    published: str | None = typer.Option(None, "--published",
                                         help="Дата публикации ГГГГ-ММ-ДД для относительных "
                                              "периодов («в прошлом году»)."),
) -> None:
    """Извлечь организации, персоны, регионы, связи и показатели из текстов."""
    date = _parse_date(published)
    from soyuzprom.press.extraction import get_extractor

    out.mkdir(parents=True, exist_ok=True)
    extractor = get_extractor()
    failed = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            result = extractor.extract(text, published=date).to_json()
            target = out / f"{path.stem}.json"
            target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
        except Exception as exc:  # one bad file must not stop the batch
            failed += 1
            _err.print(f"[red]Ошибка[/red] {path}: {type(exc).__name__}: {exc}")
    done = len(files) - failed
    _err.print(f"Обработано файлов: {done}, с ошибками: {failed}. Результаты: {out}")
    if failed:
        raise typer.Exit(code=1)


def _mount_more() -> None:
    """The evaluation and the ingestion/review commands live beside their code."""
    from soyuzprom.press import review_cli
    from soyuzprom.press.evaluation.command import eval_command

    app.command("eval")(eval_command)
    review_cli.register(app)


_mount_more()
