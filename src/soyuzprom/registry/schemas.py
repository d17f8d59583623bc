"""Registry shapes, one per direction: Create, Update, Read, and list filters."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from soyuzprom.core.schemas import ReadModel, SourceRead, WriteModel

OrganizationKind = Literal["enterprise", "state_body", "association", "other"]
Country = str


class RegionRead(ReadModel):
    id: int
    code: str
    name: str
    kind: str
    country: str
    fns_code: str | None = None
    okato: str | None = None
    federal_district: str | None = None


class RegionFilter(BaseModel):
    country: str | None = Field(default=None, description="RU или BY")
    kind: str | None = Field(default=None, description="country, subject, oblast, city")
    fns_code: str | None = None


class RegionCreate(WriteModel):
    code: str = Field(min_length=2, max_length=12)
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["country", "subject", "oblast", "city"]
    country: str = Field(min_length=2, max_length=2)
    fns_code: str | None = None
    okato: str | None = None
    federal_district: str | None = None


class RegionUpdate(WriteModel):
    name: str | None = None
    fns_code: str | None = None
    okato: str | None = None
    federal_district: str | None = None


class ClassifierRead(ReadModel):
    id: int
    scheme: str
    code: str
    name: str
    parent_code: str | None = None


class ClassifierFilter(BaseModel):
    scheme: str | None = Field(default=None, description="okved2, okpd2, oksm, tnved")
    parent_code: str | None = None


class AliasRead(ReadModel):
    alias: str
    kind: str


class OrganizationBase(WriteModel):
    full_name: str | None = Field(default=None, max_length=1000)
    short_name: str | None = Field(default=None, max_length=300)
    legal_form: str | None = Field(default=None, max_length=50)
    region_code: str | None = Field(
        default=None, description="ISO 3166-2 код региона, например RU-SMO или BY-VI"
    )
    city: str | None = Field(default=None, max_length=200)
    address: str | None = None
    inn: str | None = Field(default=None, description="ИНН (10 или 12 цифр)")
    ogrn: str | None = Field(default=None, description="ОГРН (13) или ОГРНИП (15)")
    kpp: str | None = None
    unp: str | None = Field(default=None, description="УНП Республики Беларусь (9 цифр)")
    okved_main: str | None = None
    okved_extra: list[str] | None = None
    status: str | None = None
    sme_category: str | None = None
    description: str | None = None
    website: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    aliases: list[str] | None = None


class OrganizationCreate(OrganizationBase):
    name: str = Field(min_length=1, max_length=500)
    kind: OrganizationKind = "enterprise"
    country: Country = Field(default="RU", min_length=2, max_length=2)


class OrganizationUpdate(OrganizationBase):
    version: int = Field(description="Версия, которую видел клиент (оптимистическая блокировка)")
    name: str | None = Field(default=None, min_length=1, max_length=500)
    kind: OrganizationKind | None = None
    country: Country | None = Field(default=None, min_length=2, max_length=2)


class OrganizationRead(ReadModel):
    id: int
    version: int
    name: str
    full_name: str | None
    short_name: str | None
    kind: str
    legal_form: str | None
    country: str
    region_id: int | None
    region: RegionRead | None = None
    city: str | None
    address: str | None
    inn: str | None
    ogrn: str | None
    kpp: str | None
    unp: str | None
    okved_main: str | None
    status: str
    sme_category: str | None
    description: str | None
    website: str | None
    lat: float | None
    lon: float | None
    aliases: list[AliasRead] = []
    source_id: int | None
    source: SourceRead | None = None
    created_at: datetime
    updated_at: datetime


class OrganizationFilter(BaseModel):
    country: str | None = Field(default=None, description="RU, BY ...")
    kind: str | None = None
    region: str | None = Field(default=None, description="Код региона (RU-SMO)")
    inn: str | None = None
    ogrn: str | None = None
    unp: str | None = None
    okved: str | None = Field(default=None, description="Префикс кода ОКВЭД2")


class PersonRoleWrite(WriteModel):
    role: str = Field(min_length=1, max_length=500)
    organization_id: int | None = None
    region_code: str | None = None
    since: date | None = None
    till: date | None = None


class PersonRoleRead(ReadModel):
    role: str
    organization_id: int | None
    region_id: int | None
    since: date | None
    till: date | None


class PersonCreate(WriteModel):
    full_name: str = Field(min_length=1, max_length=300)
    first_name: str | None = None
    last_name: str | None = None
    patronymic: str | None = None
    country: str | None = None
    roles: list[PersonRoleWrite] | None = None


class PersonUpdate(WriteModel):
    version: int
    full_name: str | None = Field(default=None, min_length=1, max_length=300)
    first_name: str | None = None
    last_name: str | None = None
    patronymic: str | None = None
    country: str | None = None
    roles: list[PersonRoleWrite] | None = None


class PersonRead(ReadModel):
    id: int
    version: int
    full_name: str
    first_name: str | None
    last_name: str | None
    patronymic: str | None
    country: str | None
    roles: list[PersonRoleRead] = []
    source_id: int | None
    source: SourceRead | None = None


class PersonFilter(BaseModel):
    organization_id: int | None = None


class OwnershipCreate(WriteModel):
    organization_id: int
    owner_kind: Literal["organization", "person", "state", "other"] = "organization"
    owner_organization_id: int | None = None
    owner_person_id: int | None = None
    owner_name: str | None = None
    owner_identifier: str | None = None
    owner_country: str | None = Field(
        default=None, description="Код ОКСМ страны владельца (112 — Беларусь)"
    )
    share_percent: float | None = Field(default=None, ge=0, le=100)
    share_nominal: float | None = Field(default=None, ge=0)
    as_of: date | None = None


class OwnershipUpdate(WriteModel):
    version: int
    owner_name: str | None = None
    owner_country: str | None = None
    share_percent: float | None = Field(default=None, ge=0, le=100)
    share_nominal: float | None = Field(default=None, ge=0)
    as_of: date | None = None


class OwnershipRead(ReadModel):
    id: int
    version: int
    organization_id: int
    owner_kind: str
    owner_organization_id: int | None
    owner_person_id: int | None
    owner_name: str | None
    owner_identifier: str | None
    owner_country: str | None
    share_percent: float | None
    share_nominal: float | None
    as_of: date | None
    source_id: int | None
    source: SourceRead | None = None


class OwnershipFilter(BaseModel):
    organization_id: int | None = None
    owner_country: str | None = None


class RegistryEntryRead(ReadModel):
    registry_name: str
    number: str
    points: float | None
    percentage: float | None
    valid_from: date | None
    valid_till: date | None
    ended: date | None


class ProductCreate(WriteModel):
    name: str = Field(min_length=1, max_length=1000)
    okpd2: str | None = None
    tnved: str | None = None
    maker_id: int | None = None
    description: str | None = None


class ProductUpdate(WriteModel):
    version: int
    name: str | None = Field(default=None, min_length=1, max_length=1000)
    okpd2: str | None = None
    tnved: str | None = None
    maker_id: int | None = None
    description: str | None = None


class ProductRead(ReadModel):
    id: int
    version: int
    name: str
    okpd2: str | None
    tnved: str | None
    maker_id: int | None
    description: str | None
    registry_entries: list[RegistryEntryRead] = []
    source_id: int | None
    source: SourceRead | None = None


class ProductFilter(BaseModel):
    maker_id: int | None = None
    okpd2: str | None = Field(default=None, description="Префикс кода ОКПД2")
