"""Alembic environment for the CRM; the URL comes from crm_server.db.engine.alembic_config."""

from __future__ import annotations

from alembic import context

from crm_server.db.engine import make_engine
from crm_server.db.models import Base

config = context.config


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
