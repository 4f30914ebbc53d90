"""channels: the sources of complaints recorded on behalf of a channel (issue 22)

Revision ID: 0012
Revises: 0005 (re-chained at the merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0012"
down_revision = "0005"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "channel_sources",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("complaint_pk", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UTC(), nullable=False),
        sa.ForeignKeyConstraint(["complaint_pk"], ["complaints.pk"]),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("channel_sources") as batch_op:
        batch_op.create_index(
            "ix_channel_sources_complaint_pk", ["complaint_pk"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("channel_sources") as batch_op:
        batch_op.drop_index("ix_channel_sources_complaint_pk")
    op.drop_table("channel_sources")
