"""The receipt as a thermal head prints it: one bit per dot, at the printer's width.

The PDF is rendered with pdfium (the same engine that made the PNGs people review),
in grey, and thresholded at the middle: the QR modules sit on whole dots, so they
come out as crisp blocks; text edges lose only their anti-aliasing.
"""

from __future__ import annotations

import math

import pypdfium2 as pdfium
from PIL import Image

from desk_app.printing.document import PrintDocument
from desk_app.printing.formats import THERMAL_DPI

THRESHOLD = 128  # grey at or above this is paper, below is a burnt dot


def render_grey(document: PrintDocument, width_px: int) -> Image.Image:
    """Page 1 of the document in 8-bit grey, exactly ``width_px`` wide, on white.

    The scale comes from the dot grid, not from the stored page width: that width is
    rounded down a hair (see ``formats.page_pt``), and dividing by it would make
    pdfium's bitmap one row taller and stretch the page by a fraction of a dot.
    """
    scale = THERMAL_DPI / 72 * width_px / document.paper.width_dots
    pdf = pdfium.PdfDocument(document.pdf)
    try:
        page = pdf[0]
        page_height = page.get_height()
        bitmap = page.render(scale=scale, grayscale=True, fill_color=(255, 255, 255, 255))
        image = bitmap.to_pil().convert("L")
        page.close()
    finally:
        pdf.close()
    height_px = max(1, math.floor(page_height * scale + 0.01))
    if image.size != (width_px, height_px):
        # pdfium rounds the bitmap up by a pixel when the page is a fraction of a dot
        # over a whole number; the extra column or row is blank.
        image = image.crop((0, 0, width_px, height_px))
    return image


def to_one_bit(grey: Image.Image) -> Image.Image:
    """Threshold without dithering: dithered text and QR edges print as fuzz."""
    return grey.point(lambda v: 255 if v >= THRESHOLD else 0, mode="1")


def receipt_raster(document: PrintDocument, width_dots: int | None = None) -> Image.Image:
    """A 1-bit image of the page, ``width_dots`` wide (the format's own width if None)."""
    width = width_dots or document.paper.width_dots
    return to_one_bit(render_grey(document, width))
