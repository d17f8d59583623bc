"""Pydantic shapes of the localization API: rulebook CRUD and score/plan requests.

A rulebook is written either as ``document`` (the rulebook format as JSON) or as ``yaml``
(the same format as YAML text); its own validation reports paths inside the document.
A score or plan request names a rulebook (stored ``rulebook_id``, stored or shipped
``rulebook_key``, or an inline ``rulebook`` document) and carries the ``product``
configuration document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from soyuzprom.core.schemas import ReadModel, SourceRead, WriteModel


class _RulebookBody(WriteModel):
    document: dict[str, Any] | None = Field(
        default=None, description="Свод правил в формате soyuzprom.rulebook/1 (JSON)")
    yaml: str | None = Field(default=None, description="Тот же формат текстом YAML")

    @model_validator(mode="after")
    def _one_of(self) -> _RulebookBody:
        if (self.document is None) == (self.yaml is None):
            raise ValueError("нужно ровно одно из полей: document или yaml")
        return self


class RulebookCreate(_RulebookBody):
    pass


class RulebookUpdate(_RulebookBody):
    version: int | None = Field(default=None, description="Версия записи, которую вы читали")


class RulebookRead(ReadModel):
    id: int
    version: int
    key: str
    title: str
    rulebook_version: str
    status: str
    complete: bool
    document: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    source_id: int | None
    source: SourceRead | None = None


class RulebookFilter(WriteModel):
    status: str | None = None
    key: str | None = None


class ScoreRequest(WriteModel):
    rulebook_id: int | None = Field(default=None, description="id сохранённого свода правил")
    rulebook_key: str | None = Field(
        default=None, description="Ключ сохранённого или поставляемого свода правил")
    rulebook: dict[str, Any] | None = Field(default=None, description="Свод правил целиком")
    product: dict[str, Any] = Field(description="Конфигурация продукции soyuzprom.product/1")
    date: dt.date = Field(description="Дата оценки (для плана — целевая дата)")

    @model_validator(mode="after")
    def _one_rulebook(self) -> ScoreRequest:
        given = [v is not None for v in (self.rulebook_id, self.rulebook_key, self.rulebook)]
        if sum(given) != 1:
            raise ValueError("нужно ровно одно из полей: rulebook_id, rulebook_key или rulebook")
        return self


class PlanRequest(ScoreRequest):
    start: dt.date | None = Field(
        default=None, description="Дата начала работ (по умолчанию as_of продукции или сегодня)")
    budget: int | None = Field(default=None, ge=0, description="Бюджет, руб.")
    frontier: bool = Field(default=False, description="Построить границу Парето затраты–баллы")
