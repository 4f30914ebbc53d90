"""The CRM core: desks and enrolment, the idempotent push, attachments, the changes
feed, heartbeats and reference data. HTTP-free, so the CLI, the API and the
benchmark all call the same code.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from typing import cast as typing_cast

from pydantic import ValidationError
from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Date,
    Dialect,
    Engine,
    Row,
    Table,
    TextClause,
    TextualSelect,
    Uuid,
    any_,
    bindparam,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, sessionmaker

from complaint_domain.areas import Area as DomainArea
from complaint_domain.areas import AreaIndex, AreaLevel, demo_area_file, read_area_file
from complaint_domain.complaint import ALLOWED_ATTACHMENT_TYPES, WIB
from complaint_domain.reference import (
    AGENCIES,
    CATEGORIES,
    CATEGORY_BY_CODE,
    CHANNEL_BY_CODE,
    CHANNELS,
    default_agency,
)
from complaint_domain.status import Status
from complaint_domain.ticket import TicketCodeError, parse_ticket_code, validate_desk_code
from complaint_domain.workdays import WorkCalendar
from crm_server.db import FEED_LOCK_KEY, make_engine, make_session_factory, transaction
from crm_server.errors import ApiError, field_path, unauthorized
from crm_server.models import (
    Area,
    Complaint,
    Desk,
    EnrolmentCode,
    Event,
    IdempotencyRecord,
    RoutingRule,
    StoredAttachment,
    User,
    UTCDateTime,
)
from crm_server.schemas import (
    IDEMPOTENCY_KEY,
    MAX_BATCH,
    PUSH_ITEM,
    AttachmentRef,
    ComplaintItem,
    EventItem,
    PushItem,
    PushRequest,
)
from crm_server.security import (
    hash_secret,
    new_enrolment_code,
    new_token,
    normalise_enrolment_code,
)
from crm_server.settings import Settings

Clock = Callable[[], dt.datetime]
# Ticket codes minted by the CRM itself (Open311 requests) use this desk code.
CRM_DESK_CODE = "WEB"
RESERVED_DESK_CODES = frozenset({CRM_DESK_CODE})
EVENT_NAMESPACE = uuid.UUID("6f1c9a52-3b0e-4c59-9a57-0f3c8e1d2a11")
_AREA_CACHE_SECONDS = 60.0
# DESK-YYMMDD-NNNN-C as parse_ticket_code writes it back: upper case, no I/L/O in the
# desk part (it reads them as 1/1/0), digits for date and sequence.
_CANONICAL_TICKET = re.compile(r"[0-9A-HJKMNP-Z]{1,6}-[0-9]{6}-[0-9]{4}-[0-9A-Z]")
# The tables the push reads and writes with Core statements, not the ORM's unit of
# work (the mapped classes type them as FromClause).
_COMPLAINTS = typing_cast(Table, Complaint.__table__)
_DESKS = typing_cast(Table, Desk.__table__)
_EVENTS = typing_cast(Table, Event.__table__)
_IDEMPOTENCY = typing_cast(Table, IdempotencyRecord.__table__)

# Magic numbers of the accepted attachment types: the declared type must match the bytes.
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/webp": (b"RIFF",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "application/pdf": (b"%PDF-",),
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def crm_id(pk: int) -> str:
    return f"CRM-{pk:07d}"


def received_event_id(complaint_id: uuid.UUID) -> uuid.UUID:
    """Deterministic, so that the "received" event exists once whatever happens."""
    return uuid.uuid5(EVENT_NAMESPACE, f"{complaint_id}/received")


def channel_admin_unit(channel: str) -> str:
    channel_name = CHANNEL_BY_CODE[channel].name if channel in CHANNEL_BY_CODE else channel
    return f"Admin kanal {channel_name}"


@dataclass(frozen=True)
class DeskAuth:
    id: int
    code: str
    site: str


@dataclass(frozen=True)
class UserAuth:
    id: int
    username: str
    display_name: str
    role: str
    unit_code: str


class Crm:
    """The service object the API, the CLI and the tests share."""

    def __init__(
        self, settings: Settings, clock: Clock = utc_now, engine: Engine | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.engine = engine or make_engine(settings.database_url)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)
        self.calendar = WorkCalendar(settings.cuti_bersama)
        self._areas: AreaIndex | None = None
        self._areas_loaded = 0.0

    def close(self) -> None:
        self.engine.dispose()

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        """Working days are counted in Jakarta time."""
        return self.now().astimezone(WIB).date()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # ---------------------------------------------------------------- reference data

    def areas(self) -> AreaIndex:
        if self._areas is None or time.monotonic() - self._areas_loaded > _AREA_CACHE_SECONDS:
            with self.sessions() as session:
                rows = session.execute(select(Area.code, Area.name, Area.level)).all()
            self._areas = AreaIndex(DomainArea(c, n, AreaLevel(lv)) for c, n, lv in rows)
            self._areas_loaded = time.monotonic()
        return self._areas

    def ensure_reference_data(self) -> None:
        """Default routing rules and, on an empty database, the demo area set."""
        with transaction(self.sessions) as session:
            if not session.scalar(select(func.count()).select_from(RoutingRule)):
                for category in CATEGORIES:
                    agency = default_agency(category.code)
                    if agency is not None:
                        session.add(
                            RoutingRule(category_code=category.code, agency_code=agency.code)
                        )
            has_areas = session.scalar(select(func.count()).select_from(Area))
        if not has_areas:
            self.import_areas(read_area_file(demo_area_file()))

    def import_areas(self, areas: Sequence[DomainArea]) -> int:
        """Replace-or-add every area in the file (kept areas are never deleted:
        complaints point at them)."""
        with transaction(self.sessions) as session:
            existing = {a.code: a for a in session.scalars(select(Area))}
            for area in areas:
                row = existing.get(area.code)
                if row is None:
                    session.add(Area(code=area.code, name=area.name, level=area.level.value))
                else:
                    row.name, row.level = area.name, area.level.value
        self._areas = None
        return len(areas)

    def reference(self) -> tuple[dict[str, Any], str]:
        """The reference document and its version (the ETag)."""
        index = self.areas()
        areas = sorted(
            (
                {"code": a.code, "name": a.name, "level": a.level.value}
                for level in AreaLevel
                for a in index.at_level(level)
            ),
            key=lambda a: a["code"],
        )
        with self.sessions() as session:
            rules: dict[str, str] = {
                code: agency
                for code, agency in session.execute(
                    select(RoutingRule.category_code, RoutingRule.agency_code)
                )
            }
        document: dict[str, Any] = {
            "categories": [
                {
                    "code": c.code,
                    "name": c.name,
                    "parent": c.parent,
                    "agency": rules.get(c.code, c.agency),
                }
                for c in CATEGORIES
            ],
            "agencies": [
                {"code": a.code, "name": a.name, "kota_unit": a.kota_unit} for a in AGENCIES
            ],
            "channels": [{"code": c.code, "name": c.name} for c in CHANNELS],
            "areas": areas,
        }
        canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
        version = hashlib.sha256(canonical).hexdigest()[:20]
        return {"version": version, **document}, version

    # ---------------------------------------------------------------- desks and users

    def create_enrolment(self, desk_code: str, site: str) -> str:
        """A one-time code for the desk ``desk_code`` (created if new)."""
        code = validate_desk_code(desk_code)
        if code in RESERVED_DESK_CODES:
            raise ValueError(f"desk code {code} is reserved for the CRM itself")
        secret = new_enrolment_code()
        now = self.now()
        with transaction(self.sessions) as session:
            desk = session.scalar(select(Desk).where(Desk.code == code))
            if desk is None:
                desk = Desk(code=code, site=site)
                session.add(desk)
                session.flush()
            elif site:
                desk.site = site
            session.add(
                EnrolmentCode(
                    desk_id=desk.id,
                    code_hash=hash_secret(normalise_enrolment_code(secret)),
                    created_at=now,
                    expires_at=now + dt.timedelta(days=self.settings.enrolment_code_days),
                )
            )
        return secret

    def enrol(self, enrolment_code: str, app_version: str = "") -> tuple[DeskAuth, str]:
        """Exchange a one-time code for the desk's bearer token (the old token stops working)."""
        code_hash = hash_secret(normalise_enrolment_code(enrolment_code))
        now = self.now()
        token = new_token("mdt")
        with transaction(self.sessions) as session:
            # One UPDATE decides who used the code: two racing enrolments cannot both win.
            used = session.execute(
                update(EnrolmentCode)
                .where(
                    EnrolmentCode.code_hash == code_hash,
                    EnrolmentCode.used_at.is_(None),
                    EnrolmentCode.expires_at > now,
                )
                .values(used_at=now)
                .returning(EnrolmentCode.desk_id)
            ).scalar()
            if used is None:
                raise ApiError(
                    401,
                    "invalid_enrolment_code",
                    "Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.",
                    "enrolment_code",
                )
            desk = session.get_one(Desk, used)
            desk.token_hash = hash_secret(token)
            desk.enrolled_at = now
            if app_version:
                desk.app_version = app_version
            auth = DeskAuth(desk.id, desk.code, desk.site)
        return auth, token

    def desk_for_token(self, token: str) -> DeskAuth:
        with self.sessions() as session:
            row = session.execute(
                select(Desk.id, Desk.code, Desk.site).where(Desk.token_hash == hash_secret(token))
            ).first()
        if row is None:
            raise unauthorized("The desk token is not valid (enrol the desk again).")
        return DeskAuth(*row)

    def user_for_token(self, token: str) -> UserAuth:
        with self.sessions() as session:
            user = session.scalar(select(User).where(User.token_hash == hash_secret(token)))
        if user is None:
            raise unauthorized("The user token is not valid.")
        return UserAuth(user.id, user.username, user.display_name, user.role, user.unit_code)

    def create_user(self, username: str, display_name: str, role: str, unit_code: str = "") -> str:
        """Create or update a staff account; returns a fresh API token."""
        from crm_server.workflow import ROLES  # workflow imports this module

        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        token = new_token("mut")
        with transaction(self.sessions) as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                user = User(username=username, display_name=display_name, role=role)
                session.add(user)
            user.display_name, user.role, user.unit_code = display_name, role, unit_code
            user.token_hash = hash_secret(token)
        return token

    def heartbeat(
        self, desk: DeskAuth, pending: int, oldest_age: int | None, version: str
    ) -> dt.datetime:
        now = self.now()
        with transaction(self.sessions) as session:
            session.execute(
                update(Desk)
                .where(Desk.id == desk.id)
                .values(
                    last_heartbeat_at=now,
                    pending_count=pending,
                    oldest_unsent_age_s=oldest_age,
                    app_version=version or Desk.app_version,
                )
            )
        return now

    def desk_statuses(self, site: str | None = None) -> list[Desk]:
        with self.sessions() as session:
            query = select(Desk).order_by(Desk.code)
            if site is not None:
                query = query.where(Desk.site == site)
            return list(session.scalars(query))

    # ---------------------------------------------------------------- attachments

    def attachment_path(self, sha256: str) -> Path:
        return self.settings.attachment_dir / sha256[:2] / sha256

    def store_attachment(
        self, desk: DeskAuth | None, sha256: str, media_type: str, data: bytes
    ) -> bool:
        """Store a content-addressed file; False when it was already there."""
        if media_type not in ALLOWED_ATTACHMENT_TYPES:
            raise ApiError(
                415,
                "unsupported_media_type",
                "Only JPEG, PNG, WebP, TIFF and PDF files are accepted.",
                "Content-Type",
            )
        if not data:
            raise ApiError(422, "empty", "The file is empty.", "body")
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ApiError(422, "hash_mismatch", "The body does not match its SHA-256.", "sha256")
        if not data.startswith(_MAGIC[media_type]):
            raise ApiError(
                422, "type_mismatch", "The file content does not match its Content-Type.", "body"
            )
        path = self.attachment_path(sha256)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{uuid.uuid4().hex}.part")
            tmp.write_bytes(data)
            tmp.replace(path)  # atomic: a reader never sees half a file
        with transaction(self.sessions) as session:
            insert = _insert_for(session)(StoredAttachment).values(
                sha256=sha256,
                size=len(data),
                media_type=media_type,
                created_at=self.now(),
                desk_id=desk.id if desk else None,
            )
            created = session.execute(
                insert.on_conflict_do_nothing().returning(StoredAttachment.sha256)
            ).first()
        return created is not None

    # ---------------------------------------------------------------- push

    def push(
        self,
        desk: DeskAuth,
        raw_items: list[Any],
        idempotency_key: str | None = None,
        request_hash: str = "",
    ) -> dict[str, Any]:
        """A batch from a desk already known (the seed, benchmarks); the API calls
        ``push_request``."""
        now = self.now()
        batch = _Push(self, None, desk, now, self.areas())
        # Validation needs no database: done before the transaction, so that the feed
        # lock, which serialises every push, is held for the lookups and writes only.
        batch.check(raw_items)
        with self.engine.begin() as conn:
            _stamp_push(conn, _DESKS.c.id == desk.id, now)
            return _store_push(conn, batch, idempotency_key, request_hash)

    def push_request(self, token: str, body: bytes, idempotency_key: str | None) -> dict[str, Any]:
        """A push as it comes over HTTP: the desk's bearer token, the raw JSON body and
        the Idempotency-Key header. Errors come in this order: a bad token (401,
        whatever the body), then the body (400, 413, 422), then each item (answered
        "rejected" while the rest of the batch goes on)."""
        now = self.now()
        areas = self.areas()  # before the transaction: on SQLite a second one would wait on it
        with self.engine.begin() as conn:
            # The token is checked by the push's own first statement, which also notes
            # the push, rather than in a transaction of its own before it.
            desk = _stamp_push(conn, _DESKS.c.token_hash == hash_secret(token), now)
            if desk is None:
                raise unauthorized("The desk token is not valid (enrol the desk again).")
            batch = _Push(self, None, desk, now, areas)
            # Validated before the feed lock (taken in _store_push) on PostgreSQL; on
            # SQLite inside the write lock BEGIN IMMEDIATE took, the price of checking
            # the token first without a transaction of its own.
            batch.read(body)
            if idempotency_key is not None:
                try:
                    IDEMPOTENCY_KEY.validate_python(idempotency_key)
                except ValidationError:
                    raise ApiError(
                        422,
                        "invalid",
                        "Idempotency-Key must be 1–200 characters, without NUL.",
                        "Idempotency-Key",
                    ) from None
            return _store_push(conn, batch, idempotency_key, hashlib.sha256(body).hexdigest())

    # ---------------------------------------------------------------- changes feed

    def changes(
        self, desk: DeskAuth, cursor: int, limit: int
    ) -> tuple[list[dict[str, Any]], int, bool]:
        with self.sessions() as session:
            if session.get_bind().dialect.name == "postgresql":
                # The page must come from an ordered range scan of ix_events_desk_seq
                # (desk_id, seq), which stops after `limit` rows. Without statistics
                # (a table just bulk-loaded or restored, before autovacuum analyses it)
                # the planner believes the desk has a dozen events and picks a bitmap
                # scan instead, which reads and sorts *every* later event of the desk
                # for each page: 80 ms a page over 100 000 events instead of 1 ms.
                # A bitmap scan never suits this query (it loses the index order).
                session.execute(text("SET LOCAL enable_bitmapscan = off"))
            page = (
                select(
                    Event.seq,
                    Event.id,
                    Complaint.id,
                    Complaint.ticket_code,
                    Event.kind,
                    Event.status,
                    Event.public_label,
                    Event.note,
                    Event.unit_name,
                    Event.at,
                )
                .join(Complaint, Complaint.pk == Event.complaint_pk)
                .where(Event.desk_id == desk.id, Event.seq > cursor)
                .order_by(Event.seq)
                .limit(limit + 1)
            )
            # A Core execute: plain rows, without the ORM's result-loading layer.
            rows = session.connection().execute(page).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        changes = [
            {
                "seq": r[0],
                "event_id": r[1],
                "complaint_id": r[2],
                "ticket_code": r[3],
                "kind": r[4],
                "status": r[5],
                "public_label": r[6],
                "note": r[7],
                "unit": r[8],
                "at": r[9],
            }
            for r in rows
        ]
        return changes, (rows[-1][0] if rows else cursor), has_more

    # ---------------------------------------------------------------- maintenance

    def reset_all(self) -> None:
        """Empty every table (tests and the demo reset)."""
        from crm_server.models import Base

        with transaction(self.sessions) as session:
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(delete(table))
        self._areas = None


