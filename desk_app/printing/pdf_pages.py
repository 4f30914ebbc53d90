"""A PDF's first page as an image, rendered by QtPdf (Qt's module around pdfium).

The one place the desk renders PDFs: the receipt preview, the thermal head's raster,
the thumbnail of a PDF attachment and the page a system printer gets. QtPdf holds one
lock around every pdfium call (pdfium itself is not thread-safe), so any thread may
render; each call makes its own ``QPdfDocument`` and drops it before returning, so the
document never crosses threads. (That lock is Qt's internal business, not documented:
checked with PySide6 6.11, whose QtPdf links a recursive mutex, and by
``tests/printing/test_pdf_pages.py``, four threads rendering at once.) No
``QGuiApplication`` is needed: ``QImage`` and ``QPainter`` on an image work without one.

QtPdf leaves the paper transparent: every page is laid on white here (a transparent
area prints black on some drivers and thresholds as black dots).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

if TYPE_CHECKING:
    from PIL import Image

# (page width, page height) in points -> (width, height) of the image in pixels
SizeFor = Callable[[float, float], tuple[int, int]]


class PdfUnreadable(ValueError):
    """The bytes are not a PDF QtPdf can open, or the PDF has no page."""


def first_page(pdf: bytes, size_for: SizeFor) -> QImage:
    """Page 1 on white, as large as ``size_for`` says for the page's size in points."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            raise PdfUnreadable(f"QtPdf cannot open it: {document.error().name}")
        if document.pageCount() < 1:
            raise PdfUnreadable("the PDF has no page")
        points = document.pagePointSize(0)
        width, height = size_for(points.width(), points.height())
        size = QSize(max(1, width), max(1, height))
        clear = document.render(0, size)
    finally:
        document.close()
        buffer.close()
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(0xFFFFFFFF)  # white; a QColor here costs 3 ms a receipt, the number 0.1
    painter = QPainter(page)
    painter.drawImage(0, 0, clear)
    painter.end()
    return page


def to_pillow(image: QImage, *, grey: bool = False) -> Image.Image:
    """The page as a Pillow image: 8-bit grey ("L") or "RGB" (a copy)."""
    from PIL import Image

    if grey:
        # Pillow reads Qt's 32-bit pixels (0xffRRGGBB, in the machine's byte order)
        # and takes the grey itself: Qt's own RGB32 -> Grayscale8 conversion costs
        # 7 ms a receipt against Pillow's 2 ms.
        source = image.convertToFormat(QImage.Format.Format_RGB32)
        raw = "BGRX" if sys.byteorder == "little" else "XRGB"
        size = (source.width(), source.height())
        # Qt's pixels read in place (rows padded to 4 bytes: Pillow gets the stride);
        # convert() copies them out while ``source`` is still alive
        view: Any = source.constBits()  # a memoryview: Pillow reads any buffer
        rgb = Image.frombuffer("RGB", size, view, "raw", raw, source.bytesPerLine(), 1)
        return rgb.convert("L")
    converted = image.convertToFormat(QImage.Format.Format_RGB888)
    size = (converted.width(), converted.height())
    data = bytes(converted.constBits())
    return Image.frombuffer("RGB", size, data, "raw", "RGB", converted.bytesPerLine(), 1)


def first_page_pillow(pdf: bytes, size_for: SizeFor, *, grey: bool = False) -> Image.Image:
    """Page 1 on white as a Pillow image (see :func:`first_page`)."""
    return to_pillow(first_page(pdf, size_for), grey=grey)
