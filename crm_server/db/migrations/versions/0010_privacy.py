"""privacy: personal columns encrypted with keyed hashes for lookups, the retention
mark, the audit log's hash chain (issue 18)

Existing rows are encrypted in place, in batches, with the data key the settings give
(``MEJA_CRM_DATA_KEY`` / ``MEJA_CRM_DATA_KEY_FILE``, or the data folder's generated
key); a row already encrypted is skipped, so a migration interrupted halfway runs
again. The audit log's existing entries are chained in id order.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types
from crm_server.db import crypto
from crm_server.db.chain import entry_digest

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime
BATCH = 500



def _to_text(table: str, column: str) -> None:
    """PostgreSQL: the column becomes text. SQLite keeps its JSON column (recreating a
    table that rows refer to fails on their foreign keys): the ciphertext is stored
    in it as a JSON string (``EncryptedJSON``)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text USING {column}::text")


def _encrypt_rows(table: str, key: str, column: str, nik: str, phone: str) -> None:
    conn = op.get_bind()
    raw = sa.table(table, sa.column(key), sa.column(column, sa.Text()))
    typed = sa.table(
        table, sa.column(key), sa.column(column, crypto.EncryptedJSON()), sa.column(nik),
        sa.column(phone),
    )
    last: Any = None
    while True:
        query = sa.select(raw.c[key], raw.c[column]).where(~crypto.stored_under(raw.c[column]))
        if last is not None:
            query = query.where(raw.c[key] > last)
        rows = conn.execute(query.order_by(raw.c[key]).limit(BATCH)).all()
        if not rows:
            return
        keys = crypto.for_migration()
        for row_key, value in rows:
            person = json.loads(value) if value else {}
            nik_hash, phone_hash = crypto.person_hashes(person, keys)
            conn.execute(
                sa.update(typed)
                .where(typed.c[key] == row_key)
                .values({column: person, nik: nik_hash, phone: phone_hash})
            )
        last = rows[-1][0]


def _chain_audit_log() -> None:
    conn = op.get_bind()
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("at", UTC()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("subject", sa.String()),
        sa.column("reason", sa.Text()),
        sa.column("detail", sa.JSON()),
    )
    prev, last = "", 0
    while True:
        rows = conn.execute(
            sa.select(log).where(log.c.id > last).order_by(log.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        for r in rows:
            digest = entry_digest(prev, r.at, r.actor, r.action, r.subject, r.reason, r.detail)
            conn.execute(
                sa.text("UPDATE audit_log SET prev_hash = :p, entry_hash = :h WHERE id = :i"),
                {"p": prev, "h": digest, "i": r.id},
            )
            prev, last = digest, r.id


def upgrade() -> None:
    hash_column = sa.String(length=64)
    with op.batch_alter_table("complaints") as batch_op:
        batch_op.add_column(
            sa.Column("complainant_nik_hash", hash_column, nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("complainant_phone_hash", hash_column, nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("personal_removed_at", UTC(), nullable=True))
        batch_op.create_index("ix_complaints_complainant_nik_hash", ["complainant_nik_hash"])
        batch_op.create_index("ix_complaints_complainant_phone_hash", ["complainant_phone_hash"])
    with op.batch_alter_table("co_reporters") as batch_op:
        batch_op.add_column(sa.Column("nik_hash", hash_column, nullable=False, server_default=""))
        batch_op.add_column(sa.Column("phone_hash", hash_column, nullable=False, server_default=""))
        batch_op.create_index("ix_co_reporters_nik_hash", ["nik_hash"])
        batch_op.create_index("ix_co_reporters_phone_hash", ["phone_hash"])
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("prev_hash", hash_column, nullable=False, server_default=""))
        batch_op.add_column(sa.Column("entry_hash", hash_column, nullable=False, server_default=""))
    _to_text("complaints", "complainant")
    _to_text("co_reporters", "reporter")
    _encrypt_rows(
        "complaints", "pk", "complainant", "complainant_nik_hash", "complainant_phone_hash"
    )
    _encrypt_rows("co_reporters", "event_id", "reporter", "nik_hash", "phone_hash")
    _chain_audit_log()


def _decrypt_rows(table: str, key: str, column: str) -> None:
    conn = op.get_bind()
    raw = sa.table(table, sa.column(key), sa.column(column, sa.Text()))
    while True:
        rows = conn.execute(
            sa.select(raw.c[key], raw.c[column])
            .where(crypto.stored_under(raw.c[column]))
            .limit(BATCH)
        ).all()
        if not rows:
            return
        keys = crypto.for_migration()
        for row_key, value in rows:
            sealed = json.loads(value) if value.startswith('"') else value
            conn.execute(
                sa.update(raw)
                .where(raw.c[key] == row_key)
                .values({column: keys.decrypt(sealed).decode()})
            )


def _to_json(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE json USING {column}::json")


def downgrade() -> None:
    """Back to clear text (with the configured key): only for going back a release."""
    _decrypt_rows("complaints", "pk", "complainant")
    _decrypt_rows("co_reporters", "event_id", "reporter")
    _to_json("complaints", "complainant")
    _to_json("co_reporters", "reporter")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch would recreate tables
    # that rows refer to.
    for table, index in (
        ("co_reporters", "ix_co_reporters_phone_hash"),
        ("co_reporters", "ix_co_reporters_nik_hash"),
        ("complaints", "ix_complaints_complainant_phone_hash"),
        ("complaints", "ix_complaints_complainant_nik_hash"),
    ):
        op.drop_index(index, table_name=table)
    for table, column in (
        ("audit_log", "entry_hash"),
        ("audit_log", "prev_hash"),
        ("co_reporters", "phone_hash"),
        ("co_reporters", "nik_hash"),
        ("complaints", "personal_removed_at"),
        ("complaints", "complainant_phone_hash"),
        ("complaints", "complainant_nik_hash"),
    ):
        op.drop_column(table, column)
