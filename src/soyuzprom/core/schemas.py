"""Shapes shared by every area: pages, the error body, the version field of updates."""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class ReadModel(BaseModel):
    """Base of every Read shape: built from ORM objects."""

    model_config = ConfigDict(from_attributes=True)


class WriteModel(BaseModel):
    """Base of Create/Update shapes: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Page(BaseModel, Generic[T]):
    """One page of a list: the items and what is needed to ask for the next one."""

    items: list[T]
    total: int
    page: int
    page_size: int


class ListQuery(BaseModel):
    """Paging, sorting and free-text search common to every list.

    ``sort`` is a field name, ``-name`` for descending; several comma-separated.
    """

    q: str | None = Field(default=None, description="Поиск по названию")
    sort: str | None = Field(default=None, description="Поле сортировки, '-поле' по убыванию")
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=50, ge=1, le=500)


class ErrorBody(BaseModel):
    code: str
    message: str
    field: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(BaseModel):
    """The one JSON shape of every error the API returns."""

    error: ErrorBody


class DocumentRef(ReadModel):
    """A short view of a source document."""

    id: int
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None


class SourceRead(ReadModel):
    """Where a record came from: a document, an import run, a user edit or the demo."""

    id: int
    kind: str
    author: str
    document_id: int | None = None
    import_run_id: int | None = None
    document: DocumentRef | None = None
