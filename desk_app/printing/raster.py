"""The receipt as a thermal head prints it: one bit per dot, at the printer's width.

The PDF is rendered with pdfium (the same engine that made the PNGs people review),
in grey, and thresholded at the middle: the QR modules sit on whole dots, so they
come out as crisp blocks; text edges lose only their anti-aliasing.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image

from desk_app.printing.document import PrintDocument

THRESHOLD = 128  # grey at or above this is paper, below is a burnt dot


def render_grey(pdf: bytes, width_px: int) -> Image.Image:
    """Page 1 of ``pdf`` in 8-bit grey, exactly ``width_px`` wide, on white."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        page_width, page_height = page.get_size()
        scale = width_px / page_width
        bitmap = page.render(scale=scale, grayscale=True, fill_color=(255, 255, 255, 255))
        image = bitmap.to_pil().convert("L")
        page.close()
    finally:
        document.close()
    height_px = max(1, round(page_height * scale))
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
    return to_one_bit(render_grey(document.pdf, width))
