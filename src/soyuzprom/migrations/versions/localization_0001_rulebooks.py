"""localization: rulebooks edited through the API

Revision ID: localization_0001
Revises: 0001
Create Date: 2026-11-27 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "localization_0001"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = ("localization",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "localization_rulebooks",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("rulebook_version", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status in ('in_force', 'draft', 'fixture')",
            name=op.f("ck_localization_rulebooks_status"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_localization_rulebooks_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_localization_rulebooks")),
        sa.UniqueConstraint("key", name=op.f("uq_localization_rulebooks_key")),
    )
    with op.batch_alter_table("localization_rulebooks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_localization_rulebooks_source_id"), ["source_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("localization_rulebooks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_localization_rulebooks_source_id"))
    op.drop_table("localization_rulebooks")
