"""importers: record states (fingerprints of imported records)

Revision ID: importers_0001
Revises: 0001
Create Date: 2026-11-27 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "importers_0001"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = ("importers",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_record_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("importer", sa.String(length=30), nullable=False),
        sa.Column("record_key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("entity_type", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("import_run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_run_id"], ["import_runs.id"],
            name=op.f("fk_import_record_states_import_run_id_import_runs"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_record_states")),
        sa.UniqueConstraint(
            "importer", "record_key", name=op.f("uq_import_record_states_importer_record_key")
        ),
    )
    with op.batch_alter_table("import_record_states", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_record_states_import_run_id"), ["import_run_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("import_record_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_record_states_import_run_id"))
    op.drop_table("import_record_states")
