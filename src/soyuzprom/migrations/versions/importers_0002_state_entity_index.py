"""importers: record states found by entity (bulk-import provenance); hot-table indexes

The index on ``import_run_id`` served no query; provenance asks "which import last set
entity X", so the states are indexed by ``(entity_type, entity_id)`` instead. The index on
``organization_activities.organization_id`` repeats the leading column of the unique
``(organization_id, okved)`` index and only slowed bulk imports down: dropped.

Revision ID: importers_0002
Revises: importers_0001
Create Date: 2026-11-27 15:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "importers_0002"
down_revision: str | Sequence[str] | None = "importers_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_record_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_record_states_import_run_id"))
        batch_op.create_index("ix_import_record_states_entity", ["entity_type", "entity_id"],
                              unique=False)
    with op.batch_alter_table("organization_activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_activities_organization_id"))


def downgrade() -> None:
    with op.batch_alter_table("organization_activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organization_activities_organization_id"),
                              ["organization_id"], unique=False)
    with op.batch_alter_table("import_record_states", schema=None) as batch_op:
        batch_op.drop_index("ix_import_record_states_entity")
        batch_op.create_index(
            batch_op.f("ix_import_record_states_import_run_id"), ["import_run_id"], unique=False
        )
