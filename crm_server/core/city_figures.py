"""The koordinator's city: the open caseload counted by state, Dinas and kota (with
how many of each are overdue and *digantung*), the share of the complaints closed in
a period that were closed within their time limits, the oldest overdue and
*digantung* complaints, and each desk's sync health. The open caseload is counted
once a minute by a periodic job (``count_caseload``) for every dashboard of that
minute: counting ~100 000 open complaints on every load cost 40–90 ms at 1 000 000.

No personal data: counts, ticket codes, categories, areas and units only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, case, delete, func, select, text
from sqlalchemy.orm import Session

from complaint_domain.complaint import WIB
from complaint_domain.reference import AGENCY_BY_CODE
from complaint_domain.status import Status
from crm_server.core import lateness
from crm_server.core.complaints import reporter_counts
from crm_server.core.context import CrmContext
from crm_server.core.inbox import COLUMNS, Row, rows_of
from crm_server.db.engine import transaction
from crm_server.db.models import CaseloadCount, Complaint, Desk

LIST_SIZE = 50
# A desk is silent when it holds an item unsent for this long, or has not been
# heard from for this long.
SILENT_UNSENT = dt.timedelta(hours=2)
SILENT_HEARTBEAT = dt.timedelta(hours=24)
OPEN_STATES = tuple(s for s in Status if not s.is_final and s is not Status.NOT_SENT)
# The periodic job counts the open caseload every minute; a count older than this
# (the jobs stopped) is not shown: the page counts live instead.
COUNT_FRESH = dt.timedelta(minutes=3)
Group = tuple[str, str, str, int, int, int]


@dataclass
class Tally:
    """One line of a count table: open, of which overdue and *digantung*."""

    key: str
    label: str
    open: int = 0
    overdue: int = 0
    digantung: int = 0

    def add(self, count: int, overdue: int, digantung: int) -> None:
        self.open += count
        self.overdue += overdue
        self.digantung += digantung


@dataclass(frozen=True)
class Closed:
    """Complaints closed in the period, by final state."""

    status: str
    count: int
    in_time: int


@dataclass(frozen=True)
class DeskHealth:
    code: str
    site: str
    enrolled: bool
    last_heartbeat_at: dt.datetime | None
    pending: int
    oldest_unsent_hours: float | None  # as of now, not as of the heartbeat
    app_version: str
    last_push_at: dt.datetime | None
    silent: bool
    why: str  # "unsent", "no_heartbeat", "never", "" (a word of the page)


@dataclass
class CityFigures:
    today: dt.date
    period_from: dt.date
    period_to: dt.date
    by_state: list[Tally] = field(default_factory=list)
    by_agency: list[Tally] = field(default_factory=list)
    by_kota: list[Tally] = field(default_factory=list)
    closed: list[Closed] = field(default_factory=list)
    overdue: list[Row] = field(default_factory=list)
    digantung: list[Row] = field(default_factory=list)
    desks: list[DeskHealth] = field(default_factory=list)
    # When the open caseload was counted (by the periodic job); None: just now.
    counted_at: dt.datetime | None = None

    @property
    def total(self) -> Tally:
        total = Tally("", "")
        for t in self.by_state:
            total.add(t.open, t.overdue, t.digantung)
        return total

    @property
    def closed_count(self) -> int:
        return sum(c.count for c in self.closed)

    @property
    def closed_in_time(self) -> int:
        return sum(c.in_time for c in self.closed)

    @property
    def in_time_share(self) -> float | None:
        return self.closed_in_time / self.closed_count if self.closed_count else None


def caseload_query(crm: CrmContext) -> Select[str, str, str, int, int, int]:
    """The open complaints grouped by state, Dinas and kota, with how many are
    overdue and *digantung*: one pass over one (partial, covering) index."""
    today = crm.today()
    quiet = lateness.quiet_before(crm.calendar, today, crm.settings.digantung_days)
    c = Complaint
    return (
        select(
            c.status,
            c.agency_code,
            c.kota_code,
            func.count(),
            func.sum(case((c.due_date < today, 1), else_=0)),
            func.sum(case((c.last_public_update_at < quiet, 1), else_=0)),
        )
        .where(lateness.is_open())
        .group_by(c.status, c.agency_code, c.kota_code)
    )


def _no_parallel_workers(session: Session, crm: CrmContext) -> None:
    if crm.dialect == "postgresql":
        # ~100 000 index entries: starting parallel workers costs more than it
        # saves (measured: 272 ms with two workers on a busy 2-core server).
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))


def count_caseload(crm: CrmContext) -> str:
    """The periodic job (core/jobs.py): count the open caseload once for every
    dashboard of the next minute. One transaction: a page reads the old counts or
    the new ones, never a mix."""
    now = crm.now()
    with transaction(crm.sessions) as session:
        _no_parallel_workers(session, crm)
        groups = session.execute(caseload_query(crm)).all()
        session.execute(delete(CaseloadCount))
        session.add_all(
            CaseloadCount(
                status=status,
                agency_code=agency,
                kota_code=kota,
                open=int(count),
                overdue=int(overdue or 0),
                digantung=int(digantung or 0),
                counted_at=now,
            )
            for status, agency, kota, count, overdue, digantung in groups
        )
    return f"{len(groups)} caseload groups counted"


def _caseload(crm: CrmContext, session: Session) -> tuple[list[Group], dt.datetime | None]:
    """The job's counts while fresh and of today, else a live count."""
    counted_at = session.scalar(select(func.min(CaseloadCount.counted_at)))
    fresh = counted_at is not None and crm.now() - counted_at <= COUNT_FRESH
    # ... and of today: overdue and digantung are counted per day.
    if counted_at is not None and fresh and counted_at.astimezone(WIB).date() == crm.today():
        rows = session.execute(
            select(
                CaseloadCount.status,
                CaseloadCount.agency_code,
                CaseloadCount.kota_code,
                CaseloadCount.open,
                CaseloadCount.overdue,
                CaseloadCount.digantung,
            )
        ).all()
        return [tuple(r) for r in rows], counted_at  # type: ignore[misc]
    return [tuple(r) for r in session.execute(caseload_query(crm))], None  # type: ignore[misc]


