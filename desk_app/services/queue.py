"""The visitor queue at the desk: issue a number, call the next, recall, no-show,
reinstate, transfer, start and finish — through the CRM's shared queue when it
answers, and on the desk's own when it does not (numbers prefixed with the desk's
code, so they cannot collide with the shared ones; every step kept in an outbox
that reaches the CRM later, each event once). Blocking: the UI calls it off the GUI
thread (``desk_app.ui.tasks``).

Threads. The window's queue runner (``meja-queue``, a worker of its own so a slow
CRM never holds up a save) calls it, and so may another thread (the Pantauan's, the
display's timer). Its database writes are short ``BEGIN IMMEDIATE`` transactions on a
connection of that thread's own, like the sync worker's: SQLite serialises them with
the database worker's, each waiting (busy timeout) rather than failing. What SQLite
cannot guard is this object's own state — whether the CRM answered, the fairness
streak, the outbox being flushed — so one step runs at a time (``_turn``): two
threads never flush the same events, nor pick the same offline ticket."""

from __future__ import annotations

import datetime as dt
import functools
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from complaint_domain.complaint import WIB
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.queue import (
    CALLS_BEFORE_NO_SHOW,
    DEFAULT_PRIORITY_RUN,
    PRIORITIES,
    call_words,
    offline_number,
)
from desk_app.printing.model import QueueTicketData
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import UserFacingError
from desk_app.services.queue_figures import QueueFigures, fetch_figures
from desk_app.store import queue as local
from desk_app.store.db import Database

if TYPE_CHECKING:
    from desk_app.sync.queue_client import QueueClient

ACTIONS = {
    "recall": "recalled",
    "no-show": "no_show",
    "reinstate": "reinstated",
    "transfer": "transferred",
    "start": "started",
    "finish": "finished",
    "link": "linked",
}
REFUSED = QT_TRANSLATE_NOOP("Queue", "Langkah antrean ini tidak dapat dilakukan sekarang.")
NO_TRANSFER_OFFLINE = QT_TRANSLATE_NOOP(
    "Queue", "CRM tidak terjangkau: nomor tidak dapat dipindah ke meja lain sekarang."
)


P = ParamSpec("P")
R = TypeVar("R")


def _one_at_a_time(step: Callable[P, R]) -> Callable[P, R]:
    """Run a public step of :class:`QueueService` holding its ``_turn``."""

    @functools.wraps(step)
    def held(*args: P.args, **kwargs: P.kwargs) -> R:
        service = args[0]
        assert isinstance(service, QueueService)
        with service._turn:
            return step(*args, **kwargs)

    return held


# How long the display's long poll may wait for a change (under the read timeout).
BOARD_WAIT_SECONDS = 20.0


@dataclass(frozen=True)
class QueueTicket:
    """A number as the officer's controls show it (never a name)."""

    id: str
    number: str
    priority: str = ""
    seat_call: bool = False
    state: str = "waiting"
    call_count: int = 0
    complaint_code: str = ""
    follow_up: bool = False
    offline: bool = False
    ahead: int | None = None
    minutes: int | None = None
    issued_at: dt.datetime | None = None
    desk_code: str = ""

    @property
    def words(self) -> str:
        return call_words(self.number, self.desk_code)

    @classmethod
    def from_crm(cls, raw: dict[str, Any], **extra: Any) -> QueueTicket:
        return cls(
            id=raw["id"],
            number=raw["number"],
            priority=raw["priority"],
            seat_call=raw["seat_call"],
            state=raw["state"],
            call_count=raw["call_count"],
            complaint_code=raw["complaint_code"],
            follow_up=raw["follow_up"],
            issued_at=dt.datetime.fromisoformat(raw["issued_at"]),
            desk_code=raw["desk_code"],
            **extra,
        )


@dataclass(frozen=True)
class QueueSummary:
    """The home page's line: how many wait and the longest wait now."""

    waiting: int
    longest_wait_minutes: int
    offline: bool
    unsent_events: int


