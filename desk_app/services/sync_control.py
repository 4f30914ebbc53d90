"""Sync as the UI sees it: start, stop, "Kirim sekarang", what waits and what was
refused, enrolment, and what to say when the app closes with unsent items.

The UI imports this module, never ``desk_app.sync``: everything it shows comes as
the plain values below (:class:`SyncStatus`, :class:`OutboxLine`). The engine runs
on its own thread (:class:`~desk_app.sync.runner.SyncRunner`); listeners are called
on that thread, so a GUI must hop to its own thread (the Qt adapter does).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk import Desk
from desk_app.services.errors import NotFound, UserFacingError
from desk_app.store import outbox

if TYPE_CHECKING:  # loaded with the engine, on the sync thread (see _build_engine)
    import requests

    from desk_app.services.enrolment import EnrolmentResult, TokenStore
    from desk_app.sync.engine import SyncEngine, SyncState
    from desk_app.sync.runner import SyncRunner


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows (and the panel's header)."""

    online: bool | None  # None: not tried yet
    waiting: int
    oldest_waiting_at: dt.datetime | None
    oldest_waiting_age_s: int | None
    rejected: int
    last_success_at: dt.datetime | None
    phase: str  # idle | pushing | pulling | retry_wait | needs_enrolment
    failures_in_a_row: int
    last_error: str
    next_retry_at: dt.datetime | None
    needs_enrolment: bool
    needs_attention: bool

    @property
    def text(self) -> str:
        """One line for the status bar (Indonesian)."""
        if self.needs_enrolment:
            return "Meja belum terdaftar di CRM — daftarkan di Pengaturan"
        where = {True: "Daring", False: "Luring", None: "Belum tersambung"}[self.online]
        parts = [where, f"{self.waiting} menunggu dikirim"]
        if self.oldest_waiting_age_s is not None:
            parts.append(f"tertua {format_age(self.oldest_waiting_age_s)}")
        if self.rejected:
            parts.append(f"{self.rejected} ditolak CRM")
        if self.last_success_at is not None:
            local = self.last_success_at.astimezone(dt.timezone(dt.timedelta(hours=7)))
            parts.append(f"sinkron terakhir {local:%H:%M}")
        return " · ".join(parts)


@dataclass(frozen=True)
class OutboxLine:
    """One row of the "Sinkronisasi" panel."""

    item_id: str
    kind: str  # complaint | event
    ticket_code: str
    created_at: dt.datetime
    state: str  # pending | rejected
    attempts: int
    error_code: str
    error_message: str
    error_field: str

    @property
    def reason(self) -> str:
        """The refusal in Indonesian, with the CRM's own words after it."""
        known = REASONS.get(self.error_code, "")
        if known and self.error_message:
            return f"{known} ({self.error_message})"
        return known or self.error_message


REASONS = {
    "unknown_area": "Kelurahan tidak dikenal CRM — pilih kelurahan lain",
    "unknown_category": "Kategori tidak dikenal CRM — pilih kategori lain",
    "unknown_channel": "Kanal aduan tidak dikenal CRM",
    "invalid": "Data tidak sah menurut CRM",
    "invalid_ticket_code": "Kode tiket tidak sah",
    "wrong_desk": "Kode tiket bukan milik meja ini (kode meja berubah?)",
    "duplicate_ticket_code": "Kode tiket sudah dipakai aduan lain di CRM",
    "id_conflict": "Aduan lain di CRM memakai pengenal yang sama",
    "unknown_complaint": "Aduan induknya belum ada di CRM",
    "attachment_unreadable": "Berkas lampiran rusak di komputer ini",
    "item_unreadable": "Data ini rusak di komputer ini — hubungi petugas TI",
    "unsupported_media_type": "Jenis berkas lampiran ditolak CRM",
    "too_large": "Berkas lampiran terlalu besar untuk CRM",
}


def format_age(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} detik"
    if seconds < 3600:
        return f"{seconds // 60} menit"
    if seconds < 86400:
        return f"{seconds // 3600} jam"
    return f"{seconds // 86400} hari"


NOT_STARTED = SyncStatus(
    online=None,
    waiting=0,
    oldest_waiting_at=None,
    oldest_waiting_age_s=None,
    rejected=0,
    last_success_at=None,
    phase="idle",
    failures_in_a_row=0,
    last_error="",
    next_retry_at=None,
    needs_enrolment=False,
    needs_attention=False,
)

StatusListener = Callable[[SyncStatus], None]
ProgressListener = Callable[[str, int, int], None]
ChangesListener = Callable[[list[str]], None]


