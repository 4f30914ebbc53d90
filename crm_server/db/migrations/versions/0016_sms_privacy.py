"""sms privacy: the SMS tables' phone numbers encrypted, with keyed lookup hashes;
the rights requests' identifier keyed (issue 18)

``sms_messages.phone`` and ``sms_inbound.phone`` are encrypted in place (with the
data key the settings give, as in 0010) and get a ``phone_hash``; the opt-outs are
keyed by that hash instead of the number. The messages' idempotency keys ended in
an unkeyed SHA-256 of the number (reversible by hashing every number): that part
becomes the start of the keyed hash. In batches; a row already encrypted is skipped,
so a migration interrupted halfway runs again. A citizen's rights request kept an
unkeyed SHA-256 of the NIK or phone they gave (a NIK is found again by hashing every
NIK): it becomes the keyed hash of the same value, recognised among the person's own
NIK and phone; one that matches neither any more (corrected, removed) is cleared.

Revision ID: 0016
Revises: 0011
"""

from __future__ import annotations

import hashlib
import uuid

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types
from crm_server.db import crypto

revision = "0016"
down_revision = "0011"
branch_labels = None
depends_on = None

UTC = complaint_domain.sql_types.UTCDateTime
BATCH = 500



def rekeyed(key: str, phone: str, keys: crypto.DataKeys) -> str:
    """An idempotency key whose last part was the number's unkeyed hash, with the
    keyed one instead (other keys as they were)."""
    unkeyed = hashlib.sha256(phone.encode()).hexdigest()[:16]
    head, _, tail = key.rpartition(":")
    if tail != unkeyed:
        return key
    return f"{head}:{crypto.phone_lookup(phone, keys)[:16]}"


def _encrypt_phones(table: str, key: str, with_key_column: bool) -> None:
    conn = op.get_bind()
    columns = [sa.column(key), sa.column("phone", sa.Text())]
    if with_key_column:
        columns.append(sa.column("key", sa.String()))
    raw = sa.table(table, *columns)
    typed = sa.table(
        table,
        sa.column(key),
        sa.column("phone", crypto.EncryptedText()),
        sa.column("phone_hash", sa.String()),
        sa.column("key", sa.String()),
    )
    last = None
    while True:
        query = sa.select(*raw.c).where(raw.c.phone != "", ~crypto.stored_under(raw.c.phone))
        if last is not None:
            query = query.where(raw.c[key] > last)
        rows = conn.execute(query.order_by(raw.c[key]).limit(BATCH)).all()
        if not rows:
            return
        keys = crypto.for_migration()
        for row in rows:
            values = {"phone": row.phone, "phone_hash": crypto.phone_lookup(row.phone, keys)}
            if with_key_column:
                values["key"] = rekeyed(row.key, row.phone, keys)
            conn.execute(sa.update(typed).where(typed.c[key] == row[0]).values(values))
        last = rows[-1][0]


