"""The "to print" list read through an index of its own.

The home page asks for the complaints whose receipt is still to be printed, newest
first. Nearly every complaint has been printed, so without an index SQLite walked the
whole table from the newest row to find the few: ~150 ms at 1 000 000 complaints, on
every refresh of the home page. A partial index holds only the rows still to print.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The same WHERE as the query's (print_pending IS 1): SQLite uses a partial index
    # only for queries whose conditions contain the index's own.
    op.create_index(
        "ix_complaints_print_pending",
        "complaints",
        ["pk"],
        sqlite_where=sa.text("print_pending IS 1"),
    )


def downgrade() -> None:
    op.drop_index("ix_complaints_print_pending", table_name="complaints")
