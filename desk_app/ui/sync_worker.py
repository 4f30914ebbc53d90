"""The Qt adapter of sync: :class:`SyncControl`'s events as Qt signals.

Sync itself runs on its own thread inside :class:`SyncControl` (every N seconds, on
demand, and after a failure when the backoff allows). The control announces its
events there; :class:`SyncWorker` is a :class:`QtEventBridge`, registered as their
listener, so each event comes out as its signal on the GUI thread and slots may
touch widgets (Electrum's pattern). The status travels as the control's immutable
snapshot; its sentences are shown through :func:`~desk_app.ui.i18n.shown`.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from complaint_domain.complaint import WIB
from desk_app.services.sync_control import SyncControl, SyncStatus, format_age
from desk_app.ui.event_bridge import QtEventBridge
from desk_app.ui.i18n import shown
from desk_app.ui.status_bar import Connection


class SyncWorker(QtEventBridge):
    """Signals (each the event of the same name in :attr:`EVENTS`):
    status_changed(object): a :class:`SyncStatus` (status bar, panel header).
    progress(str, int, int): phase ("push" | "pull"), done, total.
    complaints_changed(list): ids of complaints whose status or timeline changed
        (today's list and an open detail view reload them).
    needs_enrolment(): the desk has no token, or the CRM refused it; an admin enrols.
    """

    status_changed = Signal(object)
    progress = Signal(str, int, int)
    complaints_changed = Signal(list)
    needs_enrolment = Signal()
    EVENTS: ClassVar[dict[str, str]] = {
        "status": "status_changed",
        "progress": "progress",
        "changes": "complaints_changed",
        "needs_enrolment": "needs_enrolment",
    }

    def __init__(self, control: SyncControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = control
        control.events.register(self.announce)

    # On the GUI thread.

    def start(self) -> None:
        self.control.start()
        self.announce("status", self.control.status())

    def stop(self) -> None:
        """At close: lets the cycle in progress commit (a few seconds at most)."""
        self.control.stop(timeout=5.0)

    @Slot()
    def sync_now(self) -> None:
        """ "Kirim sekarang". Off the GUI thread: the first call may build the engine
        (token from the keyring) or wait for the start-up thread that builds it."""
        threading.Thread(target=self.control.sync_now, name="meja-sync-now", daemon=True).start()

    @Slot()
    def refresh(self) -> None:
        """Recount waiting items after a complaint was recorded (off the GUI thread)."""
        threading.Thread(target=self.control.refresh, name="meja-sync-count", daemon=True).start()

    def status(self) -> SyncStatus:
        return self.control.status()


def status_bar_values(status: SyncStatus) -> tuple[Connection, str]:
    """The status bar's connection state and detail for a :class:`SyncStatus`."""
    if status.needs_enrolment:
        return Connection.NOT_CONNECTED, QCoreApplication.translate(
            "SyncWorker", "— meja belum terdaftar"
        )
    if status.phase in ("pushing", "pulling"):
        return Connection.SYNCING, ""
    detail = ""
    if status.last_success_at is not None:
        detail = QCoreApplication.translate("SyncWorker", "(terakhir {time})").format(
            time=f"{status.last_success_at.astimezone(WIB):%H:%M}"
        )
    if status.online is None:
        return Connection.NOT_CONNECTED, detail
    if status.online and not status.failures_in_a_row:
        return Connection.ONLINE, detail
    if status.oldest_waiting_age_s is not None:
        oldest = QCoreApplication.translate("SyncWorker", "tertua menunggu {age}").format(
            age=shown(format_age(status.oldest_waiting_age_s))
        )
        detail = f"{detail} — {oldest}".strip()
    return Connection.OFFLINE, detail


class UnsentOnCloseDialog:
    """Asked when the app closes with items not yet at the CRM."""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> bool:
        """True: close anyway (the items stay safe and go on the next start)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(box.tr("Belum terkirim ke CRM"))
        box.setText(shown(message))
        box.setInformativeText(box.tr("Tutup aplikasi sekarang?"))
        close = box.addButton(box.tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(box.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is close


def confirm_close(parent: QWidget | None, worker: SyncWorker) -> bool:
    """For ``MainWindow.closeEvent``: True when the window may close."""
    message = worker.control.close_warning()
    if not message:
        return True
    return UnsentOnCloseDialog.ask(parent, message)
