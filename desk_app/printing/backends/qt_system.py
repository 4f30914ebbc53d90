"""The system printer through Qt: the receipt PDF rendered by QtPdf onto a QPrinter.

The only printing module that imports Qt's printing and widgets; the UI hands
:class:`QtSystemPrinter` to ``create_printer`` so the services layer never does.

The page (laid on white by ``pdf_pages``: some drivers print a transparent area black)
is rendered at the printer's resolution (capped, so a 1200 dpi laser does not get a
140 MB image) and drawn over the full paper, margins off: the PDF already has its own.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desk_app.printing.backends.base import Printer, PrinterSettings
from desk_app.printing.document import PrintDocument
from desk_app.printing.errors import PrinterNotFoundError, PrintFailedError
from desk_app.printing.formats import MM
from desk_app.printing.pdf_pages import PdfUnreadable, first_page

MAX_RENDER_DPI = 600


def page_size(document: PrintDocument) -> QPageSize:
    """A4 and A5 by name (drivers pick the right tray); a roll page as long as it is."""
    if document.paper.key == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if document.paper.key == "a5":
        return QPageSize(QPageSize.PageSizeId.A5)
    size = QSizeF(document.width_pt / MM, document.height_pt / MM)
    return QPageSize(size, QPageSize.Unit.Millimeter, document.title)


def configure(printer: QPrinter, document: PrintDocument) -> None:
    """Page size, no margins, full page, the job named after the ticket."""
    printer.setFullPage(True)
    layout = QPageLayout(
        page_size(document),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    printer.setPageLayout(layout)
    printer.setDocName(document.title)


def render_page(document: PrintDocument, size: QSize) -> QImage:
    """Page 1 of the document at ``size`` pixels, on white (QtPdf leaves it clear)."""
    try:
        return first_page(document.pdf, lambda _w, _h: (size.width(), size.height()))
    except PdfUnreadable as error:
        raise PrintFailedError(detail=f"QtPdf could not load the page: {error}") from error


def paint(printer: QPrinter, document: PrintDocument) -> None:
    """Paints the document on an already configured printer (or preview)."""
    target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    scale = dpi / max(printer.resolution(), 1)
    pixels = QSize(max(1, round(target.width() * scale)), max(1, round(target.height() * scale)))
    image = render_page(document, pixels)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailedError(
            "Printer menolak pekerjaan cetak. Periksa apakah printer menyala dan "
            "tidak ada kertas macet.",
            detail="QPainter.begin failed",
        )
    try:
        painter.fillRect(QRect(0, 0, target.width(), target.height()), Qt.GlobalColor.white)
        painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()


class QtSystemPrinter(Printer):
    """Prints on a printer the operating system knows (``settings.target`` is its
    name; empty means the default printer). ``printer`` may be given, e.g. a QPrinter
    that writes a PDF file, which is how the tests look at the output."""

    def __init__(self, settings: PrinterSettings, printer: QPrinter | None = None) -> None:
        super().__init__(settings)
        self._printer = printer

    def _make_printer(self) -> QPrinter:
        if self._printer is not None:
            return self._printer
        if self.settings.target:
            info = QPrinterInfo.printerInfo(self.settings.target)
            if info.isNull():
                raise PrinterNotFoundError(
                    f"Printer '{self.settings.target}' tidak ada di komputer ini. "
                    "Pilih printer lain di Pengaturan."
                )
        else:
            info = QPrinterInfo.defaultPrinter()
            if info.isNull():
                raise PrinterNotFoundError(
                    "Komputer ini belum punya printer bawaan. Pilih printer di Pengaturan."
                )
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def print_document(self, document: PrintDocument) -> None:
        printer = self._make_printer()
        if not printer.isValid():
            raise PrinterNotFoundError()
        configure(printer, document)
        paint(printer, document)
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailedError(detail="QPrinter reported an error state")


class ReceiptPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview for one document; printing from it uses the same painting."""

    def __init__(self, document: PrintDocument, parent: QWidget | None = None) -> None:
        self._preview_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure(self._preview_printer, document)
        super().__init__(self._preview_printer, parent)
        self.setWindowTitle(f"Pratinjau — {document.title}")
        self._document = document
        self.paintRequested.connect(self._on_paint_requested)

    def _on_paint_requested(self, printer: QPrinter) -> None:
        paint(printer, self._document)
