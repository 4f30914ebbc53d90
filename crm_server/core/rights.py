"""A citizen's rights under UU No. 27/2022 (docs/privacy.md, section 7): a request
to see, correct or remove their personal data, recorded by an admin with the ticket
code and the NIK or phone number the citizen gives (it must be that complaint's
complainant's or a co-reporter's: the ticket code is the proof that the NIK or phone
is theirs), answered within 3 × 24 hours. The answer covers **every** record of the
person, on any complaint of any channel, as citizen or co-reporter
(``people.records_of_person``): the export shows them all, a correction and a
removal apply to them all (a person has one name and one number; a phone
corrected on one complaint only would leave the SMS of the others going to the
wrong one). The triage drafts sent from the person's numbers and addresses
(``rights_drafts``) are shown and removed with them, kept as received by a
correction. Every step is in the audit log, which names the fields, the ticket
codes and the draft ids, never the values."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from complaint_domain.validation import normalise_phone
from crm_server.core import rights_drafts
from crm_server.core.audit import add_audit
from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.core.people import PersonRecord, records_of_person
from crm_server.core.sms.forget import forget_numbers
from crm_server.db.crypto import DataKeys, normal_phone, person_hashes
from crm_server.db.engine import transaction
from crm_server.db.models import Complaint, CoReporter, Event
from crm_server.db.rights_models import RightsRequest
from crm_server.db.sms_models import SmsMessage

KINDS = ("see", "correct", "remove")
DEADLINE = dt.timedelta(hours=3 * 24)
CORRECTABLE = ("name", "phone", "address")
# What removal clears (as the retention job does): the facts of the complaint stay.
PERSONAL_FIELDS = ("name", "nik", "phone", "address", "email", "account_id")


class RightsError(Exception):
    """A request that cannot be recorded or answered; ``problem`` names which kind."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class RightsRow:
    id: int
    ticket_code: str
    kind: str
    received_at: dt.datetime
    due_at: dt.datetime
    answered_at: dt.datetime | None
    answer: str
    overdue: bool


def _identifier(raw: str) -> str:
    """The NIK or the phone number (E.164) in one written form; "" if neither."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if len(digits) == 16 and not raw.strip().startswith("+"):
        return digits  # a NIK (a stored one is compared as it was written)
    phone, problem = normalise_phone(raw)
    return phone if problem is None and phone else ""


def _keyed(keys: DataKeys, given: str) -> str:
    kind = "phone" if given.startswith("+") else "nik"
    return keys.lookup_hash(kind, given)


def _person_identifiers(person: dict[str, Any]) -> set[str]:
    found = {_identifier(str(person.get(key) or "")) for key in ("nik", "phone")}
    return found - {""}


def _find_person(session: Session, complaint: Complaint, given: str) -> str | None:
    """The place of the person ``given`` identifies: "" for the complainant, a
    co-reporter's event id, None for no one."""
    if given in _person_identifiers(complaint.complainant or {}):
        return ""
    for co in session.scalars(select(CoReporter).where(CoReporter.complaint_pk == complaint.pk)):
        if given in _person_identifiers(co.reporter or {}):
            return str(co.event_id)
    return None


def record_request(
    crm: CrmContext, actor: str, ticket_text: str, identifier: str, kind: str
) -> int:
    """Record a request; its id. One refusal ("no_match") for a wrong ticket code and
    a NIK or phone that is not that complaint's: nobody learns which part was wrong."""
    if kind not in KINDS:
        raise RightsError("kind")
    given = _identifier(identifier)
    now = crm.now()
    with transaction(crm.sessions) as session:
        complaint = find_complaint(session, ticket_text) if given else None
        reporter = _find_person(session, complaint, given) if complaint is not None else None
        if complaint is None or reporter is None:
            add_audit(session, now, actor, "rights.refused", "", "", {"kind": kind})
            raise RightsError("no_match")
        request = RightsRequest(
            complaint_pk=complaint.pk,
            reporter=reporter,
            # The keyed hash: an unkeyed SHA-256 of a NIK is found again by hashing
            # every NIK (a 16-digit space with a known structure).
            identifier_hash=_keyed(crm.data_keys, given),
            kind=kind,
            received_at=now,
            due_at=now + DEADLINE,
            recorded_by=actor,
            answer="",
        )
        session.add(request)
        session.flush()
        add_audit(
            session,
            now,
            actor,
            "rights.recorded",
            complaint.ticket_code,
            "",
            {"request": request.id, "kind": kind, "reporter": "co" if reporter else "complainant"},
        )
        return request.id


