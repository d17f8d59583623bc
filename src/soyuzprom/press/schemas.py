"""Press review shapes: documents, claims, ingestion and review requests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from soyuzprom.core.schemas import ReadModel, WriteModel


class DocumentRead(ReadModel):
    id: int
    kind: str
    url: str | None
    title: str | None
    publisher: str | None
    published: date | None
    content_hash: str
    fetched_at: datetime
    claims: dict[str, int] = Field(default_factory=dict, description="Утверждения по статусам")


class DocumentDetail(DocumentRead):
    text: str | None
    meta: dict[str, Any]


class DocumentFilter(BaseModel):
    publisher: str | None = None
    published_from: date | None = None
    published_to: date | None = None


class ClaimRead(ReadModel):
    id: int
    document_id: int
    kind: str
    status: str
    payload: dict[str, Any]
    evidence: str | None
    evidence_start: int | None
    evidence_end: int | None
    result_type: str | None
    result_id: int | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_note: str | None
    created_at: datetime


class ClaimFilter(BaseModel):
    status: str | None = Field(default=None, description="pending, accepted, rejected")
    kind: str | None = Field(default=None, description="organization, person, relation, figure")
    document_id: int | None = None


class IngestRequest(WriteModel):
    """A text to ingest, or a URL of a page or feed to fetch."""

    text: str | None = None
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    publisher: str | None = Field(default=None, max_length=300)
    published: date | None = None

    @model_validator(mode="after")
    def _text_or_url(self) -> IngestRequest:
        if not (self.text and self.text.strip()) and not self.url:
            raise ValueError("Укажите текст (text) или адрес (url)")
        return self


class IngestOutcome(BaseModel):
    origin: str
    status: str
    document_id: int | None
    claims: int
    reason: str | None = None


class IngestResponse(BaseModel):
    outcomes: list[IngestOutcome]


class AcceptRequest(WriteModel):
    payload: dict[str, Any] | None = Field(
        default=None, description="Исправленные поля утверждения (заменяют предложенные)")
    accept_candidates: bool = Field(
        default=False,
        description="Принять ожидающих кандидатов-организаций, на которых ссылается связь")
    note: str | None = None


class RejectRequest(WriteModel):
    reason: str | None = Field(default=None, max_length=2000)
