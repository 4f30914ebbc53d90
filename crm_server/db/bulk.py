"""Per-dialect SQL for the push: INSERT ... ON CONFLICT DO NOTHING of a whole batch
in one statement, and ``column IN values`` that keeps one statement text.

The push writes with these Core statements, not the ORM's unit of work: a batch of
100 complaints costs a fixed number of statements whatever its size.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Dialect,
    Row,
    Table,
    TextClause,
    TextualSelect,
    Uuid,
    any_,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from complaint_domain.sql_types import UTCDateTime
from crm_server.db.crypto import EncryptedJSON, EncryptedText


def insert_for(session: Session) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def one_of(conn: Connection, column: Any, values: Collection[Any]) -> Any:
    """``column IN values``. On PostgreSQL as ``= ANY(array)``: one parameter, so the
    statement text is the same whatever the batch size. psycopg then parses it once
    and the server keeps it prepared; an IN list of 100 placeholders defeats both
    (psycopg caches no query of more than 50 parameters)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def bulk_insert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    returning: Sequence[Column[Any]] = (),
) -> list[Row[Any]]:
    """INSERT ... ON CONFLICT DO NOTHING of ``rows`` (all with the same keys) as one
    statement (one executemany on SQLite); the inserted rows' ``returning`` columns
    come back."""
    if conn.dialect.name != "postgresql":
        return _sqlite_bulk_insert(conn, table, rows, returning)
    # PostgreSQL: the whole batch as one JSON document, turned into rows by the server
    # (INSERT ... SELECT FROM json_populate_recordset, which types every field by its
    # column). A multi-row VALUES list would have 100 x 27 placeholders, which psycopg
    # parses afresh (a regex over the whole text) and the server plans afresh on every
    # push; executemany costs a round trip per row; arrays per column are escaped
    # element by element in Python. This statement has one parameter and never changes,
    # so psycopg prepares it, and json.dumps encodes the batch in C.
    names = tuple(rows[0])
    statement, converters = _recordset_insert(table, names, tuple(returning))
    records = [dict(zip(names, values, strict=True)) for values in _by_column(rows, converters)]
    document = json.dumps(records, default=_json_scalar, separators=(",", ":"))
    result = conn.execute(statement, {"rows": document})
    return list(result) if returning else []


def _by_column(
    rows: list[dict[str, Any]], converters: list[tuple[str, Callable[[Any], Any] | None]]
) -> Iterator[tuple[Any, ...]]:
    """The rows' values converted column by column (``None``: as is). A value the
    whole batch shares (its `now`, the due date) is converted once."""
    columns = []
    for name, convert in converters:
        values = [row[name] for row in rows]
        if convert is not None:
            first = values[0]
            if all(value is first for value in values):
                values = [convert(first)] * len(values)
            else:
                values = [convert(value) for value in values]
        columns.append(values)
    return zip(*columns, strict=True)


def _sqlite_bulk_insert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    returning: Sequence[Column[Any]],
) -> list[Row[Any]]:
    """SQLite: one executemany at the driver level, so that sqlite3 loops over the
    rows in C. Every value still goes through its column type's own bind processor,
    as SQLAlchemy would do it; what is skipped is SQLAlchemy's per-row parameter
    bookkeeping, which cost more than the insert itself. sqlite3's executemany
    cannot return rows: the ``returning`` columns are read back from the rows past
    the table's largest integer key before the insert. SQLite gives a new row the
    next key, and the caller holds the database's write lock (BEGIN IMMEDIATE), so
    these are the rows this insert added (not those it skipped)."""
    sql, processors = _sqlite_insert(table, tuple(rows[0]), conn.dialect)
    (key,) = table.primary_key.columns
    before = conn.scalar(select(func.max(key))) if returning else None
    conn.exec_driver_sql(sql, list(_by_column(rows, processors)))
    if not returning:
        return []
    return list(conn.execute(select(*returning).where(key > (before or 0))))


@functools.cache
def _sqlite_insert(
    table: Table, names: tuple[str, ...], dialect: Dialect
) -> tuple[str, list[tuple[str, Any]]]:
    """The statement, and each column's name and bind processor (None: as is)."""
    columns = [(n, table.c[n].type.dialect_impl(dialect).bind_processor(dialect)) for n in names]
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        " ON CONFLICT DO NOTHING"
    )
    return sql, columns


_UTC_DATETIME = UTCDateTime()
_POSTGRESQL = postgresql.dialect()


def _json_scalar(value: Any) -> str:
    """Column values json.dumps does not know, as PostgreSQL reads them."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        # The naive UTC the columns store (UTCDateTime); naive input is a bug.
        return str(_UTC_DATETIME.process_bind_param(value, _POSTGRESQL).isoformat())
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _converter(column_type: Any) -> Callable[[Any], Any] | None:
    """How a column's value goes into the JSON document (None: as is)."""
    if isinstance(column_type, EncryptedJSON | EncryptedText):
        # Personal data: encrypted here as the ORM would (never in clear to the server).
        return functools.partial(column_type.process_bind_param, dialect=_POSTGRESQL)
    if isinstance(column_type, Uuid | UTCDateTime | Date):
        return _json_scalar
    return None


@functools.cache
def _recordset_insert(
    table: Table, names: tuple[str, ...], returning: tuple[Column[Any], ...]
) -> tuple[TextClause | TextualSelect, list[tuple[str, Callable[[Any], Any] | None]]]:
    """The statement, and each column's converter to JSON (None: JSON already)."""
    converters: list[tuple[str, Callable[[Any], Any] | None]] = [
        (n, _converter(table.c[n].type)) for n in names
    ]
    columns = ", ".join(names)
    sql = (
        f"INSERT INTO {table.name} ({columns}) SELECT {columns}"
        f" FROM json_populate_recordset(NULL::{table.name}, :rows) WITH ORDINALITY"
        # The rows, and so the events' seq, keep the batch order.
        " ORDER BY ordinality ON CONFLICT DO NOTHING"
    )
    if not returning:
        return text(sql), converters
    sql += " RETURNING " + ", ".join(column.name for column in returning)
    return text(sql).columns(*returning), converters
