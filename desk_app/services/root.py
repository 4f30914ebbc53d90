"""The desk's composition root: every service the UI uses, built in one place.

:func:`open_desk` opens the data folder (database, files, settings, areas) and builds
the core use cases; :func:`build_services` adds the rest (receipts, sync control,
duplicate hints, attachment previews, and the services still to come) and hands the
UI one :class:`DeskServices`. The UI receives it and calls services only: it never
holds the database, the file store or an engine (the desk stays private here).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from complaint_domain.areas import AreaIndex
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.reference import Category
from desk_app.services.accounts import AccountService, Officer
from desk_app.services.desk import Clock, Desk, open_desk, system_clock
from desk_app.services.drafts import DraftService
from desk_app.services.duplicates import DuplicateService
from desk_app.services.errors import UserFacingError
from desk_app.services.intake import IntakeService
from desk_app.services.kiosk import KioskService
from desk_app.services.lookup import LookupService
from desk_app.services.previews import AttachmentPreviews
from desk_app.services.queue import QueueService, QueueTicket
from desk_app.services.receipts import ReceiptPrinter, ReceiptService, SystemPrinterFactory
from desk_app.services.recovery import RecoveryKeys
from desk_app.services.remote_lookup import RemoteLookupService
from desk_app.services.settings import Settings
from desk_app.services.supervision import SupervisionService
from desk_app.services.sync_control import SyncControl
from desk_app.services.updates import UpdateService

if TYPE_CHECKING:
    from complaint_domain.workdays import WorkCalendar
    from desk_app.sync.queue_client import QueueClient


class _ThreadSessions(threading.local):
    """The queue's requests session, one per thread (a session is not thread-safe)."""

    session: Any = None


class DeskServices:
    """The services of one open desk, for the UI.

    Settings and areas are read through (an admin's save, an area import or an
    enrolment changes them while the window is open)."""

    def __init__(
        self,
        desk: Desk,
        *,
        printer: ReceiptPrinter | None = None,
        system_printer: SystemPrinterFactory | None = None,
        sync: SyncControl | None = None,
    ) -> None:
        self._desk = desk
        self.accounts: AccountService = desk.accounts
        self.intake: IntakeService = desk.intake
        self.lookup: LookupService = desk.lookup
        self.drafts: DraftService = desk.drafts
        self.duplicates = DuplicateService(desk.database)
        self.previews = AttachmentPreviews(desk.files)
        self.receipts = ReceiptService(desk, printer=printer, system_printer=system_printer)
        self.recovery = RecoveryKeys(desk, self.receipts)
        self.sync = sync or SyncControl(desk)
        self.supervision = SupervisionService(desk, self.sync)
        self.remote_lookup = RemoteLookupService(desk, self.sync)
        self.updates = UpdateService(desk)
        self.queue = QueueService(
            desk.database, desk.clock, lambda: desk.settings.desk_code, self._queue_client
        )
        self.kiosk = KioskService(desk.database, desk.clock, self._public_status)
        self._queue_sessions = _ThreadSessions()

    def _public_status(self, code: str, token: str) -> dict[str, Any] | None:
        """The CRM's public tracking JSON of a receipt (no token needed); None when
        the CRM knows no such complaint; raises when the CRM cannot be reached."""
        answer = self.sync.session.get(
            f"{self._desk.settings.crm_url.rstrip('/')}/T/{code}/{token}.json", timeout=(2, 5)
        )
        if answer.status_code == 404:
            return None
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result

    def print_queue_slip(self, ticket: QueueTicket) -> str:
        """Print a new number's slip; the problem's message, or "" when it printed.
        A printer failure never stops the queue (the number is already issued)."""
        from desk_app.printing import render_queue_ticket

        data = self.queue.slip(ticket, self._desk.settings.site_name)
        try:
            self.receipts.printer().print_document(render_queue_ticket(data))
        except Exception as exc:
            return QT_TRANSLATE_NOOP("Queue", "Slip antrean tidak tercetak ({kind}).").format(
                kind=type(exc).__name__
            )
        return ""

    def _queue_client(self) -> QueueClient | None:
        """The CRM's queue API with the desk's token (None before enrolment). Short
        timeouts: a citizen waits at the desk while it asks."""
        import requests

        from desk_app.services.enrolment import tls_verify
        from desk_app.sync.client import CrmClient
        from desk_app.sync.queue_client import QueueClient

        token = self.sync.tokens.load()
        if not token:
            return None
        settings = self._desk.settings
        try:
            verify = tls_verify(settings.crm_ca_file)
        except UserFacingError:
            verify = True
        # A session of the calling thread's own: the sync worker's is the sync
        # worker's (a requests session is not to be shared between threads).
        session = self._queue_sessions.session
        if session is None:
            session = self._queue_sessions.session = requests.Session()
        client = CrmClient(
            settings.crm_url, token, session=session, timeout=(2.0, 5.0), verify=verify
        )
        return QueueClient(client)

    @property
    def settings(self) -> Settings:
        return self._desk.settings

    @property
    def settings_warnings(self) -> list[str]:
        """What was wrong with the settings file when the desk opened."""
        return self._desk.settings_warnings

    def category_name(self, code: str) -> str:
        """The category's name (a Message) for its code (the code when unknown)."""
        category = self._desk.category_by_code.get(code)
        return category.name if category else code

    @property
    def areas(self) -> AreaIndex:
        return self._desk.areas

    @property
    def categories(self) -> tuple[Category, ...]:
        """The categories in use: the CRM's once it published them."""
        return self._desk.categories

    @property
    def calendar(self) -> WorkCalendar:
        return self._desk.calendar

    def now(self) -> dt.datetime:
        return self._desk.clock()

    def area_name(self, code: str) -> str:
        """The kelurahan's name for its code (the code when it is unknown)."""
        area = self._desk.areas.get(code)
        return area.name if area else code

    def save_settings(self, actor: Officer, settings: Settings) -> None:
        self._desk.save_settings(actor, settings)

    def retention_if_due(self) -> None:
        """The retention run of the desk's schedule, when a day has passed since the
        last (see services/retention.py); run at the start and hourly by the window."""
        from desk_app.services.retention import run_if_due

        run_if_due(self._desk)

    def close(self) -> None:
        """The app is ending: the database is closed (after the window's last write)."""
        self._desk.close()


def build_services(
    desk: Desk,
    *,
    printer: ReceiptPrinter | None = None,
    system_printer: SystemPrinterFactory | None = None,
) -> DeskServices:
    """Every service for ``desk``. ``printer``: a fixed receipt printer (tests,
    benchmarks); otherwise the one the settings name, ``system_printer`` building
    the OS printer back-end (the UI hands in Qt's: services import no Qt)."""
    return DeskServices(desk, printer=printer, system_printer=system_printer)


def open_services(
    data_dir: Path,
    *,
    clock: Clock = system_clock,
    settings_read: tuple[Settings, list[str]] | None = None,
    system_printer: SystemPrinterFactory | None = None,
) -> DeskServices:
    """Open the desk in ``data_dir`` and build its services (what ``desk-app`` runs)."""
    desk = open_desk(data_dir, clock=clock, settings_read=settings_read)
    return build_services(desk, system_printer=system_printer)
