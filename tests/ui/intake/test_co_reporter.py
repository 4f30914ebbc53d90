""" "Tambahkan ke aduan ini" for another citizen with the same problem: they become a
co-reporter of the complaint, from their own fields of the form, only with their
consent, and their receipt carries their own masked name."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.printing.model import ReceiptKind
from desk_app.services.desk import Desk
from desk_app.services.duplicates import HintReason
from desk_app.ui.add_event_dialog import AddedInfo, AddEventDialog
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import ANI, FakePrinter, existing, press, shot, sign_in, type_text

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    document.close()
    return " ".join(text.split())


def test_another_citizen_is_added_as_a_co_reporter_with_consent(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    printer: FakePrinter,
    font_scale: int,
    artifacts_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = existing(desk)  # Budi Santoso's complaint about the road by the market
    sign_in(qtbot, window)
    press(qtbot, Key.Key_N, CTRL)
    form = window.intake
    type_text(qtbot, "Sri Wahyuni")
    form.set_fields(
        {
            "name": "Sri Wahyuni",
            "phone": "0813 1111 2222",
            "address": "Gang Melati 7",
            "kelurahan_code": "31.71.03.1005",
            "category_code": "JALAN.RUSAK",
            "description": "Jalan berlubang di depan pasar Gunung Sahari makin parah.",
        }
    )
    with qtbot.waitSignal(form.duplicates_shown, timeout=5000) as hints:
        form.duplicate_search.schedule()
    assert hints.args == [1]
    (hint,) = form.duplicate_panel.hints
    assert hint.complaint.ticket_code == code and hint.reasons == (HintReason.SIMILAR,)

    offered: list[tuple[str, str]] = []

    def ask_co_reporter(
        parent: object, ticket: str, reporter: str, note: str, files: int
    ) -> AddedInfo:
        offered.append((ticket, reporter))
        return AddedInfo(note, False)

    def ask(*args: object) -> AddedInfo:
        raise AssertionError("another citizen is not the complaint's own citizen")

    monkeypatch.setattr(AddEventDialog, "ask_co_reporter", ask_co_reporter)
    monkeypatch.setattr(AddEventDialog, "ask", ask)

    # Without the citizen's consent nothing is recorded: the form says why.
    form.duplicate_panel.buttons[0].click()
    consent_error = form.error_labels["consent"]
    qtbot.waitUntil(lambda: consent_error.isVisible() and "⚠" in consent_error.text())
    assert offered == []  # not even asked
    found = desk.lookup.search(ANI, code).items[0]
    before = desk.lookup.detail(ANI, found.id)
    assert before is not None and before.reporter_count == 1
    assert form.name.text() == "Sri Wahyuni"  # the form is kept

    form.consent.setChecked(True)
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as receipt:
        form.duplicate_panel.buttons[0].click()
    assert offered == [(code, "Sri Wahyuni")]
    preview = receipt.args[0]
    assert preview.receipt.ticket_code == code
    assert preview.receipt.kind is ReceiptKind.ADDED_REPORTER
    text = pdf_text(preview.receipt.document.pdf)
    assert "Pelapor S** Wah****" in text and "Bud*" not in text
    with qtbot.waitSignal(window.receipt_flow.printed, timeout=10000):
        qtbot.keyClick(preview.print_button, Key.Key_Return)
    assert len(printer.printed) == 1
    assert window.intake.name.text() == ""  # the form was used up by the co-reporter

    after = desk.lookup.detail(ANI, found.id)
    assert after is not None and after.reporter_count == 2
    (co,) = after.co_reporters
    assert (co.name, co.phone, co.address) == ("Sri Wahyuni", "+6281311112222", "Gang Melati 7")
    for phone in ("0812 3456 7890", "0813 1111 2222"):
        assert [s.id for s in desk.lookup.search(ANI, phone).items] == [found.id]

    window.on_open_complaint(found.id)
    qtbot.waitUntil(lambda: window.detail.complaint is not None)
    assert "2 warga" in window.detail.body.text()
    assert "Sri Wahyuni" in window.detail.body.text()
    shot(window, artifacts_dir, "detail-co-reporter", font_scale)
