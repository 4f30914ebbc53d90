"""Drafts that survive a crash, duplicate hints with "add to existing", printer failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from complaint_domain.complaint import EventKind
from desk_app.printing.model import ReceiptKind
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk
from desk_app.services.intake import IntakeForm
from desk_app.services.root import build_services
from desk_app.ui.add_event_dialog import AddedInfo, AddEventDialog
from desk_app.ui.complaint_table import ComplaintTableModel
from desk_app.ui.dialogs import Confirm
from desk_app.ui.intake import drafts as intake_drafts
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import FakePrinter, focused, make_window, press, shot, sign_in, type_text

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ANI = Officer("ani", "Ani Petugas", Role.ADMIN)


def existing(desk: Desk, **overrides: object) -> str:
    values: dict[str, object] = dict(
        name="Budi Santoso",
        phone="0812 3456 7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description="Jalan berlubang di depan pasar Gunung Sahari, belum diperbaiki.",
    )
    values.update(overrides)
    return desk.intake.record(ANI, IntakeForm(**values)).ticket_code  # type: ignore[arg-type]


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

    def answer_yes(parent: object, title: str, text: str, yes: str, no: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(Confirm, "ask", answer_yes)
    second = make_window(qtbot, desk, printer)
    sign_in(qtbot, second)
    qtbot.waitUntil(lambda: second.intake.phone.text() == "0812 99")
    assert "Siti Nurhaliza" in asked[0]
    assert second.intake.name.text() == "Siti Nurhaliza"
    assert second.intake.nik.text() == "3171011708450001"


def test_escape_asks_before_discarding(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window)
    press(qtbot, Key.Key_N, CTRL)
    type_text(qtbot, "Siti")
    answers = [False, True]
    monkeypatch.setattr(Confirm, "ask", lambda *a: answers.pop(0))
    press(qtbot, Key.Key_Escape)
    assert window.stack.currentWidget() is window.intake and window.intake.name.text() == "Siti"
    press(qtbot, Key.Key_Escape)
    assert window.stack.currentWidget() is window.home
    assert window.intake.name.text() == ""


@pytest.mark.parametrize("font_scale", [100, 175], indirect=True)
def test_duplicate_hint_and_add_to_existing(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    printer: FakePrinter,
    font_scale: int,
    artifacts_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = existing(desk)
    existing(
        desk,
        name="Lain",
        phone="021 3822255",
        category_code="KEBERSIHAN.SAMPAH",
        description="Sampah menumpuk di pinggir kali.",
    )
    sign_in(qtbot, window)
    press(qtbot, Key.Key_N, CTRL)
    form = window.intake
    type_text(qtbot, "Budi Santoso")
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Tab)  # no NIK
    with qtbot.waitSignal(form.duplicates_shown, timeout=5000) as shown:
        type_text(qtbot, "0812-3456-7890")
    assert shown.args == [1]
    card_button = form.duplicate_panel.buttons[0]
    assert code in card_button.accessibleName()
    form.description.setPlainText("Warga datang lagi membawa surat RT tentang jalan berlubang.")
    shot(window, artifacts_dir, "duplicate-hint", font_scale)

    offered: list[tuple[str, str]] = []

    def take(parent: object, ticket: str, note: str, files: int) -> AddedInfo:
        offered.append((ticket, note))
        return AddedInfo(note, False)

    monkeypatch.setattr(AddEventDialog, "ask", take)
    card_button.setFocus()
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as receipt:
        press(qtbot, Key.Key_Space)
    assert offered == [(code, "Warga datang lagi membawa surat RT tentang jalan berlubang.")]
    preview = receipt.args[0]
    assert preview.receipt.ticket_code == code
    assert preview.receipt.kind is ReceiptKind.ADDED_EVENT
    with qtbot.waitSignal(window.receipt_flow.printed, timeout=10000):
        qtbot.keyClick(preview.print_button, Key.Key_Return)
    found = desk.lookup.search(ANI, code).items[0]
    detail = desk.lookup.detail(ANI, found.id)
    assert detail is not None
    assert [e.kind for e in detail.events] == [EventKind.CREATED, EventKind.CITIZEN_ADDED]
    assert window.intake.name.text() == ""  # the form was used up by the addition


def test_printer_failure_keeps_complaint_in_to_print_list(
    qtbot: QtBot, window: MainWindow, desk: Desk, printer: FakePrinter
) -> None:
    sign_in(qtbot, window)
    form = window.intake
    window.on_new_complaint()
    form.set_fields(
        {
            "name": "Siti Nurhaliza",
            "consent": True,
            "kelurahan_code": "31.71.03.1005",
            "category_code": "POHON.TUMBANG",
            "description": "Pohon tumbang menutup separuh jalan sejak pagi tadi.",
        }
    )
    printer.fail = True
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Key.Key_S, CTRL)
    preview = shown.args[0]
    with qtbot.waitSignal(window.receipt_flow.failed, timeout=10000) as failed:
        qtbot.keyClick(preview.print_button, Key.Key_Return)
    assert "kertas" in failed.args[0].lower() or "printer" in failed.args[0].lower()
    assert "tersimpan" in preview.status.text() and preview.status.text().startswith("⚠")
    assert preview.isVisible()
    preview.reject()
    qtbot.waitUntil(lambda: window.home.print_model.rowCount() == 1)

    # Reprint from the "to print" list: never printed, so this is the first receipt.
    printer.fail = False
    qtbot.waitUntil(window.isActiveWindow)
    window.home.print_view.setFocus()
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as again:
        press(qtbot, Key.Key_Return)
    assert not again.args[0].receipt.is_copy
    with qtbot.waitSignal(window.receipt_flow.printed, timeout=10000):
        qtbot.keyClick(again.args[0].print_button, Key.Key_Return)
    qtbot.waitUntil(lambda: window.home.print_model.rowCount() == 0)
    assert focused() is not None


def test_complaint_table_model(qtmodeltester: object, desk: Desk) -> None:
    existing(desk)
    existing(desk, name="Ani", phone="", description="Lampu jalan mati sejak seminggu lalu.")
    model = ComplaintTableModel(lambda code: desk.areas.describe(code))
    model.set_rows(desk.lookup.today(ANI, desk.clock().date()))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() in (0, 2)  # around midnight UTC/WIB the day may differ
