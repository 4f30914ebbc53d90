"""The channels' tables (issue 22): which source (a post's link, an e-mail's message
id, an SMS) a complaint recorded on behalf of a channel came from, so that the
same source is never recorded twice. Only a digest of the source is kept: an SMS
source holds a phone number. And the drafts of the channels' triage: the e-mails
the mailbox brought in, the SMS that were no reply command. Imported by ``db`` so
that the one metadata knows them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from crm_server.db.crypto import EncryptedJSON
from crm_server.db.models import Base


class ChannelSource(Base):
    """One recorded source: ``digest`` is the SHA-256 of the channel and the
    normalised source (never the source itself)."""

    __tablename__ = "channel_sources"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    complaint_pk: Mapped[int] = mapped_column(ForeignKey("complaints.pk"), index=True)
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[dt.datetime]


class DraftDecision:
    """What the channel admin decided on a draft (every channel's triage alike)."""

    # draft → confirmed | merged | dismissed
    state: Mapped[str] = mapped_column(String(12), index=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    ticket_code: Mapped[str] = mapped_column(String(30), default="")
    decided_by: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[dt.datetime | None]
    # When retention removed the sender and the text (migration 0015).
    forgotten_at: Mapped[dt.datetime | None]


class MailDraft(DraftDecision, Base):
    """One message of the complaints mailbox, as read (issue 22): a draft in the
    e-mail admin's triage until confirmed, merged or dismissed. ``(uidvalidity,
    uid)`` is unique: a message is stored once, whatever happens between reading
    and marking it seen. ``sender``, ``subject``, ``body`` and ``message_id`` (which
    often names the sender) are personal data: stored encrypted (migration 0015),
    never logged."""

    __tablename__ = "mail_drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str] = mapped_column(EncryptedJSON)
    sender: Mapped[str] = mapped_column(EncryptedJSON)
    subject: Mapped[str] = mapped_column(EncryptedJSON)
    body: Mapped[str] = mapped_column(EncryptedJSON)
    # The sender's keyed hash (as the complaints' e-mail hash, migration 0017): a
    # citizen's rights request finds their e-mails without decrypting every sender.
    sender_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    attachments: Mapped[list[Any]]
    refused_files: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[dt.datetime]

    __table_args__ = (UniqueConstraint("uidvalidity", "uid", name="uq_mail_drafts_uid"),)


class SmsDraft(DraftDecision, Base):
    """An SMS that was no reply command (not ``CEK``, not ``STOP``): a draft in the SMS
    admin's triage (issue 22, item 3). Written in the same transaction as its
    ``sms_inbound`` row and keyed by it (``inbound_ref``, the digest of the gateway's
    reference): a message delivered twice is drafted once, and a crash keeps both
    or neither. ``message`` (the number and the text) is personal data, encrypted;
    ``phone_hash`` is the number's keyed hash for the lookups."""

    __tablename__ = "sms_drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inbound_ref: Mapped[str] = mapped_column(String(64), unique=True)
    message: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)  # {"phone", "text"}
    phone_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    received_at: Mapped[dt.datetime]
