"""First run: a desk with no accounts asks for the first admin in a dialog, refuses a
weak password with the service's message, and signs the new admin in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk, open_desk
from desk_app.services.root import build_services
from desk_app.ui.first_admin_dialog import FirstAdminDialog
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import shot


@pytest.fixture
def empty_desk(data_dir: Path) -> Iterator[Desk]:
    d = open_desk(data_dir)
    yield d
    d.close()


def test_first_admin_dialog_refuses_then_creates_and_signs_in(
    qtbot: QtBot, empty_desk: Desk, artifacts_dir: Path
) -> None:
    seen: list[str] = []  # the error line of each dialog, as the officer saw it
    answers = [
        ("admin", "Admin Meja", "pendek", "pendek"),  # the service refuses: too short
        ("admin", "Admin Meja", "rahasia-sekali", "rahasia-lain"),  # the dialog refuses
        ("admin", "Admin Meja", "rahasia-sekali", "rahasia-sekali"),
    ]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstAdminDialog) or not answers:
            return
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        if len(seen) == 2:
            shot(dialog, artifacts_dir, "first-admin-error", 100)
        username, name, password, repeat = answers.pop(0)
        for edit, text in zip(
            (dialog.username, dialog.display_name, dialog.password, dialog.repeat),
            (username, name, password, repeat),
            strict=True,
        ):
            edit.clear()
            qtbot.keyClicks(edit, text)
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)  # Enter: the default button

    driver = QTimer()
    driver.timeout.connect(answer)
    driver.start(50)
    window = MainWindow(build_services(empty_desk))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.signed_in, timeout=20000) as signed:
        window.start()
    driver.stop()

    assert len(seen) == 3 and not answers
    assert seen[0] == ""
    assert "8 karakter" in seen[1]  # the service's reason, shown in the next dialog
    assert "tidak sama" in seen[2]  # the mismatch, caught in the same dialog
    officer = signed.args[0]
    assert officer.username == "admin" and officer.display_name == "Admin Meja"
    assert window.stack.currentWidget() is window.home
    assert window.home.settings_button.isVisible()  # an admin
    assert empty_desk.accounts.sign_in("admin", "rahasia-sekali").username == "admin"
    window.close()