def _stamp_push(
    conn: Connection, desk_is: ColumnElement[bool], now: dt.datetime
) -> DeskAuth | None:
    """Note the push on its desk (the row ``desk_is`` selects); the desk, or None when
    no row matches. The push's first statement: on PostgreSQL every push takes its
    desk's row lock before the feed lock, always in this order."""
    d = _DESKS.c
    row = conn.execute(
        update(_DESKS).where(desk_is).values(last_push_at=now).returning(d.id, d.code, d.site)
    ).first()
    return DeskAuth(*row) if row is not None else None


def _push_items(body: bytes) -> list[Any]:
    """The items of a push body, read by hand: they are validated one by one, so one
    bad item is rejected on its own instead of failing the whole batch."""
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "malformed_json", "The request body is not valid JSON.") from None
    items = parsed.get("items") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise ApiError(422, "invalid", "The body must be an object with a list 'items'.", "items")
    if len(items) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", f"A batch holds at most {MAX_BATCH} items.", "items")
    return items


def _store_push(
    conn: Connection, batch: _Push, idempotency_key: str | None, request_hash: str
) -> dict[str, Any]:
    """Write a checked batch in the push transaction (its desk row already noted);
    the answer, or the recorded one for an Idempotency-Key seen before."""
    if conn.dialect.name == "postgresql":
        # The feed lock (see db.lock_feed) and a planner setting in one round trip.
        # Every read of the push is a lookup by a unique key. Without statistics (a
        # new or just-restored database, before autovacuum analyses it) the planner
        # takes complaints for a small table and scans all of it for each batch,
        # comparing every row with the batch's ids: the push then slows down as the
        # table grows (6 ms at 3 000 rows). Discouraged for this transaction only.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:k), set_config('enable_seqscan', 'off', true)"),
            {"k": FEED_LOCK_KEY},
        )
    desk_id = batch.desk.id
    keys = _IDEMPOTENCY.c
    if idempotency_key:
        record = conn.execute(
            select(keys.request_hash, keys.response).where(
                keys.desk_id == desk_id, keys.key == idempotency_key
            )
        ).first()
        if record is not None:
            if record.request_hash != request_hash:
                raise ApiError(
                    422,
                    "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request body.",
                    "Idempotency-Key",
                )
            response: dict[str, Any] = record.response
            return response
    response = {"results": batch.store(conn)}
    if idempotency_key:
        conn.execute(
            _IDEMPOTENCY.insert().values(
                desk_id=desk_id,
                key=idempotency_key,
                request_hash=request_hash,
                response=response,
                created_at=batch.now,
            )
        )
    return response


