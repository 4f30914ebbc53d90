"""Per channel, for the koordinator (issue 22): the complaints received in a
period, the time to the first response (the first step after "received"), the
share of those closed in the period that were closed within every step's limit,
and the duplicates found (complaints merged into another).

One pass per figure, grouped by channel; the first responses are read per
complaint received in the period (fine for a month of a city's complaints; not
yet measured at the scale of ``bench_console``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import median

from sqlalchemy import case, func, select

from complaint_domain.reference import CHANNELS
from crm_server.core import lateness
from crm_server.core.context import CrmContext
from crm_server.db.models import Complaint, Event


@dataclass(frozen=True)
class ChannelFigures:
    channel: str
    name: str
    received: int
    first_response_hours: float | None  # the median; None without any response yet
    closed: int
    closed_in_time: int
    duplicates: int

    @property
    def in_time_share(self) -> float | None:
        return self.closed_in_time / self.closed if self.closed else None


def channel_figures(
    crm: CrmContext, period_from: dt.date | None = None, period_to: dt.date | None = None
) -> tuple[dt.date, dt.date, list[ChannelFigures]]:
    """Every channel's figures for the period (the last 30 days unless given)."""
    period_to = period_to or crm.today()
    period_from = period_from or period_to - dt.timedelta(days=29)
    start = lateness.start_of_day(period_from)
    end = lateness.start_of_day(period_to + dt.timedelta(days=1))
    c = Complaint
    with crm.sessions() as session:
        received = dict(
            session.execute(
                select(c.channel, func.count())
                .where(c.received_at >= start, c.received_at < end)
                .group_by(c.channel)
            ).all()
        )
        closed = {
            channel: (int(n), int(in_time or 0), int(merged or 0))
            for channel, n, in_time, merged in session.execute(
                select(
                    c.channel,
                    func.count(),
                    func.sum(case((c.late_steps == 0, 1), else_=0)),
                    func.sum(case((c.status == "duplicate", 1), else_=0)),
                )
                .where(
                    c.status.in_(lateness.FINAL),
                    c.status_since >= start,
                    c.status_since < end,
                )
                .group_by(c.channel)
            )
        }
        first = (
            select(Event.complaint_pk, func.min(Event.at).label("at"))
            .where(Event.kind == "status", Event.status != "received")
            .group_by(Event.complaint_pk)
            .subquery()
        )
        waits: dict[str, list[float]] = {}
        for channel, received_at, answered_at in session.execute(
            select(c.channel, c.received_at, first.c.at)
            .join(first, first.c.complaint_pk == c.pk)
            .where(c.received_at >= start, c.received_at < end)
        ):
            hours = (answered_at - received_at).total_seconds() / 3600
            waits.setdefault(channel, []).append(max(hours, 0.0))
    figures = []
    for ch in CHANNELS:
        n, in_time, merged = closed.get(ch.code, (0, 0, 0))
        wait = waits.get(ch.code)
        figures.append(
            ChannelFigures(
                ch.code,
                ch.name,
                int(received.get(ch.code, 0)),
                round(median(wait), 1) if wait else None,
                n,
                in_time,
                merged,
            )
        )
    return period_from, period_to, figures
