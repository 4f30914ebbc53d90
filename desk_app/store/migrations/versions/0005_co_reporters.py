"""Co-reporters: the further citizens who reported the same problem.

Each is the personal part of an append-only ``reporter_added`` event (its own
consent, name, NIK, phone, address), indexed like the first citizen's columns so
that the search finds a complaint by a co-reporter's NIK or phone too.

Revision ID: 0005
Revises: 0004 (the accounts' lifecycle)
"""

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "co_reporters",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("complaint_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_folded", sa.String(length=120), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("keep_identity_private", sa.Boolean(), nullable=False),
        sa.Column(
            "consent_given_at", complaint_domain.sql_types.UTCDateTime(), nullable=False
        ),
        # Their own receipt is still to print (it failed, or was not printed yet).
        sa.Column("print_pending", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"]),
        sa.ForeignKeyConstraint(["event_id"], ["complaint_events.id"]),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_index("ix_co_reporters_complaint_id", "co_reporters", ["complaint_id"])
    op.create_index("ix_co_reporters_nik", "co_reporters", ["nik"])
    op.create_index("ix_co_reporters_phone", "co_reporters", ["phone"])
    # Append-only, like the events they belong to.
    op.execute(
        """
        CREATE TRIGGER co_reporters_no_delete BEFORE DELETE ON co_reporters BEGIN
            SELECT RAISE(ABORT, 'co_reporters is append-only');
        END
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS co_reporters_no_delete")
    op.drop_table("co_reporters")
