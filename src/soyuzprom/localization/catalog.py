"""Rulebooks shipped in ``soyuzprom/data/rulebooks/`` and lookup by path or id.

Example::

    >>> sorted(shipped_ids())
    ['pp719-buses-draft', 'pp719-passenger-cars']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from soyuzprom.errors import NotFoundError
from soyuzprom.localization.loader import parse_rulebook
from soyuzprom.localization.model import Rulebook


def shipped_rulebooks() -> list[Rulebook]:
    folder = resources.files("soyuzprom") / "data" / "rulebooks"
    return [parse_rulebook(f.read_text(encoding="utf-8"), f"rulebooks/{f.name}")
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".yaml")]


def shipped_ids() -> list[str]:
    return [rb.id for rb in shipped_rulebooks()]


def open_rulebook(ref: str) -> Rulebook:
    """A rulebook from a file path, or a shipped one by its id."""
    path = Path(ref)
    if path.is_file():
        from soyuzprom.localization.loader import load_rulebook

        return load_rulebook(path)
    for rb in shipped_rulebooks():
        if rb.id == ref:
            return rb
    raise NotFoundError(f"свод правил «{ref}» не найден: нет такого файла или поставляемого id",
                        field="rulebook", details={"ref": ref, "shipped": shipped_ids()})
