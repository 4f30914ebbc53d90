"""The e-mail admin's decision on a draft of the complaints mailbox: confirm it as
a complaint (through ``channel_intake.record``, so with the EMAIL channel's ticket
prefix and its Message-ID as the source: never recorded twice), merge it into an
existing complaint, or dismiss it (spam, not a complaint) with a reason. The
sender of a confirmed or merged e-mail gets the ticket code back over SMTP."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from sqlalchemy import select

from complaint_domain.ticket import parse_ticket_code, tracking_url
from crm_server.core.attachments import attachment_path
from crm_server.core.channel_intake import ChannelReport, RecordRefused, record, reply_text
from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.db.channel_models import MailDraft
from crm_server.db.engine import transaction

log = logging.getLogger("crm_server.mail")
DISMISS_REASONS = ("spam", "not_a_complaint", "other")


class DraftRefused(Exception):
    """Not possible: ``code`` says why (the draft was decided already, an unknown
    ticket, a missing reason, or a ``RecordRefused`` code)."""

    def __init__(self, code: str, ticket_code: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.ticket_code = ticket_code


def drafts(crm: CrmContext) -> list[MailDraft]:
    """The drafts waiting for a decision, oldest first."""
    with crm.sessions() as session:
        found = list(
            session.scalars(
                select(MailDraft).where(MailDraft.state == "draft").order_by(MailDraft.id)
            )
        )
        session.expunge_all()
    return found


def _waiting(crm: CrmContext, draft_id: int) -> MailDraft:
    with crm.sessions() as session:
        draft = session.get(MailDraft, draft_id)
        if draft is None or draft.state != "draft":
            raise DraftRefused("decided")
        session.expunge(draft)
    return draft


def _decide(crm: CrmContext, draft_id: int, user_id: int, **values: str) -> None:
    with transaction(crm.sessions) as session:
        draft = session.get(MailDraft, draft_id)
        if draft is None or draft.state != "draft":
            raise DraftRefused("decided")
        for name, value in values.items():
            setattr(draft, name, value)
        draft.decided_by = user_id
        draft.decided_at = crm.now()


def send_reply(crm: CrmContext, to: str, subject: str, text: str) -> bool:
    """The answer to the citizen over SMTP; False (logged without the address) when
    no SMTP host is set or the server refused it."""
    s = crm.settings
    if not s.smtp_host or not to:
        return False
    message = EmailMessage()
    message["From"] = s.smtp_from or f"aduan@{s.public_host.split(':')[0]}"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    try:
        with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=30) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("the confirmation e-mail was not sent: %s", type(error).__name__)
        return False
    return True


def confirm(
    crm: CrmContext,
    draft_id: int,
    user_id: int,
    officer: str,
    kelurahan_code: str,
    category_code: str,
    description: str = "",
) -> str:
    """The draft received as a complaint of the EMAIL channel; its ticket code."""
    draft = _waiting(crm, draft_id)
    files = [
        (a["original_name"], attachment_path(crm, a["sha256"]).read_bytes())
        for a in draft.attachments
    ]
    text = description.strip() or "\n".join(p for p in (draft.subject, draft.body) if p)
    report = ChannelReport(
        channel="EMAIL",
        source=f"<{draft.message_id}>",
        contact=draft.sender,
        name="",
        description=text[:4000],
        kelurahan_code=kelurahan_code,
        category_code=category_code,
        files=files,
    )
    try:
        done = record(crm, user_id, officer, report)
    except RecordRefused as refused:
        raise DraftRefused(refused.code, refused.ticket_code) from None
    _decide(crm, draft_id, user_id, state="confirmed", ticket_code=done.ticket_code)
    send_reply(crm, draft.sender, f"Aduan Anda diterima: {done.ticket_code}", done.reply)
    return done.ticket_code


def merge(crm: CrmContext, draft_id: int, user_id: int, ticket_text: str) -> str:
    """The draft joined to the complaint ``ticket_text`` (the same problem); the
    sender is told that complaint's ticket code and tracking address."""
    draft = _waiting(crm, draft_id)
    with crm.sessions() as session:
        complaint = find_complaint(session, ticket_text)
        if complaint is None:
            raise DraftRefused("unknown_ticket")
        code, token = complaint.ticket_code, complaint.tracking_token
    address = tracking_url(crm.settings.public_host, parse_ticket_code(code), token)
    _decide(crm, draft_id, user_id, state="merged", ticket_code=code)
    send_reply(crm, draft.sender, f"Aduan Anda tercatat: {code}", reply_text(code, address))
    return code


def dismiss(crm: CrmContext, draft_id: int, user_id: int, reason: str, note: str = "") -> None:
    """Not a complaint (spam, something else): nothing is sent back."""
    if reason not in DISMISS_REASONS or (reason == "other" and not note.strip()):
        raise DraftRefused("reason")
    text = reason if reason != "other" else f"other: {' '.join(note.split())}"
    _decide(crm, draft_id, user_id, state="dismissed", reason=text[:500])
