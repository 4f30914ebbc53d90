"""The visitor queue's figures for the koordinator (issue 17 item 6), as the Pantauan
page and its report show them: per ticket the wait (number taken → first called),
the walk (called → serving started) and the service time (started → finished),
summed for the site, per desk, per officer and per hour the number was taken; and
the no-shows.

The CRM adds them up over the site's shared queue (``GET /api/v1/queue/figures``,
scoped to the desk's site by its token), every ticket once whichever desk sent it;
a desk's numbers issued offline count once they reached the CRM. The answer holds
no citizen's data: numbers of tickets, minutes, desk codes, officers' names.
Supervisors and admins only (:func:`queue_figures` refuses anyone else).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from complaint_domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.sync.client import CrmClient

SPANS = ("wait", "walk", "service")
SPAN_NAMES = {
    "wait": QT_TRANSLATE_NOOP("Pantauan", "Tunggu (ambil → dipanggil)"),
    "walk": QT_TRANSLATE_NOOP("Pantauan", "Jalan (dipanggil → dilayani)"),
    "service": QT_TRANSLATE_NOOP("Pantauan", "Layanan (mulai → selesai)"),
}


@dataclass(frozen=True)
class Span:
    """Minutes over the tickets that have this span (None: none has it yet)."""

    mean: float | None = None
    median: float | None = None
    longest: float | None = None

    @classmethod
    def read(cls, raw: dict[str, Any]) -> Span:
        def minutes(key: str) -> float | None:
            value = raw.get(key)
            return None if value is None else float(value)

        return cls(minutes("mean"), minutes("median"), minutes("max"))


@dataclass(frozen=True)
class QueueGroup:
    """One desk's, officer's or hour's tickets."""

    key: str  # a desk code, an officer's name, or "08:00" (the hour the number was taken)
    tickets: int
    no_shows: int
    wait: Span
    walk: Span
    service: Span

    @classmethod
    def read(cls, key: str, raw: dict[str, Any]) -> QueueGroup:
        return cls(
            key,
            int(raw["tickets"]),
            int(raw["no_shows"]),
            Span.read(raw["wait"]),
            Span.read(raw["walk"]),
            Span.read(raw["service"]),
        )


@dataclass(frozen=True)
class TicketTimes:
    """One number's times, in minutes (None: that step has not happened)."""

    number: str
    issued_at: dt.datetime
    state: str  # waiting, called, serving, done, no_show
    desk: str
    officer: str
    wait: float | None
    walk: float | None
    service: float | None

    @classmethod
    def read(cls, raw: dict[str, Any]) -> TicketTimes:
        def minutes(key: str) -> float | None:
            value = raw.get(key)
            return None if value is None else float(value)

        return cls(
            str(raw["number"]),
            dt.datetime.fromisoformat(raw["issued_at"]),
            str(raw["state"]),
            str(raw["desk"]),
            str(raw["officer"]),
            minutes("wait"),
            minutes("walk"),
            minutes("service"),
        )


@dataclass(frozen=True)
class QueueFigures:
    """The site's queue from ``first`` to ``last`` (Jakarta days)."""

    first: dt.date
    last: dt.date
    tickets: int
    served: int
    no_shows: int
    wait: Span
    walk: Span
    service: Span
    per_desk: tuple[QueueGroup, ...] = ()
    per_officer: tuple[QueueGroup, ...] = ()
    per_hour: tuple[QueueGroup, ...] = ()
    per_ticket: tuple[TicketTimes, ...] = ()

    @classmethod
    def read(cls, body: dict[str, Any]) -> QueueFigures:
        def groups(name: str) -> tuple[QueueGroup, ...]:
            return tuple(QueueGroup.read(k, v) for k, v in body[f"by_{name}"].items())

        return cls(
            dt.date.fromisoformat(body["from"]),
            dt.date.fromisoformat(body["to"]),
            int(body["tickets"]),
            int(body["served"]),
            int(body["no_shows"]),
            Span.read(body["wait"]),
            Span.read(body["walk"]),
            Span.read(body["service"]),
            groups("desk"),
            groups("officer"),
            groups("hour"),
            tuple(TicketTimes.read(t) for t in body.get("per_ticket", ())),
        )


def fetch_figures(client: CrmClient, first: dt.date, last: dt.date) -> QueueFigures:
    """The CRM's figures for the desk's site; raises the client's errors (SyncError:
    unreachable or refused) and KeyError/TypeError/ValueError on an answer it cannot read."""
    params = {"from": first.isoformat(), "to": last.isoformat()}
    return QueueFigures.read(client.get_json("/queue/figures", params))