def closed_query(
    crm: CrmContext, period_from: dt.date, period_to: dt.date
) -> Select[str, int, int]:
    c = Complaint
    return (
        select(c.status, func.count(), func.sum(case((c.late_steps == 0, 1), else_=0)))
        .where(
            c.status.in_(lateness.FINAL),
            c.status_since >= lateness.start_of_day(period_from),
            c.status_since < lateness.start_of_day(period_to + dt.timedelta(days=1)),
        )
        .group_by(c.status)
    )


def overdue_query(crm: CrmContext, size: int = LIST_SIZE) -> Select[*tuple[Any, ...]]:
    c = Complaint
    return (
        select(*COLUMNS).where(lateness.overdue(crm.today())).order_by(c.due_date, c.pk).limit(size)
    )


def digantung_query(crm: CrmContext, size: int = LIST_SIZE) -> Select[*tuple[Any, ...]]:
    c = Complaint
    condition = lateness.digantung(crm.calendar, crm.today(), crm.settings.digantung_days)
    return select(*COLUMNS).where(condition).order_by(c.last_public_update_at, c.pk).limit(size)


def _tallies(
    crm: CrmContext, groups: Iterable[tuple[str, str, str, int, int, int]]
) -> tuple[list[Tally], list[Tally], list[Tally]]:
    areas = crm.areas()
    states = {s.value: Tally(s.value, s.public_label) for s in OPEN_STATES}
    agencies: dict[str, Tally] = {}
    kotas: dict[str, Tally] = {}
    for status, agency, kota, count, overdue, digantung in groups:
        n, late, quiet = int(count), int(overdue or 0), int(digantung or 0)
        states.setdefault(status, Tally(status, status)).add(n, late, quiet)
        if agency not in agencies:
            known = AGENCY_BY_CODE.get(agency)
            agencies[agency] = Tally(agency, known.name if known else agency)
        agencies[agency].add(n, late, quiet)
        if kota not in kotas:
            area = areas.get(kota)
            kotas[kota] = Tally(kota, area.short_name if area else kota)
        kotas[kota].add(n, late, quiet)
    by_agency = sorted(agencies.values(), key=lambda t: (t.key == "", -t.open, t.label))
    return list(states.values()), by_agency, sorted(kotas.values(), key=lambda t: t.key)


def desk_health(session: Session, now: dt.datetime) -> list[DeskHealth]:
    out = []
    for d in session.scalars(select(Desk).order_by(Desk.code)):
        oldest: dt.timedelta | None = None
        if d.oldest_unsent_age_s is not None and d.last_heartbeat_at is not None:
            oldest = dt.timedelta(seconds=d.oldest_unsent_age_s) + (now - d.last_heartbeat_at)
        why = ""
        if d.token_hash is not None and d.last_heartbeat_at is None:
            why = "never"
        elif oldest is not None and oldest > SILENT_UNSENT:
            why = "unsent"
        elif d.last_heartbeat_at is not None and now - d.last_heartbeat_at > SILENT_HEARTBEAT:
            why = "no_heartbeat"
        out.append(
            DeskHealth(
                code=d.code,
                site=d.site,
                enrolled=d.token_hash is not None,
                last_heartbeat_at=d.last_heartbeat_at,
                pending=d.pending_count or 0,
                oldest_unsent_hours=oldest.total_seconds() / 3600 if oldest else None,
                app_version=d.app_version or "",
                last_push_at=d.last_push_at,
                silent=bool(why),
                why=why,
            )
        )
    return out


def city_figures(
    crm: CrmContext, period_from: dt.date | None = None, period_to: dt.date | None = None
) -> CityFigures:
    """The dashboard; the period (of the closed complaints) is the last 30 days
    unless given."""
    today = crm.today()
    period_to = period_to or today
    period_from = period_from or period_to - dt.timedelta(days=29)
    figures = CityFigures(today, period_from, period_to)
    with crm.sessions() as session:
        _no_parallel_workers(session, crm)
        groups, figures.counted_at = _caseload(crm, session)
        figures.by_state, figures.by_agency, figures.by_kota = _tallies(crm, groups)
        figures.closed = [
            Closed(status, int(count), int(in_time or 0))
            for status, count, in_time in session.execute(closed_query(crm, period_from, period_to))
        ]
        overdue = list(session.execute(overdue_query(crm)))
        quiet = list(session.execute(digantung_query(crm)))
        counts = reporter_counts(session, {c.pk for c in overdue + quiet})
        figures.desks = desk_health(session, crm.now())
    figures.overdue = rows_of(crm, overdue, counts)
    figures.digantung = rows_of(crm, quiet, counts)
    return figures
