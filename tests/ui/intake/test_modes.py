"""The form's two modes: a new complaint, and a correction of one the CRM refused;
what Esc does in each, and what comes back after a correction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.dialogs import Confirm
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import ANI, existing, press, sign_in, type_text

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_escape_asks_before_discarding(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window)
    press(qtbot, Key.Key_N, CTRL)
    type_text(qtbot, "Siti")
    answers = [False, True]
    monkeypatch.setattr(Confirm, "ask", lambda *a: answers.pop(0))
    press(qtbot, Key.Key_Escape)
    assert window.stack.currentWidget() is window.intake and window.intake.name.text() == "Siti"
    press(qtbot, Key.Key_Escape)
    assert window.stack.currentWidget() is window.home
    assert window.intake.name.text() == ""


def test_escape_leaves_a_correction_and_the_new_complaint_comes_back(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = existing(desk)
    complaint = desk.lookup.detail(ANI, desk.lookup.search(ANI, code).items[0].id)
    assert complaint is not None
    sign_in(qtbot, window)
    press(qtbot, Key.Key_N, CTRL)
    type_text(qtbot, "Siti")  # a new complaint, half typed
    form = window.intake
    form.start_correction(complaint, "Kelurahan tidak dikenal CRM", "location.kelurahan_code")
    assert form.title.text() == f"Perbaiki aduan {code}" and form.name.text() == "Budi Santoso"
    assert form.save_button.text() == "Simpan perbaikan (Ctrl+S)"
    assert not form.duplicate_panel.isVisible()  # it would find the complaint itself
    qtbot.keyClicks(form.street, " dekat pasar")  # changed: Esc asks first
    asked: list[str] = []

    def answer(_parent: object, title: str, *_rest: object) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(Confirm, "ask", answer)
    with qtbot.waitSignal(form.correction_closed):
        press(qtbot, Key.Key_Escape)
    assert asked == ["Buang perbaikan?"]
    assert form.editing is None and form.title.text() == "Aduan baru"
    assert form.name.text() == "Siti" and not form.duplicate_panel.isHidden()
    assert form.save_button.text() == "Simpan dan cetak (Ctrl+S)"
