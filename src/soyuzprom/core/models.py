"""Cross-cutting tables: where facts come from (sources), who changed what (audit).

* ``Source`` is one act of writing: a news document being read, an import run, a user's
  edit through the API/CLI, or the demo loader. Every audited record points to the source
  that created it, and ``FieldProvenance`` tells which source last set each field.
* ``AuditEntry`` keeps before/after snapshots of every create, update and delete.
* ``Document`` is a source text or file; ``Claim`` an extracted fact awaiting review;
  ``ImportRun`` one run of an importer over one file.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from soyuzprom.db import Base, utcnow

SOURCE_KINDS = ("document", "import", "edit", "demo", "system")


class Audited:
    """Mixin of every record under audit, provenance and optimistic concurrency.

    ``version`` starts at 1 and grows with every update; an update that names an older
    version is refused (see ``core.crud``). ``source_id`` is the source that created the row.
    """

    __audited__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow
    )

    @declared_attr
    def source_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)

    @declared_attr
    def source(cls) -> Mapped[Source | None]:
        # Read shapes show where a record came from without a second request.
        return relationship("Source", lazy="selectin", viewonly=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Document(Base):
    """A source text or file: a news article, a report, an imported file.

    ``content_hash`` (SHA-256 of the normalised text) makes re-ingestion a no-op.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="news")
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    publisher: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    text: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="ru")
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    fetched_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow
    )


class ImportRun(Base):
    """One run of an importer over one file: counts, errors and a resume checkpoint."""

    __tablename__ = "import_runs"
    __table_args__ = (
        CheckConstraint("status in ('running','completed','failed','interrupted')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    importer: Mapped[str] = mapped_column(String(50), nullable=False, index=True)
    file_name: Mapped[str] = mapped_column(String(1000), nullable=False)
    file_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="running")
    started_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow
    )
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    errors: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    checkpoint: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    author: Mapped[str] = mapped_column(String(200), nullable=False, default="system")


class Source(Base):
    """One act of writing facts: reading a document, an import run, a user edit, the demo."""

    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint("kind in ('document','import','edit','demo','system')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    author: Mapped[str] = mapped_column(String(200), nullable=False, default="system")
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    import_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_runs.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow
    )

    document: Mapped[Document | None] = relationship(lazy="selectin", viewonly=True)


class FieldProvenance(Base):
    """Which source last set a field of a record, with the evidence (a sentence) if any.

    ``field`` ``"*"`` stands for the whole record (used by bulk importers).
    """

    __tablename__ = "field_provenance"
    __table_args__ = (UniqueConstraint("entity_type", "entity_id", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    field: Mapped[str] = mapped_column(String(100), nullable=False)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    evidence: Mapped[str | None] = mapped_column(Text)
    set_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow
    )


class AuditEntry(Base):
    """One change of one record: who, when, from which source, before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (CheckConstraint("action in ('create','update','delete')", name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(50), nullable=False, index=True)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(10), nullable=False)
    author: Mapped[str] = mapped_column(String(200), nullable=False)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    version: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Claim(Base):
    """A fact extracted from a document, awaiting review.

    ``fingerprint`` identifies the fact independent of the run (document, kind, normalised
    payload), so a rejected claim is not proposed again when the document is re-ingested.
    """

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_id", "fingerprint"),
        CheckConstraint("status in ('pending','accepted','rejected')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    evidence: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="pending", index=True)
    result_type: Mapped[str | None] = mapped_column(String(50))
    result_id: Mapped[int | None] = mapped_column(Integer)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow
    )
