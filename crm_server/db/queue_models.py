"""The visitor queue's tables (issue 17): a site's day, its tickets and their events."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from crm_server.db.models import Base, SeqType


class QueueDay(Base):
    """One site's queue on one day: the last number handed out and how many priority
    calls were made in a row (the fairness rule). Call-next locks this row, so the
    streak stays exact however many desks call at once."""

    __tablename__ = "queue_days"
    site: Mapped[str] = mapped_column(String(200), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)
    priority_streak: Mapped[int] = mapped_column(default=0)


class QueueTicket(Base):
    """A visitor's number. ``id`` is chosen by whoever issues it (the CRM, or a desk
    that was offline), so a ticket sent twice is the same ticket. Never a name."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        Index("uq_queue_tickets_number", "site", "day", "number", unique=True),
        Index("ix_queue_tickets_waiting", "site", "day", "state", "seq"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    site: Mapped[str] = mapped_column(String(200))
    day: Mapped[dt.date] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int]
    priority: Mapped[str] = mapped_column(String(20), default="")
    seat_call: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(10))
    origin: Mapped[str] = mapped_column(String(6))  # "crm" or the offline desk's code
    issued_by: Mapped[str] = mapped_column(String(6))
    issued_at: Mapped[dt.datetime]
    first_called_at: Mapped[dt.datetime | None]
    called_at: Mapped[dt.datetime | None]
    call_count: Mapped[int] = mapped_column(default=0)
    desk_code: Mapped[str] = mapped_column(String(6), default="")  # calling / serving
    officer: Mapped[str] = mapped_column(String(120), default="")
    target_desk: Mapped[str] = mapped_column(String(6), default="")  # after a transfer
    started_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    complaint_code: Mapped[str] = mapped_column(String(24), default="")
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)


class QueueEvent(Base):
    """Every step of every ticket, for the figures; ``id`` makes a resent one count once."""

    __tablename__ = "queue_events"
    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("queue_tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    at: Mapped[dt.datetime]
    desk_code: Mapped[str] = mapped_column(String(6))
    officer: Mapped[str] = mapped_column(String(120), default="")
