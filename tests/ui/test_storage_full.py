"""Ctrl+S on a full disk: the officer reads why in plain Indonesian, the form stays
filled, and a second Ctrl+S after space is freed saves it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.main_window import MainWindow
from tests.services.test_storage_errors import LONG, fill_disk, free_disk
from tests.ui.conftest import FORM_FIELDS, press, sign_in

FIELDS = {**FORM_FIELDS, "description": LONG}  # long enough to need new pages


def test_save_on_a_full_disk_keeps_the_form_and_says_why(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    sign_in(qtbot, window)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    window.intake.set_fields(FIELDS)
    qtbot.waitUntil(lambda: not window.runner.busy)
    fill_disk(desk)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "penuh" in window.intake.save_state.text(), timeout=10000)
    assert "Isian tetap ada di layar" in window.intake.save_state.text()
    assert window.intake.name.text() == "Siti Nurhaliza"
    assert window.stack.currentWidget() is window.intake

    free_disk(desk)
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shown.args[0].reject()
