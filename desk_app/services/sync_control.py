"""Sync as the UI sees it: start, stop, "Kirim sekarang", what waits and what was
refused, enrolment, and what to say when the app closes with unsent items.

The UI imports this module, never ``desk_app.sync``: what it shows comes as the
values below — :class:`SyncStatus` (the engine's own immutable snapshot, passed on
as it is) and :class:`OutboxLine`. The engine runs on its own thread
(:class:`~desk_app.sync.runner.SyncRunner`); the control announces its events on
that thread (``control.events``, see :mod:`desk_app.sync.events`), so a GUI hops to
its own thread (the Qt bridge does). Every sentence is a translatable Message.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk import Desk
from desk_app.services.errors import NotFound, UserFacingError
from desk_app.store import outbox, visits
from desk_app.sync.events import EventHub, Listener
from desk_app.sync.refusals import refusal_reason
from desk_app.sync.state import SyncState, format_age

if TYPE_CHECKING:  # loaded with the engine, on the sync thread (see _build_engine)
    import requests

    from desk_app.services.enrolment import EnrolmentResult, TokenStore
    from desk_app.sync.client import CrmClient
    from desk_app.sync.engine import SyncEngine
    from desk_app.sync.runner import SyncRunner

__all__ = ["NOT_STARTED", "Listener", "OutboxLine", "SyncControl", "SyncStatus", "format_age"]

# What the status bar and the panel show: the engine's snapshot, as it is.
SyncStatus = SyncState


@dataclass(frozen=True)
class OutboxLine:
    """One row of the "Sinkronisasi" panel."""

    item_id: str
    kind: str  # complaint | event | visit (about another channel's complaint)
    ticket_code: str
    created_at: dt.datetime
    state: str  # pending | rejected
    attempts: int
    error_code: str
    error_message: str  # the CRM's own words (or the desk's, when refused here)
    error_field: str

    @property
    def reason(self) -> str:
        """The refusal in our words (a Message), with the CRM's own after it."""
        return refusal_reason(self.error_code, self.error_message) or QT_TRANSLATE_NOOP(
            "SyncRefusal", "Ditolak CRM."
        )


