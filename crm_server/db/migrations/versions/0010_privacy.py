"""privacy: personal columns encrypted with keyed hashes for lookups, the retention
mark, the audit log's hash chain (issue 18)

Existing rows are encrypted in place, in batches, with the data key the settings give
(``MEJA_CRM_DATA_KEY`` / ``MEJA_CRM_DATA_KEY_FILE``, or the data folder's generated
key); a row already encrypted is skipped, so a migration interrupted halfway runs
again. The audit log's existing entries are chained in id order.

Revision ID: 0010
Revises: 0005
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
down_revision = "0005"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime
BATCH = 500


def _keys() -> crypto.DataKeys:
    try:
        return crypto.active()
    except crypto.DataKeyError:
        from crm_server.settings import Settings

        s = Settings.from_env()
        keys = crypto.load(s.data_key, s.data_key_file, s.data_dir)
        crypto.install(keys)
        return keys


def _to_text(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text USING {column}::text")
    else:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(column, type_=sa.Text(), existing_nullable=False)


def _encrypt_rows(table: str, key: str, column: str, nik: str, phone: str) -> None:
    conn = op.get_bind()
    plain = sa.table(table, sa.column(key), sa.column(column, sa.Text()))
    last: Any = None
    while True:
        query = sa.select(plain.c[key], plain.c[column]).where(
            sa.not_(plain.c[column].like(crypto.PREFIX + "%"))
        )
        if last is not None:
            query = query.where(plain.c[key] > last)
        rows = conn.execute(query.order_by(plain.c[key]).limit(BATCH)).all()
        if not rows:
            return
        keys = _keys()
        for row_key, value in rows:
            person = json.loads(value) if value else {}
            nik_hash, phone_hash = crypto.person_hashes(person, keys)
            conn.execute(
                sa.text(
                    f"UPDATE {table} SET {column} = :v, {nik} = :n, {phone} = :p WHERE {key} = :k"
                ),
                {
                    "v": crypto.EncryptedJSON().process_bind_param(person, conn.dialect),
                    "n": nik_hash,
                    "p": phone_hash,
                    "k": row_key,
                },
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


def downgrade() -> None:
    raise NotImplementedError("personal data is not decrypted back into clear text")
