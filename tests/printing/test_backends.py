"""Printer back-ends against real sinks: a file, a loopback TCP printer, a QPrinter
writing PDF. The bytes and pages they produce are decoded back to the QR payload."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter

from desk_app.printing import (
    A4,
    ROLL_58,
    PaperOutError,
    PrinterError,
    PrinterKind,
    PrinterNotFoundError,
    PrinterOfflineError,
    PrinterSettings,
    PrinterSettingsError,
    create_printer,
    render_receipt,
)
from desk_app.printing.backends import EscposPrinter, PdfFilePrinter
from desk_app.printing.raster import receipt_raster
from tests.printing.conftest import decode, render_grey, sample_receipt, threshold

INIT = b"\x1b@"
FULL_CUT = b"\x1dV\x00"
PAPER_OK, PAPER_OUT = 0x12, 0x72  # DLE EOT 4 answers (python-escpos masks)


def raster_from_escpos(data: bytes) -> Image.Image:
    """Rebuilds the picture from GS v 0 bands, as the printer's firmware would."""
    bands: list[Image.Image] = []
    at = 0
    while (at := data.find(b"\x1dv0", at)) != -1:
        width_bytes = data[at + 4] | data[at + 5] << 8
        height = data[at + 6] | data[at + 7] << 8
        body = data[at + 8 : at + 8 + width_bytes * height]
        # ESC/POS: a set bit burns a dot; in a PIL "1" image a set bit is white.
        band = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in body))
        bands.append(band)
        at += 8 + len(body)
    page = Image.new("1", (bands[0].width, sum(b.height for b in bands)), 1)
    y = 0
    for band in bands:
        page.paste(band, (0, y))
        y += band.height
    return page


