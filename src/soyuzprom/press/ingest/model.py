"""Frozen values passed between the readers, the store and the batch loop.

Example:
    >>> RawDocument(text="Текст", title="Заголовок").text
    'Текст'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

INGEST_STATUSES = ("created", "updated", "unchanged", "skipped", "failed")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One text as a reader found it, before storage.

    ``origin`` names where it came from (a file path, a URL, ``feed.xml#3``) for reports.
    """

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    origin: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one document (or one input that failed before yielding documents).

    ``status`` is one of :data:`INGEST_STATUSES`; ``reason`` says why a failure happened.
    """

    origin: str
    status: str
    document_id: int | None = None
    claims: int = 0
    reason: str | None = None
