"""Starting the desk window: ``run_app(data_dir)`` (called by ``desk-app``)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desk_app.services.desk import Desk, open_desk
from desk_app.ui.i18n import install_translator
from desk_app.ui.main_window import MainWindow
from desk_app.ui.theme import apply_theme


def prepare_application(desk: Desk) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Meja Aduan")
    apply_theme(app, desk.settings.font_scale, desk.settings.high_contrast)
    translator = install_translator(app, desk.settings.language)
    app.setProperty("meja_translator", translator)  # kept alive with the app
    return app


def run_app(data_dir: Path) -> int:
    desk = open_desk(data_dir)
    try:
        app = prepare_application(desk)
        window = MainWindow(desk)
        window.show()
        window.start()
        for warning in desk.settings_warnings:
            window.status.showMessage("⚠ " + warning, 20000)
        return app.exec()
    finally:
        desk.close()
