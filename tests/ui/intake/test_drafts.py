"""Drafts of the intake form: what was typed survives the window dying mid-typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.services.root import build_services
from desk_app.ui.dialogs import Confirm
from desk_app.ui.intake import drafts as intake_drafts
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import (
    FakePrinter,
    make_window,
    press,
    sign_in,
    type_text,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_draft_comes_back_after_the_window_dies_mid_typing(
    qtbot: QtBot, desk: Desk, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Every few seconds": faster for the test (the interval the form is built with).
    monkeypatch.setattr(intake_drafts, "DRAFT_INTERVAL_MS", 100)
    first = MainWindow(build_services(desk))
    first.show()
    first.activateWindow()
    qtbot.waitExposed(first)
    first.start()
    sign_in(qtbot, first)
    press(qtbot, Key.Key_N, CTRL)
    type_text(qtbot, "Siti Nurhaliza")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "3171011708450001")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "0812 99")  # mid-typing: the field was never left
    key = first.intake.draft_key

    def saved_phone() -> str:
        draft = desk.drafts.load(key)
        return str(draft.fields.get("phone")) if draft else ""

    qtbot.waitUntil(lambda: saved_phone() == "0812 99", timeout=5000)  # by the timer
    # The process dies: no close event, no goodbye; the worker just stops.
    first.runner.shutdown(wait=True)
    first.hide()
    first.deleteLater()
    QApplication.processEvents()

    asked: list[str] = []

    def answer_yes(
        parent: object, title: str, text: str, yes: str, no: str, default_yes: bool = False
    ) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(Confirm, "ask", answer_yes)
    second = make_window(qtbot, desk, printer)
    sign_in(qtbot, second)
    qtbot.waitUntil(lambda: second.intake.phone.text() == "0812 99")
    assert "Siti Nurhaliza" in asked[0]
    assert second.intake.name.text() == "Siti Nurhaliza"
    assert second.intake.nik.text() == "3171011708450001"
