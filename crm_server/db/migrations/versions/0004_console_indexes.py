"""console indexes: each role's inbox, the city dashboard; late steps

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OPEN = sa.text("status NOT IN ('done', 'rejected', 'duplicate')")
PLAIN = (
    ("ix_complaints_due", ["due_date", "pk"]),
    ("ix_complaints_status_due", ["status", "due_date", "pk"]),
    ("ix_complaints_kelurahan_due", ["kelurahan_code", "due_date", "pk"]),
    ("ix_complaints_unit_status_due", ["unit_code", "status", "due_date"]),
    ("ix_complaints_agency_due", ["agency_code", "due_date", "pk"]),
    ("ix_complaints_status_since", ["status", "status_since", "late_steps"]),
)
PARTIAL = (
    ("ix_complaints_open_due", ["due_date", "pk"]),
    ("ix_complaints_open_quiet", ["last_public_update_at", "pk"]),
    (
        "ix_complaints_open_counts",
        ["status", "agency_code", "kota_code", "due_date", "last_public_update_at"],
    ),
)


def upgrade() -> None:
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("late_steps", sa.Integer(), nullable=False, server_default="0")
        )
    for name, columns in PLAIN:
        op.create_index(name, "complaints", columns, unique=False)
    for name, columns in PARTIAL:
        op.create_index(
            name, "complaints", columns, unique=False, postgresql_where=OPEN, sqlite_where=OPEN
        )


def downgrade() -> None:
    for name, _ in PARTIAL + PLAIN:
        op.drop_index(name, table_name="complaints")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_column("late_steps")
