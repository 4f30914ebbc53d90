"""The window's status bar: who is signed in, which desk, the CRM connection, and
how many items have not reached the CRM yet.

The sync work feeds :meth:`DeskStatusBar.set_connection` and
:meth:`DeskStatusBar.set_pending` (through ``MainWindow.set_crm_connection`` and
``MainWindow.set_pending``); until it lands the connection reads "belum tersambung".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desk_app.domain.complaint import WIB


class Connection(StrEnum):
    NOT_CONNECTED = "not_connected"  # never synced yet, or sync not configured
    ONLINE = "online"
    OFFLINE = "offline"  # tried and failed; will retry
    SYNCING = "syncing"


class DeskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.officer = QLabel()
        self.officer.setAccessibleName(self.tr("Petugas"))
        self.desk = QLabel()
        self.desk.setAccessibleName(self.tr("Meja"))
        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Koneksi CRM"))
        self.pending = QLabel()
        self.pending.setAccessibleName(self.tr("Belum terkirim ke CRM"))
        for label in (self.officer, self.desk, self.connection, self.pending):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.set_officer("")
        self.set_connection(Connection.NOT_CONNECTED)
        self.set_pending(0, None)

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