NOT_STARTED = SyncStatus()

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
        self._desk = desk
        self._tokens = token_store
        self._session = session
        self._timeout = timeout
        self.events = EventHub()
        self._asked_enrolment = False
        # The engine (and the keyring lookup behind the token, ~0.2 s) is built on
        # first use, normally on the sync thread from start(): opening the window
        # does not wait for it.
        self._build_lock = threading.Lock()
        self._engine: SyncEngine | None = None
        self._runner: SyncRunner | None = None
        self._starter: threading.Thread | None = None
        self._start_lock = threading.Lock()  # start() and sync_now() may race at launch
        self._stopped = False
        self._officer = ""

    @property
    def tokens(self) -> TokenStore:
        from desk_app.services.enrolment import TokenStore

        with self._build_lock:
            if self._tokens is None:
                self._tokens = TokenStore(self._desk.data_dir)
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
        from desk_app.sync.engine import SyncEngine
        from desk_app.sync.runner import SyncRunner

        settings = self._desk.settings
        client = self.crm_client(session, self._timeout, tokens)
        engine = SyncEngine(self._desk.database, self._desk.files, client, self._desk.clock)
        engine.officer = self._officer
        engine.events.register(self._relay)
        return engine, SyncRunner(engine, float(settings.sync_interval_s))

    def crm_client(
        self,
        session: requests.Session | None = None,
        timeout: tuple[float, float] | None = None,
        tokens: TokenStore | None = None,
    ) -> CrmClient:
        """A client of this desk's CRM with its token (the engine's, or one of its own
        for the supervisor's reads: ``requests`` sessions are not shared between
        threads). Blocks on the keyring: never call it on the GUI thread."""
        from desk_app.services.enrolment import tls_verify
        from desk_app.sync.client import CrmClient

        settings = self._desk.settings
        try:
            verify = tls_verify(settings.crm_ca_file)
        except UserFacingError:
            verify = True  # a missing CA file: fail closed against the system's CAs
        return CrmClient(
            settings.crm_url,
            (tokens or self.tokens).load(),
            session=session,
            timeout=timeout or self._timeout,
            verify=verify,
            clock=self._desk.clock,
        )

    # ------------------------------------------------------------------ listening

    def subscribe(
        self,
        on_status: StatusListener | None = None,
        on_progress: ProgressListener | None = None,
        on_changes: ChangesListener | None = None,
    ) -> None:
        """Callbacks by event, called on the sync thread: GUIs must hop to their own
        thread. ``events.register(listener)`` hears every event."""
        for name, callback in (
            ("status", on_status),
            ("progress", on_progress),
            ("changes", on_changes),
        ):
            if callback is not None:
                self.events.on(name, callback)

    def _relay(self, name: str, *args: object) -> None:
        """The engine's events, passed on: its ``"state"`` as ``"status"``, followed
        by ``"needs_enrolment"`` once when the desk turns out to need enrolment."""
        if name == "reference":  # stored by the pull: the desk reads it before anyone hears
            self._desk.reload_reference()
        if name != "state":
            self.events.announce(name, *args)
            return
        (status,) = args
        assert isinstance(status, SyncState)
        self.events.announce("status", status)
        if status.needs_enrolment and status.phase == "needs_enrolment":
            if not self._asked_enrolment:
                self._asked_enrolment = True
                self.events.announce("needs_enrolment")
        else:
            self._asked_enrolment = False

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
                self._relay("state", self.engine.state)  # what it knows (no token…)
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

    def set_officer(self, name: str) -> None:
        """Who is signed in ("" nobody): the next heartbeat tells the CRM."""
        self._officer = name
        if self._engine is not None:
            self._engine.officer = name

    def run_once(self) -> bool:
        """One cycle on the caller's thread (command line, tests)."""
        return self.engine.run_once().ok

    def status(self) -> SyncStatus:
        if self._engine is None:  # not built yet: nothing tried, nothing known
            return NOT_STARTED
        return replace(self._engine.state, as_of=self._desk.clock())

    def refresh(self) -> SyncStatus:
        """Recount after a local change (a complaint recorded): listeners hear it too."""
        return self.engine.refresh_counts()

    def set_interval(self, seconds: int) -> None:
        self.runner.interval_s = float(seconds)

    # ------------------------------------------------------------------ the panel

    def waiting(self, limit: int = 500) -> list[OutboxLine]:
        """The outbox's waiting items, then the visits about other channels' complaints."""
        with self._desk.database.read() as session:
            lines = [_line(i) for i in outbox.pending(session, limit)]
            return lines + [_visit_line(v) for v in visits.pending(session, limit)]

    def rejected(self) -> list[OutboxLine]:
        with self._desk.database.read() as session:
            lines = [_line(i) for i in outbox.rejected(session)]
            return lines + [_visit_line(v) for v in visits.rejected(session)]

    def resend(self, actor: Officer, item_id: str) -> None:
        """After the officer corrected a refused item: send it again on the next cycle."""
        require(actor, Role.OFFICER)
        with self._desk.database.write() as session:
            if visits.state_of(session, item_id) == visits.REJECTED:
                visits.requeue(session, item_id)
            elif outbox.state_of(session, item_id) != outbox.REJECTED:
                raise NotFound(QT_TRANSLATE_NOOP("SyncControl", "Item ini tidak sedang ditolak."))
            else:
                outbox.requeue(session, item_id, self._desk.clock(), actor.display_name)
                # Additions refused only because their complaint was not at the CRM
                # yet go again with it.
                for other in outbox.rejected(session):
                    if other.complaint_id != item_id or other.error_code != "unknown_complaint":
                        continue
                    outbox.requeue(session, other.item_id)
        self.refresh()
        self.sync_now()

    def unsent_count(self) -> int:
        with self._desk.database.read() as session:
            count, _ = outbox.pending_summary(session)
            count += visits.pending_count(session) + visits.rejected_count(session)
            return count + outbox.rejected_count(session)

    def close_warning(self) -> str:
        """What to say when the app closes (a Message): "" when everything reached
        the CRM."""
        with self._desk.database.read() as session:
            waiting, _ = outbox.pending_summary(session)
            waiting += visits.pending_count(session)
            refused = outbox.rejected_count(session) + visits.rejected_count(session)
        unsent = QT_TRANSLATE_NOOP(
            "SyncControl",
            "{n} aduan/tambahan belum terkirim ke CRM. Data aman tersimpan di komputer ini "
            "dan akan dikirim saat aplikasi dibuka lagi.",
        ).format(n=waiting)
        refusals = QT_TRANSLATE_NOOP(
            "SyncControl", "{n} item ditolak CRM dan perlu diperbaiki (panel Sinkronisasi)."
        ).format(n=refused)
        if waiting and refused:
            return QT_TRANSLATE_NOOP("SyncControl", "{unsent} {refused}").format(
                unsent=unsent, refused=refusals
            )
        if waiting:
            return unsent
        if refused:
            return refusals
        return ""

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
            self._desk, actor, crm_url, enrolment_code, ca_file, self.tokens, self.session
        )
        client = self.engine.client
        client.base_url = self._desk.settings.crm_url
        client.verify = tls_verify(self._desk.settings.crm_ca_file)
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


def _visit_line(visit: visits.Visit) -> OutboxLine:
    """A visit about another channel's complaint, as a line of the panel."""
    return OutboxLine(
        visit.id, "visit", visit.ticket_code, visit.at, visit.state, 0, visit.error_code, "", ""
    )
