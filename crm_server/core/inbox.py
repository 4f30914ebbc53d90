"""A user's inbox: what waits for them (or everything they may see), oldest due
first, filtered, a page at a time (keyset: the CRM holds a million complaints, and
page 500 must cost what page 1 costs).

Rows carry no personal data: no name, contact or address of a citizen, and not the
description either (citizens write names into it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select

from complaint_domain.areas import AreaLevel
from complaint_domain.reference import category_label
from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import TicketCodeError, parse_ticket_code
from crm_server.core import lateness
from crm_server.core.auth import UserAuth
from crm_server.core.bounds import MAX_ROW_ID, day_or_none
from crm_server.core.complaints import VERIFIER_UNIT, reporter_counts
from crm_server.core.context import CrmContext
from crm_server.core.visibility import visible, waiting
from crm_server.db.models import Complaint

PAGE_SIZE = 50
VIEWS = ("waiting", "all")
# What a row shows and needs: never the citizen's columns (not even loaded).
C = Complaint
COLUMNS = (C.pk, C.ticket_code, C.status, C.merged_into, C.category_code, C.kelurahan_code,
           C.channel, C.unit_name, C.due_date, C.last_public_update_at)  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """What the inbox form asks; "" (or None) is "any"."""

    view: str = "waiting"
    state: str = ""
    kota: str = ""
    kecamatan: str = ""
    kelurahan: str = ""
    category: str = ""
    channel: str = ""
    date_from: dt.date | None = None  # recorded on or after (Jakarta date)
    date_to: dt.date | None = None  # recorded on or before
    lateness: str = ""  # "overdue", "digantung" or ""


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this (due date, pk)."""

    due: dt.date | None
    pk: int

    def text(self) -> str:
        return f"{self.due.isoformat() if self.due else '-'}_{self.pk}"

    @classmethod
    def read(cls, text: str) -> Cursor | None:
        due_text, _, pk_text = text.partition("_")
        due = None if due_text == "-" else day_or_none(due_text)
        if (due is None and due_text != "-") or not (pk_text.isascii() and pk_text.isdigit()):
            return None
        pk = int(pk_text)
        return cls(due, pk) if pk <= MAX_ROW_ID else None


@dataclass(frozen=True)
class Timing:
    """How a row stands against its time limit, said in words by the page."""

    overdue: bool
    days_late: int  # working days past the due date (0 on the day after a Friday due)
    days_left: int | None  # working days until the due date; None when closed
    digantung: bool
    quiet_days: int  # working days since the last public update


@dataclass(frozen=True)
class Row:
    ticket_code: str
    status: str
    state_label: str
    category: str
    kelurahan: str
    channel: str
    unit: str
    due_date: dt.date | None
    timing: Timing
    reporters: int


@dataclass
class InboxPage:
    rows: list[Row] = field(default_factory=list)
    next_cursor: Cursor | None = None


def area_codes(crm: CrmContext, f: Filters) -> list[str] | None:
    """The kelurahan codes a kecamatan filter stands for (an index serves ``IN``;
    a ``LIKE`` on a code prefix it might not)."""
    if not f.kecamatan or f.kelurahan:
        return None
    return [a.code for a in crm.areas().children(f.kecamatan) if a.level is AreaLevel.KELURAHAN]


def conditions(crm: CrmContext, user: UserAuth, f: Filters) -> list[ColumnElement[bool]]:
    c = Complaint
    today = crm.today()
    where = [waiting(user) if f.view == "waiting" else visible(user)]
    if f.state:
        states = [Status.IN_PROGRESS, Status.RETURNED] if f.state == "in_progress" else [f.state]
        where.append(c.status.in_(states))
    if f.kota:
        where.append(c.kota_code == f.kota)
    if f.kelurahan:
        where.append(c.kelurahan_code == f.kelurahan)
    elif (codes := area_codes(crm, f)) is not None:
        where.append(c.kelurahan_code.in_(codes or [""]))
    if f.category:
        where.append(or_(c.category_code == f.category, c.category_code.like(f"{f.category}.%")))
    if f.channel:
        where.append(c.channel == f.channel)
    if f.date_from:
        where.append(c.created_at >= lateness.start_of_day(f.date_from))
    if f.date_to:
        where.append(c.created_at < lateness.start_of_day(f.date_to + dt.timedelta(days=1)))
    if f.lateness == "overdue":
        where.append(lateness.overdue(today))
    elif f.lateness == "digantung":
        where.append(lateness.digantung(crm.calendar, today, crm.settings.digantung_days))
    return where


