"""The SMS channel's tables (issue 21): the CRM's own outbox of messages to citizens,
the numbers that asked for no more, the messages received, and the cursor over the
events feed from which messages are made. Imported by ``models`` so that the one
metadata (Alembic, the test reset) knows them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_server.db.crypto import EncryptedText
from crm_server.db.models import Base, SeqType


class SmsMessage(Base):
    """One SMS to one number, made exactly once (``key`` is unique: the event, or the
    complaint and the day of a reminder, or the reply, with a keyed hash of the number).
    ``phone`` is personal data, stored encrypted (issue 18): never in a log line, an
    error or a staff list; ``phone_hash`` (the keyed lookup hash, as the complaints'
    ``complainant_phone_hash``) counts and cancels a number's messages."""

    __tablename__ = "sms_messages"
    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    complaint_pk: Mapped[int | None] = mapped_column(ForeignKey("complaints.pk"), index=True)
    phone: Mapped[str] = mapped_column(EncryptedText)
    phone_hash: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(String(160))
    created_at: Mapped[dt.datetime]
    # queued → handing → handed → sent | delivered | failed; or cancelled (STOP).
    state: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime]
    handed_at: Mapped[dt.datetime | None]
    done_at: Mapped[dt.datetime | None]
    gateway_ref: Mapped[str] = mapped_column(String(200), default="")
    error: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_sms_messages_state_next", "state", "next_attempt_at"),
        Index("ix_sms_messages_phone_hash_handed", "phone_hash", "handed_at"),
    )


class SmsOptOut(Base):
    """A number that replied STOP or BERHENTI: nothing more is sent to it. Found by
    the keyed hash of the number; the number itself is kept encrypted (so a key
    rotation can hash it again) until retention removes the complaints it was
    recorded with: then only the hash stays, and keeps the number stopped."""

    __tablename__ = "sms_optouts"
    phone_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    phone: Mapped[str] = mapped_column(EncryptedText, default="")
    at: Mapped[dt.datetime]


class SmsInbound(Base):
    """A message received, once by the gateway's own reference (a file name, an id):
    read again after a crash, it is not answered twice. Only the command is kept; the
    sender's number encrypted, with its keyed hash (retention finds it by that)."""

    __tablename__ = "sms_inbound"
    gateway_ref: Mapped[str] = mapped_column(String(200), primary_key=True)
    phone: Mapped[str] = mapped_column(EncryptedText)
    phone_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    command: Mapped[str] = mapped_column(String(10))
    received_at: Mapped[dt.datetime]


class SmsCursor(Base):
    """How far a job has read: ``events`` is the last event seq turned into messages."""

    __tablename__ = "sms_cursors"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
