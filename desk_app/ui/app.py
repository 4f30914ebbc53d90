"""Starting the desk window: ``run_app(data_dir)`` (called by ``desk-app``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desk_app.ui.i18n import install_language
from desk_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from desk_app.services.desk import Desk


def prepare_application(desk: Desk) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Meja Aduan")
    apply_theme(app, desk.settings.font_scale, desk.settings.high_contrast)
    install_language(app, desk.settings.language)
    return app


def loading_splash() -> QLabel:
    """Shown before the store and the services load (a fraction of a second here, a
    few seconds from an old desk PC's cold disk), so the officer sees the app start
    and does not launch it twice. Bilingual: the language setting is not read yet.
    A plain label, not QSplashScreen, which blocks up to a second waiting for the
    window system to expose it."""
    splash = QLabel("Meja Aduan\n\nMemuat data meja… / Loading…")
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.setStyleSheet("QLabel { background: white; color: black; border: 2px solid black; }")
    font = splash.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    splash.setFont(font)
    splash.setAccessibleName("Meja Aduan")
    splash.resize(520, 160)
    frame = splash.frameGeometry()
    frame.moveCenter(splash.screen().availableGeometry().center())
    splash.move(frame.topLeft())
    splash.show()
    return splash


def run_app(data_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    splash = loading_splash()
    app.processEvents()
    # Imported behind the splash: the store (SQLAlchemy) is most of the start-up time.
    from desk_app.services.desk import open_desk
    from desk_app.ui.main_window import MainWindow

    desk = open_desk(data_dir)
    try:
        app = prepare_application(desk)
        window = MainWindow(desk)
        window.show()
        splash.close()
        window.start()
        for warning in desk.settings_warnings:
            window.status.showMessage("⚠ " + warning, 20000)
        return app.exec()
    finally:
        desk.close()
