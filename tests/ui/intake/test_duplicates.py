"""Duplicate hints beside the form, and adding to an existing complaint instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from complaint_domain.complaint import EventKind
from desk_app.printing.model import ReceiptKind
from desk_app.services.desk import Desk
from desk_app.ui.add_event_dialog import AddedInfo, AddEventDialog
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import (
    ANI,
    FakePrinter,
    existing,
    press,
    shot,
    sign_in,
    type_text,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


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
