"""One e-mail as the triage sees it: who sent it, its subject, its text and its
attachments (photos, scans; type and size checked as at the desk: what fails the
check is counted, never stored)."""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr

from complaint_domain.complaint import MAX_ATTACHMENTS
from crm_server.core.attachments import sniff_media_type

_TAGS = re.compile(r"<[^>]+>")
BODY_LIMIT = 20_000


@dataclass
class ParsedMail:
    message_id: str
    sender: str  # the address only
    subject: str
    body: str
    files: list[tuple[str, str, bytes]] = field(default_factory=list)  # name, type, data
    refused_files: int = 0


def _text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = str(part.get_content())
    if part.get_content_type() == "text/html":
        text = _TAGS.sub(" ", text)
    return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()[:BODY_LIMIT]


def parse_mail(raw: bytes, max_bytes: int) -> ParsedMail:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    message_id = str(message.get("Message-ID", "") or "").strip().strip("<>")
    if not message_id:  # a message without one still gets a stable source id
        message_id = hashlib.sha256(raw).hexdigest()[:40] + "@no-message-id"
    parsed = ParsedMail(
        message_id=message_id[:300],
        sender=parseaddr(str(message.get("From", "")))[1][:300],
        subject=" ".join(str(message.get("Subject", "") or "").split())[:300],
        body=_text_of(message),
    )
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes) or not data:
            continue
        media_type = sniff_media_type(data)
        if not media_type or len(data) > max_bytes or len(parsed.files) >= MAX_ATTACHMENTS:
            parsed.refused_files += 1
            continue
        name = (part.get_filename() or "lampiran")[-200:]
        parsed.files.append((name, media_type, data))
    return parsed
