"""Issue 14, item 7: with English chosen, the desk is English — also after a restart
(the language comes from the settings at start) — and Qt's own words (standard
buttons, the file dialog, context menus) follow the app's language."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.services.settings import load_settings, save_settings, settings_path
from desk_app.services.sync_control import format_age
from desk_app.ui.app import prepare_application
from desk_app.ui.i18n import install_language, qt_translations_dir, shown
from tests.ui.conftest import FakePrinter, focused, make_window, press, sign_in, type_text
from tests.ui.test_words_below_the_ui import english_only

Buttons = QDialogButtonBox.StandardButton


@pytest.fixture
def back_to_indonesian(qapp: QApplication) -> Iterator[None]:
    try:
        yield
    finally:
        install_language(qapp, "id")


def _buttons() -> tuple[str, str]:
    box = QDialogButtonBox(Buttons.Ok | Buttons.Cancel)
    ok, cancel = box.button(Buttons.Ok), box.button(Buttons.Cancel)
    assert ok is not None and cancel is not None
    return ok.text(), cancel.text()


def _context_menu_words() -> list[str]:
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    assert menu is not None
    words = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    menu.deleteLater()
    return words


def test_qt_own_words_are_indonesian_in_indonesian(
    qapp: QApplication, back_to_indonesian: None
) -> None:
    install_language(qapp, "id")
    assert _buttons() == ("OK", "Batal")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None and yes.text() == "&Ya"
    assert "&Salin" in _context_menu_words() and "T&empel" in _context_menu_words()
    assert QApplication.translate("QFileDialog", "File &name:") == "&Nama berkas:"


def test_qt_own_catalogue_is_loaded_for_english(
    qapp: QApplication, back_to_indonesian: None
) -> None:
    install_language(qapp, "en")
    translator = qapp.property("meja_qt_translator")
    assert isinstance(translator, QTranslator)
    assert Path(translator.filePath()) == Path(qt_translations_dir()) / "qtbase_en.qm"
    assert translator.language().startswith("en")
    assert _buttons() == ("OK", "Cancel")
    assert "&Copy" in _context_menu_words()
    # and back: Indonesian again, nothing English left behind
    install_language(qapp, "id")
    assert _buttons() == ("OK", "Batal")


def test_units_of_age_are_english(qapp: QApplication, back_to_indonesian: None) -> None:
    install_language(qapp, "en")
    assert [shown(format_age(s)) for s in (5, 120, 7200, 86400)] == [
        "5 s",
        "2 min",
        "2 h",
        "1 d",
    ]


def test_after_a_restart_in_english_the_form_its_errors_and_the_status_bar_are_english(
    qtbot: QtBot,
    qapp: QApplication,
    desk: Desk,
    printer: FakePrinter,
    back_to_indonesian: None,
) -> None:
    path = settings_path(desk.data_dir)
    save_settings(path, dataclasses.replace(desk.settings, language="en"))
    settings, _warnings = load_settings(path)
    desk.settings = settings
    prepare_application(settings)  # what desk-app does at start
    assert _buttons() == ("OK", "Cancel")

    window = make_window(qtbot, desk, printer)
    sign_in(qtbot, window)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.intake
    qtbot.waitUntil(lambda: focused() is form.name)
    english_only(form.consent_text.text())
    english_only(form.consent.text())
    assert form.consent_text.text().startswith("I agree")
    type_text(qtbot, "Siti")
    with qtbot.waitSignal(form.validation_shown):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    english_only(form.save_state.text())
    assert form.save_state.text().startswith("Cannot be saved yet")
    assert window.status.pending.text() == "Not sent: 0"
    english_only(window.status.officer.text())
