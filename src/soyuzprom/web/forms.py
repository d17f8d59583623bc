"""HTML forms: from submitted fields to a service payload, and errors back to fields.

A form is validated in the same three layers as the API (schema shape, domain rules in the
service, database constraints); whatever layer refuses, the error lands next to the field it
names, in Russian. Shape errors from pydantic are translated by their type through
``labels_ru.yaml`` (``form_errors``); domain and conflict errors already speak Russian.

Example:
    >>> form = OrganizationForm.from_fields({"name": "МАЗ", "country": "BY", "inn": "123"})
    >>> form.payload()["inn"]
    '123'
    >>> errors_from(DomainValidationError("Неверная контрольная цифра ИНН", field="inn"))
    FormErrors(fields={'inn': 'Неверная контрольная цифра ИНН'}, general=[], stale=False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from soyuzprom.errors import SoyuzpromError, StaleVersionError
from soyuzprom.registry.models import Organization
from soyuzprom.web.labels import labels

# Organization fields the form edits, in the order they are shown.
ORGANIZATION_FIELDS = (
    "name", "short_name", "full_name", "kind", "legal_form", "country", "region_code", "city",
    "address", "inn", "kpp", "ogrn", "unp", "okved_main", "website", "description",
)
REQUIRED = frozenset({"name"})


@dataclass
class FormErrors:
    """Messages keyed by field, messages about no field, and whether the edit was stale."""

    fields: dict[str, str] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    stale: bool = False

    def __bool__(self) -> bool:
        return bool(self.fields or self.general or self.stale)

    def add(self, name: str | None, message: str, known: frozenset[str] | None = None) -> None:
        """File ``message`` under ``name`` when the form shows that field, else as general."""
        if name and (known is None or name in known):
            self.fields.setdefault(name, message)
        else:
            self.general.append(message)


def _shape_message(error: Mapping[str, Any]) -> str:
    book = labels()
    found = (book.section("form_errors") or {}).get(str(error.get("type")))
    return str(found or book.label("form_errors", "default"))


def errors_from(exc: Exception, known: frozenset[str] | None = None) -> FormErrors:
    """Field errors from a pydantic ``ValidationError`` or any typed soyuzprom error."""
    errors = FormErrors()
    if isinstance(exc, ValidationError):
        for item in exc.errors():
            loc = item.get("loc") or ()
            errors.add(str(loc[0]) if loc else None, _shape_message(item), known)
    elif isinstance(exc, StaleVersionError):
        errors.stale = True
        errors.general.append(exc.message)
    elif isinstance(exc, SoyuzpromError):
        errors.add(exc.field, exc.message, known)
    else:
        raise exc
    return errors


@dataclass
class OrganizationForm:
    """The values of the organization form as typed (strings), plus aliases and version."""

    values: dict[str, str]
    aliases: list[str]
    version: int | None = None

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> OrganizationForm:
        values = {name: str(fields.get(name) or "").strip() for name in ORGANIZATION_FIELDS}
        aliases = [a.strip() for a in str(fields.get("aliases") or "").splitlines() if a.strip()]
        raw_version = str(fields.get("version") or "").strip()
        return cls(values, aliases, int(raw_version) if raw_version.isdigit() else None)

    @classmethod
    def from_organization(cls, org: Organization) -> OrganizationForm:
        values = {
            name: str(getattr(org, name, None) or "")
            for name in ORGANIZATION_FIELDS
            if name != "region_code"
        }
        values["region_code"] = org.region.code if org.region is not None else ""
        return cls(values, [a.alias for a in org.aliases], org.version)

    @classmethod
    def blank(cls) -> OrganizationForm:
        values = dict.fromkeys(ORGANIZATION_FIELDS, "")
        values.update(kind="enterprise", country="RU")
        return cls(values, [], None)

    def payload(self, *, for_update: bool = False) -> dict[str, Any]:
        """The service payload: blank optional fields are ``None`` (cleared on update).

        A blank required field stays an empty string so the schema reports it by name.
        """
        data: dict[str, Any] = {}
        for name, value in self.values.items():
            if value or name in REQUIRED:
                data[name] = value
            elif for_update:
                data[name] = None
        if for_update:
            # kind and country always come from select boxes; never clear them.
            for name in ("kind", "country"):
                if data.get(name) is None:
                    data.pop(name, None)
        data["aliases"] = self.aliases
        if for_update:
            data["version"] = self.version
        return data

    @property
    def aliases_text(self) -> str:
        return "\n".join(self.aliases)
