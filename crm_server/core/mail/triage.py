"""The e-mail admin's decision on a draft of the complaints mailbox: confirm it as
a complaint (through ``channel_intake.record``, so with the EMAIL channel's ticket
prefix and its Message-ID as the source: never recorded twice), merge it into an
existing complaint (its sender kept as a co-reporter), or dismiss it (spam, not a
complaint) with a reason: the decisions every channel's triage shares
(``core.triage.drafts``). The sender of a confirmed or merged e-mail gets the ticket
code back over SMTP."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from complaint_domain.ticket import parse_ticket_code, tracking_url
from crm_server.core.attachments import attachment_path
from crm_server.core.channel_intake import ChannelReport, RecordRefused, record, reply_text
from crm_server.core.context import CrmContext
from crm_server.core.triage import drafts as triage_drafts
from crm_server.core.triage.drafts import DISMISS_REASONS, DraftRefused
from crm_server.core.triage.suggestions import Contact, Suggestion, niks_in, suggest
from crm_server.db.channel_models import MailDraft

log = logging.getLogger("crm_server.mail")
__all__ = ["DISMISS_REASONS", "DraftRefused", "confirm", "dismiss", "drafts", "merge"]


def drafts(crm: CrmContext, limit: int | None = None) -> list[MailDraft]:
    """The drafts waiting for a decision, oldest first."""
    return triage_drafts.waiting_list(crm, MailDraft, limit)


def waiting(crm: CrmContext) -> int:
    """How many drafts wait."""
    return triage_drafts.waiting_count(crm, MailDraft)


def text_of(draft: MailDraft) -> str:
    """What the citizen wrote: the subject and the body."""
    return "\n".join(p for p in (draft.subject, draft.body) if p)


def suggestions(crm: CrmContext, draft: MailDraft) -> list[Suggestion]:
    text = text_of(draft)
    return suggest(crm, Contact(email=draft.sender, niks=niks_in(text)), text)


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
    draft = triage_drafts.waiting(crm, MailDraft, draft_id)
    files = [
        (a["original_name"], attachment_path(crm, a["sha256"]).read_bytes())
        for a in draft.attachments
    ]
    text = description.strip() or text_of(draft)
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
    triage_drafts.decide(
        crm, MailDraft, draft_id, user_id, state="confirmed", ticket_code=done.ticket_code
    )
    send_reply(crm, draft.sender, f"Aduan Anda diterima: {done.ticket_code}", done.reply)
    return done.ticket_code


def merge(crm: CrmContext, draft_id: int, user: tuple[int, str, str], ticket_text: str) -> str:
    """The draft joined to the complaint ``ticket_text`` (the same problem), its
    sender a co-reporter of it; they are told its ticket code and tracking address."""
    draft = triage_drafts.waiting(crm, MailDraft, draft_id)
    reporter = {
        "name": draft.sender,
        "email": draft.sender,
        "consent_given_at": crm.now().isoformat(),
    }
    complaint = triage_drafts.merge(crm, MailDraft, draft_id, user, ticket_text, reporter)
    code = complaint.ticket_code
    address = tracking_url(
        crm.settings.public_host, parse_ticket_code(code), complaint.tracking_token
    )
    send_reply(crm, draft.sender, f"Aduan Anda tercatat: {code}", reply_text(code, address))
    return code


def dismiss(crm: CrmContext, draft_id: int, user_id: int, reason: str, note: str = "") -> None:
    """Not a complaint (spam, something else): nothing is sent back."""
    triage_drafts.dismiss(crm, MailDraft, draft_id, user_id, reason, note)
