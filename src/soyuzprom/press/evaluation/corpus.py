"""Reading a gold directory: ``<stem>.txt`` news texts beside ``<stem>.json`` annotations.

The JSON follows ANNOTATION.md plus an optional ``"published": "YYYY-MM-DD"`` used to resolve
relative periods. Malformed files raise :class:`InputFormatError` naming the file and field,
so a typo in a gold file is never scored silently.

Example:
    >>> docs = load_gold_dir(Path("tests/press/corpus"))   # doctest: +SKIP
    >>> docs[0].stem, docs[0].published                     # doctest: +SKIP
    ('01_smolensk_vyazma_orsha_dryers', datetime.date(2025, 3, 14))
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from soyuzprom.errors import InputFormatError, NotFoundError

LIST_FIELDS = ("organizations", "enterprises", "persons", "regions", "relations", "figures")


@dataclass(frozen=True)
class GoldDocument:
    """One annotated text."""

    stem: str
    text: str
    gold: Mapping[str, Any]
    published: date | None


def load_gold_dir(gold_dir: Path) -> list[GoldDocument]:
    """All ``*.txt`` files of a directory with their gold JSON, sorted by name."""
    if not gold_dir.is_dir():
        raise NotFoundError(f"Каталог с разметкой не найден: {gold_dir}", field="gold_dir")
    texts = sorted(gold_dir.glob("*.txt"))
    if not texts:
        raise InputFormatError("В каталоге нет текстов *.txt", file=str(gold_dir))
    orphans = sorted(p.name for p in gold_dir.glob("*.json") if not p.with_suffix(".txt").exists())
    if orphans:
        raise InputFormatError(
            "Разметка без текста: " + ", ".join(orphans), file=str(gold_dir / orphans[0])
        )
    return [_load_one(path) for path in texts]


def _load_one(text_path: Path) -> GoldDocument:
    gold_path = text_path.with_suffix(".json")
    if not gold_path.exists():
        raise InputFormatError("Нет файла разметки для текста", file=str(gold_path))
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputFormatError(
            f"Некорректный JSON: {exc.msg}", file=str(gold_path), line=exc.lineno
        ) from None
    validate_gold(gold, file=str(gold_path))
    published = _published(gold.get("published"), str(gold_path))
    return GoldDocument(
        stem=text_path.stem,
        text=text_path.read_text(encoding="utf-8"),
        gold=gold,
        published=published,
    )


def validate_gold(gold: Any, *, file: str | None = None) -> None:
    """Check the shape of a gold object (keys present, lists of the right items)."""
    if not isinstance(gold, dict):
        raise InputFormatError("Разметка должна быть объектом JSON", file=file)
    if not isinstance(gold.get("relevant"), bool):
        raise InputFormatError(
            "Поле relevant должно быть true или false", file=file, field="relevant"
        )
    for key in LIST_FIELDS:
        if not isinstance(gold.get(key), list):
            raise InputFormatError(f"Поле {key} должно быть списком", file=file, field=key)
    for person in gold["persons"]:
        if not isinstance(person, dict) or "name" not in person:
            raise InputFormatError("Персона без имени", file=file, field="persons")
    for rel in gold["relations"]:
        if not isinstance(rel, dict) or not {"type", "from", "to"} <= rel.keys():
            raise InputFormatError("Связь без type/from/to", file=file, field="relations")
    for fig in gold["figures"]:
        if not isinstance(fig, dict) or not {"value", "unit"} <= fig.keys():
            raise InputFormatError("Показатель без value/unit", file=file, field="figures")


def _published(value: Any, file: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputFormatError(
            "Дата публикации должна быть в формате ГГГГ-ММ-ДД", file=file, field="published"
        ) from None
