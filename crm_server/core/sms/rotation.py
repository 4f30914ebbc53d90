"""The SMS tables in a data key rotation (``core/data_keys.py``): each number not yet
under the current key is encrypted again and hashed again; a message's idempotency
key, which ends in the start of that hash, follows (so a reminder made before the
rotation is not made again after it). An opt-out whose number retention removed
keeps its hash as it is: it matches while that key is configured, and by then no
retained complaint holds the number (docs/privacy.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from crm_server.db.crypto import DataKeys, phone_lookup, stored_under
from crm_server.db.sms_models import SmsInbound, SmsMessage, SmsOptOut


def stale(column: Any, keys: DataKeys) -> Any:
    return (column != "") & ~stored_under(column, keys.current_id)


def rotate_messages(session: Session, keys: DataKeys, batch: int) -> int:
    rows = session.execute(
        select(SmsMessage.id, SmsMessage.phone, SmsMessage.phone_hash, SmsMessage.key)
        .where(stale(SmsMessage.phone, keys))
        .order_by(SmsMessage.id)
        .limit(batch)
    ).all()
    for row in rows:
        new_hash = phone_lookup(row.phone, keys)
        key = row.key
        head, _, tail = key.rpartition(":")
        if row.phone_hash and tail == row.phone_hash[:16]:
            candidate = f"{head}:{new_hash[:16]}"
            taken = session.scalar(select(SmsMessage.id).where(SmsMessage.key == candidate))
            key = key if taken is not None else candidate
        session.execute(
            update(SmsMessage)
            .where(SmsMessage.id == row.id)
            .values(phone=row.phone, phone_hash=new_hash, key=key)
        )
    return len(rows)


def rotate_inbound(session: Session, keys: DataKeys, batch: int) -> int:
    rows = session.execute(
        select(SmsInbound.gateway_ref, SmsInbound.phone)
        .where(stale(SmsInbound.phone, keys))
        .order_by(SmsInbound.gateway_ref)
        .limit(batch)
    ).all()
    for ref, phone in rows:
        session.execute(
            update(SmsInbound)
            .where(SmsInbound.gateway_ref == ref)
            .values(phone=phone, phone_hash=phone_lookup(phone, keys))
        )
    return len(rows)


def rotate_optouts(session: Session, keys: DataKeys, batch: int) -> int:
    rows = session.execute(
        select(SmsOptOut.phone_hash, SmsOptOut.phone, SmsOptOut.at)
        .where(stale(SmsOptOut.phone, keys))
        .order_by(SmsOptOut.phone_hash)
        .limit(batch)
    ).all()
    for old_hash, phone, at in rows:
        new_hash = phone_lookup(phone, keys)
        session.execute(delete(SmsOptOut).where(SmsOptOut.phone_hash == old_hash))
        if session.get(SmsOptOut, new_hash) is None:  # said STOP again since: kept once
            session.add(SmsOptOut(phone_hash=new_hash, phone=phone, at=at))
        session.flush()
    return len(rows)
