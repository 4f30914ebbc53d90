"""Receipt, queue-slip and test-page layout with reportlab.

The page is built top-down by :class:`_Flow`, which measures as it goes: on a roll
the page is then exactly as long as its content; on a sheet the content must fit,
and the type is stepped down (never below the format's floor) until it does.

Measures are in PDF points from the top of the page. Everything the QR touches (its
left edge, its top edge, its module size) is snapped to whole 203 dpi dots, so a
thermal head prints each module as the same block of dots and a phone sees clean
edges. The built-in Helvetica covers Indonesian (Latin script) and needs no font
file on the desk PC.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from complaint_domain.text import clean_line, mask_name
from desk_app.printing.document import PrintDocument
from desk_app.printing.formats import DEFAULT_FORMAT, DOT, MM, PaperFormat, page_pt
from desk_app.printing.model import QueueTicketData, ReceiptData, ReceiptKind
from desk_app.printing.qr import QUIET_ZONE, QrSymbol, make_qr, module_dots, qr_payload
from desk_app.printing.texts import (
    for_pdf,
    format_date,
    format_datetime,
    shorten,
    summarize,
)

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
_LEADING = 1.25  # line height as a multiple of the type size
_CODE_HSCALE = 0.9  # the ticket code slightly condensed, so it can be taller
_FIELD_LIMIT = 90  # characters: site, officer, kelurahan never run for lines


class LayoutError(ValueError):
    """The content cannot fit the page even at the smallest allowed type."""


@dataclass(frozen=True)
class _Style:
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

    def scaled(self, factor: float) -> _Style:
        return replace(
            self,
            body=self.body * factor,
            small=self.small * factor,
            heading=self.heading * factor,
            title=self.title * factor,
            code=self.code * factor,
        )


_STYLES: dict[tuple[str, bool], _Style] = {
    ("roll80", False): _Style(10.5, 9, 12, 13, 30, 8, False, False, 160, 3, 6),
    ("roll80", True): _Style(12.5, 10.5, 14, 15, 30, 8, True, False, 120, 3, 6),
    ("roll58", False): _Style(9.5, 8.5, 11, 11.5, 24, 6, True, False, 120, 3, 6),
    ("roll58", True): _Style(11, 9.5, 12.5, 13, 24, 6, True, False, 100, 3, 6),
    ("a5", False): _Style(11, 9.5, 13, 16, 34, 8, False, True, 280, 0, 0),
    ("a5", True): _Style(13, 11.5, 15, 17, 44, 6, False, True, 70, 0, 0),
    ("a4", False): _Style(13, 11, 15, 19, 44, 10, False, True, 360, 0, 0),
    ("a4", True): _Style(18, 15, 21, 25, 64, 9, False, True, 200, 0, 0),
}
# On a sheet the type may shrink to fit, but large print never below this body size:
# still a third larger than the roll's 10.5 pt.
_MIN_BODY = {("a5", False): 9.5, ("a5", True): 11.5, ("a4", False): 11, ("a4", True): 15}

_Op = Callable[[Canvas, float], None]  # draws given the page height


class _Flow:
    """Lays out blocks top-down, recording draw operations and the height used."""

    def __init__(self, fmt: PaperFormat, style: _Style) -> None:
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
            self.y += size * _LEADING

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
        widest = max(stringWidth(w, BOLD, self.style.small) for w in _LABELS)
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
        unit = stringWidth(code, BOLD, 1) * _CODE_HSCALE
        size = min(s.code, self.width / unit)
        if size < 18 and "-" in code:
            cut = code.index("-", len(code) // 2 - 2) + 1
            lines = [code[:cut], code[cut:]]
            unit = max(stringWidth(line, BOLD, 1) for line in lines) * _CODE_HSCALE
            size = min(s.code, self.width / unit)
        else:
            lines = [code]
        for line in lines:
            self.text(line, size, bold=True, align="center", hscale=_CODE_HSCALE)
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


_LABELS = ("Waktu", "Kategori", "Kelurahan", "Aduan", "Tambahan", "Pelapor", "Petugas")


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


# -- receipts -----------------------------------------------------------------------


def tracking_text(payload: str) -> str:
    """The address printed under the QR: the payload without its scheme."""
    return payload.removeprefix("HTTPS://")


def render_receipt(
    data: ReceiptData, fmt: PaperFormat = DEFAULT_FORMAT, *, large_print: bool = False
) -> PrintDocument:
    """The receipt for a new complaint or an added event, as a one-page PDF."""
    payload = qr_payload(data.tracking_host, data.ticket_code, data.tracking_token)
    symbol = make_qr(payload)
    for style in _fitting_styles(fmt, large_print):
        flow = _Flow(fmt, style)
        dots = _receipt_blocks(flow, data, symbol)
        if not flow.overflows():
            break
    else:
        raise LayoutError(f"receipt does not fit on {fmt.key}")
    pdf, height = flow.render(f"Tanda terima {data.ticket_code}")
    return PrintDocument(
        pdf=pdf,
        paper=fmt,
        width_pt=fmt.page_width_pt,
        height_pt=height,
        title=f"Tanda terima {data.ticket_code}",
        qr_payload=payload,
        qr_module_dots=dots,
    )


def _fitting_styles(fmt: PaperFormat, large_print: bool) -> Iterator[_Style]:
    """Styles to try on a sheet, largest first: the type steps down to the format's
    floor, then the free text gets shorter, and only then does the type go below
    the floor (a receipt that prints small beats no receipt)."""
    base = _STYLES[(fmt.key, large_print)]
    yield base
    if fmt.is_roll:
        return
    floor = _MIN_BODY.get((fmt.key, large_print), base.body)
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


def _receipt_blocks(flow: _Flow, data: ReceiptData, symbol: QrSymbol) -> int:
    s = flow.style
    added = data.kind is ReceiptKind.ADDED_EVENT
    flow.text(shorten(data.site_name, s.field_chars), s.heading, bold=True, align="center")
    flow.text(f"Meja {data.desk_code}", s.body, align="center")
    flow.rule()
    if added:
        flow.text("TANDA TERIMA", s.title, bold=True, align="center")
        flow.text("TAMBAHAN KETERANGAN", s.title, bold=True, align="center")
    else:
        flow.text("TANDA TERIMA ADUAN", s.title, bold=True, align="center")
    flow.gap(s.body * 0.3)
    if data.reprint_at is not None:
        flow.banner("SALINAN", s.title)
        flow.text(f"Dicetak ulang {format_datetime(data.reprint_at)}", s.small, align="center")
        flow.gap(s.body * 0.3)
    flow.text("Nomor tiket", s.small, align="center")
    flow.ticket_code(data.ticket_code)
    flow.text(f"Kode cek: {data.tracking_token}", s.body, bold=True, align="center")
    flow.rule()

    flow.field("Waktu", format_datetime(data.created_at))
    flow.field("Kategori", shorten(data.category_label, s.field_chars))
    flow.field("Kelurahan", shorten(data.kelurahan_label, s.field_chars))
    if added:
        flow.field("Tambahan", summarize(data.event_note, s.summary_chars) or "-")
    else:
        flow.field("Aduan", summarize(data.description, s.summary_chars) or "-")
    flow.field("Pelapor", mask_name(data.complainant_name) or "(tanpa nama)")
    flow.field("Petugas", shorten(data.officer_name, s.field_chars))
    flow.rule()

    how = [
        "Pindai kode QR dengan kamera ponsel.",
        "Datang lagi ke meja pengaduan dengan membawa tanda terima ini.",
        f"Telepon {clean_line(data.contact_phone)} dan sebutkan nomor tiket.",
    ]

    def next_steps(x: float, width: float) -> None:
        flow.text("APA SELANJUTNYA", s.heading, bold=True, x=x, width=width)
        if added:
            what = (
                "Keterangan tambahan ini sudah dicatat pada aduan Anda dan diteruskan "
                "kepada petugas yang menanganinya."
            )
        else:
            what = "Aduan Anda sudah tercatat dan akan diteruskan kepada instansi yang berwenang."
        flow.text(what, s.body, x=x, width=width)
        if data.first_response_due is not None:
            flow.gap(s.body * 0.2)
            flow.text("Tanggapan pertama paling lambat:", s.body, x=x, width=width)
            flow.text(format_date(data.first_response_due), s.heading, bold=True, x=x, width=width)
        flow.gap(s.body * 0.3)
        flow.text("CARA MEMANTAU", s.heading, bold=True, x=x, width=width)
        flow.bullets(how, s.body, x=x, width=width)

    return _qr_section(flow, symbol, next_steps)


def _qr_section(flow: _Flow, symbol: QrSymbol, next_steps: Callable[[float, float], None]) -> int:
    """What happens next, how to check, and the QR. On a roll the QR is centred under
    the text, with the address; on a sheet it sits left of the text."""
    s = flow.style
    address = tracking_text(symbol.payload)
    if not flow.style.side_qr:
        next_steps(flow.left, flow.width)
        flow.gap(s.body * 0.2)
        width_dots = round(flow.width / DOT)
        dots = module_dots(symbol, width_dots, s.qr_dots)
        flow.qr(symbol, dots)
        flow.text(address, s.small, align="center")
        flow.rule()
        _footer(flow)
        return dots
    width_dots = round(flow.width * 0.42 / DOT)
    dots = module_dots(symbol, width_dots, s.qr_dots)
    top = flow.y
    # The quiet zone may reach into the page margin: it only has to be white.
    left_dots = max(round(flow.left / DOT) - QUIET_ZONE * dots // 2, 0)
    flow.qr(symbol, dots, left_dots=left_dots)
    qr_bottom = flow.y
    col_x = (left_dots + symbol.size_with_quiet_zone * dots) * DOT
    col_w = flow.left + flow.width - col_x
    flow.y = top
    next_steps(col_x, col_w)
    flow.gap(s.body * 0.2)
    flow.text("Alamat pelacakan:", s.small, x=col_x, width=col_w)
    flow.text(address, s.small, bold=True, x=col_x, width=col_w)
    flow.y = max(flow.y, qr_bottom)
    flow.rule()
    _footer(flow)
    return dots


def _footer(flow: _Flow) -> None:
    s = flow.style
    if flow.fmt.is_roll or s.summary_chars > 100:
        flow.text("Simpan tanda terima ini sebagai bukti aduan.", s.small, align="center")
        flow.text("Layanan pengaduan ini gratis.", s.small, align="center")
    else:  # large print on a small sheet: every line counts
        flow.text("Simpan tanda terima ini. Layanan ini gratis.", s.small, align="center")


# -- queue slip and test page ---------------------------------------------------------


def render_queue_ticket(data: QueueTicketData, fmt: PaperFormat = DEFAULT_FORMAT) -> PrintDocument:
    """A small slip with the visitor's queue number and the time it was taken."""
    style = _STYLES[(fmt.key, False)]
    flow = _Flow(fmt, style)
    s = style
    flow.text(shorten(data.site_name, _FIELD_LIMIT), s.heading, bold=True, align="center")
    flow.text(shorten(data.service_label, _FIELD_LIMIT), s.body, align="center")
    flow.rule()
    flow.text("NOMOR ANTREAN", s.title, bold=True, align="center")
    size = min(s.code * 2, flow.width / max(stringWidth(data.number, BOLD, 1), 1e-6))
    flow.text(data.number, size, bold=True, align="center")
    flow.text(format_datetime(data.issued_at), s.body, align="center")
    if data.people_ahead is not None:
        flow.gap(s.body * 0.3)
        ahead = data.people_ahead
        line = "Tidak ada antrean sebelum Anda." if ahead == 0 else f"{ahead} orang sebelum Anda."
        flow.text(line, s.body, bold=True, align="center")
    flow.rule()
    flow.text("Mohon tunggu sampai nomor Anda dipanggil.", s.body, align="center")
    flow.text("Layanan ini gratis, tanpa biaya apa pun.", s.small, align="center")
    pdf, height = flow.render(f"Antrean {data.number}")
    return PrintDocument(pdf, fmt, fmt.page_width_pt, height, f"Antrean {data.number}")


