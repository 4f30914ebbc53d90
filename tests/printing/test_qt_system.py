"""The system-printer back-end: QtPdf onto a QPrinter that writes a PDF file, which
is then rendered and scanned like any printed page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desk_app.printing import (
    A5,
    PrinterKind,
    PrinterNotFoundError,
    PrinterSettings,
    create_printer,
    render_receipt,
)
from desk_app.printing.backends.qt_system import QtSystemPrinter, ReceiptPreviewDialog, page_size
from tests.printing.conftest import decode, render_grey, sample_receipt


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(406)  # twice the thermal grid: every dot is 2 × 2 pixels
    return printer


@pytest.mark.parametrize("paper", ["roll80", "a5"])
def test_system_printer_paints_a_white_page_with_a_readable_qr(
    paper: str, qapp: object, tmp_path: Path, artifacts_dir: Path
) -> None:
    out = tmp_path / "printed.pdf"
    settings = PrinterSettings(PrinterKind.SYSTEM, paper=paper)
    printer = create_printer(
        settings, system_printer=lambda s: QtSystemPrinter(s, _pdf_printer(out))
    )
    document = render_receipt(sample_receipt(), settings.paper_format())
    printer.print_document(document)
    page = render_grey(out.read_bytes())
    (artifacts_dir / "receipts").mkdir(exist_ok=True)
    page.save(artifacts_dir / "receipts" / f"qt-system-{paper}.png")
    # The page is white (QtPdf's render is transparent: unfilled, it prints black).
    assert page.getpixel((2, 2)) == 255
    assert page.getpixel((page.width - 3, page.height - 3)) == 255
    # The right size: the roll's width and length, or A5.
    expected_mm = (document.width_pt / 72 * 25.4, document.height_pt / 72 * 25.4)
    if paper == "a5":
        expected_mm = (148, 210)
    assert page.width / 203 * 25.4 == pytest.approx(expected_mm[0], abs=0.5)
    assert page.height / 203 * 25.4 == pytest.approx(expected_mm[1], abs=0.5)
    assert [r.text for r in decode(page)] == [document.qr_payload]


def test_roll_page_size_follows_the_content(qapp: object) -> None:
    short = render_receipt(sample_receipt(description="Lampu mati."))
    size = page_size(short).size(page_size(short).Unit.Millimeter)
    assert size.width() == pytest.approx(72.07, abs=0.05)
    assert size.height() == pytest.approx(short.height_pt / 72 * 25.4, abs=0.05)


def test_unknown_system_printer(qapp: object) -> None:
    printer = QtSystemPrinter(PrinterSettings(PrinterKind.SYSTEM, "Printer Hantu"))
    with pytest.raises(PrinterNotFoundError) as caught:
        printer.print_document(render_receipt(sample_receipt()))
    assert "Printer Hantu" in caught.value.message


def test_preview_dialog_paints_the_receipt(qtbot: QtBot, tmp_path: Path) -> None:
    document = render_receipt(sample_receipt(), A5)
    dialog = ReceiptPreviewDialog(document)
    qtbot.addWidget(dialog)
    assert "PBK1-261122-0042-K" in dialog.windowTitle()
    # What the preview paints is what printing paints: emit it onto a PDF printer.
    out = tmp_path / "preview.pdf"
    dialog.paintRequested.emit(_pdf_printer(out))
    assert [r.text for r in decode(render_grey(out.read_bytes()))] == [document.qr_payload]