def _insert_for(session: Session) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _one_of(conn: Connection, column: Any, values: Collection[Any]) -> Any:
    """``column IN values``. On PostgreSQL as ``= ANY(array)``: one parameter, so the
    statement text is the same whatever the batch size. psycopg then parses it once
    and the server keeps it prepared; an IN list of 100 placeholders defeats both
    (psycopg caches no query of more than 50 parameters)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def _bulk_insert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    returning: Sequence[Column[Any]] = (),
) -> list[Row[Any]]:
    """INSERT ... ON CONFLICT DO NOTHING of ``rows`` (all with the same keys) as one
    statement (one executemany on SQLite); the inserted rows' ``returning`` columns
    come back."""
    if conn.dialect.name != "postgresql":
        return _sqlite_bulk_insert(conn, table, rows, returning)
    # PostgreSQL: the whole batch as one JSON document, turned into rows by the server
    # (INSERT ... SELECT FROM json_populate_recordset, which types every field by its
    # column). A multi-row VALUES list would have 100 x 27 placeholders, which psycopg
    # parses afresh (a regex over the whole text) and the server plans afresh on every
    # push; executemany costs a round trip per row; arrays per column are escaped
    # element by element in Python. This statement has one parameter and never changes,
    # so psycopg prepares it, and json.dumps encodes the batch in C.
    names = tuple(rows[0])
    statement, converters = _recordset_insert(table, names, tuple(returning))
    records = [dict(zip(names, values, strict=True)) for values in _by_column(rows, converters)]
    document = json.dumps(records, default=_json_scalar, separators=(",", ":"))
    result = conn.execute(statement, {"rows": document})
    return list(result) if returning else []


def _by_column(
    rows: list[dict[str, Any]], converters: list[tuple[str, Callable[[Any], Any] | None]]
) -> Iterator[tuple[Any, ...]]:
    """The rows' values converted column by column (``None``: as is). A value the
    whole batch shares (its `now`, the due date) is converted once."""
    columns = []
    for name, convert in converters:
        values = [row[name] for row in rows]
        if convert is not None:
            first = values[0]
            if all(value is first for value in values):
                values = [convert(first)] * len(values)
            else:
                values = [convert(value) for value in values]
        columns.append(values)
    return zip(*columns, strict=True)


def _sqlite_bulk_insert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    returning: Sequence[Column[Any]],
) -> list[Row[Any]]:
    """SQLite: one executemany at the driver level, so that sqlite3 loops over the
    rows in C. Every value still goes through its column type's own bind processor,
    as SQLAlchemy would do it; what is skipped is SQLAlchemy's per-row parameter
    bookkeeping, which cost more than the insert itself. sqlite3's executemany
    cannot return rows: the ``returning`` columns are read back from the rows past
    the table's largest integer key before the insert. SQLite gives a new row the
    next key, and the caller holds the database's write lock (BEGIN IMMEDIATE), so
    these are the rows this insert added (not those it skipped)."""
    sql, processors = _sqlite_insert(table, tuple(rows[0]), conn.dialect)
    (key,) = table.primary_key.columns
    before = conn.scalar(select(func.max(key))) if returning else None
    conn.exec_driver_sql(sql, list(_by_column(rows, processors)))
    if not returning:
        return []
    return list(conn.execute(select(*returning).where(key > (before or 0))))


@functools.cache
def _sqlite_insert(
    table: Table, names: tuple[str, ...], dialect: Dialect
) -> tuple[str, list[tuple[str, Any]]]:
    """The statement, and each column's name and bind processor (None: as is)."""
    columns = [(n, table.c[n].type.dialect_impl(dialect).bind_processor(dialect)) for n in names]
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        " ON CONFLICT DO NOTHING"
    )
    return sql, columns


