"""co-reporters: the further citizens who reported the same problem

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "co_reporters",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("complaint_pk", sa.Integer(), nullable=False),
        sa.Column("reporter", sa.JSON(), nullable=False),
        sa.Column("at", complaint_domain.sql_types.UTCDateTime(), nullable=False),
        sa.Column("recorded_at", complaint_domain.sql_types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["complaint_pk"], ["complaints.pk"]),
        sa.PrimaryKeyConstraint("event_id"),
    )
    with op.batch_alter_table("co_reporters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_co_reporters_complaint_pk"), ["complaint_pk"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("co_reporters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_co_reporters_complaint_pk"))
    op.drop_table("co_reporters")
