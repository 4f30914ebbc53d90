"""The receipt for a new complaint or an added event: its blocks, top to bottom."""

from __future__ import annotations

from collections.abc import Callable

from complaint_domain.text import clean_line, mask_name
from desk_app.printing.document import PrintDocument
from desk_app.printing.formats import DEFAULT_FORMAT, DOT, PaperFormat
from desk_app.printing.layout.flow import Flow, LayoutError
from desk_app.printing.layout.styles import fitting_styles
from desk_app.printing.model import ReceiptData, ReceiptKind
from desk_app.printing.qr import QUIET_ZONE, QrSymbol, make_qr, module_dots, qr_payload
from desk_app.printing.texts import format_date, format_datetime, shorten, summarize


def tracking_text(payload: str) -> str:
    """The address printed under the QR: the payload without its scheme."""
    return payload.removeprefix("HTTPS://")


def render_receipt(
    data: ReceiptData, fmt: PaperFormat = DEFAULT_FORMAT, *, large_print: bool = False
) -> PrintDocument:
    """The receipt for a new complaint or an added event, as a one-page PDF."""
    payload = qr_payload(data.tracking_host, data.ticket_code, data.tracking_token)
    symbol = make_qr(payload)
    for style in fitting_styles(fmt, large_print):
        flow = Flow(fmt, style)
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


# The receipt is for the citizen: always Indonesian.
KODE_CEK_NOTE = (
    "Simpan kode cek ini: bersama nomor tiket, kode cek diperlukan "
    "untuk memeriksa status aduan secara daring."
)


def _receipt_blocks(flow: Flow, data: ReceiptData, symbol: QrSymbol) -> int:
    s = flow.style
    added = data.kind is ReceiptKind.ADDED_EVENT
    co_reporter = data.kind is ReceiptKind.ADDED_REPORTER
    flow.text(shorten(data.site_name, s.field_chars), s.heading, bold=True, align="center")
    flow.text(f"Meja {data.desk_code}", s.body, align="center")
    flow.rule()
    if added:
        flow.text("TANDA TERIMA", s.title, bold=True, align="center")
        flow.text("TAMBAHAN KETERANGAN", s.title, bold=True, align="center")
    else:
        flow.text("TANDA TERIMA ADUAN", s.title, bold=True, align="center")
    if co_reporter:
        flow.text("Masalah ini sudah pernah diadukan.", s.body, bold=True, align="center")
        flow.text("Anda dicatat sebagai pelapor aduan ini.", s.body, align="center")
    flow.gap(s.body * 0.3)
    if data.reprint_at is not None:
        flow.banner("SALINAN", s.title)
        flow.text(f"Dicetak ulang {format_datetime(data.reprint_at)}", s.small, align="center")
        flow.gap(s.body * 0.3)
    flow.text("Nomor tiket", s.small, align="center")
    flow.ticket_code(data.ticket_code)
    flow.text(f"Kode cek: {data.tracking_token}", s.body, bold=True, align="center")
    flow.text(KODE_CEK_NOTE, s.small, align="center")
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
    ]
    phone = clean_line(data.contact_phone).strip()
    if phone:  # the desk's help line; none known, none printed (never 112)
        how.append(f"Telepon {phone} dan sebutkan nomor tiket.")

    def next_steps(x: float, width: float) -> None:
        flow.text("APA SELANJUTNYA", s.heading, bold=True, x=x, width=width)
        if co_reporter:
            what = (
                "Masalah yang Anda adukan sudah dilaporkan warga lain. Anda ditambahkan "
                "sebagai pelapor aduan yang sama; nomor tiket dan kode cek di atas "
                "berlaku juga untuk Anda."
            )
        elif added:
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


def _qr_section(flow: Flow, symbol: QrSymbol, next_steps: Callable[[float, float], None]) -> int:
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


def _footer(flow: Flow) -> None:
    s = flow.style
    if flow.fmt.is_roll or s.summary_chars > 100:
        flow.text("Simpan tanda terima ini sebagai bukti aduan.", s.small, align="center")
        flow.text("Layanan pengaduan ini gratis.", s.small, align="center")
    else:  # large print on a small sheet: every line counts
        flow.text("Simpan tanda terima ini. Layanan ini gratis.", s.small, align="center")
