"""The queue in the officer's window (the CRM unreachable here: the desk's own
numbers): F4 opens the controls, F2 issues a number and prints its slip, F5 calls,
"Mulai layani" opens the intake form and the complaint saved then finishes the
ticket with its code; a returning citizen's scanned receipt makes "Mulai layani"
open that complaint instead. The home page says how many wait."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.store import queue as local
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import FakePrinter, existing, press, shot, sign_in
from tests.ui.test_main_window import fill_complaint_by_keyboard

Key = Qt.Key


def idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.queue_flow.runner.busy and not window.runner.busy)


def test_serve_a_number_then_a_returning_citizen(
    qtbot: QtBot, window: MainWindow, printer: FakePrinter, desk: Desk, artifacts_dir: Path
) -> None:
    code_before = existing(desk)
    sign_in(qtbot, window)
    idle(qtbot, window)
    press(qtbot, Key.Key_F4)
    page = window.queue_page
    assert window.stack.currentWidget() is page
    press(qtbot, Key.Key_F2)  # one key: a number and its slip
    idle(qtbot, window)
    qtbot.waitUntil(lambda: len(printer.printed) == 1)
    assert "PBK1-001" in printer.printed[0].title
    page.receipt.setText(code_before)  # reception scans a returning citizen's receipt
    page.on_issue()
    idle(qtbot, window)
    window.on_home()
    idle(qtbot, window)
    assert "Antrean: 2 menunggu" in window.home.queue_line.text()
    press(qtbot, Key.Key_F4)
    press(qtbot, Key.Key_F5)
    idle(qtbot, window)
    assert page.ticket is not None and page.ticket.number == "PBK1-001"
    shot(window, artifacts_dir, "queue-page", 100)
    page.buttons["start"].click()
    idle(qtbot, window)
    assert window.stack.currentWidget() is window.intake
    qtbot.waitUntil(lambda: window.intake.name.hasFocus())
    fill_complaint_by_keyboard(qtbot, window)
    window.intake.consent.setChecked(True)
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = shown.args[0].receipt.ticket_code
    shown.args[0].reject()
    idle(qtbot, window)
    with desk.database.read() as session:
        events = local.unsent(session)
    finished = [e for e in events if e["kind"] == "finished"]
    assert [e["complaint_code"] for e in finished] == [code]  # the complaint carries it
    # The next number is the returning citizen: serving opens the complaint itself.
    window.on_show_queue()
    page.on_call_next()
    idle(qtbot, window)
    assert page.ticket is not None and page.ticket.follow_up
    with qtbot.waitSignal(window.detail_shown, timeout=10000) as opened:
        page.buttons["start"].click()
    assert opened.args[0].ticket_code == code_before
