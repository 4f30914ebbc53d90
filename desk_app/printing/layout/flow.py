"""The page built top-down: :class:`Flow` measures each block as it lays it out.

On a roll the page is then exactly as long as its content; on a sheet the content
must fit (:meth:`Flow.overflows`), and the caller steps the type down until it does.
Measures are in PDF points from the top of the page. Everything the QR touches (its
left edge, its top edge, its module size) is snapped to whole 203 dpi dots, so a
thermal head prints each module as the same block of dots and a phone sees clean
edges.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desk_app.printing.formats import DOT, MM, PaperFormat, page_pt
from desk_app.printing.layout.styles import BOLD, CODE_HSCALE, LEADING, REGULAR, Style
from desk_app.printing.qr import QUIET_ZONE, QrSymbol
from desk_app.printing.texts import for_pdf


class LayoutError(ValueError):
    """The content cannot fit the page even at the smallest allowed type."""


_Op = Callable[[Canvas, float], None]  # draws given the page height


class Flow:
    """Lays out blocks top-down, recording draw operations and the height used."""

    def __init__(self, fmt: PaperFormat, style: Style) -> None:
        self.fmt = fmt
        self.style = style
        self.left = fmt.margin_pt
        self.width = fmt.content_width_pt
        self.y = style.top_mm * MM if fmt.is_roll else fmt.margin_pt
        self.ops: list[_Op] = []

    # -- primitives -------------------------------------------------------------
    def text(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: str = "left",
        indent: float = 0.0,
        width: float | None = None,
        hscale: float = 1.0,
        x: float | None = None,
    ) -> None:
        font = BOLD if bold else REGULAR
        left = (self.left if x is None else x) + indent
        avail = (self.width if width is None else width) - indent
        for line in wrap(for_pdf(text), font, size, avail / hscale):
            baseline = self.y + size * 0.95
            line_width = stringWidth(line, font, size) * hscale
            if align == "center":
                lx = left + (avail - line_width) / 2
            elif align == "right":
                lx = left + avail - line_width
            else:
                lx = left
            self.ops.append(_string_op(font, size, lx, baseline, line, hscale))
            self.y += size * LEADING

    def gap(self, points: float) -> None:
        self.y += points

    def rule(self) -> None:
        self.gap(self.style.body * 0.35)
        y = self.y
        left, right = self.left, self.left + self.width

        def op(c: Canvas, page_h: float) -> None:
            c.setLineWidth(2 * DOT)
            c.setDash(4 * DOT, 3 * DOT)
            c.line(left, page_h - y, right, page_h - y)
            c.setDash()

        self.ops.append(op)
        self.gap(self.style.body * 0.65)

    def banner(self, text: str, size: float) -> None:
        """White text on a black band: "SALINAN" cannot be overlooked or cut away."""
        pad = size * 0.3
        top = self.y
        height = size * 1.2 + 2 * pad
        left, width = self.left, self.width

        def op(c: Canvas, page_h: float) -> None:
            c.setFillGray(0)
            c.rect(left, page_h - top - height, width, height, stroke=0, fill=1)

        self.ops.append(op)
        self.y += pad
        start = len(self.ops)
        self.text(text, size, bold=True, align="center")
        for i in range(start, len(self.ops)):
            self.ops[i] = _white(self.ops[i])
        self.y = top + height + self.style.body * 0.4

    def field(self, label: str, value: str) -> None:
        s = self.style
        if s.stacked_fields:
            self.text(label, s.small, bold=True)
            self.text(value, s.body)
            self.gap(s.body * 0.25)
            return
        label_w = self._label_width()
        top = self.y
        self.text(label, s.small, bold=True, width=label_w)
        label_end = self.y
        self.y = top + (s.body - s.small) * 0.9  # share the baseline with the value
        self.text(value, s.body, x=self.left + label_w, width=self.width - label_w)
        self.y = max(self.y, label_end) + s.body * 0.2

    def _label_width(self) -> float:
        widest = max(stringWidth(w, BOLD, self.style.small) for w in FIELD_LABELS)
        return widest + self.style.body * 0.8

    def bullets(
        self, items: list[str], size: float, *, x: float | None = None, width: float | None = None
    ) -> None:
        left = self.left if x is None else x
        avail = self.width if width is None else width
        hang = stringWidth("• ", REGULAR, size) + size * 0.2
        for item in items:
            top = self.y
            self.ops.append(_string_op(REGULAR, size, left, top + size * 0.95, "•", 1.0))
            self.text(item, size, x=left + hang, width=avail - hang)
            self.gap(size * 0.2)

    def qr(self, symbol: QrSymbol, dots: int, *, left_dots: int | None = None) -> tuple[int, int]:
        """Draws the QR on the dot grid; returns its (left, top) in dots."""
        total = symbol.size_with_quiet_zone * dots
        if left_dots is None:
            left_dots = (self.fmt.width_dots - total) // 2
        top_dots = math.ceil(self.y / DOT)
        self.ops.append(_qr_op(symbol, dots, left_dots + QUIET_ZONE * dots, top_dots))
        self.y = (top_dots + total) * DOT
        return left_dots, top_dots

    def ticket_code(self, code: str) -> None:
        """The code as large as the width allows (up to the style's size); split at a
        dash over two lines only when one line would be too small to read easily."""
        s = self.style
        unit = stringWidth(code, BOLD, 1) * CODE_HSCALE
        size = min(s.code, self.width / unit)
        if size < 18 and "-" in code:
            cut = code.index("-", len(code) // 2 - 2) + 1
            lines = [code[:cut], code[cut:]]
            unit = max(stringWidth(line, BOLD, 1) for line in lines) * CODE_HSCALE
            size = min(s.code, self.width / unit)
        else:
            lines = [code]
        for line in lines:
            self.text(line, size, bold=True, align="center", hscale=CODE_HSCALE)
        self.gap(size * 0.1)

    # -- output -----------------------------------------------------------------
    def overflows(self) -> bool:
        return not self.fmt.is_roll and self.y > self._page_height() - self.fmt.margin_pt

    def _page_height(self) -> float:
        if self.fmt.height_dots is not None:
            return page_pt(self.fmt.height_dots)
        # A roll page ends on a whole dot so the raster has no half-covered last row.
        return page_pt(math.ceil((self.y + self.style.bottom_mm * MM) / DOT))

    def render(self, title: str) -> tuple[bytes, float]:
        page_h = self._page_height()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(self.fmt.page_width_pt, page_h), invariant=True)
        canvas.setTitle(title)
        canvas.setAuthor("Meja Aduan")
        for op in self.ops:
            op(canvas, page_h)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue(), page_h


# The receipt's field labels: the label column is as wide as the widest of them.
FIELD_LABELS = ("Waktu", "Kategori", "Kelurahan", "Aduan", "Tambahan", "Pelapor", "Petugas")


def _string_op(font: str, size: float, x: float, baseline: float, text: str, hs: float) -> _Op:
    def op(c: Canvas, page_h: float) -> None:
        c.setFont(font, size)
        if hs == 1.0:
            c.drawString(x, page_h - baseline, text)
            return
        c.saveState()
        c.translate(x, page_h - baseline)
        c.scale(hs, 1)
        c.drawString(0, 0, text)
        c.restoreState()

    return op


def _white(inner: _Op) -> _Op:
    def op(c: Canvas, page_h: float) -> None:
        c.setFillGray(1)
        inner(c, page_h)
        c.setFillGray(0)

    return op


def _qr_op(symbol: QrSymbol, dots: int, left_dots: int, top_dots: int) -> _Op:
    def op(c: Canvas, page_h: float) -> None:
        module = dots * DOT
        x0 = left_dots * DOT
        y0 = page_h - top_dots * DOT - QUIET_ZONE * module
        path = c.beginPath()
        for row, col, length in symbol.runs:
            path.rect(x0 + col * module, y0 - (row + 1) * module, length * module, module)
        c.setFillGray(0)
        c.drawPath(path, stroke=0, fill=1)

    return op


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``; a word longer than a line (an
    address) is broken, after a "/" or "-" where possible."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if stringWidth(trial, font, size) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width:
            cut = _fitting_prefix(word, font, size, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def _fitting_prefix(word: str, font: str, size: float, width: float) -> int:
    fit = 1
    while fit < len(word) and stringWidth(word[: fit + 1], font, size) <= width:
        fit += 1
    for sep in ("/", "-"):
        at = word.rfind(sep, 0, fit)
        if at >= fit // 2:
            return at + 1
    return fit
