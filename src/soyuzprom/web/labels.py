"""Russian labels of the vocabularies and the navigation, read from packaged data files.

``data/web/labels_ru.yaml`` maps every stored code to what a reader sees (link types,
statuses, qualifiers, units, field names...). Navigation items come from
``data/web/navigation.yaml`` plus any ``data/<area>/navigation.yaml``, so another area adds
its pages to the menu by adding a file, without editing ours.

Example:
    >>> labels().label("link_types", "supply")
    'поставка'
    >>> labels().label("link_types", "teleport")   # unknown codes are shown as they are
    'teleport'
    >>> [item.label for item in navigation()][:2]
    ['Обзор', 'Организации']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Labels:
    """All vocabularies of ``labels_ru.yaml``: ``vocabularies[name][code] -> label``."""

    vocabularies: dict[str, Any]

    def label(self, vocabulary: str, code: Any) -> str:
        """The Russian label of ``code`` in ``vocabulary``; the code itself when unknown."""
        if code is None:
            return ""
        found = self.vocabularies.get(vocabulary, {}).get(str(code))
        return str(code) if found is None else str(found)

    def options(self, vocabulary: str) -> list[tuple[str, str]]:
        """``(code, label)`` pairs of a vocabulary in file order, for select boxes."""
        return [(str(k), str(v)) for k, v in self.vocabularies.get(vocabulary, {}).items()]

    def section(self, name: str) -> Any:
        """A raw section of the file (units, scales, months)."""
        return self.vocabularies.get(name)


@dataclass(frozen=True)
class NavItem:
    """One entry of the main navigation; ``match`` is the path prefix marking it current."""

    label: str
    href: str
    order: int
    match: str

    def is_current(self, path: str) -> bool:
        if self.match == "/":
            return path == "/"
        return path == self.match or path.startswith(self.match.rstrip("/") + "/")


def _data_dir() -> Any:
    return resources.files("soyuzprom") / "data"


@lru_cache(maxsize=1)
def labels() -> Labels:
    """The labels, read once from the packaged ``data/web/labels_ru.yaml``."""
    path = _data_dir() / "web" / "labels_ru.yaml"
    return Labels(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def _navigation_files() -> list[Any]:
    data = _data_dir()
    files = [data / "web" / "navigation.yaml"]
    for folder in sorted(data.iterdir(), key=lambda p: p.name):
        candidate = folder / "navigation.yaml"
        if folder.name != "web" and folder.is_dir() and candidate.is_file():
            files.append(candidate)
    return files


@lru_cache(maxsize=1)
def navigation() -> tuple[NavItem, ...]:
    """Navigation items of every area, sorted by ``order`` (stable for ties)."""
    items: list[NavItem] = []
    for path in _navigation_files():
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in content.get("items", []):
            href = str(raw["href"])
            items.append(
                NavItem(
                    label=str(raw["label"]),
                    href=href,
                    order=int(raw.get("order", 1000)),
                    match=str(raw.get("match", href)),
                )
            )
    return tuple(sorted(items, key=lambda item: item.order))
