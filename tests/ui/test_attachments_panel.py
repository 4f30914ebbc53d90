"""Attachments the citizen brings (file dialog and drag-and-drop, with refusals), then
the receipt saved as PDF; the stored files are the officer's files, byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from desk_app.services.desk import Desk
from desk_app.ui.dialogs import FilePicker
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import FORM_FIELDS, press, shot, sign_in


def _image(path: Path, colour: str, fmt: str) -> Path:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), fmt)
    return path


def _pdf(path: Path) -> Path:
    page = canvas.Canvas(str(path))
    page.drawString(72, 720, "Surat pengantar RT 05 / RW 07")
    page.save()
    return path


def _drop(widget: object, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)  # type: ignore[arg-type]
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDropEvent(QPointF(10, 10), action, mime, buttons, mods))  # type: ignore[arg-type]
    return True


def test_attachments_by_dialog_and_drop_then_receipt_saved_as_pdf(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    artifacts_dir: Path,
) -> None:
    photo = _image(tmp_path / "foto-lubang.png", "#884400", "PNG")
    letter = _pdf(tmp_path / "surat-rt.pdf")
    note = tmp_path / "catatan.txt"
    note.write_text("bukan gambar", encoding="utf-8")
    huge = tmp_path / "besar.jpg"
    huge.write_bytes(_image(tmp_path / "kecil.jpg", "#000000", "JPG").read_bytes())
    with huge.open("r+b") as f:
        f.truncate(16 * 1024 * 1024)  # a JPEG header, then over the 15 MB limit
    scan = _image(tmp_path / "ktp-scan.jpg", "#dddddd", "JPG")

    sign_in(qtbot, window)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    window.intake.set_fields(FORM_FIELDS)
    panel = window.intake.attachments

    # The file dialog returns four files: two are taken, two refused by name.
    picked = [str(photo), str(letter), str(note), str(huge)]
    monkeypatch.setattr(FilePicker, "ask_open", classmethod(lambda cls, p, t, f: picked))
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.list.count() == 2 and panel.message.isVisible())
    assert "catatan.txt" in panel.message.text() and "besar.jpg" in panel.message.text()
    assert [panel.list.item(i).icon().isNull() for i in range(2)] == [False, False]

    # A scan dragged from the file manager onto the panel is added too.
    assert _drop(panel, [scan])
    qtbot.waitUntil(lambda: panel.list.count() == 3)
    window.intake.scroll_area.ensureWidgetVisible(panel)
    shot(window, artifacts_dir, "form-attachments", 100)

    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    preview = shown.args[0]
    code = preview.receipt.ticket_code

    # Save PDF: the file the citizen could be e-mailed, with a QR a phone can read.
    target = tmp_path / "keluar" / f"tanda-terima-{code}.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(FilePicker, "ask_save", classmethod(lambda cls, p, t, s, f: str(target)))
    qtbot.keyClick(preview.pdf_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "PDF disimpan" in preview.status.text(), timeout=10000)
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF")
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=203 / 72, grayscale=True).to_pil().convert("L")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1 and code in found[0].text.upper()
    preview.reject()

    # The detail view lists the three files; the store holds exactly their bytes.
    with qtbot.waitSignal(window.detail_shown, timeout=10000) as detail:
        window.detail_flow.open_ticket(code)
    complaint = detail.args[0]
    assert sorted(a.original_name for a in complaint.attachments) == sorted(
        ["foto-lubang.png", "surat-rt.pdf", "ktp-scan.jpg"]
    )
    for attachment in complaint.attachments:
        original = (tmp_path / attachment.original_name).read_bytes()
        assert attachment.sha256 == hashlib.sha256(original).hexdigest()
        assert desk.files.read(attachment.sha256) == original
    files = window.detail.files
    qtbot.waitUntil(
        lambda: (
            files.count() == 3 and not any(files.item(i).icon().isNull() for i in range(3))
        ),  # thumbnails arrived
        timeout=10000,
    )
    shot(window, artifacts_dir, "detail-attachments", 100)
