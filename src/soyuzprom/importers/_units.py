"""Units of work: the pieces of an input that are imported in one transaction each.

A zip of FNS XML files gives one unit per XML member (a real SME dump has thousands, so an
interrupted import resumes after the last committed member); a single XML, CSV or XLSX file
is one unit. A unit yields the parser's items and reports bytes read to ``progress``.

Example:
    >>> with fns_rsmp.units(Path("dump.zip")) as parts:              # doctest: +SKIP
    ...     for unit in parts:
    ...         for item in unit.items(None):
    ...             ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from soyuzprom.errors import InputFormatError
from soyuzprom.importers._xml import ProgressFn, XmlPart, open_xml_parts


@dataclass(frozen=True)
class Unit:
    """One transaction's worth of input: a name (shown and checkpointed) and its items."""

    name: str
    size: int
    items: Callable[[ProgressFn | None], Iterator[Any]]


@contextmanager
def xml_units(
    path: Path, parse_part: Callable[[XmlPart, ProgressFn | None], Iterator[Any]]
) -> Iterator[list[Unit]]:
    """One unit per XML document of ``path`` (a file or the members of a zip)."""
    with open_xml_parts(path) as parts:
        yield [Unit(part.name, part.size, partial(parse_part, part)) for part in parts]


@contextmanager
def file_units(
    path: Path, parse: Callable[[Path, ProgressFn | None], Iterator[Any]]
) -> Iterator[list[Unit]]:
    """The whole file as one unit."""
    if not path.is_file():
        raise InputFormatError("Файл не найден", file=str(path))
    yield [Unit(path.name, path.stat().st_size, partial(parse, path))]
