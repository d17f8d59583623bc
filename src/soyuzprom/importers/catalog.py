"""The importers, registered by declaration: a format module is found by what it declares.

Any public module of :mod:`soyuzprom.importers` that defines ``NAME`` (the command name,
``"fns-rsmp"``), ``TITLE`` (Russian, for people) and ``parse(path)`` is a format; adding an
importer is adding such a file. The database side of each format lives in
:mod:`soyuzprom.importers.loaders` under the same module name.

Example:
    >>> sorted(formats())
    ['fns-egrul', 'fns-rsmp', 'fts-trade', 'gisp-pp719']
    >>> get("fns-rsmp").module.__name__
    'soyuzprom.importers.fns_rsmp'
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from soyuzprom.errors import NotFoundError

# Infrastructure modules of the package: never formats, and not worth importing to find out.
_NOT_FORMATS = frozenset({"api", "cli", "service", "models", "catalog", "records", "classifiers"})


@dataclass(frozen=True)
class Format:
    """One importable format: its command name, title and parser module."""

    name: str
    title: str
    module: ModuleType


@cache
def formats() -> dict[str, Format]:
    """Every declared format by name."""
    import soyuzprom.importers as package

    found: dict[str, Format] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith(("_", "fixtures")) or info.ispkg or info.name in _NOT_FORMATS:
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        name = getattr(module, "NAME", None)
        if isinstance(name, str) and callable(getattr(module, "parse", None)):
            found[name] = Format(name, str(getattr(module, "TITLE", name)), module)
    return found


def get(name: str) -> Format:
    """The format called ``name``; NotFoundError names the known ones otherwise."""
    try:
        return formats()[name]
    except KeyError:
        known = ", ".join(sorted(formats()))
        raise NotFoundError(
            f"Неизвестный формат импорта «{name}»; известны: {known}", field="format"
        ) from None
