"""The locked desk: after the idle minutes the pages are hidden and the officer's
password is asked; a wrong one is refused, the right one brings back what was being
typed. The recovery key: shown to the admin after the set-up, saved as a PDF slip."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.services.desk_key import current_recovery_text, parse_recovery_text
from desk_app.ui.dialogs import FilePicker
from desk_app.ui.flows.recovery_flow import RecoveryFlow
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import PASSWORD, FakePrinter, make_window, shot, sign_in


def test_an_idle_desk_locks_and_keeps_what_was_typed(
    qtbot: QtBot, desk: Desk, window: MainWindow, artifacts_dir: Path
) -> None:
    sign_in(qtbot, window)
    lock = window.idle_lock
    assert lock.timer.isActive() and lock.timer.interval() == 10 * 60_000  # the default
    desk.settings = dataclasses.replace(desk.settings, lock_after_minutes=1)
    lock.restart()  # as after the settings are saved
    assert lock.timer.isActive() and lock.timer.interval() == 60_000
    window.on_new_complaint()
    qtbot.keyClicks(window.intake.name, "Sulastri Wiryaningsih")
    lock.timer.setInterval(50)  # the minute, shortened
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    dialog = lock.dialog
    assert dialog is not None and not window.stack.isVisible()  # no citizen's data on screen
    shot(dialog, artifacts_dir, "locked-desk", 100)
    dialog.reject()  # Esc: still locked
    assert lock.locked and dialog.isVisible()
    qtbot.keyClicks(dialog.password, "bukan-sandinya")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert lock.locked and "salah" in dialog.error.text()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked, timeout=10000)
    assert window.stack.isVisible() and window.stack.currentWidget() is window.intake
    assert window.intake.name.text() == "Sulastri Wiryaningsih"
    assert lock.timer.isActive() and lock.timer.interval() == 60_000
    window.close()


def test_no_lock_when_the_setting_is_zero(qtbot: QtBot, desk: Desk, printer: FakePrinter) -> None:
    desk.settings = dataclasses.replace(desk.settings, lock_after_minutes=0)
    window = make_window(qtbot, desk, printer)
    sign_in(qtbot, window)
    assert not window.idle_lock.timer.isActive()
    window.close()


def test_the_admin_gets_the_recovery_key_as_a_pdf_slip(
    qtbot: QtBot,
    desk: Desk,
    window: MainWindow,
    printer: FakePrinter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sign_in(qtbot, window)
    flow: RecoveryFlow = window.recovery_flow
    flow.open()
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=5000)
    dialog = flow.dialog
    assert dialog is not None
    shown_key = dialog.key.text()
    assert parse_recovery_text(shown_key) and shown_key == current_recovery_text(desk.data_dir)
    target = tmp_path / "kunci.pdf"
    monkeypatch.setattr(FilePicker, "ask_save", classmethod(lambda *_a: str(target)))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: target.exists() and dialog.outcome.isVisible(), timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: len(printer.printed) == 1 and not window.runner.busy, timeout=10000)
    with desk.database.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT details FROM audit_log WHERE action = 'desk_key.recovery' ORDER BY pk"
        )
        assert [r[0] for r in rows] == [
            '{"how": "shown"}',
            '{"how": "saved_pdf"}',
            '{"how": "printed"}',
        ]
    window.close()
