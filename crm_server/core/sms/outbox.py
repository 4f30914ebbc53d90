"""The CRM's SMS outbox: who may be sent news of a complaint, the idempotency keys,
the one-run-at-a-time lock, and writing messages exactly once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, select, text

from complaint_domain.ticket import tracking_url
from crm_server.core.context import CrmContext
from crm_server.db.bulk import bulk_insert, one_of
from crm_server.db.crypto import phone_lookup, phone_lookups
from crm_server.db.sms_models import SmsCursor, SmsMessage, SmsOptOut

MESSAGES = cast(Table, SmsMessage.__table__)
OPTOUTS = cast(Table, SmsOptOut.__table__)
CURSORS = cast(Table, SmsCursor.__table__)
# Advisory lock keys (PostgreSQL): one SMS run at a time across every CRM worker.
RUN_LOCK_KEY = 7_311_2121


def phone_hash(phone: str) -> str:
    """A number in an idempotency key without the number itself: the start of its
    keyed hash (an unkeyed one could be reversed by hashing every number)."""
    return phone_lookup(phone)[:16]


def consenting_phone(person: Mapping[str, Any] | None) -> str:
    """The number news may go to: given, and ticked for SMS; "" otherwise."""
    if not person or not person.get("sms_consent"):
        return ""
    return str(person.get("phone") or "")


def url_for(crm: CrmContext, code: str, token: str) -> str:
    return tracking_url(crm.settings.public_host, code, token)  # type: ignore[arg-type]


@dataclass(frozen=True)
class NewMessage:
    key: str
    complaint_pk: int | None
    phone: str
    kind: str
    text: str


def opted_out(conn: Connection, phones: Collection[str]) -> set[str]:
    """The ``phones`` that said STOP, found by their keyed hashes (under every live
    key: an opt-out not yet rotated still holds)."""
    by_hash = {h: phone for phone in phones for h in phone_lookups(phone)}
    if not by_hash:
        return set()
    found = conn.scalars(
        select(OPTOUTS.c.phone_hash).where(one_of(conn, OPTOUTS.c.phone_hash, by_hash))
    )
    return {by_hash[h] for h in found}


def write(conn: Connection, now: dt.datetime, messages: Sequence[NewMessage]) -> int:
    """Queue ``messages``; one whose key exists already is skipped (made once). The
    number written."""
    if not messages:
        return 0
    rows = [
        {
            "key": m.key,
            "complaint_pk": m.complaint_pk,
            "phone": m.phone,
            "phone_hash": phone_lookup(m.phone),
            "kind": m.kind,
            "text": m.text,
            "created_at": now,
            "state": "queued",
            "attempts": 0,
            "next_attempt_at": now,  # handed_at, done_at: NULL (not given)
            "gateway_ref": "",
            "error": "",
        }
        for m in messages
    ]
    return len(bulk_insert(conn, MESSAGES, rows, (MESSAGES.c.id,)))


def cursor(conn: Connection, name: str) -> int:
    value = conn.scalar(select(CURSORS.c.value).where(CURSORS.c.name == name))
    return int(value or 0)


def claim_cursor(conn: Connection, name: str) -> int:
    """The cursor's value, its row locked until the transaction ends: planners running
    at once take turns. Without the lock two read the same start, and the slower one
    set the cursor back behind the faster one's (its work was made again, and the
    first run's INSERT of the row failed the others' whole transaction)."""
    bulk_insert(conn, CURSORS, [{"name": name, "value": 0}])
    locked = select(CURSORS.c.value).where(CURSORS.c.name == name).with_for_update()
    return int(conn.scalar(locked) or 0)


def set_cursor(conn: Connection, name: str, value: int) -> None:
    updated = conn.execute(CURSORS.update().where(CURSORS.c.name == name).values(value=value))
    if not updated.rowcount:
        conn.execute(CURSORS.insert().values(name=name, value=value))


@contextmanager
def run_lock(crm: CrmContext) -> Iterator[bool]:
    """Whether this process may run the SMS jobs now: on PostgreSQL a session
    advisory lock, held for the whole run and let go with the connection if the
    process dies; SQLite serves one process and its BEGIN IMMEDIATE serialises."""
    if crm.dialect != "postgresql":
        yield True
        return
    with crm.engine.connect() as conn:
        got = bool(conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": RUN_LOCK_KEY}))
        conn.commit()
        try:
            yield got
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": RUN_LOCK_KEY})
                conn.commit()
