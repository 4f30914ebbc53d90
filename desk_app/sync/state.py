"""Where sync stands: one immutable snapshot (:class:`SyncState`) and the one object
that moves it on (:class:`SyncStateKeeper`): phases, failures in a row and the
backoff before the next try, the counts of what waits and what was refused.

Every change is a new snapshot, announced as the ``"state"`` event; the status bar,
the "Sinkronisasi" panel and the runner read the very same object (no copy of its
fields on the way). Its sentences for people are :class:`Message` objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from complaint_domain.messages import QT_TRANSLATE_NOOP, Message
from desk_app.store import keyvalue, outbox, visits
from desk_app.store.db import Database, StorageError
from desk_app.sync.backoff import Backoff
from desk_app.sync.events import EventHub

Clock = Callable[[], dt.datetime]
LAST_SUCCESS_KEY = "sync.last_success_at"
# After this many failures in a row the state asks for the officer's attention.
ATTENTION_AFTER_FAILURES = 5
WIB = dt.timezone(dt.timedelta(hours=7))


def format_age(seconds: int) -> Message:
    """An age in the largest whole unit ("3 menit")."""
    if seconds < 60:
        return QT_TRANSLATE_NOOP("Sync", "{n} detik").format(n=seconds)
    if seconds < 3600:
        return QT_TRANSLATE_NOOP("Sync", "{n} menit").format(n=seconds // 60)
    if seconds < 86400:
        return QT_TRANSLATE_NOOP("Sync", "{n} jam").format(n=seconds // 3600)
    return QT_TRANSLATE_NOOP("Sync", "{n} hari").format(n=seconds // 86400)


def _joined(parts: list[Message]) -> Message:
    """Parts of a line, " · " between them (each part translated on its own)."""
    if len(parts) == 1:
        return parts[0]
    return QT_TRANSLATE_NOOP("Sync", "{head} · {tail}").format(
        head=parts[0], tail=_joined(parts[1:])
    )


@dataclass(frozen=True)
class SyncState:
    """A snapshot of where sync stands: what the status bar and the panel show.

    ``as_of`` is when it was taken (the age of the oldest waiting item is counted
    from it). The properties under "as the UI says it" name the same facts in the
    words of the status bar.
    """

    phase: str = "idle"  # idle | pushing | pulling | retry_wait | needs_enrolment
    online: bool | None = None  # None: not tried yet
    pending_count: int = 0
    oldest_pending_at: dt.datetime | None = None
    rejected_count: int = 0
    last_success_at: dt.datetime | None = None
    last_attempt_at: dt.datetime | None = None
    consecutive_failures: int = 0
    failing_since: dt.datetime | None = None
    last_error: str = ""  # a Message when there is one
    last_error_code: str = ""
    next_retry_at: dt.datetime | None = None
    needs_enrolment: bool = False
    as_of: dt.datetime | None = None

    @property
    def needs_attention(self) -> bool:
        """Retrying for long enough that a person should know (and maybe call IT)."""
        return self.needs_enrolment or self.consecutive_failures >= ATTENTION_AFTER_FAILURES

    def oldest_pending_age_s(self, now: dt.datetime) -> int | None:
        if self.oldest_pending_at is None:
            return None
        return max(0, int((now - self.oldest_pending_at).total_seconds()))

    # -- as the UI says it -------------------------------------------------------------

    @property
    def waiting(self) -> int:
        return self.pending_count

    @property
    def oldest_waiting_at(self) -> dt.datetime | None:
        return self.oldest_pending_at

    @property
    def oldest_waiting_age_s(self) -> int | None:
        now = self.as_of or dt.datetime.now(dt.UTC)
        return self.oldest_pending_age_s(now)

    @property
    def rejected(self) -> int:
        return self.rejected_count

    @property
    def failures_in_a_row(self) -> int:
        return self.consecutive_failures

    @property
    def text(self) -> Message:
        """One line for the status bar."""
        if self.needs_enrolment:
            return QT_TRANSLATE_NOOP(
                "Sync", "Meja belum terdaftar di CRM — daftarkan di Pengaturan"
            )
        where = {
            True: QT_TRANSLATE_NOOP("Sync", "Daring"),
            False: QT_TRANSLATE_NOOP("Sync", "Luring"),
            None: QT_TRANSLATE_NOOP("Sync", "Belum tersambung"),
        }[self.online]
        parts = [where, QT_TRANSLATE_NOOP("Sync", "{n} menunggu dikirim").format(n=self.waiting)]
        age = self.oldest_waiting_age_s
        if age is not None:
            parts.append(QT_TRANSLATE_NOOP("Sync", "tertua {age}").format(age=format_age(age)))
        if self.rejected:
            parts.append(QT_TRANSLATE_NOOP("Sync", "{n} ditolak CRM").format(n=self.rejected))
        if self.last_success_at is not None:
            time = f"{self.last_success_at.astimezone(WIB):%H:%M}"
            parts.append(QT_TRANSLATE_NOOP("Sync", "sinkron terakhir {time}").format(time=time))
        return _joined(parts)


class SyncStateKeeper:
    """Owns the current :class:`SyncState` of one engine and announces each new one
    (``"state"``) on ``events``. Used by the sync thread; a recount may come from
    another thread (replacing the snapshot is atomic)."""

    def __init__(
        self, database: Database, clock: Clock, backoff: Backoff, events: EventHub, token: str
    ) -> None:
        self.db = database
        self.clock = clock
        self.backoff = backoff
        self.events = events
        with self.db.read() as session:
            raw = keyvalue.get(session, LAST_SUCCESS_KEY)
        self._state = self.counted(
            SyncState(
                needs_enrolment=not token,
                last_success_at=dt.datetime.fromisoformat(raw) if raw else None,
                as_of=clock(),
            )
        )

    @property
    def state(self) -> SyncState:
        return self._state

    def publish(self, state: SyncState) -> SyncState:
        self._state = state = replace(state, as_of=self.clock())
        self.events.announce("state", state)
        return state

    def update(self, *, counted: bool = False, **changes: Any) -> SyncState:
        """Publish the current state with ``changes`` (recounted first if asked)."""
        state = self.counted(self._state) if counted else self._state
        return self.publish(replace(state, **changes))

    def counted(self, state: SyncState) -> SyncState:
        """``state`` with the outbox's counts as they are now."""
        try:
            with self.db.read() as session:
                count, oldest = outbox.pending_summary(session)
                count += visits.pending_count(session)  # visits about other channels' too
                rejected = outbox.rejected_count(session) + visits.rejected_count(session)
        except StorageError:
            return state  # a disk that cannot be read: the last counts stand
        return replace(
            state, pending_count=count, oldest_pending_at=oldest, rejected_count=rejected
        )

    def refresh_counts(self) -> SyncState:
        """Recount after a local change (a new complaint, a requeue) and announce it."""
        return self.update(counted=True)

    def due(self, now: dt.datetime | None = None) -> bool:
        """Whether the backoff allows a try now."""
        state = self._state
        if state.needs_enrolment:
            return False
        return state.next_retry_at is None or (now or self.clock()) >= state.next_retry_at

    # -- the turns of a cycle ----------------------------------------------------------

    def enrolled(self, token: str) -> SyncState:
        """A new token: a clean slate of failures."""
        return self.update(
            needs_enrolment=not token,
            consecutive_failures=0,
            failing_since=None,
            next_retry_at=None,
            last_error="",
            last_error_code="",
            phase="idle",
        )

    def token_refused(self, message: str, code: str) -> SyncState:
        """The CRM refused the desk's token: asleep until enrolled again."""
        return self.update(
            counted=True,
            phase="needs_enrolment",
            online=True,
            needs_enrolment=True,
            last_error=message,
            last_error_code=code,
            next_retry_at=None,
        )

    def failed(
        self, message: str, code: str, *, online: bool | None, retry_after: float | None = None
    ) -> SyncState:
        """A cycle failed with something that may heal by itself: the next try waits
        for the backoff (and at least ``retry_after`` seconds, when the CRM said)."""
        now = self.clock()
        state = self._state
        failures = state.consecutive_failures + 1
        delay = self.backoff.delay(failures, retry_after)
        return self.update(
            counted=True,
            phase="retry_wait",
            online=online,
            consecutive_failures=failures,
            failing_since=state.failing_since or now,
            last_error=message,
            last_error_code=code,
            next_retry_at=now + dt.timedelta(seconds=delay),
        )

    def succeeded(self, done: dt.datetime) -> SyncState:
        return self.update(
            counted=True,
            phase="idle",
            online=True,
            last_success_at=done,
            consecutive_failures=0,
            failing_since=None,
            last_error="",
            last_error_code="",
            next_retry_at=None,
        )
