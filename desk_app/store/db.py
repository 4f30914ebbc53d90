"""The desk's SQLite database: engine set-up, pragmas, transactions, migrations, and
the SQL plumbing the repositories share (``among``: IN a bound JSON list).

Durability first: WAL with ``synchronous=FULL`` (a committed complaint survives a
power cut), foreign keys on, a busy timeout so the sync worker and the writer
wait for each other instead of failing. Writes start with ``BEGIN IMMEDIATE`` so a
write transaction takes the write lock up front and never fails half-way on
"database is locked"; reads use plain deferred transactions and, under WAL, never
block the writer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    bindparam,
    create_engine,
    event,
    exc,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from desk_app.store import crypto

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration. Checked against Alembic's own head by a test; it lets a start
# on a current database skip importing Alembic at all (a few hundred ms on a desk PC).
SCHEMA_HEAD = "0010"
BUSY_TIMEOUT_MS = 10_000
DATABASE_FILE = "desk.sqlite3"
# A package resource ("package:folder"), found by Alembic through importlib.resources
# wherever the package is installed.
MIGRATIONS = "desk_app.store:migrations"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook, not the driver, decide how transactions start.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


class StorageError(RuntimeError):
    """SQLite could not use the file: ``reason`` is "full" (disk or database full),
    "readonly", "locked" (busy beyond the timeout), "io" (the disk failed or the file
    cannot be opened) or "corrupt". Raised without the SQL statement and its
    parameters, which hold personal data and must not reach a log or a message."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


_REASONS = {
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_READONLY: "readonly",
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_IOERR: "io",
    sqlite3.SQLITE_CANTOPEN: "io",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
}


@contextmanager
def _storage_errors() -> Iterator[None]:
    try:
        yield
    except exc.DBAPIError as error:
        original = error.orig
        code = getattr(original, "sqlite_errorcode", None)
        reason = _REASONS.get(code & 0xFF) if isinstance(code, int) else None
        if reason is None:
            raise
        raise StorageError(reason, str(original)) from None


class Database:
    """One SQLite file. ``write()`` and ``read()`` hand out sessions.

    With ``keys`` the file is a SQLCipher database (every page encrypted, its WAL
    and the full-text index too); without, a plain SQLite file."""

    def __init__(self, path: Path, keys: crypto.DeskKeys | None = None) -> None:
        self.path = path
        self._keys = keys
        self.encrypted = keys is not None
        options: dict[str, Any] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        if keys is None:
            self.engine: Engine = create_engine(
                f"sqlite+pysqlite:///{path}",
                connect_args=options,
                # An error's text then names the statement but not its values (personal
                # data), wherever it is logged.
                hide_parameters=True,
            )
        else:
            self.engine = create_engine(
                f"sqlite+pysqlite:///{path}",
                module=crypto.sqlcipher_module(),
                # Keyed before SQLAlchemy's first statement on each new connection.
                creator=lambda: crypto.connect(path, keys, **options),
                hide_parameters=True,
            )
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE), committed when the block ends."""
        with (
            _storage_errors(),
            Session(self._writer, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with (
            _storage_errors(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def raw_connection(self, **kwargs: Any) -> Any:
        """A DB-API connection of its own to the file, keyed when it is encrypted
        (checks and tools that read behind the repositories); the caller closes it."""
        return crypto.connect(self.path, self._keys, **kwargs)

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())

    def close(self) -> None:
        self.engine.dispose()


def alembic_config(database: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.set_main_option("sqlalchemy.url", str(database.engine.url))
    cfg.attributes["engine"] = database.engine
    return cfg


def migrate(database: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; run at every start, a no-op when current."""
    if revision == "head" and current_revision(database) == SCHEMA_HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(database), revision)


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # no table yet: a brand-new file
            return None


def open_database(data_dir: Path, keys: crypto.DeskKeys | None = None) -> Database:
    """Open (creating if needed) and migrate the database in ``data_dir``; with
    ``keys``, encrypted (a plain file found there is converted first)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_FILE
    if keys is not None and crypto.is_plain_database(path):
        with _storage_errors():
            crypto.encrypt_plain_database(path, keys)
    database = Database(path, keys)
    try:
        with _storage_errors():  # a damaged, locked or unreadable file: said plainly
            migrate(database)
    except BaseException:
        database.close()
        raise
    return database


def among(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    """``column IN`` the values bound to ``name`` as one JSON array (:func:`json_list`),
    read by SQLite's json_each (still an index search per value). SQLAlchemy renders a
    plain IN with a parameter per value, coerced and named in Python: ~0.5 ms of CPU
    for the 100 ids of a sync batch, each time. With a bound name, the hot statements
    are built once (building one, and its cache key, costs ~0.15 ms)."""
    return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam(name))))


def json_list(values: Iterable[str | int]) -> str:
    return json.dumps(list(values))
