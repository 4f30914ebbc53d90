"""The receipt flow: a printer failure keeps the complaint in the 'to print' list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import (
    FakePrinter,
    focused,
    press,
    sign_in,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_printer_failure_keeps_complaint_in_to_print_list(
    qtbot: QtBot, window: MainWindow, desk: Desk, printer: FakePrinter
) -> None:
    sign_in(qtbot, window)
    form = window.intake
    window.on_new_complaint()
    form.set_fields(
        {
            "name": "Siti Nurhaliza",
            "consent": True,
            "kelurahan_code": "31.71.03.1005",
            "category_code": "POHON.TUMBANG",
            "description": "Pohon tumbang menutup separuh jalan sejak pagi tadi.",
        }
    )
    printer.fail = True
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Key.Key_S, CTRL)
    preview = shown.args[0]
    with qtbot.waitSignal(window.receipt_flow.failed, timeout=10000) as failed:
        qtbot.keyClick(preview.print_button, Key.Key_Return)
    assert "kertas" in failed.args[0].lower() or "printer" in failed.args[0].lower()
    assert "tersimpan" in preview.status.text() and preview.status.text().startswith("⚠")
    assert preview.isVisible()
    preview.reject()
    qtbot.waitUntil(lambda: window.home.print_model.rowCount() == 1)

    # Reprint from the "to print" list: never printed, so this is the first receipt.
    printer.fail = False
    qtbot.waitUntil(window.isActiveWindow)
    window.home.print_view.setFocus()
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as again:
        press(qtbot, Key.Key_Return)
    assert not again.args[0].receipt.is_copy
    with qtbot.waitSignal(window.receipt_flow.printed, timeout=10000):
        qtbot.keyClick(again.args[0].print_button, Key.Key_Return)
    qtbot.waitUntil(lambda: window.home.print_model.rowCount() == 0)
    assert focused() is not None
