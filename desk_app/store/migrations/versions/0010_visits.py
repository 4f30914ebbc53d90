"""A citizen's visit to the desk about a complaint of another channel (issue 22,
item 5): recorded here, waiting to reach the CRM as a follow-up on that complaint.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("complaint_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_code", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(length=80), nullable=False),
        sa.Column("at", complaint_domain.sql_types.UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("error_code", sa.String(length=40), nullable=False),
        sa.Column("sent_at", complaint_domain.sql_types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_visits_state_at", "visits", ["state", "at"])


def downgrade() -> None:
    op.drop_index("ix_visits_state_at", table_name="visits")
    op.drop_table("visits")
