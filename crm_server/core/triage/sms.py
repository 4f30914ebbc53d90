"""The SMS admin's triage (issue 22, item 3): an SMS that is no reply command is a
draft, written by ``core.sms.inbound`` in the transaction that stores its
``sms_inbound`` row (:func:`store`): delivered twice it is drafted once, and a CRM
stopped midway keeps both or neither.

Confirmed, it is a complaint of the SMS channel (``channel_intake.record``: the SMS
ticket prefix, the sender's number as the citizen's phone, with SMS news since they
wrote by SMS); merged, the sender becomes a co-reporter of the complaint. Either way
the SMS with the ticket code is made by the planner from the event written
(``core.sms.planner``), through the outbox, unless the number said STOP."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Connection, Table

from crm_server.core.channel_intake import ChannelReport, RecordRefused, record
from crm_server.core.context import CrmContext
from crm_server.core.triage import drafts as decisions
from crm_server.core.triage.drafts import DraftRefused
from crm_server.core.triage.suggestions import Contact, Suggestion, niks_in, suggest
from crm_server.db.channel_models import SmsDraft
from crm_server.db.crypto import person_hashes

DRAFTS = cast(Table, SmsDraft.__table__)


def store(conn: Connection, inbound_ref: str, phone: str, text: str, now: dt.datetime) -> None:
    """The draft of a received SMS, in the caller's transaction (its inbound row's)."""
    conn.execute(
        DRAFTS.insert().values(
            inbound_ref=inbound_ref,
            message={"phone": phone, "text": text[:1600]},
            phone_hash=person_hashes({"phone": phone})[1],
            received_at=now,
            state="draft",
            reason="",
            ticket_code="",
        )
    )


def drafts(crm: CrmContext, limit: int | None = None) -> list[SmsDraft]:
    """The SMS drafts waiting for a decision, oldest first."""
    return decisions.waiting_list(crm, SmsDraft, limit)


def waiting(crm: CrmContext) -> int:
    """How many drafts wait."""
    return decisions.waiting_count(crm, SmsDraft)


def text_of(draft: SmsDraft) -> str:
    return str(draft.message.get("text", ""))


def suggestions(crm: CrmContext, draft: SmsDraft) -> list[Suggestion]:
    text = text_of(draft)
    return suggest(crm, Contact(phone=draft.message.get("phone", ""), niks=niks_in(text)), text)


def _reporter(crm: CrmContext, phone: str) -> dict[str, object]:
    return {
        "name": phone,
        "phone": phone,
        "sms_consent": True,  # they wrote by SMS; STOP/BERHENTI ends it
        "consent_given_at": crm.now().isoformat(),
    }


def confirm(
    crm: CrmContext,
    draft_id: int,
    user_id: int,
    officer: str,
    kelurahan_code: str,
    category_code: str,
    description: str = "",
) -> str:
    """The draft received as a complaint of the SMS channel (with ``description``,
    the admin's clearer words, or else its text); its ticket code."""
    draft = decisions.waiting(crm, SmsDraft, draft_id)
    phone = draft.message["phone"]
    text = " ".join((description.strip() or text_of(draft)).split())
    report = ChannelReport(
        channel="SMS",
        source=phone,
        contact=phone,
        name="",
        description=text[:4000],
        kelurahan_code=kelurahan_code,
        category_code=category_code,
    )
    try:
        ticket = record(crm, user_id, officer, report).ticket_code
    except RecordRefused as refused:
        if refused.code != "duplicate" or not refused.ticket_code:
            raise DraftRefused(refused.code, refused.ticket_code) from None
        # The same number and text were recorded already (this draft, before a stop
        # between recording and deciding, or the same SMS sent twice): that complaint.
        ticket = refused.ticket_code
    decisions.decide(crm, SmsDraft, draft_id, user_id, state="confirmed", ticket_code=ticket)
    return ticket


def merge(crm: CrmContext, draft_id: int, user: tuple[int, str, str], ticket_text: str) -> str:
    """The draft joined to an existing complaint, its sender a co-reporter."""
    draft = decisions.waiting(crm, SmsDraft, draft_id)
    reporter = _reporter(crm, draft.message["phone"])
    return decisions.merge(crm, SmsDraft, draft_id, user, ticket_text, reporter).ticket_code


def dismiss(crm: CrmContext, draft_id: int, user_id: int, reason: str, note: str = "") -> None:
    decisions.dismiss(crm, SmsDraft, draft_id, user_id, reason, note)
