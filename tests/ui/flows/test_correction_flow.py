"""Sinkronisasi → Perbaiki → fix the field the CRM named → Ctrl+S → back: by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk
from desk_app.services.intake import IntakeForm
from desk_app.store import audit, complaints, outbox
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import FakePrinter, field_error, focused, press, shot, sign_in, type_text

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)


def _refused_complaint(desk: Desk) -> str:
    """A complaint the CRM answered "rejected" (what the sync engine writes then)."""
    recorded = desk.intake.record(
        OFFICER,
        IntakeForm(
            name="Siti Nurhaliza",
            nik="3171011708450001",
            phone="0812 3456 7890",
            consent=True,
            kelurahan_code="31.71.01.1001",  # Gambir: the CRM's list lacks it today
            street="Jl. Gunung Sahari Raya",
            category_code="JALAN.RUSAK",
            description="Jalan berlubang besar di depan pasar, membahayakan motor.",
            earlier_references=["JAKI: 2611-0042"],
        ),
    )
    cid = str(recorded.complaint.id)
    with desk.database.write() as s:
        outbox.mark_rejected(
            s,
            cid,
            "unknown_area",
            "Unknown kelurahan code.",
            "location.kelurahan_code",
            at=desk.clock(),
        )
    return cid


def test_correct_a_rejected_complaint_from_the_sync_page(
    qtbot: QtBot,
    desk: Desk,
    window: MainWindow,
    printer: FakePrinter,
    artifacts_dir: Path,
    font_scale: int,
):
    cid = _refused_complaint(desk)
    sign_in(qtbot, window)
    # Half-way through a new complaint when the officer turns to the refused one.
    window.on_new_complaint()
    type_text(qtbot, "Budi Santoso")
    press(qtbot, Key.Key_K, CTRL)  # Sinkronisasi
    panel = window.sync_panel
    qtbot.waitUntil(lambda: window.stack.currentWidget() is panel)
    qtbot.waitUntil(lambda: panel.rejected_model.rowCount() == 1, timeout=5000)
    panel.rejected_view.setFocus()
    panel.rejected_view.selectRow(0)
    assert panel.correct.isEnabled()
    press(qtbot, Key.Key_Return)  # Enter on the row: "Perbaiki"

    form = window.intake
    qtbot.waitUntil(lambda: window.stack.currentWidget() is form and form.editing is not None)
    code = form.editing.ticket_code  # type: ignore[union-attr]
    assert form.title.text() == f"Perbaiki aduan {code}"
    assert form.crm_reason.isVisible() and "Kelurahan tidak dikenal CRM" in form.crm_reason.text()
    assert form.name.text() == "Siti Nurhaliza" and form.area.code() == "31.71.01.1001"
    assert form.references["JAKI"].text() == "2611-0042"
    assert form.draft_key == f"correct-{cid}:ani"
    # The field the CRM named: focused and marked with the reason.
    assert focused() is form.area.search
    marked = field_error(form, "Kelurahan")
    assert marked.isVisible() and "CRM:" in marked.text()
    assert form.save_button.text() == "Simpan perbaikan (Ctrl+S)"
    shot(window, artifacts_dir, "correct-rejected", font_scale)

    # Choose another kelurahan by type-ahead, as at intake.
    press(qtbot, Key.Key_A, CTRL)
    type_text(qtbot, "gunung sah")
    popup = form.area.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Key.Key_Down)
    qtbot.keyClick(popup, Key.Key_Return)
    assert form.area.code() == "31.71.03.1005"
    assert not marked.isVisible()  # changed: the CRM's mark goes
    with qtbot.waitSignal(form.corrected, timeout=10000) as saved:
        press(qtbot, Key.Key_S, CTRL)
    corrected, reprint = saved.args
    assert corrected.ticket_code == code and not reprint

    # Back on the sync page, reloaded: nothing refused any more, the complaint waits.
    qtbot.waitUntil(lambda: window.stack.currentWidget() is panel)
    qtbot.waitUntil(lambda: panel.rejected_model.rowCount() == 0, timeout=5000)
    with desk.database.read() as s:
        assert outbox.state_of(s, cid) == outbox.PENDING  # the desk is not enrolled here
        stored = complaints.get(s, cid)
        assert stored is not None and stored.location.kelurahan_code == "31.71.03.1005"
        assert complaints.count(s) == 1  # no new ticket
        (entry,) = [e for e in audit.entries(s) if e.action == "complaint.correct"]
    assert entry.details["fields"] == ["kelurahan_code"]
    assert printer.printed == []  # no receipt unless asked
    shot(window, artifacts_dir, "correct-rejected-sync", font_scale)

    # The complaint's timeline tells the refusal and the resend, in order.
    window.detail_flow.open(cid)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.detail)
    qtbot.waitUntil(lambda: "Ditolak CRM" in window.detail.timeline.text())
    timeline = window.detail.timeline.text()
    refused = timeline.index("Ditolak CRM: Kelurahan tidak dikenal CRM")
    resent = timeline.index("Diperbaiki dan dikirim ulang ke CRM (Ani Petugas)")
    assert timeline.index("Dicatat di meja") < refused < resent
    shot(window, artifacts_dir, "correct-rejected-timeline", font_scale)

    # The new complaint being typed before is back, with its own draft.
    window.on_new_complaint()
    assert form.editing is None and form.title.text() == "Aduan baru"
    assert form.name.text() == "Budi Santoso"