def requests(
    crm: CrmContext, open_only: bool = False, request_id: int | None = None
) -> list[RightsRow]:
    """The requests (or the one ``request_id``), the open ones first by their deadline."""
    now = crm.now()
    query = select(RightsRequest, Complaint.ticket_code).join(
        Complaint, Complaint.pk == RightsRequest.complaint_pk
    )
    if open_only:
        query = query.where(RightsRequest.answered_at.is_(None))
    if request_id is not None:
        query = query.where(RightsRequest.id == request_id)
    with crm.sessions() as session:
        rows = [
            RightsRow(
                r.id,
                code,
                r.kind,
                r.received_at,
                r.due_at,
                r.answered_at,
                r.answer,
                r.answered_at is None and now > r.due_at,
            )
            for r, code in session.execute(query)
        ]
    return sorted(rows, key=lambda r: (r.answered_at is not None, r.due_at))


def _open(session: Session, request_id: int) -> RightsRequest:
    request = session.get(RightsRequest, request_id)
    if request is None:
        raise RightsError("not_found")
    return request


def _person(session: Session, record: PersonRecord) -> dict[str, Any]:
    if not record.reporter:
        complaint = session.get(Complaint, record.complaint_pk)
        return dict(complaint.complainant or {}) if complaint is not None else {}
    co = session.get(CoReporter, uuid.UUID(record.reporter))
    return dict(co.reporter or {}) if co is not None else {}


def _save_person(
    session: Session, keys: DataKeys, record: PersonRecord, person: dict[str, Any]
) -> None:
    """The person's fields (a new dict: the JSON column sees the change), with their
    lookup hashes made again (a corrected phone is found by its new number, a
    removed person by none)."""
    nik_hash, phone_hash = person_hashes(person, keys)
    if not record.reporter:
        complaint = session.get(Complaint, record.complaint_pk)
        if complaint is not None:
            complaint.complainant = dict(person)
            complaint.complainant_nik_hash, complaint.complainant_phone_hash = nik_hash, phone_hash
    else:
        co = session.get(CoReporter, uuid.UUID(record.reporter))
        if co is not None:
            co.reporter = dict(person)
            co.nik_hash, co.phone_hash = nik_hash, phone_hash


def _records(
    session: Session, keys: DataKeys, request: RightsRequest
) -> list[tuple[PersonRecord, dict[str, Any]]]:
    """Every record of the request's person, with its fields."""
    complaint = session.get(Complaint, request.complaint_pk)
    assert complaint is not None
    seed = PersonRecord(complaint.pk, complaint.ticket_code, request.reporter)
    found = records_of_person(session, keys, seed, _person(session, seed))
    return [(record, _person(session, record)) for record in found]


def _answered(request: RightsRequest, now: dt.datetime, answer: str) -> None:
    if request.answered_at is None:
        request.answered_at = now
    request.answer = answer


def _phone_hashes(keys: DataKeys, people: list[dict[str, Any]]) -> set[str]:
    phones = {normal_phone(str(p.get("phone") or "")) for p in people} - {""}
    return {h for phone in phones for h in keys.lookup_hashes("phone", phone)}


def ticket_codes(crm: CrmContext, request_id: int) -> list[str]:
    """The complaints the request's answer covers (the one named first)."""
    with crm.sessions() as session:
        found = _records(session, crm.data_keys, _open(session, request_id))
    return list(dict.fromkeys(record.ticket_code for record, _ in found))


def drafts(crm: CrmContext, request_id: int) -> list[tuple[str, dt.datetime, str]]:
    """The triage drafts the answer covers: channel, received, state (no contents)."""
    with crm.sessions() as session:
        found = _records(session, crm.data_keys, _open(session, request_id))
        return rights_drafts.listed(rights_drafts.drafts_of(session, crm.data_keys, found))


def _complaint_document(session: Session, complaint: Complaint) -> dict[str, Any]:
    steps = [
        {"at": e.at.isoformat(), "status": e.public_label, "note": e.note}
        for e in session.scalars(
            select(Event)
            .where(Event.complaint_pk == complaint.pk, Event.public.is_(True))
            .order_by(Event.seq)
        )
    ]
    return {
        "ticket_code": complaint.ticket_code,
        "created_at": complaint.created_at.isoformat(),
        "channel": complaint.channel,
        "category_code": complaint.category_code,
        "description": complaint.description,
        "location": complaint.location,
        "status": complaint.status,
        "steps": steps,
    }


