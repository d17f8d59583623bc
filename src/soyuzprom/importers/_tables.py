"""Streaming readers of delimited text files: strict encoding, sniffed delimiter, row lines.

Example:
    >>> with open_table(Path("2207.csv")) as (header, rows):      # doctest: +SKIP
    ...     for line, row in rows:
    ...         print(line, row[0])
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from soyuzprom.errors import InputFormatError

DELIMITERS = (",", ";", "\t")


@contextmanager
def open_table(
    path: Path, encoding: str = "utf-8-sig", progress: Callable[[int], None] | None = None
) -> Iterator[tuple[list[str], Iterator[tuple[int, list[str]]]]]:
    """The header and an iterator of (line number, cells); both decoded strictly.

    The delimiter is the one of ``, ; TAB`` most frequent in the header line.
    Raises InputFormatError naming the line on an encoding error or a ragged row.
    """
    if not path.is_file():
        raise InputFormatError("Файл не найден", file=str(path))
    raw = path.open("rb")
    try:
        lines = _decoded_lines(raw, path, encoding, progress)
        first = next(lines, "")
        if not first.strip():
            raise InputFormatError("Пустой файл: нет строки заголовка", file=path.name, line=1)
        delimiter = max(DELIMITERS, key=first.count)
        header = [cell.strip() for cell in next(csv.reader([first], delimiter=delimiter))]
        reader = csv.reader(lines, delimiter=delimiter)
        yield header, _rows(reader, path, len(header))
    finally:
        raw.close()


def _decoded_lines(
    raw: IO[bytes], path: Path, encoding: str, progress: Callable[[int], None] | None
) -> Iterator[str]:
    """Physical lines decoded one by one, so an encoding error names its exact line."""
    for number, data in enumerate(raw, start=1):
        if progress is not None:
            progress(len(data))
        try:
            yield data.decode(encoding if number == 1 else encoding.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            raise _encoding_error(path, number, encoding) from exc


def _rows(reader: Any, path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputFormatError(
                f"Строка CSV повреждена: {exc}", file=path.name, line=reader.line_num + 1
            ) from exc
        line = reader.line_num + 1  # + the header line read separately
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise InputFormatError(
                f"В строке {len(row)} полей, а в заголовке {width}: файл повреждён или обрезан",
                file=path.name, line=line,
            )
        yield line, row


def _encoding_error(path: Path, line: int, encoding: str) -> InputFormatError:
    return InputFormatError(
        f"Неверная кодировка файла: ожидается {encoding.replace('-sig', '').upper()}",
        file=path.name, line=line,
    )
