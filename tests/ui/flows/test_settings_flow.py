"""The admin's settings: shown to admins only; the test page and the receipts go to
the printer the settings name (a real ESC/POS file printer here); enrolment talks to
the real CRM on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.accounts import Role
from desk_app.services.desk import Desk
from desk_app.services.root import build_services
from desk_app.services.settings import load_settings, settings_path
from desk_app.ui.main_window import MainWindow
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.ui.theme import apply_theme
from tests.store.test_store import form
from tests.sync.crm import CrmProcess
from tests.ui.conftest import PASSWORD, USERNAME, sign_in

ESC_INIT = b"\x1b@"


@pytest.fixture(autouse=True)
def restore_theme(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, 100)  # saving settings applies the font scale app-wide


def open_window(qtbot: QtBot, desk: Desk) -> MainWindow:
    window = MainWindow(build_services(desk))  # printer from the settings
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # activation arrives later, also offscreen
    window.start()
    return window


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.on_home()
    assert window.home.settings_button.isVisible()
    window.home.settings_button.click()
    qtbot.waitUntil(
        lambda: window.settings_flow.dialog is not None and window.settings_flow.dialog.isVisible()
    )
    dialog = window.settings_flow.dialog
    assert dialog is not None
    return dialog


def test_officers_do_not_see_settings(qtbot: QtBot, desk: Desk):
    admin = desk.accounts.sign_in(USERNAME, PASSWORD)
    desk.accounts.add_account(
        admin, "budi", "Budi", "kata-sandi-budi", Role.OFFICER, must_change_password=False
    )
    window = open_window(qtbot, desk)
    window.on_sign_in_requested("budi", "kata-sandi-budi")
    qtbot.waitUntil(lambda: window.officer is not None)
    assert not window.home.settings_button.isVisible()
    window.settings_flow.open()
    assert window.settings_flow.dialog is None
    window.close()


def test_test_page_and_receipts_go_to_the_configured_printer(
    qtbot: QtBot, desk: Desk, tmp_path: Path, artifacts_dir: Path
):
    window = open_window(qtbot, desk)
    sign_in(qtbot, window)
    dialog = open_settings(qtbot, window)
    device = tmp_path / "lp0"
    dialog.printer_kind.setCurrentIndex(dialog.printer_kind.findData("escpos_file"))
    dialog.printer_target.setText(str(device))
    dialog.receipt_format.setCurrentIndex(dialog.receipt_format.findData("roll58"))
    dialog.font_scale.setValue(150)
    (artifacts_dir / "screens").mkdir(exist_ok=True)
    dialog.grab().save(str(artifacts_dir / "screens" / "settings-100.png"))

    dialog.test_page.click()
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=15000)
    assert "Halaman uji dikirim" in dialog.outcome.text()
    data = device.read_bytes()
    assert data.startswith(ESC_INIT)

    dialog.leave_days.setText("2026-13-40")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "Tanggal cuti bersama tidak sah" in dialog.error.text()
    dialog.leave_days.setText("2026-12-24")
    with qtbot.waitSignal(window.settings_flow.saved, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    stored, warnings = load_settings(settings_path(desk.data_dir))
    assert warnings == []
    assert stored.printer_backend == "escpos_file" and stored.receipt_format == "roll58"
    assert stored.font_scale == 150 and stored.extra_leave_days == ["2026-12-24"]
    assert QApplication.font().pointSizeF() > 10  # the theme was applied at once
    device.unlink()
    desk.intake.record(
        window.officer,  # type: ignore[arg-type]
        form(),
    )
    summary = desk.lookup.to_print(window.officer)[0]  # type: ignore[arg-type]
    with qtbot.waitSignal(window.receipt_shown, timeout=15000):
        window.on_reprint(summary.id)
    assert window.preview is not None
    with qtbot.waitSignal(window.receipt_flow.printed, timeout=15000):
        window.preview.print_button.click()
    assert device.read_bytes().startswith(ESC_INIT)
    window.close()


def test_enrol_from_settings_against_the_real_crm(qtbot: QtBot, desk: Desk, tmp_path: Path):
    crm = CrmProcess(tmp_path / "crm")
    crm.start()
    try:
        window = open_window(qtbot, desk)
        sign_in(qtbot, window)
        # Not enrolled yet: "Kirim sekarang" says so (and does not claim a refusal).
        window.sync.sync_now()
        qtbot.waitUntil(
            lambda: "belum terdaftar di CRM" in window.status.currentMessage(), timeout=10000
        )
        assert "menolak" not in window.status.currentMessage()
        dialog = open_settings(qtbot, window)
        dialog.crm_url.setText(crm.url)
        dialog.enrolment_code.setText("SALAH-KODE")
        dialog.enrol.click()
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15000)
        assert dialog.error.text().startswith("⚠")
        dialog.enrolment_code.setText(crm.enrolment_code("KCK2", "Kelurahan Cikini"))
        dialog.enrol.click()
        qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=15000)
        assert "KCK2" in dialog.outcome.text()
        assert desk.settings.desk_code == "KCK2"
        assert desk.settings.crm_url == crm.url
        qtbot.waitUntil(lambda: "KCK2" in window.status.desk.text(), timeout=5000)
        dialog.reject()
        window.close()
    finally:
        crm.close()


def test_language_switches_at_once_and_the_officer_stays_signed_in(
    qtbot: QtBot, qapp: QApplication, desk: Desk, artifacts_dir: Path
):
    from desk_app.ui.i18n import install_language

    window = open_window(qtbot, desk)
    sign_in(qtbot, window)
    apply_theme(qapp, 100)  # as the desk runs: with the theme's style sheet
    sheet = qapp.styleSheet()
    assert sheet
    try:
        for language, new_button, officer_line in (
            ("en", "&New complaint", "Officer: Ani Petugas"),
            ("id", "Aduan &baru", "Petugas: Ani Petugas"),
        ):
            dialog = open_settings(qtbot, window)
            dialog.language.setCurrentIndex(dialog.language.findData(language))
            with qtbot.waitSignal(window.settings_flow.saved, timeout=10000):
                dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
            qtbot.waitUntil(lambda b=new_button: window.home.new_button.text().startswith(b))
            assert window.stack.currentWidget() is window.home
            assert window.officer is not None and window.status.officer.text() == officer_line
            assert qapp.styleSheet() == sheet  # the pages are built unstyled, then styled
            # The rebuilt form works, in the new language, and takes the typing: with the
            # window active (the offscreen platform leaves the closed dialog "active"),
            # Ctrl+N puts the cursor in the name field and what is typed lands there.
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow, timeout=2000)
            assert window.isActiveWindow() and QApplication.activeWindow() is window
            qtbot.keyClick(
                QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
            )
            assert window.stack.currentWidget() is window.intake
            qtbot.waitUntil(lambda: QApplication.focusWidget() is window.intake.name)
            qtbot.keyClicks(QApplication.focusWidget(), "Siti")
            assert window.intake.name.text() == "Siti"
            window.intake.name.clear()
            if language == "en":
                assert window.intake.save_button.text() == "Save and print (Ctrl+S)"
                window.on_home()
                qtbot.waitUntil(lambda: not window.runner.busy)
                QApplication.processEvents()
                window.grab().save(str(artifacts_dir / "screens" / "home-english-100.png"))
            window.on_home()
        assert load_settings(settings_path(desk.data_dir))[0].language == "id"
    finally:
        install_language(qapp, "id")
        window.close()


def test_a_language_switch_waits_for_the_form_and_keeps_what_was_typed(
    qtbot: QtBot, qapp: QApplication, desk: Desk, monkeypatch: pytest.MonkeyPatch
):
    from desk_app.ui.dialogs import Confirm
    from desk_app.ui.i18n import install_language

    window = open_window(qtbot, desk)
    sign_in(qtbot, window)
    try:
        window.on_new_complaint()
        form = window.intake
        qtbot.keyClicks(form.name, "Siti Nurhaliza")
        window.rebuild_in_language("en")  # as if saved from another window meanwhile
        qtbot.wait(200)
        assert window.intake is form and form.name.text() == "Siti Nurhaliza"
        assert form.save_button.text().startswith("Simpan")  # not rebuilt under the typing
        # Leaving the form: the rebuild happens, and the typing comes back as its draft.
        monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
        window.on_home()
        qtbot.waitUntil(lambda: window.home.new_button.text().startswith("&New complaint"))
        qtbot.waitUntil(lambda: window.intake.name.text() == "Siti Nurhaliza", timeout=10000)
        assert window.intake is not form
    finally:
        install_language(qapp, "id")
        window.close()
