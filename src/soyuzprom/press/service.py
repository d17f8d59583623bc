"""Press review use cases: documents, ingestion of one text or URL, claims and their review.

Written once, served by the API (:mod:`soyuzprom.press.api`) and the CLI
(:mod:`soyuzprom.press.review_cli`).

* Accepting a claim writes its record (see :mod:`soyuzprom.press.accept`) inside
  ``write_context(kind="document", document_id=<claim's document>, evidence=<sentence>,
  author=<reviewer>)``; the claim keeps the (possibly edited) payload, the record it became
  (``result_type``/``result_id``), the reviewer and the time.
* Rejecting keeps the claim with status ``rejected``, the reviewer and the reason; its
  fingerprint stops the same fact from being proposed again for that document.
* Only pending claims can be reviewed; reviewing twice is a :class:`ConflictError`.

Example:
    >>> claim = accept_claim(session, 12, reviewer="petrova")
    >>> claim.status, claim.result_type
    ('accepted', 'links')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from soyuzprom.core.crud import CrudService, PageResult, equals, one_of
from soyuzprom.core.models import Claim, Document
from soyuzprom.core.provenance import write_context
from soyuzprom.core.schemas import ListQuery
from soyuzprom.db import utcnow
from soyuzprom.errors import ConflictError, DomainValidationError
from soyuzprom.press import accept
from soyuzprom.press.ingest.fetch import Fetcher, HttpFetcher
from soyuzprom.press.ingest.model import Outcome, RawDocument
from soyuzprom.press.ingest.sources import read_text_document, url_item
from soyuzprom.press.pipeline import Extractor, Options, ingest_document

documents: CrudService[Document] = CrudService(
    model=Document,
    label="Документ",
    filters={
        "publisher": equals(Document.publisher),
        "published_from": lambda s, v: s.where(Document.published >= v),
        "published_to": lambda s, v: s.where(Document.published <= v),
        "kind": equals(Document.kind),
    },
    search=(Document.title, Document.url),
    sortable=("id", "published", "title", "fetched_at"),
    default_sort="-id",
)

claims: CrudService[Claim] = CrudService(
    model=Claim,
    label="Утверждение",
    filters={
        "status": one_of(Claim.status),
        "kind": one_of(Claim.kind),
        "document_id": equals(Claim.document_id),
    },
    search=(Claim.evidence,),
    sortable=("id", "kind", "status", "created_at"),
    default_sort="id",
)


def list_documents(session: Session, query: ListQuery | None = None,
                   filters: dict[str, Any] | None = None) -> PageResult[Document]:
    return documents.list(session, query, filters)


def get_document(session: Session, document_id: int) -> Document:
    return documents.get(session, document_id)


def claim_counts(session: Session, document_ids: list[int]) -> dict[int, dict[str, int]]:
    """Claims per document and status, for document lists."""
    counts: dict[int, dict[str, int]] = {i: {} for i in document_ids}
    if not document_ids:
        return counts
    rows = session.execute(
        select(Claim.document_id, Claim.status, func.count())
        .where(Claim.document_id.in_(document_ids))
        .group_by(Claim.document_id, Claim.status))
    for doc_id, status, count in rows:
        counts[doc_id][status] = count
    return counts


def list_claims(session: Session, query: ListQuery | None = None,
                filters: dict[str, Any] | None = None) -> PageResult[Claim]:
    return claims.list(session, query, filters)


def get_claim(session: Session, claim_id: int) -> Claim:
    return claims.get(session, claim_id)


# -- ingestion of one text or URL -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextInput:
    """A pasted text (or a URL to fetch) with the metadata the user knows."""

    text: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None


def ingest(session: Session, data: TextInput, *, extractor: Extractor | None,
           fetcher: Fetcher | None = None) -> list[Outcome]:
    """Ingest a text, or every document behind a URL (a page or a feed), in this session."""
    if data.text:
        raw = read_text_document(data.text, origin=data.url or "text", url=data.url,
                                 title=data.title)
        raw = RawDocument(raw.text, raw.title, raw.url, data.publisher, data.published,
                          raw.origin, raw.meta)
        found = [raw]
    elif data.url:
        fetch = fetcher or HttpFetcher()
        found = url_item(data.url, fetch).load()
    else:
        raise DomainValidationError("Укажите текст или адрес (url)", field="text")
    options = Options(published=data.published)
    return [ingest_document(session, raw, extractor=extractor, options=options)
            for raw in found]


# -- review ----------------------------------------------------------------------------------


def _pending(session: Session, claim_id: int) -> Claim:
    claim = get_claim(session, claim_id)
    if claim.status != "pending":
        raise ConflictError(
            f"Утверждение {claim_id} уже рассмотрено ({claim.status}, {claim.reviewed_by})",
            field="status", details={"status": claim.status})
    return claim


def accept_claim(session: Session, claim_id: int, *, reviewer: str,
                 payload: dict[str, Any] | None = None, accept_candidates: bool = False,
                 note: str | None = None) -> Claim:
    """Accept a pending claim, optionally with an edited payload (keys override).

    ``accept_candidates``: a relation whose end is a pending organization candidate of the
    same document accepts that candidate first; without it such a relation is refused with
    a :class:`ConflictError` naming the end and the candidate claim.
    """
    claim = _pending(session, claim_id)
    merged = {**claim.payload, **(payload or {})}
    sentence = str(merged.get("sentence") or claim.evidence or "") or None

    def accept_candidate(candidate: Claim) -> Claim:
        return accept_claim(session, candidate.id, reviewer=reviewer)

    with write_context(session, kind="document", document_id=claim.document_id,
                       evidence=sentence, author=reviewer, note=f"claim {claim.id}"):
        if claim.kind == "organization":
            result: tuple[str, int] = ("organizations",
                                       accept.write_organization(session, merged).id)
        elif claim.kind == "person":
            result = ("persons", accept.write_person(session, merged).id)
        elif claim.kind == "relation":
            result = accept.write_relation(session, claim, merged,
                                           accept_candidate if accept_candidates else None)
        elif claim.kind == "figure":
            result = ("indicators", accept.write_indicator(session, merged).id)
        else:
            raise DomainValidationError(f"Неизвестный вид утверждения «{claim.kind}»",
                                        field="kind")
    claim.payload = merged
    claim.status = "accepted"
    claim.result_type, claim.result_id = result
    claim.reviewed_by = reviewer
    claim.reviewed_at = utcnow()
    claim.review_note = note
    session.flush()
    return claim


def reject_claim(session: Session, claim_id: int, *, reviewer: str,
                 reason: str | None = None) -> Claim:
    """Reject a pending claim; it is kept, and never proposed again for its document."""
    claim = _pending(session, claim_id)
    claim.status = "rejected"
    claim.reviewed_by = reviewer
    claim.reviewed_at = utcnow()
    claim.review_note = reason
    session.flush()
    return claim
