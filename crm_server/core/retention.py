"""Retention (issue 18): a complaint's personal data is removed
``retention_days`` after it was closed (done, rejected or merged). The complaint
stays, anonymised: its facts, category, area, dates and states are kept for the
statistics; the citizen's and every co-reporter's identity and contact, their
lookup hashes and the phone numbers of its SMS go (a number that said STOP keeps
only its keyed hash, which keeps it stopped; received messages and replies that
belong to no complaint go by their own age); so do the sender and text of the
channels' triage drafts decided as long ago. Run daily by a periodic job
(``core/jobs.py``) and by ``crm-server retention [--dry-run]``; each run is in the
audit log with its counts and ticket codes (never personal data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, CompoundSelect, func, select, update
from sqlalchemy.orm import Session

from complaint_domain.public_note import redacted
from complaint_domain.status import FINAL_STATES
from crm_server.core.audit import add_audit
from crm_server.core.context import CrmContext
from crm_server.core.sms.forget import GONE, SETTLED, freed
from crm_server.db.channel_models import MailDraft, SmsDraft
from crm_server.db.engine import transaction
from crm_server.db.models import Complaint, CoReporter, Event
from crm_server.db.sms_models import SmsInbound, SmsMessage, SmsOptOut

ANONYMISED = {"anonymised": True}
# What a forgotten draft holds in place of its number, sender and text.
SMS_FORGOTTEN = {"message": ANONYMISED, "phone_hash": ""}
MAIL_FORGOTTEN = {"message_id": "", "sender": "", "sender_hash": "", "subject": "", "body": ""}
BATCH = 500
_AUDITED_TICKETS = 1000  # an entry names at most this many (the counts are whole)


@dataclass
class RetentionRun:
    cutoff: dt.datetime
    dry_run: bool
    tickets: list[str] = field(default_factory=list)
    co_reporters: int = 0
    drafts: int = 0  # the channels' triage drafts decided before the cutoff

    def summary(self) -> str:
        verb = "would remove" if self.dry_run else "removed"
        return (
            f"{verb} the personal data of {len(self.tickets)} complaints"
            f" and {self.co_reporters} co-reporters closed before {self.cutoff:%Y-%m-%d}"
        )


def _due(cutoff: dt.datetime):  # type: ignore[no-untyped-def]
    return (
        Complaint.status.in_([s.value for s in FINAL_STATES]),
        Complaint.status_since < cutoff,
        Complaint.personal_removed_at.is_(None),
    )


def run_retention(crm: CrmContext, dry_run: bool = False, batch: int = BATCH) -> RetentionRun:
    """Remove (or, in a dry run, only list) what is due; in batches, each its own
    transaction, so an interrupted run leaves whole complaints and the next run
    goes on."""
    now = crm.now()
    run = RetentionRun(now - dt.timedelta(days=crm.settings.retention_days), dry_run)
    if dry_run:
        with crm.sessions() as session:
            rows = session.execute(
                select(Complaint.pk, Complaint.ticket_code).where(*_due(run.cutoff))
            ).all()
            pks = [r.pk for r in rows]
            run.tickets = [r.ticket_code for r in rows]
            run.co_reporters = sum(
                session.scalar(
                    select(func.count())
                    .select_from(CoReporter)
                    .where(CoReporter.complaint_pk.in_(pks[i : i + batch]))
                )
                or 0
                for i in range(0, len(pks), batch)
            )
    else:
        while _remove_batch(crm, run, now, batch):
            pass
        with transaction(crm.sessions) as session:
            _remove_old_sms(session, run.cutoff)
    run.drafts = _forget_drafts(crm, run.cutoff, dry_run)
    with transaction(crm.sessions) as session:
        detail: dict[str, object] = {
            "complaints": len(run.tickets),
            "co_reporters": run.co_reporters,
            "drafts": run.drafts,
            "cutoff": run.cutoff.isoformat(),
            "tickets": run.tickets[:_AUDITED_TICKETS],
        }
        add_audit(
            session,
            now,
            "",
            "retention_dry_run" if dry_run else "retention",
            reason=f"closed more than {crm.settings.retention_days} days ago",
            detail=detail,
        )
    return run


def _remove_batch(crm: CrmContext, run: RetentionRun, now: dt.datetime, batch: int) -> bool:
    with transaction(crm.sessions) as session:
        rows = session.execute(
            select(Complaint.pk, Complaint.ticket_code)
            .where(*_due(run.cutoff))
            .order_by(Complaint.pk)
            .limit(batch)
            .with_for_update(skip_locked=True)
        ).all()
        if not rows:
            return False
        pks = [r.pk for r in rows]
        phone_hashes: set[str] = set(session.scalars(_phone_hashes_of(pks)))
        session.execute(
            update(Complaint)
            .where(Complaint.pk.in_(pks))
            .values(
                complainant=ANONYMISED,
                complainant_nik_hash="",
                complainant_phone_hash="",
                complainant_email_hash="",
                personal_removed_at=now,
            )
        )
        result = session.execute(
            update(CoReporter)
            .where(CoReporter.complaint_pk.in_(pks))
            .values(reporter=ANONYMISED, nik_hash="", phone_hash="", email_hash="")
        )
        _remove_sms(session, pks, phone_hashes)
        _redact_texts(session, pks)
        run.co_reporters += result.rowcount or 0  # type: ignore[attr-defined]
        run.tickets += [r.ticket_code for r in rows]
    return True


def _redact_texts(session: Session, pks: list[int]) -> None:
    """The NIKs, phone numbers and e-mail addresses written into the descriptions and
    the steps' notes (internal ones too) of these complaints, replaced; the words stay."""
    for pk, description in session.execute(
        select(Complaint.pk, Complaint.description).where(Complaint.pk.in_(pks))
    ):
        if (clean := redacted(description)) != description:
            session.execute(update(Complaint).where(Complaint.pk == pk).values(description=clean))
    for seq, note in session.execute(
        select(Event.seq, Event.note).where(Event.complaint_pk.in_(pks), Event.note != "")
    ):
        if (clean := redacted(note)) != note:
            session.execute(update(Event).where(Event.seq == seq).values(note=clean))


