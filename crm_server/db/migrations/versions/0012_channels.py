"""channels: the sources of complaints recorded on behalf of a channel (issue 22)

Revision ID: 0012
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0012"
down_revision = "0010"
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
    op.create_table(
        "mail_drafts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("sender", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attachments", sa.JSON(), nullable=False),
        sa.Column("refused_files", sa.Integer(), nullable=False),
        sa.Column("received_at", UTC(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("ticket_code", sa.String(length=30), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", UTC(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uidvalidity", "uid", name="uq_mail_drafts_uid"),
    )
    with op.batch_alter_table("mail_drafts") as batch_op:
        batch_op.create_index("ix_mail_drafts_state", ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mail_drafts") as batch_op:
        batch_op.drop_index("ix_mail_drafts_state")
    op.drop_table("mail_drafts")
    with op.batch_alter_table("channel_sources") as batch_op:
        batch_op.drop_index("ix_channel_sources_complaint_pk")
    op.drop_table("channel_sources")
