"""Privacy: the audit log chained by hashes, and complaints' ``anonymised_at``.

The audit log chained by hashes: each entry's ``chain`` is the SHA-256 of the
previous entry's ``chain`` and its own fields (see ``desk_app.store.audit``), so an
entry altered or removed behind the app is found by ``desk-app audit-verify``.
The entries already there are chained in their order. ``complaints.anonymised_at``:
when the retention run removed the complaint's personal data (None: still held).

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

import complaint_domain.sql_types

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

_GUARD = """
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END
"""


def upgrade() -> None:
    from desk_app.store.audit import link_hash

    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    # Added in place (ALTER TABLE ADD COLUMN): the table and its DELETE guard stay.
    op.add_column(
        "audit_log", sa.Column("chain", sa.String(length=64), nullable=False, server_default="")
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT pk, at, actor, action, subject, details FROM audit_log ORDER BY pk")
    ).all()
    previous = ""
    for pk, at, actor, action, subject, details in rows:
        previous = link_hash(previous, _as_datetime(at), actor, action, subject, details)
        conn.execute(
            sa.text("UPDATE audit_log SET chain = :chain WHERE pk = :pk"),
            {"chain": previous, "pk": pk},
        )
    op.execute(_GUARD)
    op.add_column(
        "complaints", sa.Column("anonymised_at", complaint_domain.sql_types.UTCDateTime(), nullable=True)
    )


def _as_datetime(value: object) -> object:
    import datetime as dt

    if isinstance(value, str):
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    return value


def downgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("anonymised_at")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("chain")
    op.execute(_GUARD)
