"""Rotating the data key (issue 18, ``crm-server rotate-data-key``): every personal
column is read (under whichever live key wrote it) and written again under the
first key, with its lookup hashes made again under that key. In batches, each its
own transaction, picking only rows not yet under the first key: an interrupted
rotation simply runs again. While it runs, rows under the old key still read and
lookups match either key's hash (``DataKeys.lookup_hashes``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select, update

from crm_server.core.audit import add_audit
from crm_server.core.context import CrmContext
from crm_server.core.sms import rotation
from crm_server.db.channel_models import MailDraft, SmsDraft
from crm_server.db.crypto import email_hash, person_hashes, stored_under
from crm_server.db.engine import transaction
from crm_server.db.models import Complaint, CoReporter

BATCH = 500


def _hashes(person: Any, keys: Any) -> dict[str, str]:
    if isinstance(person, str):  # an e-mail draft's sender: an address, no person
        person = {"email": person}
    nik, phone = person_hashes(person, keys)
    return {"nik": nik, "phone": phone, "email": email_hash(person, keys)}


# Each table with personal columns: its key, the encrypted columns (the first one
# the person its lookup hashes are made from) and those hash columns by kind. An SMS
# draft's message holds a phone (and a text); an e-mail draft's sender an address.
TABLES: tuple[tuple[str, Any, tuple[Any, ...], dict[str, Any]], ...] = (
    (
        "complaints",
        Complaint.pk,
        (Complaint.complainant,),
        {
            "nik": Complaint.complainant_nik_hash,
            "phone": Complaint.complainant_phone_hash,
            "email": Complaint.complainant_email_hash,
        },
    ),
    (
        "co_reporters",
        CoReporter.event_id,
        (CoReporter.reporter,),
        {
            "nik": CoReporter.nik_hash,
            "phone": CoReporter.phone_hash,
            "email": CoReporter.email_hash,
        },
    ),
    ("sms_drafts", SmsDraft.id, (SmsDraft.message,), {"phone": SmsDraft.phone_hash}),
    (
        "mail_drafts",
        MailDraft.id,
        (MailDraft.sender, MailDraft.subject, MailDraft.body, MailDraft.message_id),
        {"email": MailDraft.sender_hash},
    ),
)


SMS_TABLES = {
    "sms_messages": rotation.rotate_messages,
    "sms_inbound": rotation.rotate_inbound,
    "sms_optouts": rotation.rotate_optouts,
}


def rotate(crm: CrmContext, batch: int = BATCH) -> dict[str, int]:
    """Re-encrypt every row not under the current key; how many of each table."""
    done = {name: 0 for name, *_ in TABLES} | dict.fromkeys(SMS_TABLES, 0)
    for name, key, columns, hash_columns in TABLES:
        stale = or_(*(~stored_under(c, crm.data_keys.current_id) for c in columns))
        while True:
            with transaction(crm.sessions) as session:
                rows = session.execute(
                    select(key, *columns).where(stale).order_by(key).limit(batch)
                ).all()
                for row_key, *plain in rows:
                    hashes = _hashes(plain[0], crm.data_keys) if hash_columns else {}
                    values = {column: hashes[kind] for kind, column in hash_columns.items()}
                    values.update(zip(columns, plain, strict=True))
                    session.execute(update(key.class_).where(key == row_key).values(values))
            done[name] += len(rows)
            if len(rows) < batch:
                break
    for table, step in SMS_TABLES.items():  # numbers, hashes and the keys made from them
        while True:
            with transaction(crm.sessions) as session:
                count = step(session, crm.data_keys, batch)
            done[table] += count
            if count < batch:
                break
    with transaction(crm.sessions) as session:
        add_audit(
            session,
            crm.now(),
            "",
            "data_key_rotated",
            subject=crm.data_keys.current_id,
            detail=done,
        )
    return done
