"""Recording a complaint on behalf of a channel (issue 22): a channel admin copies
what arrived by Twitter/X, Facebook, e-mail, SMS, the mass media … into the CRM,
through the one function that receives complaints (``intake.receive_one``), with
the channel's own ticket prefix (``desks.CHANNEL_TICKET_CODES``).

The same source (a post's link, an e-mail's message id) is never recorded twice:
only a digest of it is kept (``ChannelSource``), and a second recording is refused
with the first complaint's ticket code. An SMS has no id of its own: its source is
the number *and* the text, so that a citizen's second SMS about something else is
still a new complaint.

Refusals name a ``code`` and a form ``field``; the console gives them words. No
personal data (the contact, the SMS number) is ever in an error or a log line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit

from sqlalchemy import Connection, Table, select

from complaint_domain.complaint import MAX_ATTACHMENTS
from complaint_domain.reference import CATEGORY_BY_CODE, CHANNEL_BY_CODE
from complaint_domain.ticket import new_tracking_token, parse_ticket_code, tracking_url
from complaint_domain.validation import normalise_phone
from crm_server.core.attachments import sniff_media_type, store_attachment
from crm_server.core.context import CrmContext
from crm_server.core.desks import CHANNEL_TICKET_CODES
from crm_server.core.errors import ApiError
from crm_server.core.intake import NewComplaint, receive_one
from crm_server.db.channel_models import ChannelSource
from crm_server.db.models import Complaint

# What identifies a post, a message, an SMS in each channel that is recorded here.
SOURCE_KINDS = {
    "JAKI": "link",
    "TWITTER": "link",
    "FACEBOOK": "link",
    "SOSMED_GUB": "link",
    "MEDIA_MASSA": "link",
    "LAPOR": "link",
    "EMAIL": "message_id",
    "SMS": "phone",
}
SOURCES = cast(Table, ChannelSource.__table__)
RECORDABLE = tuple(c for c in CHANNEL_BY_CODE if c in CHANNEL_TICKET_CODES)
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_MESSAGE_ID = re.compile(r"^<?([^<>\s]+@[^<>\s]+)>?$")
_TWITTER_HOSTS = {"twitter.com", "x.com", "mobile.twitter.com", "mobile.x.com"}
DESCRIPTION_LIMITS = (10, 4000)


class RecordRefused(Exception):
    """The report cannot be recorded: ``code`` says why, ``field`` which field;
    ``ticket_code`` names the first complaint of a source recorded before."""

    def __init__(self, code: str, field_name: str = "", ticket_code: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.field = field_name
        self.ticket_code = ticket_code


@dataclass(frozen=True)
class ChannelReport:
    """What the channel admin copied from the channel."""

    channel: str
    source: str
    contact: str
    name: str
    description: str
    kelurahan_code: str
    category_code: str
    files: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Recorded:
    ticket_code: str
    tracking_address: str
    reply: str


def source_key(channel: str, source: str, description: str) -> str:
    """The normalised source, or :class:`RecordRefused` when it is not one."""
    kind = SOURCE_KINDS[channel]
    text = source.strip()
    if kind == "link":
        parts = urlsplit(text if "://" in text else "https://" + text)
        host = (parts.hostname or "").lower().removeprefix("www.")
        if parts.scheme not in ("http", "https") or "." not in host or not parts.path.strip("/"):
            raise RecordRefused("source_link", "source")
        query = "" if host in _TWITTER_HOSTS else parts.query
        if host in _TWITTER_HOSTS:
            host = "x.com"
        return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")
    if kind == "message_id":
        match = _MESSAGE_ID.match(text)
        if not match:
            raise RecordRefused("source_message_id", "source")
        return match.group(1)
    phone, error = normalise_phone(text)
    if error or not phone:
        raise RecordRefused("source_phone", "source")
    said = " ".join(description.lower().split())
    return f"{phone}\n{hashlib.sha256(said.encode()).hexdigest()}"


def source_digest(channel: str, key: str) -> str:
    return hashlib.sha256(f"{channel}\n{key}".encode()).hexdigest()


def complainant_of(report: ChannelReport, now: dt.datetime) -> dict[str, object]:
    """The citizen's contact as given: an e-mail address, a phone number, or a
    handle (the channel's account name)."""
    contact = " ".join(report.contact.split())[:200]
    if not contact and report.channel == "SMS":
        contact = report.source.strip()
    found: dict[str, object] = {"name": " ".join(report.name.split())[:120]}
    if _EMAIL.match(contact):
        found["email"] = contact
    elif contact and not contact.startswith("@") and not normalise_phone(contact)[1]:
        found["phone"] = normalise_phone(contact)[0]
    elif contact:
        found["account_id"] = contact[:100]
    if not found["name"]:
        found["name"] = contact[:120]
    found["consent_given_at"] = now.isoformat()
    if report.channel == "SMS" and "phone" in found:
        found["sms_consent"] = True  # they wrote by SMS: news by SMS, until STOP/BERHENTI
    return found


def first_of(crm: CrmContext, digest: str) -> str:
    """The ticket code of the complaint recorded from this source, or ""."""
    with crm.sessions() as session:
        code = session.scalar(
            select(Complaint.ticket_code)
            .join(ChannelSource, ChannelSource.complaint_pk == Complaint.pk)
            .where(ChannelSource.digest == digest)
        )
    return code or ""


def _check(crm: CrmContext, report: ChannelReport) -> None:
    if not report.contact.strip() and SOURCE_KINDS[report.channel] != "phone":
        raise RecordRefused("contact", "contact")
    low, high = DESCRIPTION_LIMITS
    if not low <= len(report.description.strip()) <= high:
        raise RecordRefused("description", "description")
    area = crm.areas().get(report.kelurahan_code)
    if area is None or area.level.value != "kelurahan":
        raise RecordRefused("kelurahan", "kelurahan")
    if report.category_code not in CATEGORY_BY_CODE:
        raise RecordRefused("category", "category")
    if len(report.files) > MAX_ATTACHMENTS:
        raise RecordRefused("files_count", "files")


def _stored_files(crm: CrmContext, files: list[tuple[str, bytes]]) -> list[dict[str, object]]:
    """Each file checked as at the desk (size, a type its bytes show) and stored."""
    limit = crm.settings.max_attachment_bytes
    refs: list[dict[str, object]] = []
    for name, data in files:
        if len(data) > limit:
            raise RecordRefused("file_size", "files")
        media_type = sniff_media_type(data)
        if not media_type:
            raise RecordRefused("file_type", "files")
        sha256 = hashlib.sha256(data).hexdigest()
        try:
            store_attachment(crm, None, sha256, media_type, data)
        except ApiError:
            raise RecordRefused("file_type", "files") from None
        refs.append(
            {"sha256": sha256, "size": len(data), "media_type": media_type, "original_name": name}
        )
    return refs


def reply_text(ticket_code: str, address: str) -> str:
    """What the admin pastes back into the channel: plain Indonesian, no personal data."""
    return (
        f"Terima kasih, aduan Anda sudah kami catat dengan nomor tiket {ticket_code}. "
        f"Pantau perkembangannya di {address}"
    )


def record(crm: CrmContext, user_id: int, officer: str, report: ChannelReport) -> Recorded:
    """Receive the report as a complaint of its channel; :class:`RecordRefused`
    when it cannot be (also when its source was recorded before)."""
    if report.channel not in RECORDABLE:
        raise RecordRefused("channel", "channel")
    digest = source_digest(
        report.channel, source_key(report.channel, report.source, report.description)
    )
    if first := first_of(crm, digest):
        raise RecordRefused("duplicate", "source", first)
    _check(crm, report)
    attachments = _stored_files(crm, report.files)
    now = crm.now()
    token = new_tracking_token()

    def remember_source(conn: Connection, new: NewComplaint, pk: int) -> None:
        # Under the feed lock: a second admin recording the same post at the same
        # moment finds the first here, and their complaint is undone.
        found = conn.scalar(select(SOURCES.c.digest).where(SOURCES.c.digest == digest))
        if found is not None:
            raise RecordRefused("duplicate", "source")
        conn.execute(
            SOURCES.insert().values(
                digest=digest,
                channel=new.channel,
                complaint_pk=pk,
                recorded_by=user_id,
                recorded_at=now,
            )
        )

    new = NewComplaint(
        id=uuid.uuid4(),
        ticket_code="",  # minted with the channel's prefix
        tracking_token=token,
        desk_id=None,
        channel=report.channel,
        officer=officer[:120],
        urgency="normal",
        category_code=report.category_code,
        description=report.description.strip(),
        earlier_references=[],
        complainant=complainant_of(report, now),
        location={"kelurahan_code": report.kelurahan_code, "street": ""},
        attachments=attachments,
        created_at=now,
    )
    try:
        ticket = receive_one(
            crm, new, now, CHANNEL_TICKET_CODES[report.channel], within=remember_source
        )
    except RecordRefused as refused:
        raise RecordRefused("duplicate", "source", first_of(crm, digest)) from refused
    address = tracking_url(crm.settings.public_host, parse_ticket_code(ticket), token)
    return Recorded(ticket, address, reply_text(ticket, address))
