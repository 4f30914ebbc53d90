"""What a site's koordinator reads (the desk's "Pantauan" page): every desk of the
site with its heartbeat, what was recorded on a day or a week, and the site's
complaints — counts per state, the overdue list and the *digantung* list — plus one
complaint's public history.

Everything is scoped to one site: the desks whose ``site`` it is, and the complaints
those desks recorded. Nothing personal leaves here: no citizen's name, NIK, phone,
address or description; the officers named are the desks' staff.

The lists are read through the open-only partial indexes of migration 0006
(``ix_complaints_open_desk_due``, ``ix_complaints_open_desk_quiet``): the query
repeats their predicate word for word (``OPEN``), so the planner knows the index
holds the rows asked for. Overdue is exact in SQL (the due date was counted in
working days when the state began); *digantung* is one date bound worked out here
from the calendar (the last day whose quiet spell reaches N working days).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session

from complaint_domain.complaint import WIB
from complaint_domain.status import Status, public_status_text
from crm_server.core.complaints import VERIFIER_UNIT
from crm_server.core.context import CrmContext
from crm_server.db.models import OPEN_SQL, Complaint, Desk, Event

OPEN: ColumnElement[bool] = text(f"complaints.{OPEN_SQL}")  # type: ignore[assignment]
ONLINE_WITHIN = dt.timedelta(minutes=5)  # a heartbeat this recent: the desk is online
LIST_LIMIT = 200  # rows per list; the totals are counted apart
MAX_DAYS = 7  # a report covers a day or a week


@dataclass(frozen=True)
class Thresholds:
    """When a desk is *silent*: receipts unsent for longer than ``unsent``, or, during
    opening hours of a working day (Jakarta time), no heartbeat for longer than
    ``heartbeat``."""

    unsent: dt.timedelta = dt.timedelta(hours=2)
    heartbeat: dt.timedelta = dt.timedelta(minutes=30)
    opens: dt.time = dt.time(8, 0)
    closes: dt.time = dt.time(16, 0)


@functools.cache
def crm_version() -> str:
    """The installed release (read once: importlib.metadata parses the package's
    METADATA file at every call, ~2 ms, on every Pantauan answer)."""
    try:
        return metadata.version("meja-aduan")
    except metadata.PackageNotFoundError:
        return ""


def version_key(version: str | None) -> tuple[int, ...]:
    """ "1.4.2" → (1, 4, 2); "" or "dev" → () (not comparable)."""
    return tuple(int(n) for n in re.findall(r"\d+", version or "")[:4])


def is_outdated(version: str | None, expected: str) -> bool:
    have, want = version_key(version), version_key(expected)
    return bool(have and want) and have < want


def site_desks(session: Session, site: str) -> list[Desk]:
    return list(session.scalars(select(Desk).where(Desk.site == site).order_by(Desk.code)))


# ------------------------------------------------------------------ desks


def desk_rows(
    crm: CrmContext, desks: list[Desk], thresholds: Thresholds, expected_version: str
) -> list[dict[str, Any]]:
    now = crm.now()
    local = now.astimezone(WIB)
    opening = (
        crm.calendar.is_working_day(local.date())
        and thresholds.opens <= local.time() < thresholds.closes
    )
    rows = []
    for d in desks:
        beat = d.last_heartbeat_at
        beat_age = None if beat is None else max(0, int((now - beat).total_seconds()))
        # The oldest unsent item keeps ageing after the last heartbeat that told of it.
        oldest = None
        if d.pending_count and d.oldest_unsent_age_s is not None:
            oldest = d.oldest_unsent_age_s + (beat_age or 0)
        reasons = []
        if oldest is not None and oldest > thresholds.unsent.total_seconds():
            reasons.append("unsent")
        enrolled = d.token_hash is not None
        if (
            opening
            and enrolled
            and (beat_age is None or beat_age > thresholds.heartbeat.total_seconds())
        ):
            reasons.append("no_heartbeat")
        outdated = is_outdated(d.app_version, expected_version)
        rows.append(
            {
                "code": d.code,
                "enrolled": enrolled,
                "officer": d.signed_in_officer or "",
                "online": beat_age is not None and beat_age <= ONLINE_WITHIN.total_seconds(),
                "last_heartbeat_at": beat,
                "heartbeat_age_seconds": beat_age,
                "pending_count": d.pending_count,
                "oldest_unsent_age_seconds": oldest,
                "last_push_at": d.last_push_at,
                "app_version": d.app_version or "",
                "outdated": outdated,
                "clock_offset_seconds": d.clock_offset_s,
                "silent": bool(reasons),
                "silent_reasons": reasons,
            }
        )
    return rows


# ------------------------------------------------------------------ a day or a week


def recorded(
    session: Session, desk_codes: dict[int, str], first: dt.date, days: int
) -> dict[str, Any]:
    """Complaints the site's desks recorded from ``first`` for ``days`` days (Jakarta
    time): per desk, per officer (of a desk), per hour of the day and per day."""
    start = dt.datetime.combine(first, dt.time(0), WIB)
    end = start + dt.timedelta(days=days)
    rows = session.execute(
        select(Complaint.desk_id, Complaint.officer, Complaint.created_at).where(
            Complaint.desk_id.in_(list(desk_codes)),
            Complaint.created_at >= start,
            Complaint.created_at < end,
        )
    ).all()
    per_desk: Counter[str] = Counter({code: 0 for code in desk_codes.values()})
    per_officer: Counter[tuple[str, str]] = Counter()
    per_hour: Counter[int] = Counter()
    per_day: Counter[dt.date] = Counter()
    for desk_id, officer, created in rows:
        code = desk_codes[desk_id or 0]
        local = created.astimezone(WIB)
        per_desk[code] += 1
        per_officer[(code, officer)] += 1
        per_hour[local.hour] += 1
        per_day[local.date()] += 1
    return {
        "first_day": first,
        "days": days,
        "total": len(rows),
        "per_desk": [{"desk": c, "count": n} for c, n in sorted(per_desk.items())],
        "per_officer": [
            {"desk": c, "officer": o, "count": n} for (c, o), n in sorted(per_officer.items())
        ],
        "per_hour": [{"hour": h, "count": per_hour[h]} for h in range(24)],
        "per_day": [
            {"day": first + dt.timedelta(days=i), "count": per_day[first + dt.timedelta(days=i)]}
            for i in range(days)
        ],
    }


# ------------------------------------------------------------------ the site's complaints


class WorkingDaysTo:
    """Working days in (day, ``today``], for many days at once: one running count
    built backwards from today (the calendar asked once per day, not once per day per
    complaint: 200 rows two years late were ~300 000 holiday lookups)."""

    def __init__(self, crm: CrmContext, today: dt.date) -> None:
        self._calendar = crm.calendar
        self._earliest = today
        self._count = 0
        self._since = {today: 0}

    def since(self, day: dt.date) -> int:
        while self._earliest > day:
            # (e − 1, today] is (e, today] and the day e itself.
            if self._calendar.is_working_day(self._earliest):
                self._count += 1
            self._earliest -= dt.timedelta(days=1)
            self._since[self._earliest] = self._count
        return self._since.get(day, 0)


# What a list row reads: the case's facts, never its citizen (nor the JSON columns
# that hold them, which also cost the most to fetch and decode).
LISTED = (
    Complaint.ticket_code,
    Complaint.desk_id,
    Complaint.category_code,
    Complaint.kelurahan_code,
    Complaint.status,
    Complaint.reason,
    Complaint.merged_into,
    Complaint.unit_name,
    Complaint.status_since,
    Complaint.due_date,
    Complaint.last_public_update_at,
)


def _listed(c: Any, code: str, today: dt.date, days: WorkingDaysTo) -> dict[str, Any]:
    """``c``: a row of the ``LISTED`` columns."""
    status = Status(c.status)
    late = 0
    if c.due_date is not None and today > c.due_date:
        late = days.since(c.due_date)
    last = c.last_public_update_at.astimezone(WIB).date()
    return {
        "ticket_code": c.ticket_code,
        "desk": code,
        "category_code": c.category_code,
        "kelurahan_code": c.kelurahan_code,
        "status": status.value,
        "public_label": public_status_text(status, c.reason, c.merged_into),
        "unit": VERIFIER_UNIT if status is Status.VERIFICATION else c.unit_name,
        "status_since": c.status_since,
        "due_date": c.due_date,
        "working_days_late": late,
        "last_public_update_at": c.last_public_update_at,
        "quiet_working_days": days.since(last),
    }


def digantung_bound(crm: CrmContext, today: dt.date) -> dt.datetime:
    """The first moment (UTC) whose quiet spell is short of N working days: a case
    whose last public update is before it is *digantung* today."""
    day = today
    while crm.calendar.working_days_between(day, today) < crm.settings.digantung_days:
        day -= dt.timedelta(days=1)
    # ``day`` is the last date still quiet for N working days; the day after is not.
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), WIB).astimezone(dt.UTC)


def _list(session: Session, where: list[ColumnElement[bool]], order: Any) -> tuple[list[Any], int]:
    """The oldest ``LIST_LIMIT`` rows by ``order`` and how many there are. The keys
    come first from the open-only index alone (``desk_id, order, pk``: an index-only
    scan, no table page read for the thousands of rows a big site may have), then
    only the rows shown are read."""
    first = (
        select(Complaint.pk)
        .where(*where)
        .order_by(order, Complaint.pk)
        .limit(LIST_LIMIT)
        .scalar_subquery()
    )
    rows = session.execute(
        select(*LISTED).where(Complaint.pk.in_(first)).order_by(order, Complaint.pk)
    ).all()
    total = session.scalar(select(func.count()).select_from(Complaint).where(*where))
    return list(rows), int(total or 0)


def complaint_lists(
    crm: CrmContext, session: Session, desk_codes: dict[int, str]
) -> dict[str, Any]:
    today = crm.today()
    ids = list(desk_codes)
    per_state = dict(
        session.execute(
            select(Complaint.status, func.count())
            .where(Complaint.desk_id.in_(ids))
            .group_by(Complaint.status)
        ).all()
    )
    mine = Complaint.desk_id.in_(ids)
    late = Complaint.due_date < today
    overdue, overdue_total = _list(session, [mine, OPEN, late], Complaint.due_date)
    quiet = Complaint.last_public_update_at < digantung_bound(crm, today)
    hanging, hanging_total = _list(session, [mine, OPEN, quiet], Complaint.last_public_update_at)
    days = WorkingDaysTo(crm, today)
    return {
        "per_state": [
            {"status": s.value, "count": int(per_state.get(s.value, 0))}
            for s in Status
            if s is not Status.NOT_SENT
        ],
        "overdue_total": overdue_total,
        "overdue": [_listed(c, desk_codes[c.desk_id or 0], today, days) for c in overdue],
        "digantung_days": crm.settings.digantung_days,
        "digantung_total": hanging_total,
        "digantung": [_listed(c, desk_codes[c.desk_id or 0], today, days) for c in hanging],
    }


def overview(
    crm: CrmContext,
    site: str,
    thresholds: Thresholds | None = None,
    first_day: dt.date | None = None,
    days: int = 1,
) -> dict[str, Any]:
    """The whole page for ``site``: desks, what was recorded from ``first_day`` (today)
    for ``days`` days (1–7), and the site's complaints."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError("days must be 1–7")
    thresholds = thresholds or Thresholds()
    expected = crm_version()
    with crm.sessions() as session:
        desks = site_desks(session, site)
        codes = {d.id: d.code for d in desks}
        answer = {
            "site": site,
            "as_of": crm.now(),
            "today": crm.today(),
            "expected_app_version": expected,
            "thresholds": {
                "unsent_minutes": int(thresholds.unsent.total_seconds() // 60),
                "heartbeat_minutes": int(thresholds.heartbeat.total_seconds() // 60),
                "opens": thresholds.opens.strftime("%H:%M"),
                "closes": thresholds.closes.strftime("%H:%M"),
            },
            "desks": desk_rows(crm, desks, thresholds, expected),
            "recorded": recorded(session, codes, first_day or crm.today(), days),
            **complaint_lists(crm, session, codes),
        }
    return answer


def history(crm: CrmContext, site: str, ticket_code: str) -> dict[str, Any] | None:
    """One complaint of the site: its list row and its public steps (labels, units,
    public notes, dates); None when no desk of ``site`` recorded it."""
    with crm.sessions() as session:
        row = session.execute(
            select(Complaint.pk, Desk.code, *LISTED)
            .join(Desk, Complaint.desk_id == Desk.id)
            .where(Complaint.ticket_code == ticket_code, Desk.site == site)
        ).first()
        if row is None:
            return None
        events = session.scalars(
            select(Event)
            .where(Event.complaint_pk == row.pk, Event.public.is_(True))
            .order_by(Event.seq)
        ).all()
        return {
            **_listed(row, row.code, crm.today(), WorkingDaysTo(crm, crm.today())),
            "events": [
                {
                    "at": e.at,
                    "status": e.status,
                    "public_label": e.public_label or Status(e.status).public_label,
                    "unit": e.unit_name,
                    "note": e.note,
                }
                for e in events
            ],
        }