_UTC_DATETIME = UTCDateTime()
_POSTGRESQL = postgresql.dialect()


def _json_scalar(value: Any) -> str:
    """Column values json.dumps does not know, as PostgreSQL reads them."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        # The naive UTC the columns store (models.UTCDateTime); naive input is a bug.
        return str(_UTC_DATETIME.process_bind_param(value, _POSTGRESQL).isoformat())
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"no JSON form for {type(value).__name__}")


@functools.cache
def _recordset_insert(
    table: Table, names: tuple[str, ...], returning: tuple[Column[Any], ...]
) -> tuple[TextClause | TextualSelect, list[tuple[str, Callable[[Any], Any] | None]]]:
    """The statement, and each column's converter to JSON (None: JSON already)."""
    converters: list[tuple[str, Callable[[Any], Any] | None]] = [
        (n, _json_scalar if isinstance(table.c[n].type, Uuid | UTCDateTime | Date) else None)
        for n in names
    ]
    columns = ", ".join(names)
    sql = (
        f"INSERT INTO {table.name} ({columns}) SELECT {columns}"
        f" FROM json_populate_recordset(NULL::{table.name}, :rows) WITH ORDINALITY"
        # The rows, and so the events' seq, keep the batch order.
        " ORDER BY ordinality ON CONFLICT DO NOTHING"
    )
    if not returning:
        return text(sql), converters
    sql += " RETURNING " + ", ".join(column.name for column in returning)
    return text(sql).columns(*returning), converters


