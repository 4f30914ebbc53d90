"""A push in one transaction: note it on its desk, take the feed lock, answer a
repeated Idempotency-Key from its record, else store the batch and record the
answer."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import ColumnElement, Connection, Table, select, text, update

from crm_server.core.auth import DeskAuth, hash_secret
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError, unauthorized
from crm_server.core.push.batch import Batch
from crm_server.core.schemas import IDEMPOTENCY_KEY
from crm_server.db.engine import FEED_LOCK_KEY
from crm_server.db.models import Desk, IdempotencyRecord

_DESKS = cast(Table, Desk.__table__)
_IDEMPOTENCY = cast(Table, IdempotencyRecord.__table__)


def push(
    crm: CrmContext,
    desk: DeskAuth,
    raw_items: list[Any],
    idempotency_key: str | None = None,
    request_hash: str = "",
) -> dict[str, Any]:
    """A batch from a desk already known (the seed, benchmarks); the API calls
    ``push_request``."""
    now = crm.now()
    batch = Batch(crm, None, desk, now, crm.areas())
    # Validation needs no database: done before the transaction, so that the feed
    # lock, which serialises every push, is held for the lookups and writes only.
    batch.check(raw_items)
    with crm.engine.begin() as conn:
        _stamp_push(conn, _DESKS.c.id == desk.id, now)
        return _store_push(conn, batch, idempotency_key, request_hash)


def push_request(
    crm: CrmContext, token: str, body: bytes, idempotency_key: str | None
) -> dict[str, Any]:
    """A push as it comes over HTTP: the desk's bearer token, the raw JSON body and
    the Idempotency-Key header. Errors come in this order: a bad token (401,
    whatever the body), then the body (400, 413, 422), then each item (answered
    "rejected" while the rest of the batch goes on)."""
    now = crm.now()
    areas = crm.areas()  # before the transaction: on SQLite a second one would wait on it
    with crm.engine.begin() as conn:
        # The token is checked by the push's own first statement, which also notes
        # the push, rather than in a transaction of its own before it.
        desk = _stamp_push(conn, _DESKS.c.token_hash == hash_secret(token), now)
        if desk is None:
            raise unauthorized("The desk token is not valid (enrol the desk again).")
        batch = Batch(crm, None, desk, now, areas)
        # Validated before the feed lock (taken in _store_push) on PostgreSQL; on
        # SQLite inside the write lock BEGIN IMMEDIATE took, the price of checking
        # the token first without a transaction of its own.
        batch.read(body)
        if idempotency_key is not None:
            try:
                IDEMPOTENCY_KEY.validate_python(idempotency_key)
            except ValidationError:
                raise ApiError(
                    422,
                    "invalid",
                    "Idempotency-Key must be 1–200 characters, without NUL.",
                    "Idempotency-Key",
                ) from None
        return _store_push(conn, batch, idempotency_key, hashlib.sha256(body).hexdigest())


def _stamp_push(
    conn: Connection, desk_is: ColumnElement[bool], now: dt.datetime
) -> DeskAuth | None:
    """Note the push on its desk (the row ``desk_is`` selects); the desk, or None when
    no row matches. The push's first statement: on PostgreSQL every push takes its
    desk's row lock before the feed lock, always in this order."""
    d = _DESKS.c
    row = conn.execute(
        update(_DESKS).where(desk_is).values(last_push_at=now).returning(d.id, d.code, d.site)
    ).first()
    return DeskAuth(*row) if row is not None else None


def _store_push(
    conn: Connection, batch: Batch, idempotency_key: str | None, request_hash: str
) -> dict[str, Any]:
    """Write a checked batch in the push transaction (its desk row already noted);
    the answer, or the recorded one for an Idempotency-Key seen before."""
    if conn.dialect.name == "postgresql":
        # The feed lock (see db.engine.lock_feed) and a planner setting in one round
        # trip. Every read of the push is a lookup by a unique key. Without statistics
        # (a new or just-restored database, before autovacuum analyses it) the planner
        # takes complaints for a small table and scans all of it for each batch,
        # comparing every row with the batch's ids: the push then slows down as the
        # table grows (6 ms at 3 000 rows). Discouraged for this transaction only.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:k), set_config('enable_seqscan', 'off', true)"),
            {"k": FEED_LOCK_KEY},
        )
    desk_id = batch.desk.id
    keys = _IDEMPOTENCY.c
    if idempotency_key:
        record = conn.execute(
            select(keys.request_hash, keys.response).where(
                keys.desk_id == desk_id, keys.key == idempotency_key
            )
        ).first()
        if record is not None:
            if record.request_hash != request_hash:
                raise ApiError(
                    422,
                    "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request body.",
                    "Idempotency-Key",
                )
            response: dict[str, Any] = record.response
            return response
    response = {"results": batch.store(conn)}
    if idempotency_key:
        conn.execute(
            _IDEMPOTENCY.insert().values(
                desk_id=desk_id,
                key=idempotency_key,
                request_hash=request_hash,
                response=response,
                created_at=batch.now,
            )
        )
    return response
