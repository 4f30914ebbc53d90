"""The status bar counts what the CRM refused beside what waits: a refused item
waits for the officer, not for the network, and "Belum terkirim: 0" alone hid it."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from desk_app.services.sync_control import SyncStatus
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import sign_in

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


def test_the_status_bar_shows_the_refused_count(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    bar = window.status
    assert bar.rejected.isHidden()  # nothing refused: nothing said
    window.on_sync_status(
        SyncStatus(online=True, pending_count=0, rejected_count=1, last_success_at=NOW, as_of=NOW)
    )
    assert bar.pending.text() == "Belum terkirim: 0"
    assert bar.rejected.text() == "Ditolak CRM: 1" and bar.rejected.isVisible()
    assert bar.rejected.accessibleName() == "Ditolak CRM"
    window.on_sync_status(
        SyncStatus(online=True, pending_count=2, rejected_count=0, last_success_at=NOW, as_of=NOW)
    )
    assert bar.pending.text() == "Belum terkirim: 2" and bar.rejected.isHidden()
