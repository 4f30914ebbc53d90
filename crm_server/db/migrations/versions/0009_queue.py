"""the visitor queue: a site's day, its tickets and their events

Revision ID: 0009
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0009"
down_revision = "0013"
branch_labels = None
depends_on = None

_seq = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "queue_days",
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("priority_streak", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("site", "day"),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=20), nullable=False),
        sa.Column("seat_call", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("origin", sa.String(length=6), nullable=False),
        sa.Column("issued_by", sa.String(length=6), nullable=False),
        sa.Column("issued_at", complaint_domain.sql_types.UTCDateTime(), nullable=False),
        sa.Column("first_called_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.Column("called_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.Column("call_count", sa.Integer(), nullable=False),
        sa.Column("desk_code", sa.String(length=6), nullable=False),
        sa.Column("officer", sa.String(length=120), nullable=False),
        sa.Column("target_desk", sa.String(length=6), nullable=False),
        sa.Column("started_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.Column("finished_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.Column("complaint_code", sa.String(length=24), nullable=False),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "uq_queue_tickets_number", "queue_tickets", ["site", "day", "number"], unique=True
    )
    op.create_index(
        "ix_queue_tickets_waiting", "queue_tickets", ["site", "day", "state", "seq"]
    )
    op.create_table(
        "queue_events",
        sa.Column("seq", _seq, autoincrement=True, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", complaint_domain.sql_types.UTCDateTime(), nullable=False),
        sa.Column("desk_code", sa.String(length=6), nullable=False),
        sa.Column("officer", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["queue_tickets.id"]),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_queue_events_ticket_id", "queue_events", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_queue_events_ticket_id", table_name="queue_events")
    op.drop_table("queue_events")
    op.drop_index("ix_queue_tickets_waiting", table_name="queue_tickets")
    op.drop_index("uq_queue_tickets_number", table_name="queue_tickets")
    op.drop_table("queue_tickets")
    op.drop_table("queue_days")
