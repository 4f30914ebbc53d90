"""SMS consent: a separate tick for news of the complaint by SMS to the phone given,
for the first citizen and for each co-reporter. Off for every complaint recorded
before (no one was asked).

Revision ID: 0006
Revises: 0005 (co-reporters)
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: a batch copy of ``complaints`` would drop the
    # triggers that keep its search index.
    for table in ("complaints", "co_reporters"):
        op.add_column(
            table,
            sa.Column("sms_consent", sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:
    for table in ("complaints", "co_reporters"):
        op.drop_column(table, "sms_consent")
