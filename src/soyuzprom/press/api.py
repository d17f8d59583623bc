"""Press review routes under ``/api/v1/press``: documents, ingestion, claims and review.

Routes only parse, call :mod:`soyuzprom.press.service`, and render. The extractor and the
URL fetcher are dependencies (:func:`extractor_dependency`, :func:`fetcher_dependency`) so
the models load once per process and tests can serve URLs from a local server.
"""

# No `from __future__ import annotations`: FastAPI reads the annotations at runtime.

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status

from soyuzprom.core.api_factory import ERRORS, AuthorDep, SessionDep
from soyuzprom.core.models import Claim, Document
from soyuzprom.core.schemas import ListQuery, Page
from soyuzprom.press import service
from soyuzprom.press.ingest.fetch import Fetcher, HttpFetcher
from soyuzprom.press.pipeline import Extractor, default_extractor
from soyuzprom.press.schemas import (
    AcceptRequest,
    ClaimFilter,
    ClaimRead,
    DocumentDetail,
    DocumentFilter,
    DocumentRead,
    IngestOutcome,
    IngestRequest,
    IngestResponse,
    RejectRequest,
)

router = APIRouter(prefix="/press", tags=["press"], responses=ERRORS)


def extractor_dependency() -> Extractor:
    """The process-wide extractor (its NLP models load on first use)."""
    return default_extractor()


def fetcher_dependency() -> Iterator[Fetcher]:
    fetcher = HttpFetcher()
    try:
        yield fetcher
    finally:
        fetcher.close()


def _document(session: Any, doc: Document, detail: bool = False) -> Any:
    counts = service.claim_counts(session, [doc.id])[doc.id]
    shape = DocumentDetail if detail else DocumentRead
    return shape.model_validate(doc).model_copy(update={"claims": counts})


@router.get("/documents", response_model=Page[DocumentRead], summary="Документы: список")
def list_documents(session: SessionDep, query: Annotated[ListQuery, Depends()],
                   flt: Annotated[DocumentFilter, Query()]) -> Any:
    result = service.list_documents(session, query, flt.model_dump(exclude_none=True))
    counts = service.claim_counts(session, [d.id for d in result.items])
    items = [DocumentRead.model_validate(d).model_copy(update={"claims": counts[d.id]})
             for d in result.items]
    return Page[DocumentRead](items=items, total=result.total, page=result.page,
                              page_size=result.page_size)


@router.get("/documents/{document_id}", response_model=DocumentDetail,
            summary="Документ: текст, метаданные и разбор")
def get_document(document_id: int, session: SessionDep) -> Any:
    return _document(session, service.get_document(session, document_id), detail=True)


@router.post("/ingest", response_model=IngestResponse, status_code=status.HTTP_201_CREATED,
             summary="Загрузить текст или адрес (страницу, ленту) и предложить утверждения")
def ingest(body: IngestRequest, session: SessionDep,
           extractor: Annotated[Extractor, Depends(extractor_dependency)],
           fetcher: Annotated[Fetcher, Depends(fetcher_dependency)]) -> Any:
    data = service.TextInput(text=body.text, url=body.url, title=body.title,
                             publisher=body.publisher, published=body.published)
    outcomes = service.ingest(session, data, extractor=extractor, fetcher=fetcher)
    return IngestResponse(outcomes=[
        IngestOutcome(origin=o.origin, status=o.status, document_id=o.document_id,
                      claims=o.claims, reason=o.reason) for o in outcomes])


@router.get("/claims", response_model=Page[ClaimRead], summary="Утверждения: список")
def list_claims(session: SessionDep, query: Annotated[ListQuery, Depends()],
                flt: Annotated[ClaimFilter, Query()]) -> Any:
    result = service.list_claims(session, query, flt.model_dump(exclude_none=True))
    return Page[ClaimRead](items=[ClaimRead.model_validate(c) for c in result.items],
                           total=result.total, page=result.page, page_size=result.page_size)


@router.get("/claims/{claim_id}", response_model=ClaimRead, summary="Утверждение")
def get_claim(claim_id: int, session: SessionDep) -> Any:
    return ClaimRead.model_validate(service.get_claim(session, claim_id))


@router.post("/claims/{claim_id}/accept", response_model=ClaimRead,
             summary="Принять утверждение (можно с исправлениями)")
def accept_claim(claim_id: int, session: SessionDep, author: AuthorDep,
                 body: AcceptRequest | None = None) -> Any:
    body = body or AcceptRequest()
    claim: Claim = service.accept_claim(session, claim_id, reviewer=author, payload=body.payload,
                                        accept_candidates=body.accept_candidates, note=body.note)
    return ClaimRead.model_validate(claim)


@router.post("/claims/{claim_id}/reject", response_model=ClaimRead,
             summary="Отклонить утверждение")
def reject_claim(claim_id: int, session: SessionDep, author: AuthorDep,
                 body: RejectRequest | None = None) -> Any:
    reason = body.reason if body else None
    return ClaimRead.model_validate(
        service.reject_claim(session, claim_id, reviewer=author, reason=reason))
