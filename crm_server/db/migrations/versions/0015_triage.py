"""triage: SMS drafts and the e-mail lookup hashes (issue 22, items 3 and 4)

An SMS that is no reply command becomes a draft (``sms_drafts``, its number and text
encrypted); the complaints and co-reporters get a keyed hash of their e-mail address,
so that the triage suggests a desk complaint for an e-mail from the same citizen
without decrypting anything. The hashes of the rows already stored are made here.
The e-mail drafts' sender, subject, body and Message-ID are encrypted in place, and
both kinds of draft get ``forgotten_at`` (when retention removed them).

Revision ID: 0015
Revises: 0011
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types
from crm_server.db import crypto

revision = "0015"
down_revision = "0016"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime
BATCH = 500



def _hash_rows(table: str, key: str, column: str, email: str) -> None:
    """Each row's e-mail hash from its (encrypted) person, in batches by key."""
    conn = op.get_bind()
    raw = sa.table(table, sa.column(key), sa.column(column, sa.Text()), sa.column(email))
    last: Any = None
    while True:
        query = sa.select(raw.c[key], raw.c[column])
        if last is not None:
            query = query.where(raw.c[key] > last)
        rows = conn.execute(query.order_by(raw.c[key]).limit(BATCH)).all()
        if not rows:
            return
        keys = crypto.for_migration()
        for row_key, value in rows:
            sealed = json.loads(value) if value and value.startswith('"') else value
            if sealed and sealed.startswith(crypto.PREFIX):
                person = json.loads(keys.decrypt(sealed))
            else:
                person = json.loads(value) if value else {}
            digest = crypto.email_hash(person if isinstance(person, dict) else {}, keys)
            if digest:
                conn.execute(
                    sa.update(raw).where(raw.c[key] == row_key).values({email: digest})
                )
        last = rows[-1][0]


MAIL_TEXTS = ("message_id", "sender", "subject", "body")


def _mail_texts_encrypted() -> None:
    """The columns become ``EncryptedJSON``'s (text; on SQLite JSON, holding the
    ciphertext as a JSON string: no table refers to this one, so SQLite's batch may
    recreate it) and each row is encrypted."""
    conn = op.get_bind()
    with op.batch_alter_table("mail_drafts") as batch_op:
        for column in MAIL_TEXTS:
            batch_op.alter_column(
                column,
                type_=sa.Text().with_variant(sa.JSON(), "sqlite"),
                existing_nullable=False,
            )
    raw = sa.table("mail_drafts", sa.column("id"), *(sa.column(c, sa.Text()) for c in MAIL_TEXTS))
    typed = sa.table(
        "mail_drafts", sa.column("id"), *(sa.column(c, crypto.EncryptedJSON()) for c in MAIL_TEXTS)
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(raw).where(raw.c.id > last).order_by(raw.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        crypto.for_migration()
        for row in rows:
            values = {c: getattr(row, c) for c in MAIL_TEXTS}
            if any(str(v).lstrip('"').startswith(crypto.PREFIX) for v in values.values()):
                continue  # encrypted already
            conn.execute(sa.update(typed).where(typed.c.id == row.id).values(values))
        last = rows[-1].id


def _mail_texts_decrypted() -> None:
    conn = op.get_bind()
    typed = sa.table(
        "mail_drafts", sa.column("id"), *(sa.column(c, crypto.EncryptedJSON()) for c in MAIL_TEXTS)
    )
    raw = sa.table("mail_drafts", sa.column("id"), *(sa.column(c, sa.Text()) for c in MAIL_TEXTS))
    crypto.for_migration()
    for row in conn.execute(sa.select(typed)).all():
        values = {c: getattr(row, c) for c in MAIL_TEXTS}
        conn.execute(sa.update(raw).where(raw.c.id == row.id).values(values))
    with op.batch_alter_table("mail_drafts") as batch_op:
        for column in MAIL_TEXTS:
            batch_op.alter_column(
                column,
                type_=sa.Text() if column == "body" else sa.String(length=300),
                existing_nullable=False,
            )


def upgrade() -> None:
    hash_column = sa.String(length=64)
    with op.batch_alter_table("complaints") as batch_op:
        batch_op.add_column(
            sa.Column("complainant_email_hash", hash_column, nullable=False, server_default="")
        )
        batch_op.create_index("ix_complaints_complainant_email_hash", ["complainant_email_hash"])
    with op.batch_alter_table("co_reporters") as batch_op:
        batch_op.add_column(
            sa.Column("email_hash", hash_column, nullable=False, server_default="")
        )
        batch_op.create_index("ix_co_reporters_email_hash", ["email_hash"])
    op.create_table(
        "sms_drafts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("inbound_ref", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text().with_variant(sa.JSON(), "sqlite"), nullable=False),
        sa.Column("phone_hash", hash_column, nullable=False),
        sa.Column("received_at", UTC(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("ticket_code", sa.String(length=30), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", UTC(), nullable=True),
        sa.Column("forgotten_at", UTC(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("inbound_ref"),
    )
    with op.batch_alter_table("sms_drafts") as batch_op:
        batch_op.create_index("ix_sms_drafts_state", ["state"], unique=False)
        batch_op.create_index("ix_sms_drafts_phone_hash", ["phone_hash"], unique=False)
    _hash_rows("complaints", "pk", "complainant", "complainant_email_hash")
    _hash_rows("co_reporters", "event_id", "reporter", "email_hash")
    op.add_column("mail_drafts", sa.Column("forgotten_at", UTC(), nullable=True))
    _mail_texts_encrypted()


def downgrade() -> None:
    _mail_texts_decrypted()
    op.drop_column("mail_drafts", "forgotten_at")
    with op.batch_alter_table("sms_drafts") as batch_op:
        batch_op.drop_index("ix_sms_drafts_phone_hash")
        batch_op.drop_index("ix_sms_drafts_state")
    op.drop_table("sms_drafts")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch would recreate tables
    # that rows refer to.
    op.drop_index("ix_co_reporters_email_hash", table_name="co_reporters")
    op.drop_index("ix_complaints_complainant_email_hash", table_name="complaints")
    op.drop_column("co_reporters", "email_hash")
    op.drop_column("complaints", "complainant_email_hash")
