"""Localization tables: rulebooks edited through the API.

A stored rulebook keeps the validated document (the same shape as the YAML format, as
JSON) and a few columns copied from it for listing. ``key`` is the rulebook's own ``id``;
``rulebook_version`` its ``version`` label (``version`` is the row's concurrency counter).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from soyuzprom.core.models import Audited
from soyuzprom.db import Base

RULEBOOK_STATUSES = ("in_force", "draft", "fixture")


class Rulebook(Audited, Base):
    __tablename__ = "localization_rulebooks"
    __table_args__ = (
        CheckConstraint(
            "status in ('in_force', 'draft', 'fixture')", name="status"
        ),
    )

    key: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    rulebook_version: Mapped[str] = mapped_column(String(100), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    complete: Mapped[bool] = mapped_column(Boolean, nullable=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
