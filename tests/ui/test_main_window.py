"""The officer's day, by keyboard, through the real window (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.i18n import install_language
from desk_app.ui.main_window import MainWindow
from desk_app.ui.receipt_preview import ReceiptPreviewDialog
from tests.ui.conftest import (
    FakePrinter,
    existing,
    field_error,
    focused,
    make_window,
    press,
    shot,
    sign_in,
    type_text,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def enter(qtbot: QtBot) -> None:
    press(qtbot, Key.Key_Return)


def fill_complaint_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    """Name → NIK → phone → (news by SMS left alone) → address → (private, consent left
    alone) → kelurahan by type-ahead → RT/RW → street → landmark → category by
    type-ahead → description."""
    form = window.intake
    assert focused() is form.name
    for text in ("Siti Nurhaliza", "3171011708450001", "0812 3456 7890"):
        type_text(qtbot, text)
        enter(qtbot)
    assert focused() is form.sms_consent  # asked once a phone number is given
    enter(qtbot)  # Enter moves on without ticking
    type_text(qtbot, "Jl. Kemayoran 12")
    enter(qtbot)
    assert focused() is form.keep_private
    enter(qtbot)  # Enter moves on without ticking
    assert focused() is form.consent
    enter(qtbot)  # consent deliberately left unticked: the save must refuse
    assert focused() is form.area.search
    type_text(qtbot, "gunung sah")
    popup = form.area.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data().startswith("Kel. Gunung Sahari Selatan")
    qtbot.keyClick(popup, Key.Key_Down)
    qtbot.keyClick(popup, Key.Key_Return)
    assert form.area.code() == "31.71.03.1005"
    qtbot.waitUntil(lambda: focused() is form.rt_rw)
    for text in ("3/7", "Jl. Gunung Sahari Raya", "depan pasar"):
        type_text(qtbot, text)
        enter(qtbot)
    assert focused() is form.category
    type_text(qtbot, "berlubang")
    cat_popup = form.category.completer().popup()
    qtbot.waitUntil(cat_popup.isVisible)
    qtbot.keyClick(cat_popup, Key.Key_Down)
    qtbot.keyClick(cat_popup, Key.Key_Return)
    assert form.category.code() == "JALAN.RUSAK"  # Enter in the list chose it and moved on
    assert focused() is form.description
    type_text(qtbot, "Jalan berlubang besar di depan pasar, sudah dua bulan dan membahayakan.")


@pytest.mark.parametrize("font_scale", [100, 175], indirect=True)
def test_record_print_and_find_again_by_keyboard(
    qtbot: QtBot,
    window: MainWindow,
    printer: FakePrinter,
    desk: Desk,
    font_scale: int,
    artifacts_dir: Path,
) -> None:
    shot(window, artifacts_dir, "sign-in", font_scale)
    sign_in(qtbot, window)
    assert window.stack.currentWidget() is window.home

    press(qtbot, Key.Key_N, CTRL)
    assert window.stack.currentWidget() is window.intake
    qtbot.waitUntil(lambda: focused() is window.intake.name)
    shot(window, artifacts_dir, "form-empty", font_scale)

    fill_complaint_by_keyboard(qtbot, window)

    # Ctrl+S with the consent unticked: refused, the message beside the field, focus there.
    with qtbot.waitSignal(window.intake.validation_shown) as refused:
        press(qtbot, Key.Key_S, CTRL)
    assert set(refused.args[0]) == {"consent"}
    error = field_error(window.intake, "Persetujuan")
    assert error.isVisible() and "Persetujuan" in error.text()
    assert "Persetujuan" in window.intake.save_state.text()
    assert focused() is window.intake.consent
    shot(window, artifacts_dir, "form-errors", font_scale)

    # Fix it (Space ticks the box) and save: the receipt preview follows.
    press(qtbot, Key.Key_Space)
    assert window.intake.consent.isChecked() and not error.isVisible()
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Key.Key_S, CTRL)
    preview = shown.args[0]
    assert isinstance(preview, ReceiptPreviewDialog)
    code = preview.receipt.ticket_code
    assert code.startswith("PBK1-") and not preview.receipt.is_copy
    assert preview.image.pixmap().width() > 300
    shot(preview, artifacts_dir, "receipt-preview", font_scale)

    # Enter prints (the default button); the complaint leaves the "to print" list.
    with qtbot.waitSignal(window.receipt_flow.printed, timeout=10000):
        qtbot.keyClick(preview.print_button, Key.Key_Return)
    assert len(printer.printed) == 1
    assert code in printer.printed[0].qr_payload
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.home.today_model.rowCount() == 1
    assert window.home.today_model.index(0, 2).data() == "Sit* Nur******"
    assert window.home.print_model.rowCount() == 0
    assert "Belum terkirim: 1" in window.status.pending.text()

    # The citizen comes back: the USB scanner types the QR URL and Enter.
    qr = printer.printed[0].qr_payload
    assert qr.startswith("HTTPS://")
    press(qtbot, Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: focused() is window.search.box)
    with qtbot.waitSignal(window.detail_shown, timeout=10000) as detail:
        type_text(qtbot, qr)
        enter(qtbot)
    assert detail.args[0].ticket_code == code
    assert window.stack.currentWidget() is window.detail
    assert "Belum terkirim" in window.detail.status.text()
    assert "Dicatat di meja" in window.detail.timeline.text()
    shot(window, artifacts_dir, "detail", font_scale)

    # Reprint from history says SALINAN.
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as again:
        qtbot.keyClick(window.detail.reprint_button, Key.Key_Space)
    assert again.args[0].receipt.is_copy
    assert "SALINAN" in again.args[0].windowTitle()
    again.args[0].reject()
    QApplication.processEvents()


def test_in_english_the_home_page_shows_the_sync_line_and_the_form_its_errors(
    qtbot: QtBot, qapp: QApplication, desk: Desk, printer: FakePrinter, artifacts_dir: Path
) -> None:
    """The two screens a reviewer reads in English: the home page with a complaint and
    the sync status line, and the form refusing a save with its problems beside the
    fields (what comes from below the UI is English once it is translatable there)."""
    existing(desk)
    install_language(qapp, "en")
    try:
        window = make_window(qtbot, desk, printer)
        sign_in(qtbot, window)
        window.sync.sync_now()  # no token: the sync line says what the officer can do
        qtbot.waitUntil(
            lambda: window.status.connection.text() == "CRM: not connected yet — desk not enrolled",
            timeout=10000,
        )
        qtbot.waitUntil(lambda: "not enrolled with the CRM" in window.status.currentMessage())
        window.refresh_home()
        qtbot.waitUntil(lambda: window.home.today_model.rowCount() == 1)
        assert window.home.new_button.text().startswith("&New complaint")
        row = [window.home.today_model.index(0, c).data() for c in range(3, 6)]
        assert row[0] == "Damaged road / potholes"  # the category, made below the UI
        assert row[2] == "Not sent yet — recorded at the desk"  # the status label
        shot(window, artifacts_dir, "home-english-sync", 100)

        press(qtbot, Key.Key_N, CTRL)
        qtbot.waitUntil(lambda: focused() is window.intake.name)
        type_text(qtbot, "Siti Nurhaliza")
        with qtbot.waitSignal(window.intake.validation_shown) as refused:
            press(qtbot, Key.Key_S, CTRL)
        assert {"consent", "kelurahan_code"} <= set(refused.args[0])
        assert window.intake.save_state.text().startswith("Cannot be saved yet — check:")
        assert field_error(window.intake, "Consent", "Problem with").isVisible()
        shot(window, artifacts_dir, "form-errors-english", 100)
    finally:
        install_language(qapp, "id")
