"""Alembic environment: migrations run on the engine the app hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desk_app.store.models import Base

config = context.config
engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))

with engine.connect() as connection:
    # render_as_batch: SQLite cannot ALTER most things in place; batch mode copies tables.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
