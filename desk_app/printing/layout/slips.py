"""The queue slip and the printer test page: small pages of their own."""

from __future__ import annotations

import datetime as dt

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desk_app.printing.document import PrintDocument
from desk_app.printing.formats import DEFAULT_FORMAT, DOT, MM, PaperFormat
from desk_app.printing.layout.flow import Flow
from desk_app.printing.layout.styles import BOLD, FIELD_LIMIT, STYLES
from desk_app.printing.model import QueueTicketData
from desk_app.printing.qr import make_qr, module_dots
from desk_app.printing.texts import format_datetime, shorten


def render_queue_ticket(data: QueueTicketData, fmt: PaperFormat = DEFAULT_FORMAT) -> PrintDocument:
    """A small slip with the visitor's queue number and the time it was taken."""
    style = STYLES[(fmt.key, False)]
    flow = Flow(fmt, style)
    s = style
    flow.text(shorten(data.site_name, FIELD_LIMIT), s.heading, bold=True, align="center")
    flow.text(shorten(data.service_label, FIELD_LIMIT), s.body, align="center")
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
        if data.estimated_minutes is not None and ahead:
            wait = f"Perkiraan menunggu ± {data.estimated_minutes} menit."
            flow.text(wait, s.body, align="center")
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
    style = STYLES[(fmt.key, False)]
    flow = Flow(fmt, style)
    s = style
    moment = now or dt.datetime.now(dt.UTC)
    flow.gap(2 * MM)
    flow.text("HALAMAN UJI PRINTER", s.title, bold=True, align="center")
    flow.text(shorten(printer_label, FIELD_LIMIT), s.body, align="center")
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


def render_recovery_key(
    fmt: PaperFormat, site_name: str, desk_code: str, recovery_key: str, now: dt.datetime
) -> PrintDocument:
    """The admin's slip with the desk's recovery key: what opens the desk's encrypted
    data when this computer has lost its key. Kept locked away, never at the desk."""
    style = STYLES[(fmt.key, False)]
    flow = Flow(fmt, style)
    s = style
    flow.text("KUNCI PEMULIHAN DATA MEJA", s.title, bold=True, align="center")
    flow.text(shorten(f"{site_name} ({desk_code})", FIELD_LIMIT), s.body, align="center")
    flow.text(format_datetime(now), s.small, align="center")
    flow.rule()
    groups = recovery_key.split("-")
    for start in range(0, len(groups), 3):
        flow.text("  ".join(groups[start : start + 3]), s.body, bold=True, align="center")
    flow.rule()
    flow.text(
        "Simpan lembar ini di tempat terkunci, terpisah dari komputer meja. Siapa pun "
        "yang memegangnya dapat membuka data warga di meja ini.",
        s.small,
    )
    flow.text(
        "Diperlukan bila komputer meja kehilangan kuncinya (akun Windows baru, "
        "keyring dikosongkan). Jangan difoto, jangan dikirim lewat pesan.",
        s.small,
    )
    flow.gap(2 * MM)
    pdf, height = flow.render("Kunci pemulihan")
    return PrintDocument(pdf, fmt, fmt.page_width_pt, height, "Kunci pemulihan")
