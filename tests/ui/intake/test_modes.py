"""What Esc does on the form for a new complaint (a correction's: flows/test_correction_flow)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.ui.dialogs import Confirm
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import (
    press,
    sign_in,
    type_text,
)

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
