"""Paper formats a receipt can be laid out for.

Everything is measured on the grid of a 203 dpi thermal head (8 dots per mm), the
resolution of nearly every receipt printer at a desk. Roll pages are exactly the
printable width in dots, so the ESC/POS raster is the PDF page dot for dot and the
QR modules land on whole dots. Sheet formats use the same grid: a laser printer at
300 or 600 dpi draws a module of a whole number of 203 dpi dots within a fraction
of its own pixel, which no scanner notices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

THERMAL_DPI = 203
POINTS_PER_INCH = 72.0
DOT = POINTS_PER_INCH / THERMAL_DPI  # one thermal dot in PDF points
MM = POINTS_PER_INCH / 25.4


def page_pt(dots: int) -> float:
    """A page side of ``dots`` dots in points, rounded *down* to the 4 decimals
    reportlab writes. Rounded up, a renderer sizing its bitmap with ``ceil`` adds a
    pixel and stretches the page to fill it, moving the QR off the dot grid."""
    return math.floor(dots * DOT * 10_000) / 10_000


@dataclass(frozen=True)
class PaperFormat:
    """A paper size. On a roll only the width is fixed: the page follows the content."""

    key: str
    label: str  # shown in the settings, Indonesian
    paper_width_mm: float
    width_dots: int  # page width on the 203 dpi grid
    height_dots: int | None  # None on a roll: the page is as long as its content
    margin_mm: float

    @property
    def is_roll(self) -> bool:
        return self.height_dots is None

    @property
    def page_width_pt(self) -> float:
        return page_pt(self.width_dots)

    @property
    def margin_pt(self) -> float:
        return self.margin_mm * MM

    @property
    def content_width_pt(self) -> float:
        return self.page_width_pt - 2 * self.margin_pt


ROLL_80 = PaperFormat("roll80", "Kertas gulung 80 mm", 80.0, 576, None, 2.0)
ROLL_58 = PaperFormat("roll58", "Kertas gulung 58 mm", 58.0, 384, None, 1.5)
# A5 and A4 in whole dots, rounded down (148 × 210 mm and 210 × 297 mm are 1182.8 ×
# 1678.3 and 1678.3 × 2373.7 dots), so the page never exceeds the sheet.
A5 = PaperFormat("a5", "Kertas A5", 148.0, 1182, 1678, 10.0)
A4 = PaperFormat("a4", "Kertas A4", 210.0, 1678, 2373, 15.0)

FORMATS: dict[str, PaperFormat] = {f.key: f for f in (ROLL_80, ROLL_58, A5, A4)}
DEFAULT_FORMAT = ROLL_80


def paper_format(key: str) -> PaperFormat:
    """The format for a settings key; unknown keys fall back to the 80 mm roll."""
    return FORMATS.get(key, DEFAULT_FORMAT)
