"""The receipt as a thermal head prints it: one bit per dot, at the printer's width.

The PDF is rendered by QtPdf (the same renderer that makes the preview people review),
in grey, and thresholded at the middle: the QR modules sit on whole dots, so they
come out as crisp blocks; text edges lose only their anti-aliasing.
"""

from __future__ import annotations

import math

from PIL import Image

from desk_app.printing.document import PrintDocument
from desk_app.printing.formats import THERMAL_DPI
from desk_app.printing.pdf_pages import first_page_pillow

THRESHOLD = 128  # grey at or above this is paper, below is a burnt dot


def render_grey(document: PrintDocument, width_px: int) -> Image.Image:
    """Page 1 of the document in 8-bit grey, exactly ``width_px`` wide, on white.

    The scale comes from the dot grid, not from the stored page width: that width is
    rounded down a hair (see ``formats.page_pt``), and dividing by it would make the
    page one row taller and stretch it by a fraction of a dot. The height is the
    page's, in whole dots (a page a hair over a whole number of dots is not given an
    extra blank row).
    """
    scale = THERMAL_DPI / 72 * width_px / document.paper.width_dots

    def size_for(_width_pt: float, height_pt: float) -> tuple[int, int]:
        return width_px, max(1, math.floor(height_pt * scale + 0.01))

    return first_page_pillow(document.pdf, size_for, grey=True)


def to_one_bit(grey: Image.Image) -> Image.Image:
    """Threshold without dithering: dithered text and QR edges print as fuzz."""
    return grey.point(lambda v: 255 if v >= THRESHOLD else 0, mode="1")


def receipt_raster(document: PrintDocument, width_dots: int | None = None) -> Image.Image:
    """A 1-bit image of the page, ``width_dots`` wide (the format's own width if None)."""
    width = width_dots or document.paper.width_dots
    return to_one_bit(render_grey(document, width))
