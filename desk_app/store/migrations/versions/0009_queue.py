"""The visitor queue, offline: the numbers this desk handed out and called on its
own, and the queue events waiting to reach the CRM.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_local_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=20), nullable=False),
        sa.Column("seat_call", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("issued_at", complaint_domain.sql_types.UTCDateTime(), nullable=False),
        sa.Column("called_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.Column("call_count", sa.Integer(), nullable=False),
        sa.Column("complaint_code", sa.String(length=24), nullable=False),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_queue_local_tickets_day", "queue_local_tickets", ["day"])
    op.create_table(
        "queue_outbox",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("made", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sent_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_queue_outbox_made", "queue_outbox", ["made"])


def downgrade() -> None:
    op.drop_index("ix_queue_outbox_made", table_name="queue_outbox")
    op.drop_table("queue_outbox")
    op.drop_index("ix_queue_local_tickets_day", table_name="queue_local_tickets")
    op.drop_table("queue_local_tickets")
