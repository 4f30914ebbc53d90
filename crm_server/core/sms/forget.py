"""A citizen's numbers removed from the SMS tables (issue 18): at their request
(``core/rights.py``) and by retention (``core/retention.py``). The messages of their
complaints lose the number (what was still queued is cancelled); a number no
complaint holds any more also leaves the messages without a complaint and the
messages received; an opt-out keeps only its hash, which keeps the number stopped.
A number still held by someone else's complaint (a household's phone) keeps
working for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import select, union, update
from sqlalchemy.orm import Session

from crm_server.db.models import Complaint, CoReporter
from crm_server.db.sms_models import SmsInbound, SmsMessage, SmsOptOut

GONE = {"phone": "", "phone_hash": ""}
# One being handed over right now keeps its number until the sender is done.
SETTLED = SmsMessage.state.not_in(["queued", "handing"])


def freed(session: Session, phone_hashes: Collection[str]) -> list[str]:
    """Those of ``phone_hashes`` that no complaint or co-reporter holds any more."""
    wanted = sorted(set(phone_hashes) - {""})
    if not wanted:
        return []
    held = union(
        select(Complaint.complainant_phone_hash).where(
            Complaint.complainant_phone_hash.in_(wanted)
        ),
        select(CoReporter.phone_hash).where(CoReporter.phone_hash.in_(wanted)),
    ).subquery()
    return sorted(set(wanted) - set(session.scalars(select(held.c[0]))))


def forget_numbers(
    session: Session, now: dt.datetime, phone_hashes: Collection[str], pks: Collection[int]
) -> None:
    """At a citizen's request, whose records on the complaints ``pks`` are removed
    already: the messages of those complaints to a number nobody left on them holds
    (theirs, also one corrected since: ``phone_hashes`` are only the current ones);
    then, wherever no complaint holds them any more, those numbers."""
    holders: dict[int, set[str]] = {pk: set() for pk in pks}
    for query in (
        select(Complaint.pk, Complaint.complainant_phone_hash).where(Complaint.pk.in_(pks)),
        select(CoReporter.complaint_pk, CoReporter.phone_hash).where(
            CoReporter.complaint_pk.in_(pks)
        ),
    ):
        for pk, held in session.execute(query):
            holders[pk].add(held)
    messages = session.execute(
        select(SmsMessage.id, SmsMessage.complaint_pk, SmsMessage.phone_hash).where(
            SmsMessage.complaint_pk.in_(pks), SmsMessage.phone_hash != ""
        )
    ).all()
    theirs = [m for m in messages if m.phone_hash not in holders[m.complaint_pk]]
    ids = [m.id for m in theirs]
    session.execute(
        update(SmsMessage)
        .where(SmsMessage.id.in_(ids), SmsMessage.state == "queued")
        .values(state="cancelled", done_at=now)
    )
    session.execute(update(SmsMessage).where(SmsMessage.id.in_(ids), SETTLED).values(GONE))
    gone = freed(session, {*phone_hashes, *(m.phone_hash for m in theirs)})
    session.execute(
        update(SmsMessage)
        .where(SmsMessage.phone_hash.in_(gone), SmsMessage.complaint_pk.is_(None), SETTLED)
        .values(GONE)
    )
    session.execute(update(SmsInbound).where(SmsInbound.phone_hash.in_(gone)).values(GONE))
    session.execute(update(SmsOptOut).where(SmsOptOut.phone_hash.in_(gone)).values(phone=""))
