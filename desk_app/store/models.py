"""The desk's tables, as SQLAlchemy 2.0 typed models.

Rows hold plain values; the repositories turn them into domain objects so that
no ORM object ever leaves the store (the UI's item models hold ids and cached rows).
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from complaint_domain.sql_types import UTCDateTime


class Base(DeclarativeBase):
    pass


def table_of(model: type[Base]) -> Table:
    """The Core table of a model. Hot write paths insert through Core: the ORM's
    bulk-insert layer costs about 0.1 ms a statement, several times SQLite's own work."""
    return cast(Table, model.__table__)


class ComplaintRow(Base):
    __tablename__ = "complaints"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)  # the FTS rowid
    id: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_code: Mapped[str] = mapped_column(String(24), unique=True)
    tracking_token: Mapped[str] = mapped_column(String(6))
    desk_code: Mapped[str] = mapped_column(String(6))
    officer_username: Mapped[str] = mapped_column(String(64))
    officer_name: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_day: Mapped[dt.date] = mapped_column(index=True)  # local (WIB) date
    name: Mapped[str] = mapped_column(String(120))
    name_folded: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str] = mapped_column(String(16), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    keep_identity_private: Mapped[bool] = mapped_column(Boolean, default=False)
    sms_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_given_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    kelurahan_code: Mapped[str] = mapped_column(String(13))
    rt_rw: Mapped[str] = mapped_column(String(7), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    landmark: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    category_code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(10), default="normal")
    earlier_references: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    status: Mapped[str] = mapped_column(String(20), default="not_sent")
    status_note: Mapped[str] = mapped_column(Text, default="")
    status_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    crm_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    print_pending: Mapped[bool] = mapped_column(Boolean, default=True)
    printed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # When the retention run removed its personal data (migration 0008); None: held.
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_complaints_kel_cat_status", "kelurahan_code", "category_code", "status"),
        # The few still to print, newest first (migration 0003 says why).
        Index("ix_complaints_print_pending", "pk", sqlite_where=text("print_pending IS 1")),
    )


class EventRow(Base):
    """An append-only step in a complaint's life: created, citizen added, CRM status."""

    __tablename__ = "complaint_events"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaints.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    actor: Mapped[str] = mapped_column(String(120), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(8), default="desk")  # desk | crm
    crm_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CoReporterRow(Base):
    """A further citizen who reported the same problem: the personal part of a
    ``reporter_added`` event (one row per event, never changed), found by name and
    phone like the first citizen."""

    __tablename__ = "co_reporters"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("complaint_events.id"), unique=True)
    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaints.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    name_folded: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str] = mapped_column(String(16), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    keep_identity_private: Mapped[bool] = mapped_column(Boolean, default=False)
    sms_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_given_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    print_pending: Mapped[bool] = mapped_column(Boolean, default=True)  # their own receipt


class AttachmentRow(Base):
    """A stored file, by content; the bytes live beside the database."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(60))
    stored_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)


class ComplaintAttachmentRow(Base):
    __tablename__ = "complaint_attachments"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaints.id"), index=True)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("complaint_events.id"), nullable=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachments.sha256"))
    original_name: Mapped[str] = mapped_column(String(255), default="")


class OutboxRow(Base):
    """One item waiting for the CRM. Marked sent only with the server's confirmation."""

    __tablename__ = "outbox"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # complaint | event
    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaints.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error_code: Mapped[str] = mapped_column(String(40), default="")
    error_message: Mapped[str] = mapped_column(Text, default="")
    error_field: Mapped[str] = mapped_column(String(60), default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TicketSequenceRow(Base):
    __tablename__ = "ticket_sequence"

    desk_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class DraftRow(Base):
    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    officer_username: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    payload: Mapped[str] = mapped_column(Text)  # JSON of the form's fields


class AuditRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE). No personal data in here."""

    __tablename__ = "audit_log"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    # SHA-256 of the previous entry's chain and this entry's fields (store/audit.py).
    chain: Mapped[str] = mapped_column(String(64), default="", server_default="")


class OfficerRow(Base):
    __tablename__ = "officers"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Set for a new or reset account: its temporary password is replaced at sign-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class KeyValueRow(Base):
    """Small pieces of state: the pull cursor, the reference data's ETag."""

    __tablename__ = "key_value"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AreaRow(Base):
    __tablename__ = "areas"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[str] = mapped_column(String(16))


__all__ = [
    "AreaRow",
    "AttachmentRow",
    "AuditRow",
    "Base",
    "CoReporterRow",
    "ComplaintAttachmentRow",
    "ComplaintRow",
    "DraftRow",
    "EventRow",
    "KeyValueRow",
    "OfficerRow",
    "OutboxRow",
    "TicketSequenceRow",
    "UniqueConstraint",
]


class QueueLocalTicketRow(Base):
    """A queue number this desk handed out or called on its own while the CRM was
    unreachable (its number carries the desk's code); ``shared`` once the CRM has it."""

    __tablename__ = "queue_local_tickets"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), index=True)
    number: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    priority: Mapped[str] = mapped_column(String(20), default="")
    seat_call: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(10))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    called_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    complaint_code: Mapped[str] = mapped_column(String(24), default="")
    shared: Mapped[bool] = mapped_column(Boolean, default=False)


class QueueOutboxRow(Base):
    """A queue event made offline, waiting to reach the CRM (for its figures)."""

    __tablename__ = "queue_outbox"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    made: Mapped[int] = mapped_column(Integer, index=True)  # the order it was made in
    body: Mapped[str] = mapped_column(Text)  # the event as JSON (no personal data)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class VisitRow(Base):
    """A citizen came to this desk about a complaint this desk does not hold (another
    channel's, or another desk's): the visit waits here until the CRM confirms it.
    Its own outbox: the main outbox's items are this desk's complaints and events."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_state_at", "state", "at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the event's id
    complaint_id: Mapped[str] = mapped_column(String(36))  # the CRM's id of the complaint
    ticket_code: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)  # the officer's words: for the CRM's staff
    officer: Mapped[str] = mapped_column(String(80))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(10))  # pending, sent, rejected
    error_code: Mapped[str] = mapped_column(String(40), default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
