"""A citizen's rights under UU No. 27/2022 (docs/privacy.md, section 7): a request
to see, correct or remove their personal data, recorded by an admin with the ticket
code and the NIK or phone number the citizen gives (it must be that complaint's
complainant's or a co-reporter's), answered within 3 × 24 hours. Every step is in
the audit log, which names the fields, never their values."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from complaint_domain.validation import normalise_phone
from crm_server.core.audit import add_audit
from crm_server.core.auth import hash_secret
from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import Complaint, CoReporter, Event
from crm_server.db.rights_models import RightsRequest

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
            identifier_hash=hash_secret(given),
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


def _open(session: Session, request_id: int) -> tuple[RightsRequest, Complaint]:
    request = session.get(RightsRequest, request_id)
    if request is None:
        raise RightsError("not_found")
    complaint = session.get(Complaint, request.complaint_pk)
    assert complaint is not None
    return request, complaint


def _person(session: Session, request: RightsRequest, complaint: Complaint) -> dict[str, Any]:
    if not request.reporter:
        return dict(complaint.complainant or {})
    co = session.get(CoReporter, _uuid(request.reporter))
    return dict(co.reporter or {}) if co is not None else {}


def _uuid(text: str) -> uuid.UUID:
    return uuid.UUID(text)


def _save_person(
    session: Session, request: RightsRequest, complaint: Complaint, person: dict[str, Any]
) -> None:
    # A new dict: the JSON column sees the change.
    if not request.reporter:
        complaint.complainant = dict(person)
    else:
        co = session.get(CoReporter, _uuid(request.reporter))
        if co is not None:
            co.reporter = dict(person)


def _answered(session: Session, request: RightsRequest, now: dt.datetime, answer: str) -> None:
    if request.answered_at is None:
        request.answered_at = now
    request.answer = answer


def export(crm: CrmContext, actor: str, request_id: int) -> dict[str, Any]:
    """Everything held about the person of the request, as a plain document for them:
    their own fields, the complaint's facts, its steps with their public notes."""
    now = crm.now()
    with transaction(crm.sessions) as session:
        request, complaint = _open(session, request_id)
        person = _person(session, request, complaint)
        steps = [
            {"at": e.at.isoformat(), "status": e.public_label, "note": e.note}
            for e in session.scalars(
                select(Event)
                .where(Event.complaint_pk == complaint.pk, Event.public.is_(True))
                .order_by(Event.seq)
            )
        ]
        document = {
            "exported_at": now.isoformat(),
            "law": "UU No. 27/2022 tentang Pelindungan Data Pribadi",
            "you_are": "pelapor" if not request.reporter else "pelapor tambahan",
            "your_data": {k: v for k, v in person.items() if v not in (None, "")},
            "complaint": {
                "ticket_code": complaint.ticket_code,
                "created_at": complaint.created_at.isoformat(),
                "channel": complaint.channel,
                "category_code": complaint.category_code,
                "description": complaint.description,
                "location": complaint.location,
                "status": complaint.status,
                "steps": steps,
            },
        }
        _answered(session, request, now, "exported")
        add_audit(
            session, now, actor, "rights.exported", complaint.ticket_code, "",
            {"request": request.id},
        )  # fmt: skip
        return document


def correct(crm: CrmContext, actor: str, request_id: int, changes: dict[str, str]) -> list[str]:
    """Correct the person's name, phone or address; the fields changed (the audit
    names these, never the values)."""
    if not changes or set(changes) - set(CORRECTABLE):
        raise RightsError("field")
    if "phone" in changes:
        phone, problem = normalise_phone(changes["phone"])
        if problem is not None:
            raise RightsError("phone")
        changes = {**changes, "phone": phone}
    now = crm.now()
    with transaction(crm.sessions) as session:
        request, complaint = _open(session, request_id)
        person = _person(session, request, complaint)
        changed = sorted(k for k, v in changes.items() if (person.get(k) or "") != v.strip())
        person.update({k: changes[k].strip() for k in changed})
        _save_person(session, request, complaint, person)
        _answered(session, request, now, "corrected")
        add_audit(
            session, now, actor, "rights.corrected", complaint.ticket_code, "",
            {"request": request.id, "fields": changed},
        )  # fmt: skip
        return changed


def remove(crm: CrmContext, actor: str, request_id: int) -> None:
    """Remove the person's personal data, as the retention job does: the facts of
    the complaint stay for the statistics."""
    now = crm.now()
    with transaction(crm.sessions) as session:
        request, complaint = _open(session, request_id)
        person = _person(session, request, complaint)
        for key in PERSONAL_FIELDS:
            if key in person:
                person[key] = ""
        person["removed_at"] = now.isoformat()
        _save_person(session, request, complaint, person)
        _answered(session, request, now, "removed")
        add_audit(
            session, now, actor, "rights.removed", complaint.ticket_code, "",
            {"request": request.id},
        )  # fmt: skip
