"""Every format and variant: rendered at 203 dpi, printed as 1 bit, worn, then scanned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from complaint_domain.ticket import parse_ticket_code, tracking_url
from desk_app.printing import FORMATS, ROLL_58, ROLL_80, render_receipt
from desk_app.printing.layout import render_queue_ticket, render_test_page
from desk_app.printing.model import QueueTicketData
from desk_app.printing.qr import MIN_MODULE_DOTS, QUIET_ZONE, make_qr
from tests.printing.conftest import (
    DEGRADATIONS,
    VARIANTS,
    decode,
    render_grey,
    sample_receipt,
    threshold,
)

CASES = [(fmt, variant, False) for fmt in FORMATS for variant in VARIANTS] + [
    (fmt, "baru", True) for fmt in FORMATS
]
PAYLOAD = tracking_url("aduan.jakarta.go.id", parse_ticket_code("PBK1-261122-0042-K"), "7KQ2MX")


def _case_id(case: tuple[str, str, bool]) -> str:
    fmt, variant, large = case
    return f"{fmt}-{variant}{'-besar' if large else ''}"


def _page_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    document.close()
    return text.replace("\r\n", "\n")


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str, bool], tuple[bytes, int, Image.Image]]:
    """Each case rendered once: PDF, module size in dots, 1-bit page at 203 dpi."""
    out = {}
    for case in CASES:
        fmt, variant, large = case
        doc = render_receipt(sample_receipt(**VARIANTS[variant]), FORMATS[fmt], large_print=large)
        out[case] = (doc.pdf, doc.qr_module_dots, threshold(render_grey(doc.pdf)))
    return out


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_qr_decodes_from_the_one_bit_print(
    case: tuple[str, str, bool], rendered: dict, artifacts_dir: Path
) -> None:
    _pdf, module, page = rendered[case]
    folder = artifacts_dir / "receipts"
    folder.mkdir(exist_ok=True)
    page.save(folder / f"{_case_id(case)}.png")
    results = decode(page)
    assert [r.text for r in results] == [PAYLOAD]
    assert results[0].ec_level == "Q"
    assert results[0].format != zxingcpp.BarcodeFormat.MicroQRCode
    if FORMATS[case[0]].is_roll:
        assert module >= MIN_MODULE_DOTS


@pytest.mark.parametrize("degradation", sorted(DEGRADATIONS))
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_qr_survives_a_worn_receipt(
    case: tuple[str, str, bool], degradation: str, rendered: dict
) -> None:
    _pdf, module, page = rendered[case]
    worn = DEGRADATIONS[degradation](page, module)
    assert [r.text for r in decode(worn)] == [PAYLOAD], degradation


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_qr_modules_sit_on_whole_dots(fmt: str) -> None:
    """Every module is a solid block of ``m`` × ``m`` dots matching the symbol, with a
    white quiet zone of four modules: what a thermal head can print exactly."""
    doc = render_receipt(sample_receipt(), FORMATS[fmt])
    page = threshold(render_grey(doc.pdf))
    px = page.load()
    m = doc.qr_module_dots
    symbol = make_qr(doc.qr_payload)
    (result,) = decode(page)
    # zxing's corner is approximate: find the finder pattern's exact outer corner.
    ax, ay = result.position.top_left.x, result.position.top_left.y
    probe_y = ay + 3 * m
    x0 = next(x for x in range(ax - 2 * m, ax + 2 * m) if px[x, probe_y] == 0)
    probe_x = x0 + 3 * m
    y0 = next(y for y in range(ay - 2 * m, ay + 2 * m) if px[probe_x, y] == 0)
    dark = {(r, c + i) for r, c, n in symbol.runs for i in range(n)}
    q = QUIET_ZONE
    for row in range(-q, symbol.size + q):
        for col in range(-q, symbol.size + q):
            want = 0 if (row, col) in dark else 255
            block = {px[x0 + col * m + dx, y0 + row * m + dy] for dx in range(m) for dy in range(m)}
            assert block == {want}, (row, col)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_what_the_receipt_says(case: tuple[str, str, bool]) -> None:
    fmt, variant, large = case
    data = sample_receipt(**VARIANTS[variant])
    text = _page_text(render_receipt(data, FORMATS[fmt], large_print=large).pdf)
    flat = " ".join(text.split())
    assert "PBK1-261122-0042-K" in flat.replace("- ", "-") or "PBK1-261122-" in flat
    assert "Sit* Nur******" in flat
    assert "Nurhaliza" not in flat
    assert "3171234567890001" not in flat.replace(" ", "")
    assert "3456" not in flat  # no part of the phone number in the summary
    assert "Rabu, 25 November 2026" in flat
    assert "Minggu, 22 November 2026, 09.14 WIB" in flat or variant == "tambahan"
    assert "Budi Santoso" in flat and "Meja PBK1" in flat
    assert "Telepon (021) 1500-164" in flat
    assert "ADUAN.JAKARTA.GO.ID/T/" in flat
    if variant == "salinan":
        assert "SALINAN" in flat and "Dicetak ulang Selasa, 1 Desember 2026, 14.30 WIB" in flat
    else:
        assert "SALINAN" not in flat
    if variant == "tambahan":
        assert "TAMBAHAN KETERANGAN" in flat and "Selasa, 24 November 2026, 10.02 WIB" in flat
    else:
        assert "TANDA TERIMA ADUAN" in flat


def test_nothing_reaches_the_edges_of_a_roll(rendered: dict) -> None:
    for (fmt, _variant, _large), (_pdf, _module, page) in rendered.items():
        if not FORMATS[fmt].is_roll:
            continue
        grey = page.convert("L")
        side = 8  # 1 mm
        for box in (
            (0, 0, side, grey.height),
            (grey.width - side, 0, grey.width, grey.height),
            (0, 0, grey.width, side),
            (0, grey.height - side, grey.width, grey.height),
        ):
            assert grey.crop(box).getextrema() == (255, 255), (fmt, box)


def test_roll_pages_are_exactly_the_head_width_and_as_long_as_the_content() -> None:
    short = render_receipt(sample_receipt(description="Lampu mati."), ROLL_80)
    long = render_receipt(sample_receipt(description="kata " * 200), ROLL_80)
    assert short.width_pt * 203 / 72 == pytest.approx(576)
    assert render_receipt(sample_receipt(), ROLL_58).width_pt * 203 / 72 == pytest.approx(384)
    assert long.height_pt > short.height_pt


def test_the_summary_is_cut_at_a_word_with_an_ellipsis() -> None:
    data = sample_receipt(description="Saluran air tersumbat sampah " * 20)
    flat = " ".join(_page_text(render_receipt(data).pdf).split())
    assert "…" in flat
    before = flat.split("…")[0].split()[-1]
    assert before in {"Saluran", "air", "tersumbat", "sampah"}


def test_long_fields_still_fit_every_sheet() -> None:
    data = sample_receipt(
        site_name="Kantor Kelurahan Kebon Kosong Kecamatan Kemayoran Kota Administrasi " * 2,
        kelurahan_label="Kebon Kosong, Kec. Kemayoran, Jakarta Pusat, RT 005 RW 011 " * 2,
        description="Sangat panjang " * 100,
        officer_name="Raden Mas Muhammad Abdurrahman Wicaksono Hadiningrat",
        complainant_name="Ni Luh Putu Ayu Kusumawardhani Pratiwi",
    )
    for key, fmt in FORMATS.items():
        for large in (False, True):
            doc = render_receipt(data, fmt, large_print=large)
            page = threshold(render_grey(doc.pdf))
            assert [r.text for r in decode(page)] == [doc.qr_payload], key


def test_a_wrong_ticket_code_is_refused() -> None:
    from complaint_domain.ticket import TicketCodeError

    with pytest.raises(TicketCodeError):
        render_receipt(sample_receipt(ticket_code="PBK1-261122-0042-X"))


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        sample_receipt(created_at=dt.datetime(2026, 11, 22, 9, 14))


def test_queue_ticket(artifacts_dir: Path) -> None:
    data = QueueTicketData(
        site_name="Pendopo Balai Kota",
        number="A-017",
        issued_at=dt.datetime(2026, 11, 23, 1, 5, tzinfo=dt.UTC),
        people_ahead=4,
    )
    folder = artifacts_dir / "receipts"
    folder.mkdir(exist_ok=True)
    for fmt in (ROLL_80, ROLL_58):
        doc = render_queue_ticket(data, fmt)
        threshold(render_grey(doc.pdf)).save(folder / f"antrean-{fmt.key}.png")
        flat = " ".join(_page_text(doc.pdf).split())
        assert "NOMOR ANTREAN" in flat and "A-017" in flat
        assert "Senin, 23 November 2026, 08.05 WIB" in flat
        assert "4 orang sebelum Anda." in flat


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_test_page_shows_the_frame_and_a_scannable_qr(fmt: str, artifacts_dir: Path) -> None:
    doc = render_test_page(FORMATS[fmt], "Printer struk (jaringan): 192.168.1.50:9100")
    page = threshold(render_grey(doc.pdf))
    folder = artifacts_dir / "receipts"
    folder.mkdir(exist_ok=True)
    page.save(folder / f"uji-{fmt}.png")
    assert [r.text for r in decode(page)] == [doc.qr_payload]
    # The frame is on all four edges: a printer that clips the page loses it.
    assert page.getpixel((page.width // 2, 1)) == 0
    assert page.getpixel((1, page.height // 2)) == 0
    assert page.getpixel((page.width - 2, page.height // 2)) == 0
    assert page.getpixel((page.width // 2, page.height - 2)) == 0


def test_queue_slip_from_the_queue_service_at_203_dpi(artifacts_dir: Path) -> None:
    """The slip a reception desk prints in one keystroke: number, time, people ahead
    and the estimated wait (rendered at the printer's 203 dpi)."""
    data = QueueTicketData(
        site_name="Pendopo Balai Kota",
        number="A012",
        issued_at=dt.datetime(2026, 11, 23, 1, 5, tzinfo=dt.UTC),
        people_ahead=7,
        estimated_minutes=21,
    )
    folder = artifacts_dir / "receipts"
    folder.mkdir(exist_ok=True)
    doc = render_queue_ticket(data, ROLL_80)
    page = threshold(render_grey(doc.pdf))
    page.save(folder / "antrean-layanan-80mm.png")
    assert page.width == 576  # 72 mm at 203 dpi
    flat = " ".join(_page_text(doc.pdf).split())
    assert "A012" in flat and "7 orang sebelum Anda." in flat
    assert "Perkiraan menunggu ± 21 menit." in flat
