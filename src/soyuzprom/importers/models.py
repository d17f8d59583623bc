"""The importers' own table: what each importer last wrote for each source record.

``ImportRecordState`` keeps, per importer and record key (an INN, an OGRN, a registry
number, an indicator key), a fingerprint of the record's content as last imported and the
id of the row it became. It makes a re-run cheap and exact: a record whose fingerprint is
unchanged is counted as ``unchanged`` and not written at all.

Example: importer ``fns-rsmp``, key ``6731000017``, fingerprint ``9f2c...``, entity
``organizations`` #42.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from soyuzprom.db import Base


class ImportRecordState(Base):
    """The last imported content (as a fingerprint) of one record of one importer."""

    __tablename__ = "import_record_states"
    __table_args__ = (UniqueConstraint("importer", "record_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    importer: Mapped[str] = mapped_column(String(30), nullable=False)
    record_key: Mapped[str] = mapped_column(String(200), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(32), nullable=False)
    entity_type: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    import_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_runs.id", ondelete="SET NULL"), index=True
    )
