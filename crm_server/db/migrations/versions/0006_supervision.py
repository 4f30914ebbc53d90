"""supervision: who is signed in at a desk and its clock offset (from the heartbeat),
and the indexes of the supervisor's per-site lists

Revision ID: 0006
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None

OPEN_SQL = "status NOT IN ('done', 'rejected', 'duplicate')"


def upgrade() -> None:
    with op.batch_alter_table("desks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signed_in_officer", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("clock_offset_s", sa.Integer(), nullable=True))
    op.create_index("ix_complaints_desk_created", "complaints", ["desk_id", "created_at"])
    op.create_index("ix_complaints_desk_status", "complaints", ["desk_id", "status"])
    for name, column in (
        ("ix_complaints_open_desk_due", "due_date"),
        ("ix_complaints_open_desk_quiet", "last_public_update_at"),
    ):
        op.create_index(
            name,
            "complaints",
            ["desk_id", column, "pk"],
            postgresql_where=sa.text(OPEN_SQL),
            sqlite_where=sa.text(OPEN_SQL),
        )


def downgrade() -> None:
    for name in (
        "ix_complaints_open_desk_quiet",
        "ix_complaints_open_desk_due",
        "ix_complaints_desk_status",
        "ix_complaints_desk_created",
    ):
        op.drop_index(name, table_name="complaints")
    with op.batch_alter_table("desks", schema=None) as batch_op:
        batch_op.drop_column("clock_offset_s")
        batch_op.drop_column("signed_in_officer")
