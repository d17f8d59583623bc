"""Cooperation tables: typed links, projects with stage history, agreements, indicators.

A :class:`Link` joins an organization to an organization or to a region (a supply "to
Belarusian hotels" has a region, not a named buyer, on one end). An :class:`Agreement` is a
signed document or a meeting; its decisions are :class:`Commitment` rows that someone owns and
must follow up. An :class:`Indicator` is a number about a subject over a period, e.g. the
Smolensk–Belarus turnover of 294 bn RUB in 2024.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from soyuzprom.core.models import Audited
from soyuzprom.db import Base, utcnow

LINK_TYPES = ("supply", "joint_production", "service_center", "joint_venture", "investment_project")
LINK_STATUSES = ("planned", "active", "completed", "suspended", "cancelled")
PROJECT_STAGES = (
    "idea",
    "planned",
    "preparation",
    "construction",
    "operating",
    "completed",
    "suspended",
    "cancelled",
)
AGREEMENT_KINDS = ("agreement", "memorandum", "programme", "contract", "meeting")
COMMITMENT_STATUSES = ("open", "in_progress", "done", "overdue", "cancelled")
QUALIFIERS = ("exact", "approx", "over", "at_least", "under", "at_most")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in ({','.join(repr(v) for v in values)})"


class Link(Audited, Base):
    """A typed cooperation edge, e.g. supply of dryers from a Vyazma plant to an Orsha mill."""

    __tablename__ = "links"
    __table_args__ = (
        CheckConstraint(_in("type", LINK_TYPES), name="type"),
        CheckConstraint(_in("status", LINK_STATUSES), name="status"),
        CheckConstraint(
            "to_organization_id is not null or to_region_id is not null", name="has_target"
        ),
    )

    type: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    from_organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    to_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    to_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="SET NULL"), index=True
    )
    object: Mapped[str | None] = mapped_column(String(500))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="active")
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(3))
    volume: Mapped[float | None] = mapped_column(Float)
    volume_unit: Mapped[str | None] = mapped_column(String(30))
    description: Mapped[str | None] = mapped_column(Text)


class Project(Audited, Base):
    """An investment or joint project; every stage change is kept in :class:`ProjectStage`."""

    __tablename__ = "projects"
    __table_args__ = (CheckConstraint(_in("stage", PROJECT_STAGES), name="stage"),)

    name: Mapped[str] = mapped_column(String(500), nullable=False, index=True)
    host_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="SET NULL"), index=True
    )
    stage: Mapped[str] = mapped_column(String(20), nullable=False, default="planned")
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(3))
    jobs: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)

    participants: Mapped[list[ProjectParticipant]] = relationship(
        back_populates="project", cascade="all, delete-orphan", lazy="selectin"
    )
    stages: Mapped[list[ProjectStage]] = relationship(
        back_populates="project",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="ProjectStage.id",
    )


class ProjectParticipant(Base):
    """An organization taking part in a project, with its role (investor, host, supplier)."""

    __tablename__ = "project_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, index=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role: Mapped[str | None] = mapped_column(String(100))

    project: Mapped[Project] = relationship(back_populates="participants")


class ProjectStage(Base):
    """One entry of a project's stage history."""

    __tablename__ = "project_stages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, index=True
    )
    stage: Mapped[str] = mapped_column(String(20), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="stages")


class Agreement(Audited, Base):
    """A signed agreement, memorandum, programme, or a meeting with its decisions."""

    __tablename__ = "agreements"
    __table_args__ = (CheckConstraint(_in("kind", AGREEMENT_KINDS), name="kind"),)

    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="agreement")
    title: Mapped[str] = mapped_column(String(1000), nullable=False)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    event: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)

    parties: Mapped[list[AgreementParty]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", lazy="selectin"
    )


class AgreementParty(Base):
    """A party of an agreement or meeting: an organization, a region or a person."""

    __tablename__ = "agreement_parties"
    __table_args__ = (
        CheckConstraint(
            "organization_id is not null or region_id is not null or person_id is not null",
            name="has_party",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(200))

    agreement: Mapped[Agreement] = relationship(back_populates="parties")


class Commitment(Audited, Base):
    """A decision to follow up: what, who owns it, by when, and where it stands."""

    __tablename__ = "commitments"
    __table_args__ = (CheckConstraint(_in("status", COMMITMENT_STATUSES), name="status"),)

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    owner_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL")
    )
    owner_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="SET NULL")
    )
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open", index=True)
    note: Mapped[str | None] = mapped_column(Text)


class Indicator(Audited, Base):
    """A number about a subject over a period, with its unit and qualifier.

    Example: metric ``trade_turnover``, subject RU-SMO, counterpart BY, period ``2024``,
    value 294000000000, unit ``RUB``, qualifier ``exact``.
    """

    __tablename__ = "indicators"
    __table_args__ = (CheckConstraint(_in("qualifier", QUALIFIERS), name="qualifier"),)

    metric: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    subject_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="CASCADE"), index=True
    )
    subject_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    counterpart_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="SET NULL"), index=True
    )
    counterpart_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    period: Mapped[str] = mapped_column(String(30), nullable=False, default="", index=True)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    unit: Mapped[str] = mapped_column(String(20), nullable=False)
    qualifier: Mapped[str] = mapped_column(String(10), nullable=False, default="exact")
    dimension: Mapped[str | None] = mapped_column(String(100), index=True)
    description: Mapped[str | None] = mapped_column(Text)
