"""Parse and validate a demo-region YAML file into frozen dataclasses (no database).

The file (``soyuzprom/data/demo/smolensk.yaml`` is the packaged one) holds the facts of one
source document: organizations, persons, links, projects, agreements with commitments and
indicators; records refer to each other by ``key``. Validation has two layers:

1. shape, by the JSON Schema ``data/demo/schema.json`` (types, required fields, the
   enumerations of link types, statuses, stages, qualifiers);
2. meaning, here: keys unique per section, every reference resolves to a declared key,
   region codes exist in the packaged reference data, identifiers pass their check digits.

Every failure raises :class:`soyuzprom.errors.InputFormatError` naming the file and the
path of the offending element, e.g. ``links[2].to``.

Example:
    >>> data = load_demo_data()
    >>> data.source.publisher
    'Смоленская народная газета'
    >>> next(i for i in data.indicators if i.key == "smo_by_turnover_2024").value
    294000000000.0
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from soyuzprom.errors import DomainValidationError, InputFormatError
from soyuzprom.registry import identifiers
from soyuzprom.registry.reference import read_regions

DEMO_FILE = "smolensk.yaml"


@dataclass(frozen=True, slots=True)
class DemoSource:
    key: str
    title: str
    publisher: str
    published: date
    kind: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class DemoOrganization:
    key: str
    name: str
    kind: str
    country: str
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    region: str | None = None
    city: str | None = None
    inn: str | None = None
    ogrn: str | None = None
    kpp: str | None = None
    unp: str | None = None
    okved_main: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class DemoRole:
    role: str
    organization: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class DemoPerson:
    key: str
    full_name: str
    roles: tuple[DemoRole, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoLink:
    """``from_org`` to ``to_org`` or to ``to_region`` (exactly one of the two)."""

    key: str
    type: str
    from_org: str
    status: str
    to_org: str | None = None
    to_region: str | None = None
    object: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class DemoParticipant:
    organization: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class DemoProject:
    key: str
    name: str
    stage: str
    host_region: str | None = None
    description: str | None = None
    participants: tuple[DemoParticipant, ...] = ()
    amount: float | None = None
    currency: str | None = None
    jobs: int | None = None


@dataclass(frozen=True, slots=True)
class DemoParty:
    """Exactly one of organization (key), region (code) or person (key)."""

    organization: str | None = None
    region: str | None = None
    person: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class DemoCommitment:
    text: str
    status: str
    owner_organization: str | None = None
    owner_region: str | None = None
    owner_person: str | None = None
    due_date: date | None = None


@dataclass(frozen=True, slots=True)
class DemoAgreement:
    key: str
    kind: str
    title: str
    date: date | None = None
    event: str | None = None
    place: str | None = None
    description: str | None = None
    parties: tuple[DemoParty, ...] = ()
    commitments: tuple[DemoCommitment, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoIndicator:
    """Subject and counterpart are each a region code or an organization key."""

    key: str
    metric: str
    period: str
    value: float
    unit: str
    qualifier: str
    subject_region: str | None = None
    subject_organization: str | None = None
    counterpart_region: str | None = None
    counterpart_organization: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class DemoData:
    source: DemoSource
    organizations: tuple[DemoOrganization, ...] = ()
    persons: tuple[DemoPerson, ...] = ()
    links: tuple[DemoLink, ...] = ()
    projects: tuple[DemoProject, ...] = ()
    agreements: tuple[DemoAgreement, ...] = ()
    indicators: tuple[DemoIndicator, ...] = ()


class _NoDatesLoader(yaml.SafeLoader):
    """Safe loader that keeps ``2025-10-21`` a string: the schema checks the format."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def default_demo_path() -> Path:
    """The packaged demo region file."""
    return Path(str(resources.files("soyuzprom") / "data" / "demo" / DEMO_FILE))


