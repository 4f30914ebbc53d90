"""The sync engine: one cycle of push, pull, reference data and heartbeat.

Plain Python, no Qt: the HTTP client and the clock are injected, and whoever runs
the engine (the Qt adapter, the command line, a test) listens to the events it
announces (:mod:`desk_app.sync.events`). The engine only coordinates; the work is in

- :mod:`~desk_app.sync.push` (and :mod:`~desk_app.sync.batches`): the outbox to the
  CRM, files first, batches overlapped;
- :mod:`~desk_app.sync.visits`: the visits about other channels' complaints;
- :mod:`~desk_app.sync.pull`: the changes feed and its cursor, reference data;
- :mod:`~desk_app.sync.state`: where sync stands, failures and the backoff.

The rules of DESIGN.md, "Sync protocol v1", and how they are kept:

- An outbox item leaves "pending" only in the write transaction that records the
  server's per-item answer: a crash before that commit leaves it pending, and the
  next push is answered "already_had" (the server is idempotent per item id).
- The pull cursor is written in the same transaction as the events it covers.
- Attachments are uploaded before the items that refer to them (content-addressed,
  idempotent); a file the server already has is not sent again.
- Errors are sorted: a bad token stops the engine until the desk is enrolled again;
  a per-item refusal marks that item rejected with the server's code; everything
  that may heal by itself (down, refused, timeout, 5xx, 429, the desk's own disk) is
  retried with exponential backoff and full jitter, respecting ``Retry-After`` — and
  the state always says how many attempts, the last error and when the next try is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.store import keyvalue, outbox, visits
from desk_app.store.attachments import FileStore
from desk_app.store.db import Database, StorageError
from desk_app.sync.backoff import Backoff
from desk_app.sync.batches import Counts
from desk_app.sync.client import AuthFailed, CrmClient, SyncError, Transient
from desk_app.sync.events import EventHub
from desk_app.sync.pull import CURSOR_KEY, PULL_PAGE, REFERENCE_ETAG_KEY, REFERENCE_KEY, Puller
from desk_app.sync.push import MAX_BATCH, PushPipeline
from desk_app.sync.release import app_version, remember
from desk_app.sync.state import LAST_SUCCESS_KEY, Clock, SyncState, SyncStateKeeper
from desk_app.sync.visits import push_visits

__all__ = [
    "CURSOR_KEY",
    "LAST_SUCCESS_KEY",
    "REFERENCE_ETAG_KEY",
    "REFERENCE_KEY",
    "SyncEngine",
    "SyncReport",
    "SyncState",
    "app_version",
]


@dataclass(frozen=True)
class SyncReport:
    ok: bool
    accepted: int = 0
    already_had: int = 0
    rejected: int = 0
    uploaded_files: int = 0
    pulled: int = 0
    changed_complaints: tuple[str, ...] = ()
    error: str = ""


class SyncEngine:
    """One desk's sync. ``run_once()`` does a whole cycle; it is not re-entrant.

    Events (``engine.events``): ``"state"`` (SyncState), ``"progress"`` (phase, done,
    total), ``"changes"`` (list of complaint ids), ``"reference"`` (the CRM published
    new reference data, now stored); see :mod:`desk_app.sync.events`.
    """

    def __init__(
        self,
        database: Database,
        files: FileStore,
        client: CrmClient,
        clock: Clock,
        *,
        backoff: Backoff | None = None,
        batch_size: int = MAX_BATCH,
        pull_page: int = PULL_PAGE,
        version: str | None = None,
        apply_reference_areas: bool = True,
    ) -> None:
        self.db = database
        self.files = files
        self.client = client
        self.clock = clock
        self.version = version or app_version()
        self.events = EventHub()
        # The officer signed in at the desk, for the heartbeat ("" nobody): a staff
        # name the supervisor's view shows, never a citizen's.
        self.officer = ""
        self._lock = threading.Lock()
        self.keeper = SyncStateKeeper(
            database, clock, backoff or Backoff(), self.events, client.token
        )
        self.pusher = PushPipeline(database, files, client, clock, self._progress, batch_size)
        self.puller = Puller(
            database,
            client,
            self._progress,
            lambda ids: self.events.announce("changes", list(ids)),
            pull_page,
            apply_reference_areas,
        )

    # ------------------------------------------------------------------ listening

    def subscribe(
        self,
        on_state: Callable[[SyncState], None] | None = None,
        on_progress: Callable[[str, int, int], None] | None = None,
        on_changes: Callable[[list[str]], None] | None = None,
    ) -> None:
        """Callbacks by event (on the sync thread); ``events.register`` hears all."""
        for name, callback in (
            ("state", on_state),
            ("progress", on_progress),
            ("changes", on_changes),
        ):
            if callback is not None:
                self.events.on(name, callback)

    def _progress(self, phase: str, done: int, total: int) -> None:
        self.events.announce("progress", phase, done, total)

    @property
    def state(self) -> SyncState:
        return self.keeper.state

    @property
    def backoff(self) -> Backoff:
        return self.keeper.backoff

    @property
    def batch_size(self) -> int:
        """Items a push request carries (halved when the CRM finds a body too large)."""
        return self.pusher.batch_size

    def refresh_counts(self) -> SyncState:
        """Recount after a local change (a new complaint, a requeue) and tell listeners."""
        return self.keeper.refresh_counts()

    def set_token(self, token: str) -> None:
        """After enrolment: a new token, a clean slate of failures."""
        self.client.token = token
        self.keeper.enrolled(token)

    def due(self, now: dt.datetime | None = None) -> bool:
        """Whether the backoff allows a try now (``sync_now`` ignores it)."""
        return self.keeper.due(now)

    # ------------------------------------------------------------------ the cycle

    def run_once(self) -> SyncReport:
        with self._lock:
            return self._run()

    def _run(self) -> SyncReport:
        keeper = self.keeper
        if not self.client.token:
            keeper.update(needs_enrolment=True, phase="needs_enrolment")
            return SyncReport(False, error="needs_enrolment")
        keeper.update(phase="pushing", last_attempt_at=self.clock())
        counts = Counts()
        changed: list[str] = []
        try:
            self.pusher.push(counts)
            # Visits about other channels' complaints: their own outbox (see visits.py).
            push_visits(self.db, self.client, self.clock)
            keeper.update(counted=True, phase="pulling", online=True)
            changed = self.puller.pull(counts)
            if self.puller.reference():
                self.events.announce("reference")
            self._heartbeat()
            done = self.clock()
            with self.db.write() as session:
                keyvalue.put(session, LAST_SUCCESS_KEY, done.isoformat())
        except AuthFailed as exc:
            message = QT_TRANSLATE_NOOP(
                "Sync", "Token meja ditolak CRM: daftarkan meja ini lagi. {reason}"
            ).format(reason=exc.message)
            keeper.token_refused(message, exc.code)
            return _report(False, counts, changed, exc.message)
        except SyncError as exc:
            if exc.status is not None and exc.status != 429:
                # The CRM is there but refused or failed this step: it still hears
                # what waits here (the supervisor's view marks a desk whose receipts
                # stay unsent), unless it asked us to slow down.
                self._heartbeat_anyway()
            retry_after = exc.retry_after if isinstance(exc, Transient) else None
            keeper.failed(
                exc.message, exc.code, online=exc.status is not None, retry_after=retry_after
            )
            return _report(False, counts, changed, exc.message)
        except StorageError as exc:
            # The desk's own disk (full, read-only, failing): said like a network fault,
            # retried with the backoff, so the status never stays on "sending". The
            # reason ("full", "io"…) goes in the code, not in the officer's words; the
            # CRM is as it was.
            message = QT_TRANSLATE_NOOP(
                "Sync",
                "Data meja tidak dapat ditulis atau dibaca; periksa ruang disk atau hubungi TI.",
            )
            keeper.failed(message, f"storage_{exc.reason}", online=keeper.state.online)
            return _report(False, counts, changed, message)
        keeper.succeeded(done)
        return _report(True, counts, changed, "")

    def _heartbeat(self) -> None:
        with self.db.read() as session:
            count, oldest = outbox.pending_summary(session)
            count += visits.pending_count(session)  # the supervisor sees these wait too
        age = None if oldest is None else max(0, int((self.clock() - oldest).total_seconds()))
        answer = self.client.heartbeat(count, age, self.version, self.officer)
        remember(self.db, answer)  # the release the CRM rolls out now (desk_app/sync/release.py)

    def _heartbeat_anyway(self) -> None:
        with contextlib.suppress(SyncError, StorageError):
            self._heartbeat()


def _report(ok: bool, c: Counts, changed: list[str], error: str) -> SyncReport:
    return SyncReport(
        ok, c.accepted, c.already_had, c.rejected, c.uploaded, c.pulled, tuple(changed), error
    )
