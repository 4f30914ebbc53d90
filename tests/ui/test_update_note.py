"""The quiet note on the home page when the CRM announced a newer desk release (issue 20)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.sync.release import app_version, remember
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import shot, sign_in


def test_no_note_while_the_desk_is_current(qtbot: QtBot, desk: Desk, window: MainWindow) -> None:
    remember(desk.database, {"desk_release": app_version(), "desk_download_url": None})
    sign_in(qtbot, window)
    with qtbot.waitSignal(window.home_refreshed):
        window.refresh_home()
    assert not window.home.update_note.isVisible()


def test_a_newer_release_is_noted_on_the_home_page(
    qtbot: QtBot, desk: Desk, window: MainWindow, artifacts_dir: Path, font_scale: int
) -> None:
    url = "https://unduh.jakarta.example/MejaAduan-setup.exe"
    remember(desk.database, {"desk_release": "99.0.0", "desk_download_url": url})
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.home.update_note.isVisible())
    text = window.home.update_note.text()
    assert "99.0.0" in text and app_version() in text and url in text
    assert window.home.new_button.hasFocus()  # a note, not a dialog: work goes on
    shot(window, artifacts_dir, "home-update-note", font_scale)
    # The CRM stops announcing it (or the desk was upgraded): the note goes.
    remember(desk.database, {"desk_release": None, "desk_download_url": None})
    with qtbot.waitSignal(window.home_refreshed):
        window.refresh_home()
    assert not window.home.update_note.isVisible()