@pytest.mark.parametrize("fmt", ["roll80", "roll58"])
def test_file_printer_bytes(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "lp0"
    settings = PrinterSettings(PrinterKind.ESCPOS_FILE, str(out), paper=fmt)
    printer = create_printer(settings)
    document = render_receipt(sample_receipt(), settings.paper_format())
    printer.print_document(document)
    data = out.read_bytes()
    assert data.startswith(INIT)
    assert data.endswith(FULL_CUT)
    image = raster_from_escpos(data)
    assert image.width == settings.paper_format().width_dots
    assert [r.text for r in decode(image)] == [document.qr_payload]


def test_raster_is_the_head_width_and_one_bit() -> None:
    for fmt in ("roll80", "roll58"):
        settings = PrinterSettings(PrinterKind.ESCPOS_FILE, "/dev/null", paper=fmt)
        printer = EscposPrinter(settings)
        document = render_receipt(sample_receipt(), settings.paper_format())
        image = printer.raster(document)
        assert image.mode == "1"
        assert image.width == {"roll80": 576, "roll58": 384}[fmt]
        assert [r.text for r in decode(image)] == [document.qr_payload]


def test_a_narrower_head_gets_a_layout_of_its_own_width() -> None:
    settings = PrinterSettings(PrinterKind.ESCPOS_FILE, "/dev/null", width_dots=512)
    document = render_receipt(sample_receipt(), settings.paper_format())
    image = receipt_raster(document, 512)
    assert image.width == 512
    assert [r.text for r in decode(image)] == [document.qr_payload]


class FakeThermalPrinter:
    """A loopback TCP printer on port 9100's protocol: answers DLE EOT 4, keeps bytes."""

    def __init__(self, paper_state: int | None) -> None:
        self.paper_state = paper_state
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                if chunk.startswith(b"\x10\x04\x04") and self.paper_state is not None:
                    conn.sendall(bytes([self.paper_state]))
                    chunk = chunk[3:]
                self.received += chunk

    def close(self) -> None:
        self.thread.join(timeout=5)
        self.server.close()


def test_network_printer_prints_when_paper_is_in() -> None:
    fake = FakeThermalPrinter(PAPER_OK)
    settings = PrinterSettings(PrinterKind.ESCPOS_NETWORK, f"127.0.0.1:{fake.port}")
    document = render_receipt(sample_receipt())
    create_printer(settings).print_document(document)
    fake.close()
    data = bytes(fake.received)
    assert data.startswith(INIT) and data.endswith(FULL_CUT)
    assert [r.text for r in decode(raster_from_escpos(data))] == [document.qr_payload]


def test_network_printer_without_paper_says_so() -> None:
    fake = FakeThermalPrinter(PAPER_OUT)
    settings = PrinterSettings(PrinterKind.ESCPOS_NETWORK, f"127.0.0.1:{fake.port}")
    with pytest.raises(PaperOutError) as caught:
        create_printer(settings).print_document(render_receipt(sample_receipt()))
    fake.close()
    assert "Kertas printer habis" in caught.value.message
    assert "Aduan sudah tersimpan" in caught.value.message
    assert INIT not in fake.received  # nothing was sent to an empty printer


def test_offline_network_printer() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = PrinterSettings(PrinterKind.ESCPOS_NETWORK, f"127.0.0.1:{port}", timeout_s=2)
    with pytest.raises(PrinterOfflineError) as caught:
        create_printer(settings).print_document(render_receipt(sample_receipt()))
    assert "tidak menjawab" in caught.value.message
    assert "Siti" not in caught.value.message


@pytest.mark.parametrize(
    ("settings", "error"),
    [
        (PrinterSettings(PrinterKind.ESCPOS_NETWORK, "printer:port"), PrinterSettingsError),
        (PrinterSettings(PrinterKind.ESCPOS_FILE, "/no/such/dir/lp0"), PrinterNotFoundError),
        (PrinterSettings(PrinterKind.ESCPOS_CUPS, "tidak-ada-printer-ini"), PrinterError),
        (PrinterSettings(PrinterKind.ESCPOS_WINDOWS, "POS-80"), PrinterSettingsError),
        (PrinterSettings(PrinterKind.SYSTEM), PrinterSettingsError),
        (PrinterSettings(PrinterKind.PDF, ""), PrinterSettingsError),
    ],
)
def test_every_failure_is_a_printer_error_in_indonesian(
    settings: PrinterSettings, error: type[PrinterError]
) -> None:
    with pytest.raises(error) as caught:
        create_printer(settings).print_document(render_receipt(sample_receipt()))
    assert caught.value.message.endswith(
        "Aduan sudah tersimpan; tanda terima dapat dicetak ulang dari daftar aduan."
    )


def test_escpos_refuses_sheet_paper() -> None:
    with pytest.raises(PrinterSettingsError, match="kertas gulung"):
        EscposPrinter(PrinterSettings(PrinterKind.ESCPOS_FILE, "/dev/null", paper=A4.key))


def test_pdf_printer_saves_the_file(tmp_path: Path) -> None:
    printer = create_printer(PrinterSettings(PrinterKind.PDF, str(tmp_path / "struk")))
    document = render_receipt(sample_receipt())
    printer.print_document(document)
    assert isinstance(printer, PdfFilePrinter) and printer.last_path is not None
    assert printer.last_path.name == "Tanda-terima-PBK1-261122-0042-K.pdf"
    assert printer.last_path.read_bytes() == document.pdf
    assert [p.name for p in printer.last_path.parent.iterdir()] == [printer.last_path.name]


def test_test_page_on_a_file_printer(tmp_path: Path) -> None:
    out = tmp_path / "lp0"
    settings = PrinterSettings(PrinterKind.ESCPOS_FILE, str(out), paper=ROLL_58.key)
    create_printer(settings).print_test_page()
    image = raster_from_escpos(out.read_bytes())
    assert image.width == 384
    assert [r.text for r in decode(image)] == ["HTTPS://MEJA-ADUAN/UJI-CETAK"]


def test_raster_matches_an_independent_render() -> None:
    """QtPdf (the desk) against pypdfium2 (the tests' own renderer): the same page,
    dot for dot but at the edges. A glyph's weight or a fraction of a dot may move an
    edge by a dot; no dot of solid paper or solid ink may differ, and nothing may be
    missing or added."""
    document = render_receipt(sample_receipt())
    ours = receipt_raster(document).convert("L")
    theirs = threshold(render_grey(document.pdf)).convert("L")
    assert ours.width == theirs.width == document.paper.width_dots
    assert abs(ours.height - theirs.height) <= 1  # pdfium rounds its bitmap up a row
    theirs = theirs.crop((0, 0, ours.width, ours.height))
    differing = ImageChops.difference(ours, theirs)
    # within two dots of an edge of the independent render: its 5x5 neighbourhood
    # holds both paper and ink
    near_edge = ImageChops.difference(
        theirs.filter(ImageFilter.MaxFilter(5)), theirs.filter(ImageFilter.MinFilter(5))
    )
    away_from_edges = ImageChops.multiply(differing, ImageChops.invert(near_edge))
    assert away_from_edges.getbbox() is None
    share = sum(1 for v in differing.get_flattened_data() if v) / (ours.width * ours.height)
    assert share < 0.05, share
    assert [r.text for r in decode(ours)] == [document.qr_payload]