def after(cursor: Cursor) -> ColumnElement[bool]:
    """Rows after ``cursor`` in the order due date (closed ones, without, last), pk."""
    c = Complaint
    if cursor.due is None:
        return and_(c.due_date.is_(None), c.pk > cursor.pk)
    return or_(
        c.due_date > cursor.due,
        and_(c.due_date == cursor.due, c.pk > cursor.pk),
        c.due_date.is_(None),
    )


def page_query(
    crm: CrmContext, user: UserAuth, f: Filters, cursor: Cursor | None, size: int = PAGE_SIZE
) -> Select[*tuple[Any, ...]]:
    """The SQL of one page (the benchmark explains it)."""
    where = conditions(crm, user, f)
    if cursor is not None:
        where.append(after(cursor))
    return (
        select(*COLUMNS)
        .where(*where)
        .order_by(Complaint.due_date.asc().nulls_last(), Complaint.pk)
        .limit(size + 1)
    )


def timing_of(c: Any, counter: lateness.DayCounter, quiet_limit: int) -> Timing:
    final = Status(c.status).is_final
    due = c.due_date
    overdue = not final and due is not None and counter.today > due
    quiet = 0 if final else counter.quiet(c.last_public_update_at)
    return Timing(
        overdue=overdue,
        days_late=counter.since(due) if overdue and due else 0,
        days_left=None if final or due is None or overdue else counter.until(due),
        digantung=not final and quiet >= quiet_limit,
        quiet_days=quiet,
    )


def rows_of(crm: CrmContext, complaints: Sequence[Any], reporters: dict[int, int]) -> list[Row]:
    areas = crm.areas()
    counter = lateness.DayCounter(crm.calendar, crm.today())
    rows = []
    for c in complaints:
        kelurahan = areas.get(c.kelurahan_code)
        rows.append(
            Row(
                ticket_code=c.ticket_code,
                status=c.status,
                state_label=public_status_text(Status(c.status), "", c.merged_into),
                category=category_label(c.category_code),
                kelurahan=kelurahan.name if kelurahan else c.kelurahan_code,
                channel=c.channel,
                unit=VERIFIER_UNIT if c.status == Status.VERIFICATION else c.unit_name,
                due_date=c.due_date,
                timing=timing_of(c, counter, crm.settings.digantung_days),
                reporters=reporters.get(c.pk, 1),
            )
        )
    return rows


def inbox(crm: CrmContext, user: UserAuth, f: Filters, cursor: Cursor | None = None) -> InboxPage:
    with crm.sessions() as session:
        found = list(session.execute(page_query(crm, user, f, cursor)))
        more = len(found) > PAGE_SIZE
        found = found[:PAGE_SIZE]
        counts = reporter_counts(session, [c.pk for c in found])
    last = found[-1] if found else None
    return InboxPage(
        rows=rows_of(crm, found, counts),
        next_cursor=Cursor(last.due_date, last.pk) if more and last else None,
    )


def find_visible(crm: CrmContext, user: UserAuth, text: str) -> str | None:
    """The ticket code typed (forgivingly read), if ``user`` may see it; None for a
    code that does not exist and for one they may not see alike."""
    try:
        code = str(parse_ticket_code(text))
    except TicketCodeError:
        return None
    with crm.sessions() as session:
        found: str | None = session.scalar(
            select(Complaint.ticket_code).where(Complaint.ticket_code == code, visible(user))
        )
    return found
