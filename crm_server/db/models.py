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
    Double,
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
from crm_server.db.crypto import EncryptedJSON

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL wants 64 bits for a
# feed that grows for years.
SeqType = BigInteger().with_variant(Integer(), "sqlite")

# A complaint still open (not done, rejected or merged), written out so that a query
# repeating it word for word can use the partial indexes below (with a bound parameter
# the planner could not tell the index covers the rows).
OPEN_SQL = "status NOT IN ('done', 'rejected', 'duplicate')"
OPEN_COMPLAINT = text(OPEN_SQL)


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
    # From the heartbeat (0006): who is signed in (a staff name) and the clock's offset.
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
    kelurahan staff, an agency code for a Dinas, ``AGENCY@KOTA`` for a Suku Dinas.
    ``token_hash`` is the API token (workflow API); ``password_hash`` (argon2) the
    console's sign-in."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(String(40), default="")
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]


class StaffSession(Base):
    """A signed-in console session. The cookie holds a random secret; only its
    SHA-256 is stored, so a copy of the database signs no one in."""

    __tablename__ = "staff_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]


class SignInFailure(Base):
    """A failed console sign-in, by client address: the per-address limit counts
    these in a window (kept in the database, so every worker counts the same)."""

    __tablename__ = "sign_in_failures"
    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime]

    __table_args__ = (Index("ix_sign_in_failures_address_at", "address", "at"),)


class RateBucket(Base):
    """One client address's token bucket of one rate limit (core/rate_buckets.py):
    kept here so that every worker on every host counts the same. Times are seconds
    of the wall clock (``time.time()``), which the hosts share through NTP."""

    __tablename__ = "rate_buckets"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float] = mapped_column(Double)
    updated_at: Mapped[float] = mapped_column(Double, index=True)


class CaseloadCount(Base):
    """The open complaints counted by state, Dinas and kota (with how many are overdue
    and *digantung*), as the periodic job counted them at ``counted_at``: the city
    dashboard reads these few hundred rows instead of counting ~100 000 open
    complaints on every load (core/city_figures.py)."""

    __tablename__ = "caseload_counts"
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    kota_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    open: Mapped[int] = mapped_column(Integer)
    overdue: Mapped[int] = mapped_column(Integer)
    digantung: Mapped[int] = mapped_column(Integer)
    counted_at: Mapped[dt.datetime]


class JobRun(Base):
    """A periodic job (core/jobs.py): the worker that holds it until ``lease_until``,
    and when it last finished. Taken by one conditional UPDATE, so that it runs once
    across all workers; a worker that dies mid-job leaves it to the next when its
    lease ends."""

    __tablename__ = "job_runs"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), default="")
    lease_until: Mapped[dt.datetime | None]
    last_started_at: Mapped[dt.datetime | None]
    last_finished_at: Mapped[dt.datetime | None]
    runs: Mapped[int] = mapped_column(Integer, default=0)
    last_result: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Who did what, when and why, in the console: every administrative change and
    every look at a citizen's contact details. Append-only."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(60))  # the user name ("" for the system)
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]]
    # The chain (migration 0010): SHA-256 of the previous entry's hash and this
    # entry's fields (core/audit.py), so an entry altered later is found.
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")


class ResponseTemplate(Base):
    """A ready text for a step: for one category (or any: "") and one action
    (or any: ""); the console fills it in and the user may edit it."""

    __tablename__ = "response_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(20), default="")
    category_code: Mapped[str] = mapped_column(String(40), default="")
    body: Mapped[str] = mapped_column(Text)


class TimeLimit(Base):
    """An administrator's time limit for a state, in working days (overrides the
    settings' default)."""

    __tablename__ = "time_limits"
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    days: Mapped[int] = mapped_column(Integer)


class Holiday(Base):
    """A day off set by an administrator: cuti bersama, or a holiday the
    ``holidays`` package does not know yet."""

    __tablename__ = "holidays"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


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
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desks.id"))  # the first uploader


class AttachmentUpload(Base):  # a desk names in its pushes only files it uploaded (0018)
    __tablename__ = "attachment_uploads"
    sha256: Mapped[str] = mapped_column(ForeignKey("attachments.sha256"), primary_key=True)
    desk_id: Mapped[int] = mapped_column(ForeignKey("desks.id"), primary_key=True)


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
    # Personal data: never in a public answer or a log; stored encrypted (db/crypto.py),
    # with keyed hashes of its NIK and phone for the lookups (migration 0010).
    complainant: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)
    complainant_nik_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    complainant_phone_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    complainant_email_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    # When retention removed the personal data ("anonymised"), None while it is kept.
    personal_removed_at: Mapped[dt.datetime | None]
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
    # Steps taken after their due date (none: "closed within the time limits")
    late_steps: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # The console's inboxes and the city dashboard (migration 0004): each role's
    # waiting list oldest due first, the overdue and *digantung* lists, the open
    # caseload counted by state, Dinas and kota from one index, the closed in a period.
    __table_args__ = (
        Index("ix_complaints_due", "due_date", "pk"),
        Index("ix_complaints_status_due", "status", "due_date", "pk"),
        Index("ix_complaints_kelurahan_due", "kelurahan_code", "due_date", "pk"),
        Index("ix_complaints_unit_status_due", "unit_code", "status", "due_date"),
        Index("ix_complaints_agency_due", "agency_code", "due_date", "pk"),
        Index(
            "ix_complaints_open_due",
            "due_date",
            "pk",
            postgresql_where=OPEN_COMPLAINT,
            sqlite_where=OPEN_COMPLAINT,
        ),
        Index(
            "ix_complaints_open_quiet",
            "last_public_update_at",
            "pk",
            postgresql_where=OPEN_COMPLAINT,
            sqlite_where=OPEN_COMPLAINT,
        ),
        Index(
            "ix_complaints_open_counts",
            "status",
            "agency_code",
            "kota_code",
            "due_date",
            "last_public_update_at",
            postgresql_where=OPEN_COMPLAINT,
            sqlite_where=OPEN_COMPLAINT,
        ),
        Index("ix_complaints_status_since", "status", "status_since", "late_steps"),
        # The supervisor's lists, per desk of a site (core/supervision.py; migration
        # 0006). The open-only indexes hold no closed case: a site's overdue and
        # digantung lists read their own rows only, however many closed complaints
        # the years pile up.
        Index("ix_complaints_desk_created", "desk_id", "created_at"),
        Index("ix_complaints_desk_status", "desk_id", "status"),
        Index(
            "ix_complaints_open_desk_due",
            "desk_id",
            "due_date",
            "pk",
            postgresql_where=OPEN_COMPLAINT,
            sqlite_where=OPEN_COMPLAINT,
        ),
        Index(
            "ix_complaints_open_desk_quiet",
            "desk_id",
            "last_public_update_at",
            "pk",
            postgresql_where=OPEN_COMPLAINT,
            sqlite_where=OPEN_COMPLAINT,
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
    reporter: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)  # personal, encrypted
    nik_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    phone_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    email_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    at: Mapped[dt.datetime]
    recorded_at: Mapped[dt.datetime]


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"
    desk_id: Mapped[int] = mapped_column(ForeignKey("desks.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]
