"""Cooperation shapes: links, projects, agreements, commitments, indicators."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from soyuzprom.core.schemas import ReadModel, SourceRead, WriteModel

LinkType = Literal[
    "supply", "joint_production", "service_center", "joint_venture", "investment_project"
]
LinkStatus = Literal["planned", "active", "completed", "suspended", "cancelled"]
Stage = Literal[
    "idea",
    "planned",
    "preparation",
    "construction",
    "operating",
    "completed",
    "suspended",
    "cancelled",
]
AgreementKind = Literal["agreement", "memorandum", "programme", "contract", "meeting"]
CommitmentStatus = Literal["open", "in_progress", "done", "overdue", "cancelled"]
Qualifier = Literal["exact", "approx", "over", "at_least", "under", "at_most"]
Unit = Literal["RUB", "USD", "EUR", "BYN", "%", "units", "persons", "rank", "kg", "t", "l"]


class LinkFields(WriteModel):
    object: str | None = Field(default=None, max_length=500)
    product_id: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    value: float | None = None
    currency: str | None = Field(default=None, max_length=3)
    volume: float | None = None
    volume_unit: str | None = None
    description: str | None = None
    to_organization_id: int | None = None
    to_region_code: str | None = Field(default=None, description="Регион-получатель, RU-SMO")


class LinkCreate(LinkFields):
    type: LinkType
    from_organization_id: int
    status: LinkStatus = "active"


class LinkUpdate(LinkFields):
    version: int
    type: LinkType | None = None
    status: LinkStatus | None = None
    from_organization_id: int | None = None


class LinkRead(ReadModel):
    id: int
    version: int
    type: str
    from_organization_id: int
    to_organization_id: int | None
    to_region_id: int | None
    object: str | None
    product_id: int | None
    status: str
    period_start: date | None
    period_end: date | None
    value: float | None
    currency: str | None
    volume: float | None
    volume_unit: str | None
    description: str | None
    source_id: int | None
    source: SourceRead | None = None


class LinkFilter(BaseModel):
    type: str | None = Field(default=None, description="Тип связи; несколько через запятую")
    status: str | None = None
    organization_id: int | None = Field(default=None, description="Любой конец связи")
    from_organization_id: int | None = None
    to_organization_id: int | None = None
    to_region: str | None = None


class ParticipantWrite(WriteModel):
    organization_id: int
    role: str | None = None


class ParticipantRead(ReadModel):
    organization_id: int
    role: str | None


class StageRead(ReadModel):
    stage: str
    at: datetime
    note: str | None


class ProjectFields(WriteModel):
    host_region_code: str | None = None
    amount: float | None = Field(default=None, ge=0)
    currency: str | None = None
    jobs: int | None = Field(default=None, ge=0)
    start_date: date | None = None
    end_date: date | None = None
    description: str | None = None
    participants: list[ParticipantWrite] | None = None
    stage_note: str | None = Field(default=None, description="Комментарий к смене стадии")


class ProjectCreate(ProjectFields):
    name: str = Field(min_length=1, max_length=500)
    stage: Stage = "planned"


class ProjectUpdate(ProjectFields):
    version: int
    name: str | None = Field(default=None, min_length=1, max_length=500)
    stage: Stage | None = None


class ProjectRead(ReadModel):
    id: int
    version: int
    name: str
    host_region_id: int | None
    stage: str
    amount: float | None
    currency: str | None
    jobs: int | None
    start_date: date | None
    end_date: date | None
    description: str | None
    participants: list[ParticipantRead] = []
    stages: list[StageRead] = []
    source_id: int | None
    source: SourceRead | None = None


class ProjectFilter(BaseModel):
    stage: str | None = None
    host_region: str | None = None
    organization_id: int | None = None


class PartyWrite(WriteModel):
    organization_id: int | None = None
    region_code: str | None = None
    person_id: int | None = None
    role: str | None = None


class PartyRead(ReadModel):
    organization_id: int | None
    region_id: int | None
    person_id: int | None
    role: str | None


class AgreementFields(WriteModel):
    date: dt.date | None = None
    event: str | None = None
    place: str | None = None
    description: str | None = None
    parties: list[PartyWrite] | None = None


class AgreementCreate(AgreementFields):
    kind: AgreementKind = "agreement"
    title: str = Field(min_length=1, max_length=1000)


class AgreementUpdate(AgreementFields):
    version: int
    kind: AgreementKind | None = None
    title: str | None = Field(default=None, min_length=1, max_length=1000)


class AgreementRead(ReadModel):
    id: int
    version: int
    kind: str
    title: str
    date: dt.date | None
    event: str | None
    place: str | None
    description: str | None
    parties: list[PartyRead] = []
    source_id: int | None
    source: SourceRead | None = None


class AgreementFilter(BaseModel):
    kind: str | None = None
    organization_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


class CommitmentFields(WriteModel):
    owner_organization_id: int | None = None
    owner_person_id: int | None = None
    owner_region_code: str | None = None
    due_date: date | None = None
    note: str | None = None


class CommitmentCreate(CommitmentFields):
    agreement_id: int
    text: str = Field(min_length=1)
    status: CommitmentStatus = "open"


class CommitmentUpdate(CommitmentFields):
    version: int
    text: str | None = Field(default=None, min_length=1)
    status: CommitmentStatus | None = None


class CommitmentRead(ReadModel):
    id: int
    version: int
    agreement_id: int
    text: str
    owner_organization_id: int | None
    owner_person_id: int | None
    owner_region_id: int | None
    due_date: date | None
    status: str
    note: str | None
    source_id: int | None
    source: SourceRead | None = None


class CommitmentFilter(BaseModel):
    agreement_id: int | None = None
    status: str | None = None
    owner_organization_id: int | None = None
    overdue_on: date | None = Field(
        default=None, description="Не выполненные к этой дате (срок прошёл)"
    )


class IndicatorFields(WriteModel):
    subject_organization_id: int | None = None
    subject_region_code: str | None = None
    counterpart_organization_id: int | None = None
    counterpart_region_code: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    dimension: str | None = None
    description: str | None = None


class IndicatorCreate(IndicatorFields):
    metric: str = Field(min_length=1, max_length=100)
    period: str = Field(default="", max_length=30)
    value: float
    unit: Unit
    qualifier: Qualifier = "exact"


class IndicatorUpdate(IndicatorFields):
    version: int
    metric: str | None = Field(default=None, min_length=1, max_length=100)
    period: str | None = None
    value: float | None = None
    unit: Unit | None = None
    qualifier: Qualifier | None = None


class IndicatorRead(ReadModel):
    id: int
    version: int
    metric: str
    subject_region_id: int | None
    subject_organization_id: int | None
    counterpart_region_id: int | None
    counterpart_organization_id: int | None
    period: str
    period_start: date | None
    period_end: date | None
    value: float
    unit: str
    qualifier: str
    dimension: str | None
    description: str | None
    source_id: int | None
    source: SourceRead | None = None


class IndicatorFilter(BaseModel):
    metric: str | None = None
    subject_region: str | None = Field(default=None, description="Код региона-субъекта")
    counterpart_region: str | None = None
    subject_organization_id: int | None = None
    period: str | None = None
    unit: str | None = None