def export(crm: CrmContext, actor: str, request_id: int) -> dict[str, Any]:
    """Everything held about the person of the request, as a plain document for them:
    each complaint they are recorded on (their own fields there, its facts, its steps
    with their public notes) and the SMS sent to their number."""
    now = crm.now()
    with transaction(crm.sessions) as session:
        request = _open(session, request_id)
        found = _records(session, crm.data_keys, request)
        complaints = []
        for record, person in found:
            complaint = session.get(Complaint, record.complaint_pk)
            assert complaint is not None
            complaints.append(
                {
                    "you_are": "pelapor" if not record.reporter else "pelapor tambahan",
                    "your_data": {k: v for k, v in person.items() if v not in (None, "")},
                    "complaint": _complaint_document(session, complaint),
                }
            )
        hashes = _phone_hashes(crm.data_keys, [person for _, person in found])
        # The messages to their number about their complaints (or about none: a
        # reply, a STOP's confirmation), not those to a shared phone about another's.
        pks = {record.complaint_pk for record, _ in found}
        sms = [
            {"at": m.created_at.isoformat(), "text": m.text, "state": m.state}
            for m in session.scalars(
                select(SmsMessage)
                .where(
                    SmsMessage.phone_hash.in_(hashes),
                    or_(SmsMessage.complaint_pk.in_(pks), SmsMessage.complaint_pk.is_(None)),
                )
                .order_by(SmsMessage.id)
            )
        ]
        # The SMS and e-mails from their number or address that are no complaint.
        held = rights_drafts.drafts_of(session, crm.data_keys, found)
        codes = list(dict.fromkeys(record.ticket_code for record, _ in found))
        _answered(request, now, "exported")
        add_audit(
            session, now, actor, "rights.exported", codes[0], "",
            {"request": request.id, "tickets": codes, "drafts": held.audited()},
        )  # fmt: skip
        return {
            "exported_at": now.isoformat(),
            "law": "UU No. 27/2022 tentang Pelindungan Data Pribadi",
            "complaints": complaints,
            "sms": sms,
            "triage_drafts": rights_drafts.documents(held),
        }


def correct(crm: CrmContext, actor: str, request_id: int, changes: dict[str, str]) -> list[str]:
    """Correct the person's name, phone or address on every record of theirs; the
    fields changed (the audit names these and the tickets, never the values)."""
    if not changes or set(changes) - set(CORRECTABLE):
        raise RightsError("field")
    if "phone" in changes:
        phone, problem = normalise_phone(changes["phone"])
        if problem is not None:
            raise RightsError("phone")
        changes = {**changes, "phone": phone}
    wanted = {k: v.strip() for k, v in changes.items()}
    now = crm.now()
    with transaction(crm.sessions) as session:
        request = _open(session, request_id)
        changed: set[str] = set()
        codes = []
        for record, person in _records(session, crm.data_keys, request):
            here = {k for k, v in wanted.items() if (person.get(k) or "") != v}
            if here:
                person.update({k: wanted[k] for k in here})
                _save_person(session, crm.data_keys, record, person)
                changed |= here
                codes.append(record.ticket_code)
        _answered(request, now, "corrected")
        add_audit(
            session, now, actor, "rights.corrected", _ticket(session, request), "",
            {"request": request.id, "fields": sorted(changed), "tickets": codes},
        )  # fmt: skip
        return sorted(changed)


def remove(crm: CrmContext, actor: str, request_id: int) -> None:
    """Remove the person's personal data from every record of theirs, as the
    retention job does (the facts of the complaints stay for the statistics), and
    their number from the SMS tables."""
    now = crm.now()
    with transaction(crm.sessions) as session:
        request = _open(session, request_id)
        found = _records(session, crm.data_keys, request)
        numbers = _phone_hashes(crm.data_keys, [p for _, p in found])
        # Found while the records still hold the numbers and addresses.
        held = rights_drafts.drafts_of(session, crm.data_keys, found)
        for record, person in found:
            for key in PERSONAL_FIELDS:
                if key in person:
                    person[key] = ""
            person["removed_at"] = now.isoformat()
            _save_person(session, crm.data_keys, record, person)
        session.flush()  # the records hold the numbers no more: then the SMS tables
        forget_numbers(session, now, numbers, {record.complaint_pk for record, _ in found})
        # A draft's own inbound SMS row went with its number just above (a number no
        # complaint holds any more); the draft itself as retention forgets it.
        forgotten = rights_drafts.forget(session, now, held)
        _answered(request, now, "removed")
        codes = list(dict.fromkeys(record.ticket_code for record, _ in found))
        add_audit(
            session, now, actor, "rights.removed", _ticket(session, request), "",
            {"request": request.id, "tickets": codes, **forgotten},
        )  # fmt: skip


def _ticket(session: Session, request: RightsRequest) -> str:
    complaint = session.get(Complaint, request.complaint_pk)
    return complaint.ticket_code if complaint is not None else ""
