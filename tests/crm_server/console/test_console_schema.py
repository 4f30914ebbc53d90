"""The migrations build the schema the models declare (the console's indexes and
``late_steps`` of migration 0004 included), on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from crm_server.core.crm import Crm
from crm_server.db.models import Base


def test_the_migrated_schema_is_the_models(crm: Crm) -> None:
    with crm.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
