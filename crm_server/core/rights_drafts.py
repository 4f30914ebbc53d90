"""A citizen's rights request over the channels' triage drafts (docs/privacy.md,
section 7): an SMS or an e-mail that reached the triage and is no complaint (still
waiting, dismissed, or decided but not yet forgotten by retention) holds the
person's number or address and what they wrote. It is theirs when it came from one
of the phone numbers or e-mail addresses recorded on their records
(``people.records_of_person``), compared by the keyed hashes: an SMS draft's
``phone_hash``, an e-mail draft's ``sender_hash`` (the complaints' e-mail HMAC).

A number or an address that someone else's record also holds (a household's phone)
cannot tell whose message it was: those drafts are neither shown nor forgotten by
the request (showing them would hand one person's words to another); the admin
answers for them by hand, as for a complaint of such a record.

A draft is a message as received: a correction leaves it as it is; a removal
forgets it as retention does (``retention.forget_drafts``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_server.core.people import PersonRecord
from crm_server.core.retention import MAIL_FORGOTTEN, SMS_FORGOTTEN, forget_drafts
from crm_server.db.channel_models import MailDraft, SmsDraft
from crm_server.db.crypto import DataKeys, normal_email, normal_phone
from crm_server.db.models import Complaint, CoReporter


@dataclass
class PersonDrafts:
    """The drafts of one person, not yet forgotten, oldest first."""

    sms: list[SmsDraft]
    mail: list[MailDraft]

    def audited(self) -> dict[str, list[int]]:
        """The draft ids by channel: what the audit log names (never their contents)."""
        return {"sms": [d.id for d in self.sms], "email": [d.id for d in self.mail]}


def _hashes(keys: DataKeys, kind: str, values: Iterable[str]) -> dict[str, set[str]]:
    """Each value's hashes under every live key (rows not yet rotated still match)."""
    return {value: set(keys.lookup_hashes(kind, value)) for value in set(values) - {""}}


def _all(hashes: dict[str, set[str]]) -> set[str]:
    return {h for each in hashes.values() for h in each}


def _not_shared(hashes: dict[str, set[str]], shared: set[str]) -> set[str]:
    """The hashes of the values none of whose hashes is shared (during a key rotation
    another's record may hold the value under the other key)."""
    return _all({v: each for v, each in hashes.items() if not each & shared})


def _held_by_others(
    session: Session, places: set[tuple[int, str]], phones: set[str], emails: set[str]
) -> set[str]:
    """Of the hashes, those that a record not of this person holds too (``places``
    are the person's: (complaint pk, "") as citizen, (pk, event id) as co-reporter)."""
    shared: set[str] = set()
    for pk, *held in session.execute(
        select(
            Complaint.pk, Complaint.complainant_phone_hash, Complaint.complainant_email_hash
        ).where(
            or_(
                Complaint.complainant_phone_hash.in_(phones),
                Complaint.complainant_email_hash.in_(emails),
            )
        )
    ):
        if (pk, "") not in places:
            shared.update(held)
    for pk, event_id, *held in session.execute(
        select(
            CoReporter.complaint_pk,
            CoReporter.event_id,
            CoReporter.phone_hash,
            CoReporter.email_hash,
        ).where(or_(CoReporter.phone_hash.in_(phones), CoReporter.email_hash.in_(emails)))
    ):
        if (pk, str(event_id)) not in places:
            shared.update(held)
    return shared & (phones | emails)


def drafts_of(
    session: Session, keys: DataKeys, found: list[tuple[PersonRecord, dict[str, Any]]]
) -> PersonDrafts:
    """The drafts from the numbers and addresses recorded on the person's records
    ``found`` (with their fields), but those someone else's record holds too."""
    people = [person for _, person in found]
    by_phone = _hashes(keys, "phone", (normal_phone(str(p.get("phone") or "")) for p in people))
    by_email = _hashes(keys, "email", (normal_email(str(p.get("email") or "")) for p in people))
    if not (by_phone or by_email):
        return PersonDrafts([], [])
    places = {(record.complaint_pk, record.reporter) for record, _ in found}
    shared = _held_by_others(session, places, _all(by_phone), _all(by_email))
    phones, emails = _not_shared(by_phone, shared), _not_shared(by_email, shared)
    sms = list(
        session.scalars(
            select(SmsDraft)
            .where(SmsDraft.phone_hash.in_(phones), SmsDraft.forgotten_at.is_(None))
            .order_by(SmsDraft.received_at, SmsDraft.id)
        )
    )
    mail = list(
        session.scalars(
            select(MailDraft)
            .where(MailDraft.sender_hash.in_(emails), MailDraft.forgotten_at.is_(None))
            .order_by(MailDraft.received_at, MailDraft.id)
        )
    )
    return PersonDrafts(sms, mail)


def documents(drafts: PersonDrafts) -> list[dict[str, Any]]:
    """The drafts for the export, as held: when, which channel, what became of it,
    the sender and the text."""
    found: list[dict[str, Any]] = [
        {
            "channel": "SMS",
            "received_at": d.received_at.isoformat(),
            "state": d.state,
            "ticket_code": d.ticket_code,
            "from": str(d.message.get("phone", "")),
            "text": str(d.message.get("text", "")),
        }
        for d in drafts.sms
    ]
    found += [
        {
            "channel": "EMAIL",
            "received_at": d.received_at.isoformat(),
            "state": d.state,
            "ticket_code": d.ticket_code,
            "from": d.sender,
            "subject": d.subject,
            "text": d.body,
            "attachments": [a.get("original_name", "") for a in d.attachments or []],
        }
        for d in drafts.mail
    ]
    return sorted(found, key=lambda d: d["received_at"])


def forget(session: Session, now: dt.datetime, drafts: PersonDrafts) -> dict[str, Any]:
    """Forget the person's drafts as retention does; what the audit log says of it
    (the ids and the fields, never the values)."""
    ids = drafts.audited()
    forget_drafts(session, now, [SmsDraft.id.in_(ids["sms"])], [MailDraft.id.in_(ids["email"])])
    return {
        "drafts": ids,
        "draft_fields": {"sms": sorted(SMS_FORGOTTEN), "email": sorted(MAIL_FORGOTTEN)},
    }


def listed(drafts: PersonDrafts) -> list[tuple[str, dt.datetime, str]]:
    """The drafts for the request's page: channel, received, state (no contents)."""
    rows = [("SMS", d.received_at, d.state) for d in drafts.sms]
    rows += [("EMAIL", d.received_at, d.state) for d in drafts.mail]
    return sorted(rows, key=lambda row: row[1])
