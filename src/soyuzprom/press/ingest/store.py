"""Storing a read document as a core :class:`~soyuzprom.core.models.Document`.

Identity is the content hash of the normalised text: the same content again is
``unchanged`` (a no-op). The same URL with different content (an edited article, a feed
entry republished) updates the stored document in place, so its claims (including rejected
ones) keep pointing at one document and are not proposed twice.

Example:
    >>> status, doc = store_document(session, RawDocument(text="...", url="https://x/1"))
    >>> status
    'created'
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from soyuzprom.core.models import Document
from soyuzprom.errors import InputFormatError
from soyuzprom.press.ingest.model import RawDocument
from soyuzprom.press.ingest.normalize import content_hash, normalize_text

_TITLE_LIMIT = 1000
_URL_LIMIT = 2000


def find_by_hash(session: Session, digest: str) -> Document | None:
    return session.scalar(select(Document).where(Document.content_hash == digest))


def store_document(
    session: Session, raw: RawDocument, *, default_published: date | None = None
) -> tuple[str, Document]:
    """Create, update or leave alone the document for ``raw``; returns (status, document).

    Status is ``created``, ``updated`` (same URL, new content) or ``unchanged``.
    """
    text = normalize_text(raw.text)
    if not text:
        raise InputFormatError("Пустой текст", file=raw.origin or None)
    digest = content_hash(text)
    existing = find_by_hash(session, digest)
    if existing is not None:
        return "unchanged", existing
    url = raw.url[:_URL_LIMIT] if raw.url else None
    document = (
        session.scalar(select(Document).where(Document.url == url).order_by(Document.id))
        if url
        else None
    )
    status = "updated" if document is not None else "created"
    if document is None:
        document = Document(kind="news", content_hash=digest)
        session.add(document)
    document.content_hash = digest
    document.text = text
    document.url = url
    document.title = raw.title[:_TITLE_LIMIT] if raw.title else document.title
    document.publisher = (raw.publisher or document.publisher or None)
    if document.publisher:
        document.publisher = document.publisher[:300]
    document.published = raw.published or document.published or default_published
    document.meta = {**(document.meta or {}), **raw.meta, "origin": raw.origin}
    session.flush()
    return status, document