TEST_PAYLOAD = "HTTPS://MEJA-ADUAN/UJI-CETAK"


def render_test_page(
    fmt: PaperFormat, printer_label: str, now: dt.datetime | None = None
) -> PrintDocument:
    """A page that shows whether the printer prints the whole width and a QR that
    scans: a frame on the page edge, the paper's size in dots, and a test QR."""
    style = _STYLES[(fmt.key, False)]
    flow = _Flow(fmt, style)
    s = style
    moment = now or dt.datetime.now(dt.UTC)
    flow.gap(2 * MM)
    flow.text("HALAMAN UJI PRINTER", s.title, bold=True, align="center")
    flow.text(shorten(printer_label, _FIELD_LIMIT), s.body, align="center")
    flow.text(
        f"{fmt.label}: lebar {fmt.width_dots} titik ({fmt.width_dots / 8:.0f} mm)",
        s.small,
        align="center",
    )
    flow.text(format_datetime(moment), s.small, align="center")
    flow.rule()
    flow.text("Aduan Anda sudah tercatat. Simpan tanda terima ini.", s.body, align="center")
    symbol = make_qr(TEST_PAYLOAD)
    dots = module_dots(symbol, round(flow.width / DOT), s.qr_dots)
    flow.qr(symbol, dots)
    flow.text(
        "Printer siap jika bingkai terlihat utuh di keempat sisi dan kode QR dapat dipindai.",
        s.small,
        align="center",
    )
    flow.gap(2 * MM)
    frame_w = fmt.page_width_pt

    def frame(c: Canvas, page_h: float) -> None:
        c.setLineWidth(2 * DOT)
        c.rect(DOT, DOT, frame_w - 2 * DOT, page_h - 2 * DOT, stroke=1, fill=0)

    flow.ops.append(frame)
    pdf, height = flow.render("Halaman uji printer")
    return PrintDocument(
        pdf, fmt, fmt.page_width_pt, height, "Halaman uji printer", TEST_PAYLOAD, dots
    )
