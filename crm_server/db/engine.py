"""Engine, sessions, the feed lock and migrations.

SQLite is the embedded default (one file in the data folder), PostgreSQL the
production database. Both get the same Alembic migrations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# A package resource ("package:folder"), found by Alembic through importlib.resources
# wherever the package is installed.
MIGRATIONS = "crm_server.db:migrations"
# Any constant will do: every transaction that appends events takes this lock first.
FEED_LOCK_KEY = 7_311_2026


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    # hide_parameters: a failing statement's parameters (names, NIK, phone numbers)
    # must never reach an exception message and from there a log line.
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, hide_parameters=True, connect_args={"check_same_thread": False, "timeout": 30}
        )
        _sqlite_pragmas(engine)
        return engine
    return create_engine(
        url, hide_parameters=True, pool_size=10, max_overflow=20, pool_pre_ping=True
    )


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the driver so that every transaction starts
        # with BEGIN IMMEDIATE: two writers then queue on the lock instead of failing
        # with "database is locked" when both try to upgrade a read lock.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # IMMEDIATE unless the session was made by ``make_read_session_factory``.
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that only read. On SQLite their transaction is DEFERRED: under WAL a
    reader sees the last commit and waits for no writer, where the default
    (IMMEDIATE) would queue every read behind every write for the one write lock,
    each waiter sleeping in SQLite's busy handler (steps up to 100 ms). A write in
    such a session fails ("database is locked"), it does not wait: read only."""
    return sessionmaker(engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as session, session.begin():
        yield session


def lock_feed(session: Session | Connection) -> None:
    """Serialise transactions that append events, so that ``seq`` order is commit order.

    Without this, on PostgreSQL a transaction holding seq 10 could commit after one
    holding seq 11; a desk that already read 11 would never see 10. SQLite's
    BEGIN IMMEDIATE already serialises writers.
    """
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK_KEY})


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str) -> None:
    engine = make_engine(url)  # creates the SQLite folder
    engine.dispose()
    command.upgrade(alembic_config(url), "head")


def schema_revisions(engine: Engine) -> tuple[set[str], set[str]]:
    """The database's current Alembic revisions and the code's heads: equal when the
    schema is current."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(alembic_config(str(engine.url))).get_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current, heads
