"""Type: the fonts, and the sizes and choices of each paper format and variant.

Sizes are in PDF points. The built-in Helvetica covers Indonesian (Latin script) and
needs no font file on the desk PC.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from desk_app.printing.formats import PaperFormat

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
LEADING = 1.25  # line height as a multiple of the type size
CODE_HSCALE = 0.9  # the ticket code slightly condensed, so it can be taller
FIELD_LIMIT = 90  # characters: site, officer, kelurahan never run for lines


@dataclass(frozen=True)
class Style:
    """Type sizes (points) and choices for one format and variant."""

    body: float
    small: float
    heading: float
    title: float
    code: float  # the largest the ticket code may be; it shrinks to fit the width
    qr_dots: int  # preferred dots per QR module
    stacked_fields: bool  # label above value: for narrow paper
    side_qr: bool  # QR beside "how to check" instead of above it: for sheets
    summary_chars: int
    top_mm: float
    bottom_mm: float
    field_chars: int = 90  # site, officer, kelurahan: never more than a few lines

    def scaled(self, factor: float) -> Style:
        return replace(
            self,
            body=self.body * factor,
            small=self.small * factor,
            heading=self.heading * factor,
            title=self.title * factor,
            code=self.code * factor,
        )


STYLES: dict[tuple[str, bool], Style] = {
    ("roll80", False): Style(10.5, 9, 12, 13, 30, 8, False, False, 160, 3, 6),
    ("roll80", True): Style(12.5, 10.5, 14, 15, 30, 8, True, False, 120, 3, 6),
    ("roll58", False): Style(9.5, 8.5, 11, 11.5, 24, 6, True, False, 120, 3, 6),
    ("roll58", True): Style(11, 9.5, 12.5, 13, 24, 6, True, False, 100, 3, 6),
    ("a5", False): Style(11, 9.5, 13, 16, 34, 8, False, True, 280, 0, 0),
    ("a5", True): Style(13, 11.5, 15, 17, 44, 6, False, True, 70, 0, 0),
    ("a4", False): Style(13, 11, 15, 19, 44, 10, False, True, 360, 0, 0),
    ("a4", True): Style(18, 15, 21, 25, 64, 9, False, True, 200, 0, 0),
}
# On a sheet the type may shrink to fit, but large print never below this body size:
# still a third larger than the roll's 10.5 pt.
MIN_BODY = {("a5", False): 9.5, ("a5", True): 11.5, ("a4", False): 11, ("a4", True): 15}


def fitting_styles(fmt: PaperFormat, large_print: bool) -> Iterator[Style]:
    """Styles to try on a sheet, largest first: the type steps down to the format's
    floor, then the free text gets shorter, and only then does the type go below
    the floor (a receipt that prints small beats no receipt)."""
    base = STYLES[(fmt.key, large_print)]
    yield base
    if fmt.is_roll:
        return
    floor = MIN_BODY.get((fmt.key, large_print), base.body)
    factor = 1.0
    while base.body * factor * 0.96 >= floor:
        factor *= 0.96
        yield base.scaled(factor)
    style = base.scaled(factor)
    for _ in range(2):
        style = replace(
            style,
            summary_chars=max(style.summary_chars // 2, 30),
            field_chars=max(style.field_chars // 2, 30),
        )
        yield style
    while style.body > 7:
        style = style.scaled(0.93)
        yield style