def _optouts_by_hash() -> None:
    """The opt-outs keyed by the number's hash: read, the table made again, written
    back (they are few: the numbers that said STOP)."""
    conn = op.get_bind()
    old = sa.table("sms_optouts", sa.column("phone", sa.Text()), sa.column("at", UTC()))
    stopped = conn.execute(sa.select(old.c.phone, old.c.at)).all()
    op.drop_table("sms_optouts")
    table = op.create_table(
        "sms_optouts",
        sa.Column("phone_hash", sa.String(length=64), nullable=False),
        sa.Column("phone", crypto.EncryptedText(), nullable=False),
        sa.Column("at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("phone_hash"),
    )
    keys = crypto.for_migration()
    rows = {
        crypto.phone_lookup(r.phone, keys): {"phone": r.phone, "at": r.at}
        for r in stopped
        if crypto.phone_lookup(r.phone, keys)
    }
    if rows:
        op.bulk_insert(table, [{"phone_hash": h, **v} for h, v in rows.items()])


def _rights_identifiers_keyed() -> None:
    conn = op.get_bind()
    requests = sa.table(
        "rights_requests",
        sa.column("id", sa.Integer()),
        sa.column("complaint_pk", sa.Integer()),
        sa.column("reporter", sa.String()),
        sa.column("identifier_hash", sa.String()),
    )
    complaints = sa.table(
        "complaints",
        sa.column("pk", sa.Integer()),
        sa.column("complainant", crypto.EncryptedJSON()),
    )
    co_reporters = sa.table(
        "co_reporters",
        sa.column("event_id", sa.Uuid()),
        sa.column("reporter", crypto.EncryptedJSON()),
    )
    for row in conn.execute(sa.select(requests)).all():
        if row.reporter:
            person = conn.scalar(
                sa.select(co_reporters.c.reporter).where(
                    co_reporters.c.event_id == uuid.UUID(row.reporter)
                )
            )
        else:
            person = conn.scalar(
                sa.select(complaints.c.complainant).where(complaints.c.pk == row.complaint_pk)
            )
        keyed = ""
        nik = crypto.normal_nik(str((person or {}).get("nik") or ""))
        phone = crypto.normal_phone(str((person or {}).get("phone") or ""))
        for kind, value in (("nik", nik), ("phone", phone)):
            if value and hashlib.sha256(value.encode()).hexdigest() == row.identifier_hash:
                keyed = crypto.for_migration().lookup_hash(kind, value)
        conn.execute(
            sa.update(requests).where(requests.c.id == row.id).values(identifier_hash=keyed)
        )


def upgrade() -> None:
    # A ciphertext is longer than the 20 characters of a number. (No rows refer to
    # these tables: SQLite's batch may make them again.)
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.add_column(
            sa.Column("phone_hash", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.alter_column("phone", type_=sa.Text(), existing_nullable=False)
        batch_op.drop_index("ix_sms_messages_phone_handed")
        batch_op.create_index("ix_sms_messages_phone_hash_handed", ["phone_hash", "handed_at"])
    with op.batch_alter_table("sms_inbound") as batch_op:
        batch_op.add_column(
            sa.Column("phone_hash", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.alter_column("phone", type_=sa.Text(), existing_nullable=False)
        batch_op.create_index("ix_sms_inbound_phone_hash", ["phone_hash"])
    _encrypt_phones("sms_messages", "id", with_key_column=True)
    _encrypt_phones("sms_inbound", "gateway_ref", with_key_column=False)
    _optouts_by_hash()
    _rights_identifiers_keyed()


def downgrade() -> None:
    """Back to clear numbers (with the configured key): only for going back a
    release. The idempotency keys keep their keyed part (still unique)."""
    conn = op.get_bind()
    keys = crypto.for_migration()
    for table, key in (("sms_messages", "id"), ("sms_inbound", "gateway_ref")):
        raw = sa.table(table, sa.column(key), sa.column("phone", sa.Text()))
        rows = conn.execute(
            sa.select(raw.c[key], raw.c.phone).where(crypto.stored_under(raw.c.phone))
        ).all()
        for row_key, sealed in rows:
            conn.execute(
                sa.update(raw)
                .where(raw.c[key] == row_key)
                .values(phone=keys.decrypt(sealed).decode())
            )
    optouts = sa.table(
        "sms_optouts", sa.column("phone", crypto.EncryptedText()), sa.column("at", UTC())
    )
    # An opt-out whose number retention removed cannot come back as a number.
    stopped = [r for r in conn.execute(sa.select(optouts.c.phone, optouts.c.at)).all() if r.phone]
    op.drop_table("sms_optouts")
    table = op.create_table(
        "sms_optouts",
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("phone"),
    )
    if stopped:
        op.bulk_insert(table, [{"phone": r.phone, "at": r.at} for r in stopped])
    with op.batch_alter_table("sms_inbound") as batch_op:
        batch_op.drop_index("ix_sms_inbound_phone_hash")
        batch_op.drop_column("phone_hash")
        batch_op.alter_column("phone", type_=sa.String(length=20), existing_nullable=False)
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.drop_index("ix_sms_messages_phone_hash_handed")
        batch_op.drop_column("phone_hash")
        batch_op.alter_column("phone", type_=sa.String(length=20), existing_nullable=False)
        batch_op.create_index("ix_sms_messages_phone_handed", ["phone", "handed_at"])
