"""English as the second language, the high-contrast theme, font scale, accessible names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.i18n import I18N_DIR, install_translator
from desk_app.ui.main_window import MainWindow
from desk_app.ui.theme import apply_theme
from tests.ui.conftest import FakePrinter, field_error, make_window, shot, sign_in


def test_english_translation_is_compiled_and_used(
    qtbot: QtBot, qapp: QApplication, desk: Desk, printer: FakePrinter
) -> None:
    assert (I18N_DIR / "meja_aduan_en.qm").is_file()
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        window = make_window(qtbot, desk, printer)
        assert window.sign_in.submit.text() == "&Sign in"
        sign_in(qtbot, window)
        assert window.home.new_button.text().startswith("&New complaint")
        # The sync thread finds no token and says so, in English too.
        qtbot.waitUntil(
            lambda: window.status.connection.text() == "CRM: not connected yet — desk not enrolled",
            timeout=10000,
        )
        assert window.intake.save_button.text() == "Save and print (Ctrl+S)"
    finally:
        qapp.removeTranslator(translator)


def test_high_contrast_and_accessible_names(
    qtbot: QtBot, qapp: QApplication, desk: Desk, printer: FakePrinter, artifacts_dir: Path
) -> None:
    apply_theme(qapp, 150, high_contrast=True)
    try:
        window: MainWindow = make_window(qtbot, desk, printer)
        sign_in(qtbot, window)
        window.on_new_complaint()
        window.intake.show_errors(window.intake.revalidate())
        shot(window, artifacts_dir, "form-errors-high-contrast", 150)
        assert qapp.font().pointSizeF() == 15.0
        # Every control the officer can reach has a name a screen reader can say.
        unnamed = [
            w.objectName() or type(w).__name__
            for page in (window.sign_in, window.home, window.intake, window.search, window.detail)
            for w in page.findChildren(QWidget)
            if isinstance(w, (QLineEdit, QAbstractButton))
            and w.focusPolicy() != 0
            and not w.accessibleName()
            and not (isinstance(w, QAbstractButton) and w.text())
            and not (isinstance(w.parent(), QWidget) and w.parent().accessibleName())
        ]
        assert unnamed == []
        # Errors are marked by a sign and words, not by colour alone.
        label = field_error(window.intake, "Nama pelapor")
        assert label.isVisible() and label.text().startswith("⚠ ")
    finally:
        apply_theme(qapp, 100)


def test_a_long_status_message_is_read_whole_at_a_large_font(
    qtbot: QtBot, qapp: QApplication, desk: Desk, printer: FakePrinter
) -> None:
    """The status bar's four facts take most of a line at 175 %: a message must still
    be shown whole (it wraps), not cut off beside them."""
    apply_theme(qapp, 175)
    try:
        window = make_window(qtbot, desk, printer)
        sign_in(qtbot, window)
        text = (
            "Meja ini belum terdaftar di CRM: aduan tetap tersimpan dan dikirim setelah "
            "admin mendaftarkan meja (Pengaturan)."
        )
        window.status.showMessage(text, 60000)
        QApplication.processEvents()
        shown = window.status.message
        assert window.status.currentMessage() == text and shown.isVisible()
        assert shown.width() >= window.width() * 0.9  # not squeezed beside the facts
        assert window.width() == 1280  # nor does it push the window wider than it was made
        room = shown.contentsRect()
        wrap = Qt.TextFlag.TextWordWrap if shown.wordWrap() else Qt.TextFlag(0)
        needed = shown.fontMetrics().boundingRect(
            QRect(0, 0, room.width(), 100_000), wrap | Qt.AlignmentFlag.AlignLeft, text
        )
        assert needed.width() <= room.width() and needed.height() <= room.height()
        window.status.clearMessage()
        assert not shown.isVisible()
    finally:
        apply_theme(qapp, 100)
