"""Starting the desk window: ``run_app(data_dir)`` (called by ``desk-app``)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desk_app.services.settings import Settings, load_settings, settings_path
from desk_app.ui.i18n import install_language
from desk_app.ui.start_window import StartWindow
from desk_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from desk_app.printing.backends.base import Printer, PrinterSettings
    from desk_app.services.root import DeskServices


def prepare_application(settings: Settings) -> QApplication:
    """The application with the desk's theme (font scale, contrast) and language."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Meja Aduan")
    apply_theme(app, settings.font_scale, settings.high_contrast)
    install_language(app, settings.language)
    return app


def qt_system_printer(settings: PrinterSettings) -> Printer:
    """The OS printer back-end, for the receipt service (services import no Qt).
    Loaded on the first print to a system printer: QtPdf and the printing stack are
    not needed to open the window."""
    from desk_app.printing.backends.qt_system import QtSystemPrinter

    return QtSystemPrinter(settings)


def _load_desk(data_dir: Path, settings_read: tuple[Settings, list[str]]) -> DeskServices:
    """On the loader thread: the store and every service (the composition root,
    desk_app.services.root), and the main window's modules (imported here so that
    the GUI thread finds them ready)."""
    import desk_app.ui.main_window  # noqa: F401
    from desk_app.services.root import open_services

    return open_services(data_dir, settings_read=settings_read, system_printer=qt_system_printer)


def _restore_key(data_dir: Path, typed: str) -> None:
    from desk_app.services.desk_key import restore_from_recovery

    restore_from_recovery(data_dir, typed)


def _after_load(_loaded: object) -> None:
    gc.freeze()
    gc.enable()


def run_app(data_dir: Path) -> int:
    """The sign-in on screen at once; the desk loads behind it (see StartWindow)."""
    # The start makes some 75 000 objects the cycle collector tracks (modules, the
    # ORM, the window), nearly all of them for the life of the process; scanning them
    # again and again while they are made cost ~50 ms of the load, and a full pass
    # stalled the GUI thread ~30 ms. The collector is off until the desk is loaded,
    # then they are frozen out of its reach (gc.freeze) and it runs as usual. Frozen
    # without a collection first (one would stall the officer's typing ~40 ms): what
    # is pinned so is ~230 unreachable objects (argparse's), and later only cycles
    # among the objects made by then (the old pages of a rare language switch).
    gc.disable()
    settings_read = load_settings(settings_path(data_dir))
    app = prepare_application(settings_read[0])
    start = StartWindow(
        settings_read[0],
        lambda: _load_desk(data_dir, settings_read),
        restore_key=lambda typed: _restore_key(data_dir, typed),
    )
    start.load_finished.connect(_after_load)  # after StartWindow.on_loaded
    start.start()
    try:
        return app.exec()
    finally:
        services = start.shutdown()
        if services is not None:
            services.close()
