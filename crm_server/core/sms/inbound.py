"""Messages from citizens: ``CEK <kode tiket>`` answers with the complaint's status,
only to a number recorded with that complaint (any other number gets the same "not
found" as a code that does not exist: a code is no key to someone else's case);
``STOP`` or ``BERHENTI`` stops every further message to the number at once, and is
confirmed once. Anything else gets no answer here: it becomes a draft in the SMS
admin's triage (``core.triage.sms``). Each received message is handled once, by the
gateway's reference, whatever crashes."""

from __future__ import annotations

import hashlib
import re
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from complaint_domain.status import Status, public_status_text
from crm_server.core.complaints import find_complaint, shown_unit
from crm_server.core.context import CrmContext
from crm_server.core.sms import templates
from crm_server.core.sms.outbox import (
    MESSAGES,
    OPTOUTS,
    NewMessage,
    opted_out,
    phone_hash,
    url_for,
    write,
)
from crm_server.core.sms.templates import Facts
from crm_server.core.triage import sms as sms_triage
from crm_server.db.bulk import insert_for
from crm_server.db.crypto import phone_lookup
from crm_server.db.models import Complaint, CoReporter
from crm_server.db.sms_models import SmsInbound

INBOUND = cast(Table, SmsInbound.__table__)
_STOP = re.compile(r"^\W*(STOP|BERHENTI|UNREG)\b")
_CEK = re.compile(r"^\W*CEK\b\W*(.*)$", re.DOTALL)


def normal_phone(raw: str) -> str:
    """A sender's number in E.164 as the desk stores it (``0812…`` → ``+62812…``)."""
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return "+" + digits


def receive(crm: CrmContext, gateway_ref: str, sender: str, text: str) -> str:
    """Handle one received message; what it was (``cek``, ``stop``, ``other`` or
    ``seen`` for one handled before). Replies are queued in the same transaction."""
    phone = normal_phone(sender)
    words = " ".join(text.upper().split())
    command = "stop" if _STOP.match(words) else "cek" if _CEK.match(words) else "other"
    now = crm.now()
    hashed = phone_lookup(phone)
    ref_key = hashlib.sha256(gateway_ref.encode()).hexdigest()
    with crm.sessions() as session, session.begin():
        conn = session.connection()
        insert = insert_for(session)
        first = conn.execute(
            insert(INBOUND)
            .values(
                gateway_ref=ref_key,
                phone=phone,
                phone_hash=hashed,
                command=command,
                received_at=now,
            )
            .on_conflict_do_nothing()
            .returning(INBOUND.c.gateway_ref)
        ).first()
        if first is None:
            return "seen"
        if command == "stop":
            stopped = conn.execute(
                insert(OPTOUTS)
                .values(phone_hash=hashed, phone=phone, at=now)
                .on_conflict_do_nothing()
                .returning(OPTOUTS.c.phone_hash)
            ).first()
            conn.execute(
                update(MESSAGES)
                .where(
                    MESSAGES.c.phone_hash.in_(crm.data_keys.lookup_hashes("phone", phone)),
                    MESSAGES.c.state == "queued",
                    MESSAGES.c.kind != "stopped",  # a STOP said twice keeps its confirmation
                )
                .values(state="cancelled", done_at=now)
            )
            if stopped:  # confirmed once, however often it is said
                key = f"stop:{phone_hash(phone)}"
                write(conn, now, [NewMessage(key, None, phone, "stopped", templates.STOPPED)])
        elif command == "cek":
            if opted_out(conn, [phone]):
                return command  # said STOP: nothing more, not even this
            match = _CEK.match(words)
            code_text = match.group(1) if match else ""
            complaint = find_complaint(session, code_text)  # forgiving: case, spaces, dashes
            pk, reply = None, templates.NOT_FOUND
            if complaint is not None and _is_recorded(crm, session, complaint, phone):
                status = Status(complaint.status)
                facts = Facts(
                    code=complaint.ticket_code,
                    url=url_for(crm, complaint.ticket_code, complaint.tracking_token),
                    status=status,
                    unit=shown_unit(complaint),
                )
                label = public_status_text(status, merged_into=complaint.merged_into)
                pk, reply = complaint.pk, templates.cek_reply(facts, label)
            write(conn, now, [NewMessage(f"in:{ref_key[:40]}", pk, phone, "reply", reply)])
        elif text.strip():
            # Neither command: a complaint, perhaps: a draft in the SMS admin's triage,
            # in this transaction (received once, drafted once, both kept or neither).
            sms_triage.store(conn, ref_key, phone, text.strip(), now)
    return command


def _is_recorded(crm: CrmContext, session: Session, complaint: Complaint, phone: str) -> bool:
    """Whether ``phone`` is the first citizen's number or a co-reporter's: compared by
    the keyed hashes (the numbers themselves are stored encrypted)."""
    hashes = crm.data_keys.lookup_hashes("phone", phone)
    if complaint.complainant_phone_hash in hashes:
        return True
    return (
        session.scalar(
            select(CoReporter.event_id)
            .where(CoReporter.complaint_pk == complaint.pk, CoReporter.phone_hash.in_(hashes))
            .limit(1)
        )
        is not None
    )