class SyncControl:
    """One desk's sync, for the UI and the command line."""

    def __init__(
        self,
        desk: Desk,
        token_store: TokenStore | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5.0, 30.0),
    ) -> None:
        self.desk = desk
        self._tokens = token_store
        self._session = session
        self._timeout = timeout
        self._status_listeners: list[StatusListener] = []
        self._progress_listeners: list[ProgressListener] = []
        self._changes_listeners: list[ChangesListener] = []
        # The engine (and the keyring lookup behind the token, ~0.2 s) is built on
        # first use, normally on the sync thread from start(): opening the window
        # does not wait for it.
        self._build_lock = threading.Lock()
        self._engine: SyncEngine | None = None
        self._runner: SyncRunner | None = None
        self._starter: threading.Thread | None = None
        self._start_lock = threading.Lock()  # start() and sync_now() may race at launch
        self._stopped = False

    @property
    def tokens(self) -> TokenStore:
        from desk_app.services.enrolment import TokenStore

        with self._build_lock:
            if self._tokens is None:
                self._tokens = TokenStore(self.desk.data_dir)
            return self._tokens

    @property
    def session(self) -> requests.Session:
        import requests

        with self._build_lock:
            if self._session is None:
                self._session = requests.Session()
            return self._session

    @property
    def engine(self) -> SyncEngine:
        tokens, session = self.tokens, self.session
        with self._build_lock:
            if self._engine is None:
                self._engine, self._runner = self._build_engine(tokens, session)
            return self._engine

    @property
    def runner(self) -> SyncRunner:
        self.engine  # noqa: B018 - builds the runner with the engine
        assert self._runner is not None
        return self._runner

    def _build_engine(
        self, tokens: TokenStore, session: requests.Session
    ) -> tuple[SyncEngine, SyncRunner]:
        # The HTTP stack (requests, ~60 ms to import) and the engine are imported here,
        # on the sync thread, not while the window opens.
        from desk_app.services.enrolment import tls_verify
        from desk_app.sync.client import CrmClient
        from desk_app.sync.engine import SyncEngine
        from desk_app.sync.runner import SyncRunner

        settings = self.desk.settings
        try:
            verify = tls_verify(settings.crm_ca_file)
        except UserFacingError:
            verify = True  # a missing CA file: fail closed against the system's CAs
        client = CrmClient(
            settings.crm_url,
            tokens.load(),
            session=session,
            timeout=self._timeout,
            verify=verify,
            clock=self.desk.clock,
        )
        engine = SyncEngine(self.desk.database, self.desk.files, client, self.desk.clock)
        engine.subscribe(self._on_state, self._on_progress, self._on_changes)
        return engine, SyncRunner(engine, float(settings.sync_interval_s))

    # ------------------------------------------------------------------ listening

    def subscribe(
        self,
        on_status: StatusListener | None = None,
        on_progress: ProgressListener | None = None,
        on_changes: ChangesListener | None = None,
    ) -> None:
        """Called on the sync thread: GUIs must hop to their own thread."""
        if on_status:
            self._status_listeners.append(on_status)
        if on_progress:
            self._progress_listeners.append(on_progress)
        if on_changes:
            self._changes_listeners.append(on_changes)

    def _on_state(self, state: SyncState) -> None:
        status = self._status(state)
        for listener in list(self._status_listeners):
            listener(status)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        for listener in list(self._progress_listeners):
            listener(phase, done, total)

    def _on_changes(self, ids: list[str]) -> None:
        for listener in list(self._changes_listeners):
            listener(ids)

    def _status(self, state: SyncState) -> SyncStatus:
        return SyncStatus(
            online=state.online,
            waiting=state.pending_count,
            oldest_waiting_at=state.oldest_pending_at,
            oldest_waiting_age_s=state.oldest_pending_age_s(self.desk.clock()),
            rejected=state.rejected_count,
            last_success_at=state.last_success_at,
            phase=state.phase,
            failures_in_a_row=state.consecutive_failures,
            last_error=state.last_error,
            next_retry_at=state.next_retry_at,
            needs_enrolment=state.needs_enrolment,
            needs_attention=state.needs_attention,
        )

    # ------------------------------------------------------------------ control

    def start(self) -> None:
        """Start syncing in the background; returns at once (the engine is built on
        the sync side, not on the caller's thread). Once only, and never after
        :meth:`stop`."""
        if self._starter is not None:
            return
        self._starter = threading.Thread(
            target=self._start_runner, name="meja-sync-start", daemon=True
        )
        self._starter.start()

    def _start_runner(self) -> bool:
        """Start the runner unless it runs or the app is closing; whether it runs."""
        if self._stopped:  # closing: do not build the engine (keyring, HTTP) for nothing
            return False
        runner = self.runner  # built outside the lock: stop() must not wait for it
        with self._start_lock:
            if self._stopped:  # "Kirim sekarang" pressed just before the close
                return False
            if not runner.running:
                self._on_state(self.engine.state)  # what the new engine knows (no token…)
                runner.start()
            return True

    def stop(self, timeout: float = 10.0) -> bool:
        with self._start_lock:
            self._stopped = True  # no start after this, from any thread
        if self._starter is not None:
            self._starter.join(timeout)
        if self._runner is None:
            return True
        return self._runner.stop(timeout)

    def sync_now(self) -> None:
        """ "Kirim sekarang": a cycle at once, whatever the backoff says."""
        if self._start_runner():  # starts it if needed; False once the app is closing
            self.runner.sync_now()

    def run_once(self) -> bool:
        """One cycle on the caller's thread (command line, tests)."""
        return self.engine.run_once().ok

    def status(self) -> SyncStatus:
        if self._engine is None:  # not built yet: nothing tried, nothing known
            return NOT_STARTED
        return self._status(self._engine.state)

    def refresh(self) -> SyncStatus:
        """Recount after a local change (a complaint recorded): listeners hear it too."""
        return self._status(self.engine.refresh_counts())

    def set_interval(self, seconds: int) -> None:
        self.runner.interval_s = float(seconds)

    # ------------------------------------------------------------------ the panel

    def waiting(self, limit: int = 500) -> list[OutboxLine]:
        with self.desk.database.read() as session:
            return [_line(i) for i in outbox.pending(session, limit)]

    def rejected(self) -> list[OutboxLine]:
        with self.desk.database.read() as session:
            return [_line(i) for i in outbox.rejected(session)]

    def resend(self, actor: Officer, item_id: str) -> None:
        """After the officer corrected a refused item: send it again on the next cycle."""
        require(actor, Role.OFFICER)
        with self.desk.database.write() as session:
            if outbox.state_of(session, item_id) != outbox.REJECTED:
                raise NotFound("Item ini tidak sedang ditolak.")
            outbox.requeue(session, item_id)
            # Additions refused only because their complaint was not at the CRM yet
            # go again with it.
            for other in outbox.rejected(session):
                if other.complaint_id != item_id or other.error_code != "unknown_complaint":
                    continue
                outbox.requeue(session, other.item_id)
        self.refresh()
        self.sync_now()

    def unsent_count(self) -> int:
        with self.desk.database.read() as session:
            count, _ = outbox.pending_summary(session)
            return count + outbox.rejected_count(session)

    def close_warning(self) -> str:
        """What to say when the app closes: "" when everything reached the CRM."""
        with self.desk.database.read() as session:
            waiting, _ = outbox.pending_summary(session)
            refused = outbox.rejected_count(session)
        if not waiting and not refused:
            return ""
        parts = []
        if waiting:
            parts.append(
                f"{waiting} aduan/tambahan belum terkirim ke CRM. Data aman tersimpan di "
                "komputer ini dan akan dikirim saat aplikasi dibuka lagi."
            )
        if refused:
            parts.append(f"{refused} item ditolak CRM dan perlu diperbaiki (panel Sinkronisasi).")
        return " ".join(parts)

    # ------------------------------------------------------------------ enrolment

    @property
    def enrolled(self) -> bool:
        return bool(self.engine.client.token)

    def enrol(
        self, actor: Officer, crm_url: str, enrolment_code: str, ca_file: str = ""
    ) -> EnrolmentResult:
        """Enrol (or re-enrol) with the CRM, then sync at once with the new token."""
        from desk_app.services.enrolment import enrol_desk, tls_verify

        result = enrol_desk(
            self.desk, actor, crm_url, enrolment_code, ca_file, self.tokens, self.session
        )
        client = self.engine.client
        client.base_url = self.desk.settings.crm_url
        client.verify = tls_verify(self.desk.settings.crm_ca_file)
        self.engine.set_token(self.tokens.load())
        self.sync_now()
        return result


def _line(item: outbox.OutboxItem) -> OutboxLine:
    return OutboxLine(
        item.item_id,
        item.kind,
        item.ticket_code,
        item.created_at,
        item.state,
        item.attempts,
        item.error_code,
        item.error_message,
        item.error_field,
    )
