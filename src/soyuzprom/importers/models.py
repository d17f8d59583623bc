"""The importers' own table: what each importer last wrote for each source record.

``ImportRecordState`` keeps, per importer and record key (an INN, an OGRN, a registry
number, an indicator key), a fingerprint of the record's content as last imported and the
id of the row it became. It makes a re-run cheap and exact: a record whose fingerprint is
unchanged is counted as ``unchanged`` and not written at all.

It is also the record-level provenance of what importers write in bulk: the state with the
latest ``import_run_id`` for an entity names the import that last set the record as a whole
(:func:`last_import_source`, registered with ``core.history``; see docs/importers.md).

Example: importer ``fns-rsmp``, key ``6731000017``, fingerprint ``9f2c...``, entity
``organizations`` #42.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from soyuzprom.core.history import register_record_source
from soyuzprom.core.models import Source
from soyuzprom.db import Base


class ImportRecordState(Base):
    """The last imported content (as a fingerprint) of one record of one importer."""

    __tablename__ = "import_record_states"
    __table_args__ = (
        UniqueConstraint("importer", "record_key"),
        # Provenance reads "which import last set entity X" (see last_import_source).
        Index("ix_import_record_states_entity", "entity_type", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    importer: Mapped[str] = mapped_column(String(30), nullable=False)
    record_key: Mapped[str] = mapped_column(String(200), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(32), nullable=False)
    entity_type: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    import_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_runs.id", ondelete="SET NULL")
    )


@register_record_source
def last_import_source(session: Session, entity_type: str, entity_id: int) -> int | None:
    """The source of the latest import run that wrote ``entity_type`` #``entity_id``."""
    run_id = session.scalar(
        select(ImportRecordState.import_run_id)
        .where(ImportRecordState.entity_type == entity_type,
               ImportRecordState.entity_id == entity_id,
               ImportRecordState.import_run_id.is_not(None))
        .order_by(ImportRecordState.import_run_id.desc())
        .limit(1)
    )
    if run_id is None:
        return None
    return session.scalar(
        select(Source.id).where(Source.import_run_id == run_id, Source.kind == "import")
        .order_by(Source.id).limit(1)
    )
