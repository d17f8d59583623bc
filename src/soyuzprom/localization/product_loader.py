"""Load product configurations (YAML or parsed mapping) into :class:`.ProductConfig`.

Shape is checked by ``schema/product.schema.json``; here we check unique ids. References
to rulebook items are checked against a rulebook group by :func:`check_against`, since a
configuration file is loaded without one.

Example::

    >>> cfg = load_product(Path("tests/localization/fixtures/apron_bus_smolensk.yaml"))
    >>> cfg.okpd2
    '29.10.30.119'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from soyuzprom.errors import DomainValidationError
from soyuzprom.localization.loader import parse_date
from soyuzprom.localization.model import ProductGroup
from soyuzprom.localization.product import (
    CandidateAction,
    ComponentRecord,
    OperationRecord,
    OrgRef,
    ProductConfig,
)
from soyuzprom.localization.yamlio import Document, parse_yaml, validate

SCHEMA = "product.schema.json"


def load_product(path: Path) -> ProductConfig:
    return parse_product(path.read_text(encoding="utf-8"), str(path))


def parse_product(text: str, name: str = "<product>") -> ProductConfig:
    return _build(parse_yaml(text, name))


def product_from_data(data: Any, name: str = "<product>") -> ProductConfig:
    return _build(Document(name=name, data=data))


def _org(raw: dict[str, Any] | None) -> OrgRef | None:
    if raw is None:
        return None
    return OrgRef(name=raw.get("name"), organization_id=raw.get("organization_id"),
                  inn=raw.get("inn"), unp=raw.get("unp"))


def _build(doc: Document) -> ProductConfig:
    validate(doc, SCHEMA)
    raw = doc.data
    components: list[ComponentRecord] = []
    for i, c in enumerate(raw.get("components", [])):
        if any(x.id == c["id"] for x in components):
            raise doc.error(("components", i, "id"),
                            f"повторный идентификатор компонента «{c['id']}»")
        components.append(ComponentRecord(
            id=c["id"], origin=c["origin"], price=c["price"], name=c.get("name"),
            item=c.get("item"), supplier=_org(c.get("supplier")),
        ))
    actions: list[CandidateAction] = []
    for i, a in enumerate(raw.get("candidate_actions", [])):
        if any(x.id == a["id"] for x in actions):
            raise doc.error(("candidate_actions", i, "id"),
                            f"повторный идентификатор действия «{a['id']}»")
        actions.append(CandidateAction(
            id=a["id"], item=a["item"], cost=a["cost"], lead_time_days=a["lead_time_days"],
            country=a.get("country", "RU"), name=a.get("name"), supplier=_org(a.get("supplier")),
            counts=a.get("counts", True),
        ))
    return ProductConfig(
        id=raw["id"], name=raw["name"], okpd2=raw["okpd2"], price=raw.get("price"),
        group=raw.get("group"), as_of=parse_date(doc, ("as_of",), raw.get("as_of")),
        maker=_org(raw.get("maker")),
        operations=tuple(
            OperationRecord(item=o["operation"], country=o["country"],
                            organization=_org(o.get("organization")))
            for o in raw.get("operations", [])
        ),
        components=tuple(components), actions=tuple(actions),
    )


def check_against(config: ProductConfig, group: ProductGroup) -> None:
    """Every item referenced by ``config`` must exist in ``group``.

    Raises DomainValidationError with the field path, e.g. ``candidate_actions[2].item``.
    """
    known = {i.id for i in group.items}
    refs = [(f"operations[{i}].operation", r.item) for i, r in enumerate(config.operations)]
    refs += [(f"components[{i}].item", c.item) for i, c in enumerate(config.components) if c.item]
    refs += [(f"candidate_actions[{i}].item", a.item) for i, a in enumerate(config.actions)]
    for path, item in refs:
        if item not in known:
            raise DomainValidationError(
                f"операция «{item}» отсутствует в группе «{group.id}» свода правил",
                field=path, details={"item": item, "group": group.id},
            )
