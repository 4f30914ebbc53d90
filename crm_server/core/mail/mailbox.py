"""Reading the complaints mailbox over IMAP (``imaplib``) into drafts.

Nothing is read twice and nothing is lost: each message is stored as a draft, with
its attachments, *before* it is marked seen, under the unique pair (UIDVALIDITY,
UID); the next poll asks only for UIDs above the highest stored for the mailbox's
UIDVALIDITY, and storing the same pair again does nothing. A CRM stopped between
storing and marking finds the message stored at the next poll and only marks it.
"""

from __future__ import annotations

import hashlib
import imaplib
import logging
import re
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from crm_server.core.attachments import store_attachment
from crm_server.core.context import CrmContext
from crm_server.core.mail.parse import parse_mail
from crm_server.db.channel_models import MailDraft
from crm_server.db.crypto import email_lookup
from crm_server.db.engine import transaction

log = logging.getLogger("crm_server.mail")
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")


class Imap(Protocol):
    def login(self, user: str, password: str) -> Any: ...
    def select(self, mailbox: str = ...) -> Any: ...
    def response(self, code: str) -> Any: ...
    def uid(self, command: str, *args: Any) -> Any: ...
    def logout(self) -> Any: ...


def store_draft(crm: CrmContext, uidvalidity: int, uid: int, raw: bytes) -> bool:
    """The message stored as a draft (its accepted attachments first); False when
    this (UIDVALIDITY, UID) was stored already."""
    with crm.sessions() as session:
        if session.scalar(
            select(MailDraft.id).where(MailDraft.uidvalidity == uidvalidity, MailDraft.uid == uid)
        ):
            return False
    parsed = parse_mail(raw, crm.settings.max_attachment_bytes)
    refs = []
    for name, media_type, data in parsed.files:
        sha256 = hashlib.sha256(data).hexdigest()
        store_attachment(crm, None, sha256, media_type, data)
        refs.append(
            {"sha256": sha256, "size": len(data), "media_type": media_type, "original_name": name}
        )
    try:
        with transaction(crm.sessions) as session:
            session.add(
                MailDraft(
                    uidvalidity=uidvalidity,
                    uid=uid,
                    message_id=parsed.message_id,
                    sender=parsed.sender,
                    sender_hash=email_lookup(parsed.sender, crm.data_keys),
                    subject=parsed.subject,
                    body=parsed.body,
                    attachments=refs,
                    refused_files=parsed.refused_files,
                    received_at=crm.now(),
                    state="draft",
                )
            )
    except IntegrityError:
        return False  # another worker stored it at the same moment
    return True


def highest_uid(crm: CrmContext, uidvalidity: int) -> int:
    with crm.sessions() as session:
        found = session.scalar(
            select(func.max(MailDraft.uid)).where(MailDraft.uidvalidity == uidvalidity)
        )
    return int(found or 0)


def open_imap(crm: CrmContext) -> Imap:
    s = crm.settings
    client: Imap = (
        imaplib.IMAP4_SSL(s.imap_host, s.imap_port)
        if s.imap_ssl
        else imaplib.IMAP4(s.imap_host, s.imap_port)
    )
    client.login(s.imap_user, s.imap_password)
    return client


def poll(crm: CrmContext, connect: Callable[[CrmContext], Imap] = open_imap) -> str:
    """Read the new messages of the mailbox into drafts; what it did, in words
    (counts only: a job's summary)."""
    client = connect(crm)
    try:
        typ, _ = client.select(crm.settings.imap_folder)
        if typ != "OK":
            return "mailbox folder not found"
        _, validity = client.response("UIDVALIDITY")
        uidvalidity = int(validity[0]) if validity and validity[0] else 0
        after = highest_uid(crm, uidvalidity)
        # From the highest stored one: a CRM stopped after storing it had not yet
        # marked it seen (marking again is harmless).
        _, found = client.uid("SEARCH", None, f"UID {max(after, 1)}:*")
        uids = [int(u) for u in (found[0] or b"").split() if int(u) >= after]
        stored = 0
        for uid in sorted(uids):
            if uid == after:
                client.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
                continue
            _, data = client.uid("FETCH", str(uid), "(BODY.PEEK[])")
            raw = next((item[1] for item in data if isinstance(item, tuple)), b"")
            if store_draft(crm, uidvalidity, uid, raw):
                stored += 1
            # Only once it is stored: a stop before this line loses nothing.
            client.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
        return f"{stored} new e-mails stored as drafts"
    finally:
        try:
            client.logout()
        except (OSError, imaplib.IMAP4.error):
            log.warning("the IMAP logout failed")


def poll_if_configured(crm: CrmContext) -> str:
    """The periodic job (``jobs.CRM_JOBS``): nothing without an IMAP host."""
    if not crm.settings.imap_host:
        return "no mailbox configured"
    return poll(crm)