class QueueService:
    def __init__(
        self,
        database: Database,
        clock: Callable[[], dt.datetime],
        desk_code: Callable[[], str],
        client: Callable[[], QueueClient | None],
        priority_run: int = DEFAULT_PRIORITY_RUN,
    ) -> None:
        self._db, self._clock, self._desk_code, self._client = database, clock, desk_code, client
        self._priority_run, self._streak = priority_run, 0
        self.offline = False
        # Re-entrant: a step that finds the CRM back flushes the outbox inside it.
        self._turn = threading.RLock()

    # ------------------------------------------------------------------ plumbing

    def _online(self, call: Callable[[QueueClient], Any], flush: bool = True) -> tuple[bool, Any]:
        """(True, answer) from the CRM; (False, None) when it cannot be reached. When
        the CRM is back, the offline events are sent (``flush``)."""
        from desk_app.sync.client import RequestRefused, SyncError  # on the worker thread

        client = self._client()
        if client is None:
            self.offline = True
            return False, None
        try:
            answer = call(client)
        except RequestRefused:
            raise UserFacingError(REFUSED) from None
        except SyncError:
            self.offline = True
            return False, None
        if self.offline and flush:
            self.offline = False
            self.flush()
        return True, answer

    def _day(self) -> str:
        return self._clock().astimezone(WIB).date().isoformat()

    def _record(self, ticket_id: str, kind: str, **fields: Any) -> None:
        event = {
            "id": str(uuid.uuid4()),
            "ticket_id": ticket_id,
            "kind": kind,
            "at": self._clock().isoformat(),
            **fields,
        }
        with self._db.write() as session:
            local.add_event(session, event)

    # ------------------------------------------------------------------ steps

    @_one_at_a_time
    def issue(
        self, priority: str = "", seat_call: bool = False, complaint_code: str = ""
    ) -> QueueTicket:
        """A new number (a returning citizen's receipt: ``complaint_code``)."""
        if priority and priority not in PRIORITIES:
            raise ValueError(priority)
        ok, answer = self._online(lambda c: c.issue(priority, seat_call, complaint_code))
        if ok:
            return QueueTicket.from_crm(
                answer["ticket"], ahead=answer["ahead"], minutes=answer["estimated_minutes"]
            )
        now, day, code = self._clock(), self._day(), self._desk_code()
        ticket_id = str(uuid.uuid4())
        with self._db.write() as session:
            seq = local.next_seq(session, day)
            number = offline_number(code, seq)
            ahead = len(local.waiting(session, day))
            row = local.LocalTicket(
                ticket_id, number, priority, seat_call, "waiting", now, 0, complaint_code
            )
            local.add_ticket(session, row, day, seq)
            local.add_event(
                session,
                {
                    "id": str(uuid.uuid4()),
                    "ticket_id": ticket_id,
                    "kind": "issued",
                    "at": now.isoformat(),
                    "number": number,
                    "seq": seq,
                    "priority": priority,
                    "seat_call": seat_call,
                    "complaint_code": complaint_code,
                },
            )
        return QueueTicket(
            ticket_id,
            number,
            priority,
            seat_call,
            complaint_code=complaint_code,
            follow_up=bool(complaint_code),
            offline=True,
            ahead=ahead,
            issued_at=now,
        )

    @_one_at_a_time
    def call_next(self, officer: str) -> QueueTicket | None:
        ok, answer = self._online(lambda c: c.call_next(officer))
        if ok:
            return QueueTicket.from_crm(answer) if answer else None
        with self._db.write() as session:
            waiting = local.waiting(session, self._day())
            if not waiting:
                return None
            priority = [t for t in waiting if t.priority]
            regular = [t for t in waiting if not t.priority]
            pick = (
                priority[0]
                if priority and (self._streak < self._priority_run or not regular)
                else regular[0]
            )
            self._streak = self._streak + 1 if pick.priority else 0
            local.set_state(session, pick.id, "called", 1, self._clock())
        self._record(pick.id, "called", officer=officer)
        return self._local_view(pick, state="called", call_count=1)

    def _local_view(self, t: local.LocalTicket, **changes: Any) -> QueueTicket:
        view = QueueTicket(
            t.id,
            t.number,
            t.priority,
            t.seat_call,
            t.state,
            t.call_count,
            t.complaint_code,
            bool(t.complaint_code),
            offline=True,
            issued_at=t.issued_at,
            desk_code=self._desk_code(),
        )
        return replace(view, **changes)

    @_one_at_a_time
    def act(
        self,
        ticket: QueueTicket,
        action: str,
        officer: str = "",
        to_desk: str = "",
        complaint_code: str = "",
    ) -> QueueTicket:
        """recall, no-show, reinstate, transfer, start, finish or link."""
        kind = ACTIONS[action]
        fields = {"officer": officer, "to_desk": to_desk, "complaint_code": complaint_code}
        if not ticket.offline:
            ok, answer = self._online(lambda c: c.act(ticket.id, action, **fields))
            if ok:
                return QueueTicket.from_crm(answer)
        if kind == "transferred":
            raise UserFacingError(NO_TRANSFER_OFFLINE)
        state, count = _next_state(ticket, kind)
        with self._db.write() as session:
            if local.get_ticket(session, ticket.id) is not None:
                local.set_state(session, ticket.id, state, count)
        self._record(ticket.id, kind, **fields)
        return replace(
            ticket,
            state=state,
            call_count=count,
            offline=ticket.offline,
            complaint_code=complaint_code or ticket.complaint_code,
        )

    # ------------------------------------------------------------------ reading

    @_one_at_a_time
    def summary(self) -> QueueSummary:
        ok, board = self._online(lambda c: c.board())
        with self._db.read() as session:
            unsent = local.unsent_count(session)
            mine = local.waiting(session, self._day())
        if ok:
            return QueueSummary(board["waiting"], board["longest_wait_minutes"], False, unsent)
        now = self._clock()
        longest = max(((now - t.issued_at).total_seconds() // 60 for t in mine), default=0)
        return QueueSummary(len(mine), int(longest), True, unsent)

    def board(self, after: str = "", wait: float = BOARD_WAIT_SECONDS) -> dict[str, Any] | None:
        """The display screen's data from the CRM (None when unreachable): once it
        differs from the version ``after``, at most ``wait`` seconds later (a long
        poll). Not one of the desk's steps: it holds no turn (the officer's steps do
        not wait behind it) and sends nothing."""
        ok, board = self._online(lambda c: c.board(after, wait), flush=False)
        return board if ok else None

    @_one_at_a_time
    def figures(
        self, officer: Officer | None, first: dt.date, last: dt.date
    ) -> QueueFigures | None:
        """The queue's figures (wait, walk and service time per desk, officer and hour;
        no-shows) from the CRM, for supervisors and admins only; None when the CRM
        cannot be reached."""
        require(officer, Role.SUPERVISOR)
        ok, answer = self._online(lambda c: fetch_figures(c.client, first, last))
        return answer if ok else None

    @_one_at_a_time
    def flush(self) -> int:
        """Send the offline events to the CRM; how many it took."""
        from desk_app.sync.client import SyncError

        client = self._client()
        if client is None:
            return 0
        sent = 0
        while True:
            with self._db.read() as session:
                events = local.unsent(session)
            if not events:
                break
            try:
                client.send_events(events)
            except SyncError:
                self.offline = True
                break
            with self._db.write() as session:
                local.mark_sent(session, [e["id"] for e in events], self._clock())
                local.mark_shared(session)
            sent += len(events)
            self.offline = False
        return sent

    def slip(self, ticket: QueueTicket, site_name: str) -> QueueTicketData:
        return QueueTicketData(
            site_name=site_name,
            number=ticket.number,
            issued_at=(ticket.issued_at or self._clock()).astimezone(WIB),
            people_ahead=ticket.ahead,
            estimated_minutes=ticket.minutes,
        )


def _next_state(ticket: QueueTicket, kind: str) -> tuple[str, int]:
    """The same rules as the CRM's, for a step taken offline."""
    count = ticket.call_count
    allowed = {
        "recalled": ticket.state == "called",
        "no_show": ticket.state == "called" and count >= CALLS_BEFORE_NO_SHOW,
        "reinstated": ticket.state == "no_show",
        "started": ticket.state == "called",
        "finished": ticket.state == "serving",
        "linked": True,
    }
    if not allowed.get(kind, False):
        raise UserFacingError(REFUSED)
    return {
        "recalled": ("called", count + 1),
        "no_show": ("no_show", count),
        "reinstated": ("waiting", 0),
        "started": ("serving", count),
        "finished": ("done", count),
        "linked": (ticket.state, count),
    }[kind]
