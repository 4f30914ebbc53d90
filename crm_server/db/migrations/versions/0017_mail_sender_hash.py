"""mail sender hash: the e-mail drafts get a keyed hash of their sender (issue 18)

A citizen's request to see or remove their data must find the e-mails they sent
that are still drafts in the triage (or were dismissed): by their address, compared
as the complaints' e-mail is (the same HMAC as ``complainant_email_hash``, 0015),
without decrypting every sender. The drafts already stored get theirs here, from
their encrypted sender (with the data key the settings give), in batches; one whose
sender retention removed already (``forgotten_at``) holds no address and gets none.

Revision ID: 0017
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_server.db import crypto

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None

BATCH = 500


def _hash_senders() -> None:
    conn = op.get_bind()
    drafts = sa.table(
        "mail_drafts",
        sa.column("id", sa.Integer()),
        sa.column("sender", crypto.EncryptedJSON()),
        sa.column("sender_hash", sa.String()),
        sa.column("forgotten_at"),
    )
    last = 0
    while True:
        keys = crypto.for_migration()  # installed before the sender column decrypts
        rows = conn.execute(
            sa.select(drafts.c.id, drafts.c.sender)
            .where(drafts.c.id > last, drafts.c.forgotten_at.is_(None))
            .order_by(drafts.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for draft_id, sender in rows:
            digest = crypto.email_lookup(str(sender or ""), keys)
            if digest:
                conn.execute(
                    sa.update(drafts).where(drafts.c.id == draft_id).values(sender_hash=digest)
                )
        last = rows[-1].id


def upgrade() -> None:
    op.add_column(
        "mail_drafts",
        sa.Column("sender_hash", sa.String(length=64), nullable=False, server_default=""),
    )
    op.create_index("ix_mail_drafts_sender_hash", "mail_drafts", ["sender_hash"])
    _hash_senders()


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), the index first: SQLite refuses to drop an
    # indexed column.
    op.drop_index("ix_mail_drafts_sender_hash", table_name="mail_drafts")
    op.drop_column("mail_drafts", "sender_hash")
