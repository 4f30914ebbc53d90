"""sms: the CRM's SMS outbox, opt-outs, received messages and the feed cursor (issue 21)

Revision ID: 0005
Revises: 0006 (the supervisor's; re-chained at the merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0005"
down_revision = "0006"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "sms_messages",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("complaint_pk", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.String(length=160), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC(), nullable=False),
        sa.Column("handed_at", UTC(), nullable=True),
        sa.Column("done_at", UTC(), nullable=True),
        sa.Column("gateway_ref", sa.String(length=200), nullable=False),
        sa.Column("error", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["complaint_pk"], ["complaints.pk"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.create_index("ix_sms_messages_complaint_pk", ["complaint_pk"], unique=False)
        batch_op.create_index(
            "ix_sms_messages_state_next", ["state", "next_attempt_at"], unique=False
        )
        batch_op.create_index(
            "ix_sms_messages_phone_handed", ["phone", "handed_at"], unique=False
        )
    op.create_table(
        "sms_optouts",
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("phone"),
    )
    op.create_table(
        "sms_inbound",
        sa.Column("gateway_ref", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("command", sa.String(length=10), nullable=False),
        sa.Column("received_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("gateway_ref"),
    )
    op.create_table(
        "sms_cursors",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("sms_cursors")
    op.drop_table("sms_inbound")
    op.drop_table("sms_optouts")
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.drop_index("ix_sms_messages_phone_handed")
        batch_op.drop_index("ix_sms_messages_state_next")
        batch_op.drop_index("ix_sms_messages_complaint_pk")
    op.drop_table("sms_messages")
