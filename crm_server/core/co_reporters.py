"""Further citizens of a complaint (co-reporters) that the CRM adds itself: a
channel's draft merged into a complaint, and a complaint merged into another as its
duplicate, whose citizens then hear of the one that is handled (issue 22: "merging
keeps every reporter"). A desk's co-reporters arrive as its own ``reporter_added``
events (core/push)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from complaint_domain.status import Status
from crm_server.core.complaints import shown_unit
from crm_server.db.crypto import email_hash, person_hashes
from crm_server.db.models import Complaint, CoReporter, Event


def add_co_reporter(
    session: Session,
    complaint: Complaint,
    reporter: dict[str, Any],
    actor: tuple[str, str],
    now: dt.datetime,
) -> None:
    """A further citizen of ``complaint``: the event (not public, not in a desk's feed:
    the CRM added them) and their personal part apart, with its lookup hashes."""
    event_id = uuid.uuid4()
    session.add(
        Event(
            id=event_id,
            complaint_pk=complaint.pk,
            desk_id=None,
            kind="reporter_added",
            status=complaint.status,
            actor=actor[0][:120],
            actor_role=actor[1],
            note="",
            unit_name=shown_unit(complaint),
            public_label=Status(complaint.status).public_label,
            at=now,
            recorded_at=now,
            public=False,  # not news from the handler: the digantung clock runs on
            attachments=[],
        )
    )
    session.flush()  # the event first: co_reporters refers to its id by value
    nik_hash, phone_hash = person_hashes(reporter)
    session.add(
        CoReporter(
            event_id=event_id,
            complaint_pk=complaint.pk,
            reporter=reporter,
            nik_hash=nik_hash,
            phone_hash=phone_hash,
            email_hash=email_hash(reporter),
            at=now,
            recorded_at=now,
        )
    )


def carry_reporters(
    session: Session,
    duplicate: Complaint,
    target: Complaint,
    actor: tuple[str, str],
    now: dt.datetime,
) -> int:
    """The duplicate's citizen and co-reporters made co-reporters of ``target``, each
    once (one already there by NIK or phone is not added again); how many."""
    theirs = select(CoReporter.reporter).where(CoReporter.complaint_pk == duplicate.pk)
    people = [duplicate.complainant or {}, *session.scalars(theirs.order_by(CoReporter.at))]
    there = select(CoReporter.nik_hash, CoReporter.phone_hash).where(
        CoReporter.complaint_pk == target.pk
    )
    known = {target.complainant_nik_hash, target.complainant_phone_hash}
    known |= {h for row in session.execute(there) for h in row}
    known -= {"", None}
    added = 0
    for person in people:
        if not person or person.get("anonymised"):
            continue
        hashes = {h for h in person_hashes(person) if h}
        if not hashes and not person.get("name") and not person.get("email"):
            continue  # nobody to keep (an Open311 request without contact)
        if hashes & known:
            continue
        add_co_reporter(session, target, person, actor, now)
        known |= hashes
        added += 1
    return added
