"""Building REST routes for a :class:`~soyuzprom.core.crud.CrudService`.

``crud_router`` serves list (filters, ``q``, ``sort``, ``page``), read, create, update
(PATCH with the ``version`` read) and delete for one entity. Routes only parse, call the
service, and render.
"""

# No `from __future__ import annotations`: FastAPI must see the real per-entity classes
# in the signatures of the generated route functions.

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Response, status
from pydantic import BaseModel
from sqlalchemy.orm import Session

from soyuzprom.core.crud import CrudService
from soyuzprom.core.schemas import ErrorResponse, ListQuery, Page
from soyuzprom.db import get_session

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Не найдено"},
    409: {"model": ErrorResponse, "description": "Конфликт (дубликат или устаревшая версия)"},
    422: {"model": ErrorResponse, "description": "Ошибка в данных"},
}

# scope="function": commit when the handler returns, before the response is sent, so a client
# that writes and immediately reads sees its own change.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def author_header(x_author: Annotated[str | None, Header()] = None) -> str:
    """Who is making the change: the ``X-Author`` header, else ``api``."""
    return (x_author or "api").strip()[:200] or "api"


AuthorDep = Annotated[str, Depends(author_header)]


def crud_router(
    service: CrudService[Any],
    *,
    path: str,
    tag: str,
    read: type[BaseModel],
    create: type[BaseModel],
    update: type[BaseModel],
    filters: type[BaseModel] | None = None,
) -> APIRouter:
    """Routes ``GET/POST {path}`` and ``GET/PATCH/DELETE {path}/{id}`` for one entity."""
    router = read_router(service, path=path, tag=tag, read=read, filters=filters)

    @router.post(
        path,
        response_model=read,
        status_code=status.HTTP_201_CREATED,
        summary=f"{service.label}: создать",
    )
    def create_item(payload: create, session: SessionDep, author: AuthorDep) -> Any:  # type: ignore[valid-type]
        obj = service.create(session, payload, author=author)
        session.refresh(obj)
        return read.model_validate(obj)

    @router.patch(path + "/{item_id}", response_model=read, summary=f"{service.label}: изменить")
    def update_item(item_id: int, payload: update, session: SessionDep, author: AuthorDep) -> Any:  # type: ignore[valid-type]
        obj = service.update(session, item_id, payload, author=author)
        session.refresh(obj)
        return read.model_validate(obj)

    @router.delete(
        path + "/{item_id}",
        status_code=status.HTTP_204_NO_CONTENT,
        summary=f"{service.label}: удалить",
    )
    def delete_item(
        item_id: int,
        session: SessionDep,
        author: AuthorDep,
        version: int | None = None,
    ) -> Response:
        service.delete(session, item_id, version=version, author=author)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return router


def read_router(
    service: CrudService[Any],
    *,
    path: str,
    tag: str,
    read: type[BaseModel],
    filters: type[BaseModel] | None = None,
) -> APIRouter:
    """Read-only routes (list and card) for reference data such as regions and classifiers."""
    router = APIRouter(tags=[tag], responses=ERRORS)
    filter_model: type[BaseModel] = filters or BaseModel
    page_model = Page[read]  # type: ignore[valid-type]

    @router.get(path, response_model=page_model, summary=f"{service.label}: список")
    def list_items(
        session: SessionDep,
        query: Annotated[ListQuery, Depends()],
        flt: Annotated[filter_model, Query()],  # type: ignore[valid-type]
    ) -> Any:
        result = service.list(session, query, flt.model_dump(exclude_none=True))  # type: ignore[attr-defined]
        return page_model(
            items=[read.model_validate(i) for i in result.items],
            total=result.total,
            page=result.page,
            page_size=result.page_size,
        )

    @router.get(path + "/{item_id}", response_model=read, summary=f"{service.label}: карточка")
    def get_item(item_id: int, session: SessionDep) -> Any:
        return read.model_validate(service.get(session, item_id))

    return router
