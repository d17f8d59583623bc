"""The area packages and discovery of what each contributes.

An area (``registry``, ``press``...) may provide ``models.py`` (tables), ``api.py`` (a
``router``) and ``cli.py`` (a Typer ``app`` and its ``NAME``). The app factory, the CLI root
and Alembic import them from here, so adding an area is adding a package and a line below.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator
from types import ModuleType

AREAS: tuple[str, ...] = (
    "core",
    "registry",
    "cooperation",
    "press",
    "search",
    "localization",
    "importers",
    "analytics",
)


def area_modules(kind: str) -> Iterator[ModuleType]:
    """Yield ``soyuzprom.<area>.<kind>`` for every area that has such a module.

    Example:
        >>> [m.__name__ for m in area_modules("models")][:2]
        ['soyuzprom.core.models', 'soyuzprom.registry.models']
    """
    for area in AREAS:
        name = f"soyuzprom.{area}.{kind}"
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # the area package itself is absent
            continue
        if spec is not None:
            yield importlib.import_module(name)


def load_all_models() -> None:
    """Import every area's tables so that ``Base.metadata`` is complete."""
    for _ in area_modules("models"):
        pass
