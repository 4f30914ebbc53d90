"""The window's status bar: who is signed in, which desk, the CRM connection, and
how many items have not reached the CRM yet, and how many it refused.

The sync work feeds :meth:`DeskStatusBar.set_connection` and
:meth:`DeskStatusBar.set_pending` (through ``MainWindow.set_crm_connection`` and
``MainWindow.set_pending``); until it lands the connection reads "belum tersambung".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QVBoxLayout, QWidget

from complaint_domain.complaint import WIB


class Connection(StrEnum):
    NOT_CONNECTED = "not_connected"  # never synced yet, or sync not configured
    ONLINE = "online"
    OFFLINE = "offline"  # tried and failed; will retry
    SYNCING = "syncing"


class _Fact(QLabel):
    """One of the four facts: on one line where there is room, wrapped onto two where
    the window is narrow (at 200 % the four took 1 400 px on one line)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + m.left() + m.right() + 2
        return QSize(one_line, super().sizeHint().height())


class DeskStatusBar(QStatusBar):
    """Messages (``showMessage``) get a line of their own above the four facts, and
    wrap: QStatusBar's own message shares one line with them and was cut off ("Me…")
    at large font scales, and long warnings even at 100 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Pesan"))
        self.message.setContentsMargins(8, 0, 8, 0)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.clearMessage)
        self.officer = _Fact()
        self.officer.setAccessibleName(self.tr("Petugas"))
        self.desk = _Fact()
        self.desk.setAccessibleName(self.tr("Meja"))
        self.connection = _Fact()
        self.connection.setAccessibleName(self.tr("Koneksi CRM"))
        self.pending = _Fact()
        self.pending.setAccessibleName(self.tr("Belum terkirim ke CRM"))
        self.rejected = QLabel()  # shown only while the CRM has refused something
        self.rejected.setAccessibleName(self.tr("Ditolak CRM"))
        facts = QHBoxLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.addStretch(1)
        for label in (self.officer, self.desk, self.connection, self.pending, self.rejected):
            label.setContentsMargins(8, 0, 8, 0)
            facts.addWidget(label)
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addWidget(self.message)
        rows.addLayout(facts)
        self.addPermanentWidget(box, 1)  # permanent: QStatusBar never hides it
        self.set_officer("")
        self.set_connection(Connection.NOT_CONNECTED)
        self.set_pending(0, None)
        self.set_rejected(0)

    # QStatusBar's message API, shown in the message line instead of its own.
    def showMessage(self, text: str, /, timeout: int | None = None) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if timeout:
            self._message_timer.start(timeout)
        else:
            self._message_timer.stop()

    def clearMessage(self) -> None:
        self.showMessage("")

    def currentMessage(self) -> str:
        return self.message.text()

    def set_officer(self, name: str) -> None:
        self.officer.setText(self.tr("Petugas: {name}").format(name=name or "—"))

    def set_desk(self, code: str, site: str) -> None:
        self.desk.setText(self.tr("Meja {code}").format(code=code))
        self.desk.setToolTip(site)

    def set_connection(self, state: Connection, detail: str = "") -> None:
        text = {
            Connection.NOT_CONNECTED: self.tr("CRM: belum tersambung"),
            Connection.ONLINE: self.tr("CRM: tersambung"),
            Connection.OFFLINE: self.tr("CRM: terputus, dicoba lagi"),
            Connection.SYNCING: self.tr("CRM: sedang mengirim…"),
        }[state]
        self.connection.setText(f"{text} {detail}".strip())

    def set_pending(self, count: int, oldest: dt.datetime | None) -> None:
        if count == 0:
            self.pending.setText(self.tr("Belum terkirim: 0"))
            return
        self.pending.setText(self.tr("Belum terkirim: {n}").format(n=count))
        if oldest is not None:
            since = oldest.astimezone(WIB).strftime("%d-%m-%Y %H:%M")
            self.pending.setToolTip(self.tr("Yang tertua dicatat {since}").format(since=since))

    def set_rejected(self, count: int) -> None:
        """Items the CRM refused: they wait for the officer, not for the network
        (Sinkronisasi, Ctrl+K, lists them with the reason)."""
        self.rejected.setText(self.tr("Ditolak CRM: {n}").format(n=count))
        self.rejected.setToolTip(self.tr("Lihat dan perbaiki di Sinkronisasi (Ctrl+K)"))
        self.rejected.setVisible(count > 0)