def _result(
    item_id: str,
    outcome: str,
    crm_id: str | None = None,
    error: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """One entry of the push answer (the shape of ``schemas.PushResult``), built as a
    plain dict: it goes straight to JSON and into the idempotency record."""
    return {"id": item_id, "outcome": outcome, "crm_id": crm_id, "error": error}


def _rejected(item_id: str, code: str, message: str, field: str | None) -> dict[str, Any]:
    return _result(item_id, "rejected", error={"code": code, "message": message, "field": field})


@dataclass
class _NewComplaint:
    index: int
    item: ComplaintItem
    ticket: str  # canonical ticket code, "" when it does not parse
    problem: dict[str, Any] | None  # the rejection found without the database


class _Push:
    """One batch. ``check`` does everything that needs no database; ``store`` then
    runs a fixed number of statements whatever the batch size (one insert per table,
    and a lookup only for the items not inserted), never a statement per item."""

    def __init__(
        self,
        crm: Crm,
        session: Session | None,  # unused; kept for callers that only want _row
        desk: DeskAuth,
        now: dt.datetime,
        areas: AreaIndex,
    ) -> None:
        self.crm, self.desk, self.now = crm, desk, now
        self.area_index = areas
        # The same for every row of the batch: computed once.
        received_day = now.astimezone(WIB).date()
        limit = crm.settings.time_limits[Status.RECEIVED]
        self.due_date = crm.calendar.add_working_days(received_day, limit)
        self.results: list[dict[str, Any] | None] = []
        self.complaints: list[_NewComplaint] = []
        self.events: list[tuple[int, EventItem]] = []
        self.repeats: list[tuple[int, int]] = []

    def read(self, body: bytes) -> None:
        """``check`` for a push body as it came over HTTP. The usual body, valid as a
        whole, is validated in one pass from its bytes; any other is read and
        validated item by item, as ``check`` does."""
        try:
            items = PushRequest.model_validate_json(body).items
        except ValidationError:
            self.check(_push_items(body))
        else:
            self.results = [None] * len(items)
            self._sort(enumerate(items))

    def check(self, raw_items: list[Any]) -> None:
        """Validate every item on its own: a bad item (a NUL in its text too, see
        ``schemas.Text``) is answered "rejected" and the rest of the batch goes on."""
        results: list[dict[str, Any] | None] = [None] * len(raw_items)
        self.results = results
        valid: list[tuple[int, PushItem]] = []
        for i, raw in enumerate(raw_items):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            item_id = raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else ""
            try:
                item = PUSH_ITEM.validate_python(raw)
            except ValidationError as exc:
                err = exc.errors(include_url=False, include_input=False, include_context=False)[0]
                if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                    # pydantic's message would quote the type sent, and name no field.
                    message, field = "type must be complaint or event.", "type"
                else:
                    message, field = err["msg"], field_path(err["loc"][1:])
                results[i] = _rejected(item_id, "invalid", message, field)
                continue
            valid.append((i, item))
        self._sort(valid)

    def _sort(self, items: Iterable[tuple[int, PushItem]]) -> None:
        """Valid items (with their place in the batch) into complaints, with the
        problems found without the database, and events; a repeated id is answered
        as its first."""
        first_index: dict[uuid.UUID, int] = {}
        for i, item in items:
            if item.id in first_index:
                self.repeats.append((i, first_index[item.id]))
                continue
            first_index[item.id] = i
            if isinstance(item, ComplaintItem):
                ticket, problem = self._check(item)
                self.complaints.append(_NewComplaint(i, item, ticket, problem))
            else:
                self.events.append((i, item))

    def store(self, conn: Connection) -> list[dict[str, Any]]:
        """Write the checked batch (inside the push transaction); the answers in order."""
        known_files = self._known_files(conn)
        self._complaints(conn, known_files)
        self._events(conn, known_files)
        results = self.results
        for i, first in self.repeats:
            earlier = results[first]
            assert earlier is not None
            results[i] = (
                {**earlier, "outcome": "already_had"}
                if earlier["outcome"] == "accepted"
                else earlier
            )
        return [r for r in results if r is not None]

    def _check(self, item: ComplaintItem) -> tuple[str, dict[str, Any] | None]:
        """The canonical ticket code ("" if it does not parse) and the first problem
        found without the database, in the order the desk expects them reported."""
        item_id = str(item.id)
        try:
            code = parse_ticket_code(item.ticket_code)
        except TicketCodeError as exc:
            return "", _rejected(item_id, "invalid_ticket_code", exc.message, "ticket_code")
        # A code the desk sent in canonical form (the usual case) is its own canonical
        # form once it parses; str(code) would compute the check character again.
        ticket = item.ticket_code if _CANONICAL_TICKET.fullmatch(item.ticket_code) else str(code)
        if code.desk != self.desk.code:
            return ticket, _rejected(
                item_id,
                "wrong_desk",
                "The ticket code does not belong to this desk.",
                "ticket_code",
            )
        if item.channel not in CHANNEL_BY_CODE:
            return ticket, _rejected(item_id, "unknown_channel", "Unknown channel.", "channel")
        if item.category_code not in CATEGORY_BY_CODE:
            return ticket, _rejected(
                item_id, "unknown_category", "Unknown category.", "category_code"
            )
        area = self.area_index.get(item.location.kelurahan_code)
        if area is None or area.level is not AreaLevel.KELURAHAN:
            return ticket, _rejected(
                item_id, "unknown_area", "Unknown kelurahan code.", "location.kelurahan_code"
            )
        if item.created_at > self.now + dt.timedelta(days=1):
            return ticket, _rejected(
                item_id, "invalid", "created_at is in the future.", "created_at"
            )
        return ticket, None

    def _known_files(self, conn: Connection) -> set[str]:
        """Which of the batch's attachments are uploaded: one query for the batch."""
        wanted = {a.sha256 for c in self.complaints for a in c.item.attachments}
        wanted.update(a.sha256 for _, e in self.events for a in e.attachments)
        if not wanted:
            return set()
        sha = StoredAttachment.__table__.c.sha256
        return set(conn.scalars(select(sha).where(_one_of(conn, sha, wanted))))

    def _complaints(self, conn: Connection, known_files: set[str]) -> None:
        if not self.complaints:
            return
        results = self.results
        c = _COMPLAINTS.c
        # Insert first, look up after: a batch is normally all new. The insert skips
        # (ON CONFLICT DO NOTHING) an item whose id is stored already or whose ticket
        # code is taken, also by an earlier item of the batch or by a concurrent push;
        # only the items not inserted are then looked up, to tell which it was.
        candidates = [
            new
            for new in self.complaints
            if new.problem is None and not _missing_attachment(new.item.attachments, known_files)
        ]
        inserted: dict[uuid.UUID, int] = {}
        if candidates:
            rows = [self._row(new.item, new.ticket) for new in candidates]
            inserted = {
                row.id: row.pk for row in _bulk_insert(conn, _COMPLAINTS, rows, (c.id, c.pk))
            }
        others = [new.item.id for new in self.complaints if new.item.id not in inserted]
        stored = (
            {
                row.id: row
                for row in conn.execute(
                    select(c.id, c.pk, c.ticket_code).where(_one_of(conn, c.id, others))
                )
            }
            if others
            else {}
        )
        events = []
        for new in self.complaints:
            item, item_id = new.item, str(new.item.id)
            pk = inserted.get(item.id)
            old = stored.get(item.id)
            if pk is not None:
                results[new.index] = _result(item_id, "accepted", crm_id(pk))
                events.append(self._received_event(item, pk))
            elif old is not None:
                results[new.index] = self._already_had(item_id, new.ticket, old.ticket_code, old.pk)
            elif new.problem is not None:
                results[new.index] = new.problem
            elif missing := _missing_attachment(item.attachments, known_files):
                results[new.index] = _rejected(
                    item_id,
                    "attachment_missing",
                    "Upload the attachment before the complaint.",
                    missing,
                )
            else:
                results[new.index] = _rejected(
                    item_id,
                    "duplicate_ticket_code",
                    "Another complaint already has this ticket code.",
                    "ticket_code",
                )
        if events:
            _bulk_insert(conn, _EVENTS, events)

    def _received_event(self, item: ComplaintItem, pk: int) -> dict[str, Any]:
        """The ``events`` row that says a new complaint was received."""
        return {
            "id": received_event_id(item.id),
            "complaint_pk": pk,
            "desk_id": self.desk.id,
            "kind": "status",
            "status": Status.RECEIVED.value,
            "actor": "CRM",
            "actor_role": "system",
            "note": "Aduan diterima CRM.",
            "unit_name": channel_admin_unit(item.channel),
            "public_label": Status.RECEIVED.public_label,
            "at": self.now,
            "recorded_at": self.now,
            "public": True,
            "attachments": [],
        }

    @staticmethod
    def _already_had(item_id: str, ticket: str, stored_code: str, pk: int) -> dict[str, Any]:
        if ticket != stored_code:
            return _rejected(
                item_id,
                "id_conflict",
                "This id is already used by a complaint with another ticket code.",
                "id",
            )
        return _result(item_id, "already_had", crm_id(pk))

    def _row(self, item: ComplaintItem, ticket: str) -> dict[str, Any]:
        """The ``complaints`` row of an accepted item (also used by the benchmarks)."""
        now = self.now
        loc = item.location
        return {
            "id": item.id,
            "ticket_code": ticket,
            "tracking_token": item.tracking_token,
            "desk_id": self.desk.id,
            "channel": item.channel,
            "officer": item.officer,
            "urgency": item.urgency,
            "category_code": item.category_code,
            "description": item.description,
            "earlier_references": list(item.earlier_references),
            "complainant": item.complainant.model_dump(mode="json"),
            "kelurahan_code": loc.kelurahan_code,
            "kota_code": ".".join(loc.kelurahan_code.split(".")[:2]),
            "location": loc.model_dump(mode="json"),
            "attachments": [a.model_dump(mode="json") for a in item.attachments],
            "created_at": item.created_at,
            "received_at": now,
            "status": Status.RECEIVED.value,
            "status_since": now,
            "last_public_update_at": now,
            "due_date": self.due_date,
            "agency_code": "",
            "unit_code": "",
            "unit_name": channel_admin_unit(item.channel),
            "reason": "",
            "merged_into": "",
        }

    def _events(self, conn: Connection, known_files: set[str]) -> None:
        """The desk's own events (a citizen's addition, a note)."""
        if not self.events:
            return
        results = self.results
        c, e = _COMPLAINTS.c, _EVENTS.c
        targets = {
            row.id: row
            for row in conn.execute(
                select(c.id, c.pk, c.desk_id, c.ticket_code, c.status, c.unit_name).where(
                    _one_of(conn, c.id, {item.complaint_id for _, item in self.events})
                )
            )
        }
        existing: dict[uuid.UUID, int] = {
            row.id: row.seq
            for row in conn.execute(
                select(e.id, e.seq).where(_one_of(conn, e.id, [item.id for _, item in self.events]))
            )
        }
        rows, pending = [], []
        for i, item in self.events:
            item_id = str(item.id)
            if item.id in existing:
                results[i] = _result(item_id, "already_had", f"E{existing[item.id]}")
                continue
            target = targets.get(item.complaint_id)
            if target is None or target.desk_id != self.desk.id:
                results[i] = _rejected(
                    item_id,
                    "unknown_complaint",
                    "The complaint of this event is not known for this desk.",
                    "complaint_id",
                )
                continue
            try:
                same = str(parse_ticket_code(item.ticket_code)) == target.ticket_code
            except TicketCodeError:
                same = False
            if not same:
                results[i] = _rejected(
                    item_id, "invalid", "ticket_code does not match complaint_id.", "ticket_code"
                )
                continue
            if missing := _missing_attachment(item.attachments, known_files):
                results[i] = _rejected(
                    item_id,
                    "attachment_missing",
                    "Upload the attachment before the event.",
                    missing,
                )
                continue
            status = Status(target.status)
            rows.append(
                {
                    "id": item.id,
                    "complaint_pk": target.pk,
                    "desk_id": self.desk.id,
                    "kind": item.kind,
                    "status": status.value,
                    "actor": f"Meja {self.desk.code}",
                    "actor_role": "desk",
                    "note": item.note,
                    "unit_name": target.unit_name,
                    "public_label": status.public_label,
                    "at": item.at,
                    "recorded_at": self.now,
                    # A citizen's addition is not news from the handler: it does not
                    # reset the "digantung" clock.
                    "public": False,
                    "attachments": [a.model_dump(mode="json") for a in item.attachments],
                }
            )
            pending.append((i, item))
        if not rows:
            return
        inserted: dict[uuid.UUID, int] = {
            row.id: row.seq for row in _bulk_insert(conn, _EVENTS, rows, (e.id, e.seq))
        }
        for i, item in pending:
            seq = inserted.get(item.id)
            if seq is None:  # a concurrent push stored it first
                seq = conn.scalar(select(e.seq).where(e.id == item.id))
                results[i] = _result(str(item.id), "already_had", f"E{seq}")
            else:
                results[i] = _result(str(item.id), "accepted", f"E{seq}")


def _missing_attachment(attachments: Sequence[AttachmentRef], known: set[str]) -> str | None:
    """The field of the first attachment not uploaded yet, if any."""
    for j, att in enumerate(attachments):
        if att.sha256 not in known:
            return f"attachments.{j}.sha256"
    return None