def _phone_hashes_of(pks: list[int]) -> CompoundSelect:
    """The keyed hashes of the numbers recorded with the complaints ``pks``."""
    return (
        select(Complaint.complainant_phone_hash)
        .where(Complaint.pk.in_(pks))
        .union(select(CoReporter.phone_hash).where(CoReporter.complaint_pk.in_(pks)))
    )


def _remove_sms(session: Session, pks: list[int], phone_hashes: set[str]) -> None:
    """The SMS side of removing the complaints ``pks`` (whose people are gone already):
    their messages' numbers; the numbers (``phone_hashes``) no complaint still holds:
    in the messages without a complaint (a STOP's confirmation), the messages
    received, and the opt-outs, which keep their hash."""
    session.execute(
        update(SmsMessage).where(SmsMessage.complaint_pk.in_(pks), SETTLED).values(GONE)
    )
    gone = freed(session, phone_hashes)
    session.execute(
        update(SmsMessage)
        .where(SmsMessage.complaint_pk.is_(None), SETTLED, SmsMessage.phone_hash.in_(gone))
        .values(GONE)
    )
    session.execute(update(SmsInbound).where(SmsInbound.phone_hash.in_(gone)).values(GONE))
    session.execute(update(SmsOptOut).where(SmsOptOut.phone_hash.in_(gone)).values(phone=""))


def _remove_old_sms(session: Session, cutoff: dt.datetime) -> None:
    """What belongs to no complaint and is older than the cutoff, once per run: a
    message received (a CEK from a number never recorded) and a reply without a
    complaint (its "not found")."""
    session.execute(
        update(SmsMessage)
        .where(
            SmsMessage.complaint_pk.is_(None),
            SETTLED,
            SmsMessage.phone != "",
            SmsMessage.created_at < cutoff,
        )
        .values(GONE)
    )
    session.execute(
        update(SmsInbound)
        .where(SmsInbound.phone != "", SmsInbound.received_at < cutoff)
        .values(GONE)
    )


def _forget_drafts(crm: CrmContext, cutoff: dt.datetime, dry_run: bool) -> int:
    """The sender and the text of the triage's drafts decided before ``cutoff``: a
    confirmed or merged one lives on in its complaint (and goes with it), a dismissed
    one was no complaint at all. The decision itself (when, by whom, which ticket)
    stays. How many drafts."""
    sms = (SmsDraft.state != "draft", SmsDraft.decided_at < cutoff)
    mail = (MailDraft.state != "draft", MailDraft.decided_at < cutoff)
    with transaction(crm.sessions) as session:
        if dry_run:
            return sum(
                session.scalar(
                    select(func.count())
                    .select_from(model)
                    .where(*where, model.forgotten_at.is_(None))
                )
                or 0
                for model, where in ((SmsDraft, sms), (MailDraft, mail))
            )
        return forget_drafts(session, crm.now(), sms, mail)


def forget_drafts(
    session: Session,
    now: dt.datetime,
    sms: Sequence[ColumnElement[bool]],
    mail: Sequence[ColumnElement[bool]],
) -> int:
    """Forget the drafts that match ``sms`` and ``mail`` (and are not forgotten yet):
    the number, sender and text with their lookup hashes; the decision stays. One
    way for retention and for a citizen's removal (``core/rights_drafts.py``), so
    that a draft forgotten either way holds the same nothing. How many drafts."""
    forgotten = session.execute(
        update(SmsDraft)
        .where(*sms, SmsDraft.forgotten_at.is_(None))
        .values({**SMS_FORGOTTEN, "forgotten_at": now})
    )
    forgotten_mail = session.execute(
        update(MailDraft)
        .where(*mail, MailDraft.forgotten_at.is_(None))
        .values({**MAIL_FORGOTTEN, "forgotten_at": now})
    )
    return int(forgotten.rowcount or 0) + int(forgotten_mail.rowcount or 0)  # type: ignore[attr-defined]
