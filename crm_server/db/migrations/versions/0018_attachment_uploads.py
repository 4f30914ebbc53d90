"""attachment uploads: which desks uploaded each stored file (a desk names only its own)

Files are stored once by their SHA-256, whoever sent them first (``attachments.desk_id``).
Before, a desk's complaint or event could name any stored file whose hash it knew,
also one another desk had uploaded (a scan of someone's identity card, say). Now a
desk names a file only after uploading it itself: every desk that uploads a file is
recorded here, also when the file was stored already. The files stored so far are
their first uploader's; a desk that named another desk's file before, and pushes it
again, is told the file is missing and uploads it (its sync does so by itself).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_uploads",
        sa.Column("sha256", sa.String(length=64), sa.ForeignKey("attachments.sha256"),
                  primary_key=True),
        sa.Column("desk_id", sa.Integer(), sa.ForeignKey("desks.id"), primary_key=True),
    )  # fmt: skip
    op.execute(
        "INSERT INTO attachment_uploads (sha256, desk_id) "
        "SELECT sha256, desk_id FROM attachments WHERE desk_id IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("attachment_uploads")
