"""The CRM's tables (SQLAlchemy 2, typed). The schema is versioned by Alembic
(``crm_server/db/migrations``); this module is its source of truth.

Times are stored as naive UTC and come back aware (``UTCDateTime``), because
SQLite has no time zones and a mix of naive and aware values is a classic bug.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from complaint_domain.sql_types import UTCDateTime

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL wants 64 bits for a
# feed that grows for years.
SeqType = BigInteger().with_variant(Integer(), "sqlite")

# A complaint still open (not done, rejected or merged), written out so that a query
# repeating it word for word can use the partial indexes below (a bound parameter
# would hide from the planner that the index covers the rows asked for).
OPEN_SQL = "status NOT IN ('done', 'rejected', 'duplicate')"


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Desk(Base):
    __tablename__ = "desks"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    site: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[dt.datetime | None]
    last_heartbeat_at: Mapped[dt.datetime | None]
    pending_count: Mapped[int | None]
    oldest_unsent_age_s: Mapped[int | None]
    app_version: Mapped[str | None] = mapped_column(String(40))
    last_push_at: Mapped[dt.datetime | None]
    # From the heartbeat (migration 0006): who is signed in at the desk (a staff name,
    # never a citizen's) and how far the desk's clock is from the CRM's (desk − CRM).
    signed_in_officer: Mapped[str | None] = mapped_column(String(120))
    clock_offset_s: Mapped[int | None]


class EnrolmentCode(Base):
    __tablename__ = "enrolment_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    desk_id: Mapped[int] = mapped_column(ForeignKey("desks.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class User(Base):
    """CRM staff. ``unit_code`` is what the role acts for: a kelurahan code for
    kelurahan staff, an agency code for a Dinas, ``AGENCY@KOTA`` for a Suku Dinas."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(String(40), default="")
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)


class ApiKey(Base):
    """Open311 clients that may POST service requests."""

    __tablename__ = "api_keys"
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime]


class Area(Base):
    __tablename__ = "areas"
    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))


class RoutingRule(Base):
    """Category → Dinas. The kota → Suku Dinas step follows from the agency's
    ``kota_unit`` in the shared reference data and the complaint's kota."""

    __tablename__ = "routing_rules"
    category_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(20))


class StoredAttachment(Base):
    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime]
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desks.id"))


class Complaint(Base):
    __tablename__ = "complaints"
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    ticket_code: Mapped[str] = mapped_column(String(24), unique=True)
    tracking_token: Mapped[str] = mapped_column(String(6))
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desks.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    officer: Mapped[str] = mapped_column(String(120))
    urgency: Mapped[str] = mapped_column(String(10))
    category_code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    earlier_references: Mapped[list[Any]]
    complainant: Mapped[dict[str, Any]]  # personal data: never in a public answer or a log
    kelurahan_code: Mapped[str] = mapped_column(String(13))
    kota_code: Mapped[str] = mapped_column(String(5))
    location: Mapped[dict[str, Any]]
    attachments: Mapped[list[Any]]
    created_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_since: Mapped[dt.datetime]
    last_public_update_at: Mapped[dt.datetime]
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    agency_code: Mapped[str] = mapped_column(String(20), default="")
    unit_code: Mapped[str] = mapped_column(String(60), default="")
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    merged_into: Mapped[str] = mapped_column(String(24), default="")

    # The supervisor's lists, per desk of a site (core/supervision.py; migration 0006).
    # The open-only indexes hold no closed case: a site's overdue and digantung lists
    # read their own rows only, however many closed complaints the years pile up.
    __table_args__ = (
        Index("ix_complaints_desk_created", "desk_id", "created_at"),
        Index("ix_complaints_desk_status", "desk_id", "status"),
        Index(
            "ix_complaints_open_desk_due",
            "desk_id",
            "due_date",
            "pk",
            postgresql_where=text(OPEN_SQL),
            sqlite_where=text(OPEN_SQL),
        ),
        Index(
            "ix_complaints_open_desk_quiet",
            "desk_id",
            "last_public_update_at",
            "pk",
            postgresql_where=text(OPEN_SQL),
            sqlite_where=text(OPEN_SQL),
        ),
    )


class Event(Base):
    """Append-only history. ``seq`` is the server order the changes feed follows."""

    __tablename__ = "events"
    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    complaint_pk: Mapped[int] = mapped_column(ForeignKey("complaints.pk"))
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desks.id"))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(120))
    actor_role: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    public_label: Mapped[str] = mapped_column(String(300), default="")
    at: Mapped[dt.datetime]
    recorded_at: Mapped[dt.datetime]
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    attachments: Mapped[list[Any]]

    __table_args__ = (
        Index("ix_events_desk_seq", "desk_id", "seq"),
        Index("ix_events_complaint_seq", "complaint_pk", "seq"),
    )


class CoReporter(Base):
    """A further citizen who reported the same problem: the personal part of a
    ``reporter_added`` event (same id), stored like a complaint's ``complainant``.
    A complaint's reporters are its first citizen and these."""

    __tablename__ = "co_reporters"
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    complaint_pk: Mapped[int] = mapped_column(ForeignKey("complaints.pk"), index=True)
    reporter: Mapped[dict[str, Any]]  # personal data: never in a public answer or a log
    at: Mapped[dt.datetime]
    recorded_at: Mapped[dt.datetime]


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"
    desk_id: Mapped[int] = mapped_column(ForeignKey("desks.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]