def load_demo_data(path: Path | str | None = None) -> DemoData:
    """Read, validate and convert a demo YAML file (the packaged one by default)."""
    file = Path(path) if path is not None else default_demo_path()
    try:
        raw = yaml.load(file.read_text(encoding="utf-8"), Loader=_NoDatesLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputFormatError(
            f"Файл демо-данных не является корректным YAML: {exc}",
            file=str(file),
            line=mark.line + 1 if mark is not None else None,
        ) from exc
    return parse_demo_data(raw, file=str(file))


def _schema() -> dict[str, Any]:
    text = (resources.files("soyuzprom") / "data" / "demo" / "schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "$"


def parse_demo_data(raw: Any, *, file: str = "<demo>") -> DemoData:
    """Validate an already-loaded mapping and convert it; errors name ``file`` and the path."""
    validator = jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = _path(first.absolute_path)
        raise InputFormatError(
            f"Ошибка в демо-данных ({where}): {first.message}",
            file=file,
            element=where,
            field=_last_name(first.absolute_path),
            details={"errors": [f"{_path(e.absolute_path)}: {e.message}" for e in errors[:20]]},
        )
    return _Builder(raw, file).build()


def _last_name(parts: Iterable[Any]) -> str | None:
    names = [p for p in parts if isinstance(p, str)]
    return names[-1] if names else None


class _Builder:
    """Second validation layer (references, codes, identifiers) and conversion."""

    def __init__(self, raw: Mapping[str, Any], file: str) -> None:
        self.raw = raw
        self.file = file
        self.region_country = {r.code: r.country for r in read_regions()}
        self.region_codes = set(self.region_country)
        self.org_keys: set[str] = set()
        self.person_keys: set[str] = set()

    def fail(self, where: str, message: str) -> InputFormatError:
        return InputFormatError(
            f"Ошибка в демо-данных ({where}): {message}",
            file=self.file,
            element=where,
            field=where.rsplit(".", 1)[-1],
        )

    def keys(self, section: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(self.raw.get(section) or []):
            if item["key"] in seen:
                raise self.fail(f"{section}[{i}].key", f"ключ {item['key']!r} повторяется")
            seen.add(item["key"])
        return seen

    def region(self, value: str | None, where: str) -> str | None:
        if value is not None and value not in self.region_codes:
            raise self.fail(where, f"неизвестный код региона {value!r}")
        return value

    def ref(self, value: str | None, known: set[str], where: str, what: str) -> str | None:
        if value is not None and value not in known:
            raise self.fail(where, f"{what} с ключом {value!r} не объявлен(а)")
        return value

    def org(self, value: str | None, where: str) -> str | None:
        return self.ref(value, self.org_keys, where, "организация")

    def build(self) -> DemoData:
        self.org_keys = self.keys("organizations")
        self.person_keys = self.keys("persons")
        for section in ("links", "projects", "agreements", "indicators"):
            self.keys(section)
        src = self.raw["source"]
        source = DemoSource(
            key=src["key"],
            title=src["title"],
            publisher=src["publisher"],
            published=date.fromisoformat(src["published"]),
            kind=src["kind"],
            url=src.get("url"),
        )
        return DemoData(
            source=source,
            organizations=self.each("organizations", self.organization),
            persons=self.each("persons", self.person),
            links=self.each("links", self.link),
            projects=self.each("projects", self.project),
            agreements=self.each("agreements", self.agreement),
            indicators=self.each("indicators", self.indicator),
        )

    def each(
        self, section: str, build: Callable[[Mapping[str, Any], str], Any]
    ) -> tuple[Any, ...]:
        items = self.raw.get(section) or []
        return tuple(build(item, f"{section}[{i}]") for i, item in enumerate(items))

    def identifier(
        self, item: Mapping[str, Any], name: str, where: str, check: Callable[[str, str], str]
    ) -> str | None:
        value = item.get(name)
        if value is None:
            return None
        try:
            return check(value, name)
        except DomainValidationError as exc:
            raise self.fail(f"{where}.{name}", exc.message) from exc

    def organization(self, item: Mapping[str, Any], where: str) -> DemoOrganization:
        region = self.region(item.get("region"), f"{where}.region")
        if region is not None and self.region_country[region] != item["country"]:
            raise self.fail(f"{where}.region", f"регион {region} не в стране {item['country']}")
        return DemoOrganization(
            key=item["key"],
            name=item["name"],
            kind=item["kind"],
            country=self.region(item["country"], f"{where}.country") or item["country"],
            short_name=item.get("short_name"),
            aliases=tuple(item.get("aliases") or ()),
            region=region,
            city=item.get("city"),
            inn=self.identifier(item, "inn", where, identifiers.validate_inn),
            ogrn=self.identifier(item, "ogrn", where, identifiers.validate_ogrn),
            kpp=self.identifier(item, "kpp", where, identifiers.validate_kpp),
            unp=self.identifier(item, "unp", where, identifiers.validate_unp),
            okved_main=item.get("okved_main"),
            description=item.get("description"),
        )

    def person(self, item: Mapping[str, Any], where: str) -> DemoPerson:
        roles = tuple(
            DemoRole(
                role=role["role"],
                organization=self.org(role.get("organization"), f"{where}.roles[{i}].organization"),
                region=self.region(role.get("region"), f"{where}.roles[{i}].region"),
            )
            for i, role in enumerate(item.get("roles") or [])
        )
        return DemoPerson(key=item["key"], full_name=item["full_name"], roles=roles)

    def link(self, item: Mapping[str, Any], where: str) -> DemoLink:
        start, end = _date(item.get("period_start")), _date(item.get("period_end"))
        if start and end and end < start:
            raise self.fail(f"{where}.period_end", "конец периода раньше начала")
        return DemoLink(
            key=item["key"],
            type=item["type"],
            from_org=self.org(item["from"], f"{where}.from") or item["from"],
            to_org=self.org(item.get("to"), f"{where}.to"),
            to_region=self.region(item.get("to_region"), f"{where}.to_region"),
            status=item["status"],
            object=item.get("object"),
            period_start=start,
            period_end=end,
            description=item.get("description"),
        )

    def project(self, item: Mapping[str, Any], where: str) -> DemoProject:
        participants = tuple(
            DemoParticipant(
                organization=self.org(p["organization"], f"{where}.participants[{i}].organization")
                or p["organization"],
                role=p.get("role"),
            )
            for i, p in enumerate(item.get("participants") or [])
        )
        amount = item.get("amount")
        return DemoProject(
            key=item["key"],
            name=item["name"],
            stage=item["stage"],
            host_region=self.region(item.get("host_region"), f"{where}.host_region"),
            description=item.get("description"),
            participants=participants,
            amount=float(amount) if amount is not None else None,
            currency=item.get("currency"),
            jobs=item.get("jobs"),
        )

    def agreement(self, item: Mapping[str, Any], where: str) -> DemoAgreement:
        parties = tuple(
            DemoParty(
                organization=self.org(p.get("organization"), f"{where}.parties[{i}].organization"),
                region=self.region(p.get("region"), f"{where}.parties[{i}].region"),
                person=self.ref(
                    p.get("person"), self.person_keys, f"{where}.parties[{i}].person", "персона"
                ),
                role=p.get("role"),
            )
            for i, p in enumerate(item.get("parties") or [])
        )
        commitments = tuple(
            self.commitment(c, f"{where}.commitments[{i}]")
            for i, c in enumerate(item.get("commitments") or [])
        )
        return DemoAgreement(
            key=item["key"],
            kind=item["kind"],
            title=item["title"],
            date=_date(item.get("date")),
            event=item.get("event"),
            place=item.get("place"),
            description=item.get("description"),
            parties=parties,
            commitments=commitments,
        )

    def commitment(self, item: Mapping[str, Any], where: str) -> DemoCommitment:
        return DemoCommitment(
            text=item["text"],
            status=item["status"],
            owner_organization=self.org(
                item.get("owner_organization"), f"{where}.owner_organization"
            ),
            owner_region=self.region(item.get("owner_region"), f"{where}.owner_region"),
            owner_person=self.ref(
                item.get("owner_person"), self.person_keys, f"{where}.owner_person", "персона"
            ),
            due_date=_date(item.get("due_date")),
        )

    def subject(self, value: str | None, where: str) -> tuple[str | None, str | None]:
        """(region code, organization key) for an indicator subject or counterpart."""
        if value is None:
            return None, None
        if value in self.org_keys:
            return None, value
        if value in self.region_codes:
            return value, None
        raise self.fail(where, f"{value!r} - не код региона и не ключ организации")

    def indicator(self, item: Mapping[str, Any], where: str) -> DemoIndicator:
        subject_region, subject_org = self.subject(item["subject"], f"{where}.subject")
        counter_region, counter_org = self.subject(item.get("counterpart"), f"{where}.counterpart")
        return DemoIndicator(
            key=item["key"],
            metric=item["metric"],
            period=str(item["period"]),
            value=float(item["value"]),
            unit=item["unit"],
            qualifier=item["qualifier"],
            subject_region=subject_region,
            subject_organization=subject_org,
            counterpart_region=counter_region,
            counterpart_organization=counter_org,
            description=item.get("description"),
        )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
