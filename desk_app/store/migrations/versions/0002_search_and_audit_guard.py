"""Full-text search over descriptions and names; the audit log made append-only.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An external-content FTS5 index: the text lives once, in complaints; triggers
    # keep the index in step inside the same transaction as the row.
    op.execute(
        """
        CREATE VIRTUAL TABLE complaint_fts USING fts5(
            description, name,
            content='complaints', content_rowid='pk',
            tokenize='unicode61 remove_diacritics 2'
        )
        """
    )
    op.execute(
        """
        CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
            INSERT INTO complaint_fts(rowid, description, name)
            VALUES (new.pk, new.description, new.name);
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
            INSERT INTO complaint_fts(complaint_fts, rowid, description, name)
            VALUES ('delete', old.pk, old.description, old.name);
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER complaints_fts_update AFTER UPDATE OF description, name ON complaints
        BEGIN
            INSERT INTO complaint_fts(complaint_fts, rowid, description, name)
            VALUES ('delete', old.pk, old.description, old.name);
            INSERT INTO complaint_fts(rowid, description, name)
            VALUES (new.pk, new.description, new.name);
        END
        """
    )
    op.execute("INSERT INTO complaint_fts(complaint_fts) VALUES ('rebuild')")
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"""
            CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END
            """
        )
    op.execute(
        """
        CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events BEGIN
            SELECT RAISE(ABORT, 'complaint_events is append-only');
        END
        """
    )


def downgrade() -> None:
    for name in (
        "complaint_events_no_delete",
        "audit_log_no_delete",
        "audit_log_no_update",
        "complaints_fts_update",
        "complaints_fts_delete",
        "complaints_fts_insert",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS complaint_fts")
