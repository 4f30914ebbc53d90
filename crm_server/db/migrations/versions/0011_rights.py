"""rights: citizens' requests to see, correct or remove their data (issue 18, item 4)

Revision ID: 0011
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0011"
down_revision = "0012"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "rights_requests",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("complaint_pk", sa.Integer(), nullable=False),
        sa.Column("reporter", sa.String(length=40), nullable=False),
        sa.Column("identifier_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("received_at", UTC(), nullable=False),
        sa.Column("due_at", UTC(), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("answered_at", UTC(), nullable=True),
        sa.Column("answer", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["complaint_pk"], ["complaints.pk"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rights_requests") as batch_op:
        batch_op.create_index("ix_rights_requests_complaint_pk", ["complaint_pk"], unique=False)


def downgrade() -> None:
    op.drop_table("rights_requests")
