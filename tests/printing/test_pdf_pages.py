"""The desk's one PDF renderer (QtPdf): a page at the size asked, on white, the same
from any thread at once (pdfium is not thread-safe; QtPdf locks around it), and a
clear refusal of what is no PDF."""

from __future__ import annotations

import io
import threading

import pytest
from PIL import ImageChops
from reportlab.pdfgen import canvas

from desk_app.printing import render_receipt
from desk_app.printing.pdf_pages import PdfUnreadable, first_page, first_page_pillow
from tests.printing.conftest import decode, sample_receipt


def _pdf(pages: int = 1) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(200, 300))
    for number in range(pages):
        page.rect(50, 100, 100, 100, fill=1)  # a black square in the middle of the page
        page.drawString(20, 250, f"Halaman {number + 1}")
        page.showPage()
    page.save()
    return out.getvalue()


def test_the_page_is_as_large_as_asked_and_lies_on_white():
    asked: list[tuple[float, float]] = []

    def size_for(width_pt: float, height_pt: float) -> tuple[int, int]:
        asked.append((width_pt, height_pt))
        return 400, 600

    image = first_page_pillow(_pdf(), size_for)
    assert asked == [(200.0, 300.0)]
    assert image.size == (400, 600) and image.mode == "RGB"
    assert image.getpixel((5, 5)) == (255, 255, 255)  # QtPdf leaves the paper clear
    assert image.getpixel((200, 300)) == (0, 0, 0)  # the square, scaled twice
    grey = first_page_pillow(_pdf(), lambda w, h: (100, 150), grey=True)
    assert grey.mode == "L" and grey.size == (100, 150) and grey.getpixel((50, 75)) == 0


def test_an_odd_width_keeps_its_rows_straight():
    # QImage pads each row to 4 bytes; read without the stride, rows would shear
    image = first_page_pillow(_pdf(), lambda w, h: (201, 301), grey=True)
    left = [image.getpixel((99, y)) for y in range(110, 190)]
    right = [image.getpixel((101, y)) for y in range(110, 190)]
    assert left == right == [0] * 80


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.4 rusak", b"\x89PNG\r\n\x1a\n" + b"0" * 100],
    ids=["empty", "broken", "png"],
)
def test_what_is_no_pdf_is_refused_clearly(data: bytes):
    with pytest.raises(PdfUnreadable):
        first_page(data, lambda w, h: (10, 10))


def test_threads_rendering_at_once_get_what_one_gets_alone():
    document = render_receipt(sample_receipt())

    def size_for(width_pt: float, height_pt: float) -> tuple[int, int]:
        return 576, round(height_pt * 576 / width_pt)

    alone = first_page_pillow(document.pdf, size_for, grey=True)
    results: list[object] = []

    def render() -> None:
        for _ in range(5):
            try:
                results.append(first_page_pillow(document.pdf, size_for, grey=True))
            except Exception as error:  # reported below, with the thread's image
                results.append(error)

    threads = [threading.Thread(target=render) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 20
    for image in results:
        assert not isinstance(image, Exception), image
        assert ImageChops.difference(image, alone).getbbox() is None  # type: ignore[arg-type]
    assert [r.text for r in decode(alone)] == [document.qr_payload]
