"""Load rulebooks from YAML (or an already parsed mapping) into :mod:`.model` objects.

Shape is checked by ``schema/rulebook.schema.json``; the rules that a schema cannot say
(unique ids, references to alternative groups, unknown points only in incomplete groups,
dates that exist) are checked here. Every problem raises
:class:`soyuzprom.errors.InputFormatError` naming the file, the line and the path::

    buses.yaml:14: groups[0].operations[3].points: ожидается целое число или null, получено 'x'

Items without their own ``source`` inherit the group's citation, so every rule has one.

Example::

    >>> rb = load_rulebook(Path("tests/localization/fixtures/fixture_apron_bus_rulebook.yaml"))
    >>> rb.status.value
    'fixture'
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from soyuzprom.localization.model import (
    AlternativeGroup,
    Area,
    EaeuRegime,
    ForeignShareLimit,
    ItemKind,
    ProductGroup,
    Rulebook,
    RulebookStatus,
    RuleItem,
    Source,
    Threshold,
)
from soyuzprom.localization.yamlio import Document, parse_yaml, validate

SCHEMA = "rulebook.schema.json"


def load_rulebook(path: Path) -> Rulebook:
    """Read and validate a rulebook file."""
    return parse_rulebook(path.read_text(encoding="utf-8"), str(path))


def parse_rulebook(text: str, name: str = "<rulebook>") -> Rulebook:
    """Parse and validate rulebook YAML text; ``name`` is used in error messages."""
    return build_rulebook(parse_yaml(text, name))


def rulebook_from_data(data: Any, name: str = "<rulebook>") -> Rulebook:
    """Validate an already parsed document (e.g. a JSON request body)."""
    return build_rulebook(Document(name=name, data=data))


def parse_date(doc: Document, path: tuple[str | int, ...], value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise doc.error(path, f"несуществующая дата {value!r}") from None


def _source(raw: dict[str, Any]) -> Source:
    return Source(title=raw["title"], reference=raw.get("reference"), url=raw.get("url"),
                  note=raw.get("note"))


def _dated(doc: Document, path: tuple[str | int, ...], raw: list[dict[str, Any]], kind: str
           ) -> tuple[Any, ...]:
    seen: set[date | None] = set()
    out: list[Any] = []
    for i, entry in enumerate(raw):
        here = (*path, i)
        start = parse_date(doc, (*here, "effective_from"), entry.get("effective_from"))
        if start in seen:
            raise doc.error((*here, "effective_from"),
                            "две записи с одной датой начала действия" if start else
                            "только одна запись может быть без даты начала действия")
        seen.add(start)
        if kind == "threshold":
            out.append(Threshold(points=entry["points"], source=_source(entry["source"]),
                                 effective_from=start, note=entry.get("note")))
        else:
            out.append(ForeignShareLimit(max_percent=float(entry["max_percent"]),
                                         source=_source(entry["source"]),
                                         effective_from=start, note=entry.get("note")))
    return tuple(out)


def _group(doc: Document, path: tuple[str | int, ...], raw: dict[str, Any]) -> ProductGroup:
    source = _source(raw["source"])
    complete = raw.get("complete", True)
    default_area = Area(raw.get("counts_in", Area.RUSSIA.value))

    alternatives: list[AlternativeGroup] = []
    for i, alt in enumerate(raw.get("alternatives", [])):
        if any(a.id == alt["id"] for a in alternatives):
            raise doc.error((*path, "alternatives", i, "id"),
                            f"повторный идентификатор группы альтернатив «{alt['id']}»")
        alternatives.append(AlternativeGroup(alt["id"], alt["name"], alt.get("mandatory", False)))
    alt_ids = {a.id for a in alternatives}

    items: list[RuleItem] = []
    for i, op in enumerate(raw.get("operations", [])):
        here = (*path, "operations", i)
        if any(it.id == op["id"] for it in items):
            raise doc.error((*here, "id"), f"повторный идентификатор операции «{op['id']}»")
        alt = op.get("alternative")
        if alt is not None and alt not in alt_ids:
            raise doc.error((*here, "alternative"),
                            f"группа альтернатив «{alt}» не объявлена в alternatives")
        if alt is not None and op.get("mandatory", False):
            raise doc.error((*here, "mandatory"),
                            "обязательность операции из группы альтернатив задаётся у группы")
        if op["points"] is None and complete:
            raise doc.error((*here, "points"),
                            "баллы неизвестны (null), но группа не помечена complete: false")
        items.append(RuleItem(
            id=op["id"], name=op["name"], points=op["points"],
            kind=ItemKind(op.get("kind", ItemKind.OPERATION.value)),
            mandatory=op.get("mandatory", False), alternative=alt,
            counts_in=Area(op.get("counts_in", default_area.value)),
            source=_source(op["source"]) if "source" in op else source,
        ))
    used = {it.alternative for it in items}
    for i, alt_group in enumerate(alternatives):
        if alt_group.id not in used:
            raise doc.error((*path, "alternatives", i),
                            f"в группе альтернатив «{alt_group.id}» нет ни одной операции")

    eaeu = None
    if "eaeu" in raw:
        e = raw["eaeu"]
        eaeu = EaeuRegime(
            source=_source(e["source"]), complete=e.get("complete", True),
            thresholds=_dated(doc, (*path, "eaeu", "thresholds"), e.get("thresholds", []),
                              "threshold"),
            foreign_share=_dated(doc, (*path, "eaeu", "foreign_share"),
                                 e.get("foreign_share", []), "share"),
        )
    return ProductGroup(
        id=raw["id"], name=raw["name"], okpd2=tuple(raw["okpd2"]), source=source,
        items=tuple(items), alternatives=tuple(alternatives),
        thresholds=_dated(doc, (*path, "thresholds"), raw.get("thresholds", []), "threshold"),
        foreign_share=_dated(doc, (*path, "foreign_share"), raw.get("foreign_share", []),
                             "share"),
        eaeu=eaeu, complete=complete, note=raw.get("note"), counts_in=default_area,
    )


def build_rulebook(doc: Document) -> Rulebook:
    """Validate a parsed document (with or without line numbers) into a Rulebook."""
    validate(doc, SCHEMA)
    raw = doc.data
    groups: list[ProductGroup] = []
    for i, g in enumerate(raw["groups"]):
        if any(x.id == g["id"] for x in groups):
            raise doc.error(("groups", i, "id"), f"повторный идентификатор группы «{g['id']}»")
        groups.append(_group(doc, ("groups", i), g))
    valid_from = parse_date(doc, ("valid_from",), raw.get("valid_from"))
    valid_to = parse_date(doc, ("valid_to",), raw.get("valid_to"))
    if valid_from and valid_to and valid_to < valid_from:
        raise doc.error(("valid_to",), "дата окончания раньше даты начала действия")
    return Rulebook(
        id=raw["id"], title=raw["title"], version=str(raw["version"]),
        status=RulebookStatus(raw["status"]), source=_source(raw["source"]),
        groups=tuple(groups), valid_from=valid_from, valid_to=valid_to, note=raw.get("note"),
    )
