"""A PDF's first page as an image, rendered by QtPdf (Qt's module around pdfium).

The one place the desk renders PDFs: the receipt preview, the thermal head's raster,
the thumbnail of a PDF attachment and the page a system printer gets. QtPdf holds one
lock around every pdfium call (pdfium itself is not thread-safe), so any thread may
render; each call makes its own ``QPdfDocument`` and drops it before returning, so the
document never crosses threads. No ``QGuiApplication`` is needed: ``QImage`` and
``QPainter`` on an image work without one.

QtPdf leaves the paper transparent: every page is laid on white here (a transparent
area prints black on some drivers and thresholds as black dots).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
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
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, clear)
    painter.end()
    return page


def to_pillow(image: QImage, *, grey: bool = False) -> Image.Image:
    """The image as a Pillow image: 8-bit grey ("L") or "RGB" (a copy)."""
    from PIL import Image

    if grey:
        converted, mode = image.convertToFormat(QImage.Format.Format_Grayscale8), "L"
    else:
        converted, mode = image.convertToFormat(QImage.Format.Format_RGB888), "RGB"
    size = (converted.width(), converted.height())
    # rows are padded to 4 bytes: Pillow is told the stride
    data = bytes(converted.constBits())
    return Image.frombuffer(mode, size, data, "raw", mode, converted.bytesPerLine(), 1)


def first_page_pillow(pdf: bytes, size_for: SizeFor, *, grey: bool = False) -> Image.Image:
    """Page 1 on white as a Pillow image (see :func:`first_page`)."""
    return to_pillow(first_page(pdf, size_for), grey=grey)
