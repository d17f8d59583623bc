"""Generic use cases over one table: list, get, create, update, delete.

An area declares a :class:`CrudService` for each entity (its filters, searchable columns,
domain validation and nested children) and serves it through the API factory in
:mod:`soyuzprom.core.api` and the CLI factory in :mod:`soyuzprom.core.cli`, so each use case
is written once. Writes run inside a provenance ``write_context`` (see
:mod:`soyuzprom.core.provenance`); updates carry the version the client read and are
refused with :class:`StaleVersionError` when it is old.

Example:
    >>> organizations.create(session, OrganizationCreate(name="МАЗ", country="BY"), author="ivanov")
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from soyuzprom.core.provenance import write_context
from soyuzprom.core.schemas import ListQuery
from soyuzprom.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    StaleVersionError,
)

M = TypeVar("M")
FilterFn = Callable[[Select[Any], Any], Select[Any]]


@dataclass(frozen=True)
class PageResult(Generic[M]):
    items: builtins.list[M]
    total: int
    page: int
    page_size: int


_UNIQUE_SQLITE = re.compile(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)")
_UNIQUE_PG = re.compile(r'unique constraint "(\w+)"')
_FK = re.compile(r"FOREIGN KEY constraint failed|violates foreign key constraint \"(\w+)\"")


def integrity_to_error(exc: IntegrityError, table: str) -> ConflictError | DomainValidationError:
    """Turn a database constraint violation into a typed error naming the field.

    SQLite says ``UNIQUE constraint failed: organizations.inn``; PostgreSQL names the
    constraint ``uq_organizations_inn``. Both become ``ConflictError(field="inn")``.
    """
    message = str(exc.orig)
    found = _UNIQUE_SQLITE.search(message)
    if found:
        fields = [part.split(".")[-1] for part in found.group(1).split(", ")]
        return ConflictError(
            f"Запись с таким значением поля «{fields[-1]}» уже существует",
            field=fields[-1],
            details={"fields": fields},
        )
    found = _UNIQUE_PG.search(message)
    if found:
        name = found.group(1)
        prefix = f"uq_{table}_"
        field_name = name[len(prefix) :] if name.startswith(prefix) else name
        return ConflictError(
            f"Запись с таким значением поля «{field_name}» уже существует", field=field_name
        )
    if _FK.search(message):
        return DomainValidationError("Ссылка на несуществующую запись", details={"db": message})
    return ConflictError("Нарушено ограничение базы данных", details={"db": message})


@dataclass
class CrudService(Generic[M]):
    """Use cases for one entity.

    ``filters`` maps a filter name to a function narrowing the select; ``search`` lists
    the columns that ``q`` matches (case-insensitive substring, plus ``search_extra``);
    ``sortable`` the fields a client may sort by; ``before_write`` applies domain rules and
    resolves references (it receives the session, the payload dict and the existing object
    or ``None``, and returns the dict of column values to set); ``after_write`` handles
    nested children.
    """

    model: type[M]
    label: str
    filters: dict[str, FilterFn] = field(default_factory=dict)
    search: Sequence[Any] = ()
    search_extra: Callable[[str], ColumnElement[bool]] | None = None
    sortable: Sequence[str] = ("id",)
    default_sort: str = "id"
    before_write: Callable[[Session, dict[str, Any], M | None], dict[str, Any]] | None = None
    after_write: Callable[[Session, M, dict[str, Any]], None] | None = None
    nested: Sequence[str] = ()

    # -- reading ---------------------------------------------------------------------------

    def get(self, session: Session, item_id: int) -> M:
        obj = session.get(self.model, item_id)
        if obj is None:
            raise NotFoundError(f"{self.label}: запись {item_id} не найдена", field="id")
        return obj

    def list(
        self,
        session: Session,
        query: ListQuery | None = None,
        filters: dict[str, Any] | None = None,
    ) -> PageResult[M]:
        query = query or ListQuery()
        stmt = select(self.model)
        for name, value in (filters or {}).items():
            if value is None:
                continue
            if name not in self.filters:
                raise DomainValidationError(f"Неизвестный фильтр «{name}»", field=name)
            stmt = self.filters[name](stmt, value)
        if query.q:
            stmt = stmt.where(self._search_clause(query.q))
        total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
        stmt = stmt.order_by(*self._order(query.sort))
        stmt = stmt.offset((query.page - 1) * query.page_size).limit(query.page_size)
        items = list(session.scalars(stmt).unique())
        return PageResult(items, int(total or 0), query.page, query.page_size)

    def _search_clause(self, q: str) -> ColumnElement[bool]:
        needle = f"%{q.strip().lower()}%"
        clauses: list[ColumnElement[bool]] = [func.lower(col).like(needle) for col in self.search]
        if self.search_extra is not None:
            clauses.append(self.search_extra(q))
        return or_(*clauses)

    def _order(self, sort: str | None) -> builtins.list[Any]:
        order = []
        for part in (sort or self.default_sort).split(","):
            part = part.strip()
            if not part:
                continue
            name = part.lstrip("-+")
            if name not in self.sortable:
                raise DomainValidationError(
                    f"Сортировка по полю «{name}» невозможна; доступны: "
                    + ", ".join(self.sortable),
                    field="sort",
                )
            column = getattr(self.model, name)
            order.append(column.desc() if part.startswith("-") else column.asc())
        order.append(self.model.id.asc())  # type: ignore[attr-defined]  # stable pages
        return order

    # -- writing ---------------------------------------------------------------------------

    def create(
        self,
        session: Session,
        data: BaseModel | dict[str, Any],
        *,
        author: str = "system",
        source_kind: str = "edit",
    ) -> M:
        payload = data.model_dump(exclude_unset=False) if isinstance(data, BaseModel) else data
        with write_context(session, kind=source_kind, author=author):
            values = self._prepare(session, dict(payload), None)
            obj = self.model(**values)
            session.add(obj)
            self._flush(session)
            if self.after_write:
                self.after_write(session, obj, payload)
                self._flush(session)
        return obj

    def update(
        self,
        session: Session,
        item_id: int,
        data: BaseModel | dict[str, Any],
        *,
        author: str = "system",
        source_kind: str = "edit",
    ) -> M:
        payload = data.model_dump(exclude_unset=True) if isinstance(data, BaseModel) else data
        payload = dict(payload)
        expected = payload.pop("version", None)
        obj = self.get(session, item_id)
        self.check_version(obj, expected)
        with write_context(session, kind=source_kind, author=author):
            values = self._prepare(session, payload, obj)
            for key, value in values.items():
                setattr(obj, key, value)
            self._flush(session)
            if self.after_write:
                self.after_write(session, obj, payload)
                self._flush(session)
        return obj

    def delete(
        self,
        session: Session,
        item_id: int,
        *,
        version: int | None = None,
        author: str = "system",
    ) -> None:
        obj = self.get(session, item_id)
        self.check_version(obj, version)
        with write_context(session, kind="edit", author=author):
            session.delete(obj)
            self._flush(session)

    def check_version(self, obj: Any, expected: int | None) -> None:
        """Refuse a change made against a version other than the current one."""
        if expected is not None and expected != obj.version:
            raise StaleVersionError(
                f"{self.label}: запись изменена другим пользователем "
                f"(ваша версия {expected}, текущая {obj.version}); обновите данные",
                field="version",
                details={"expected": expected, "current": obj.version},
            )

    def _prepare(self, session: Session, payload: dict[str, Any], obj: M | None) -> dict[str, Any]:
        if self.before_write:
            payload = self.before_write(session, payload, obj)
        columns = {c.key for c in self.model.__mapper__.column_attrs}  # type: ignore[attr-defined]
        return {k: v for k, v in payload.items() if k in columns and k not in self.nested}

    def _flush(self, session: Session) -> None:
        # No savepoint: a failed flush fails the whole use case and the caller's session
        # scope rolls everything back, so nothing is half-written.
        try:
            session.flush()
        except IntegrityError as exc:
            raise integrity_to_error(exc, self.model.__tablename__) from exc  # type: ignore[attr-defined]
        except StaleDataError as exc:
            raise StaleVersionError(
                f"{self.label}: запись изменена другим пользователем; обновите данные",
                field="version",
            ) from exc


def equals(column: Any) -> FilterFn:
    """A filter ``column == value``."""
    return lambda stmt, value: stmt.where(column == value)


def one_of(column: Any) -> FilterFn:
    """A filter ``column IN (comma-separated values)``."""

    def apply(stmt: Select[Any], value: Any) -> Select[Any]:
        values: Iterable[Any] = value.split(",") if isinstance(value, str) else value
        return stmt.where(column.in_([v.strip() for v in values]))

    return apply
