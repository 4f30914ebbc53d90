"""Attachment thumbnails, made on the worker: small, upright, framed for PDFs."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.pdfgen import canvas

from desk_app.services.previews import THUMBNAIL_PX, thumbnail


def _jpeg(width: int, height: int, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), "#336699")
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation  # EXIF Orientation, as a phone camera writes it
    image.save(out, format="JPEG", exif=exif.tobytes(), quality=85)
    return out.getvalue()


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_big_photo_becomes_a_small_upright_png():
    # A 4000x3000 landscape sensor image that the phone says to turn 90° (portrait).
    small = _open(thumbnail(_jpeg(4000, 3000, orientation=6), "image/jpeg"))
    assert small.format == "PNG"
    assert max(small.size) == THUMBNAIL_PX
    assert small.height > small.width  # turned upright as the citizen took it
    plain = _open(thumbnail(_jpeg(4000, 3000), "image/jpeg"))
    assert plain.width > plain.height


def test_a_pdf_shows_its_first_page_in_a_frame():
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Surat pengantar RT")
    page.save()
    image = _open(thumbnail(out.getvalue(), "application/pdf")).convert("RGB")
    assert max(image.size) <= THUMBNAIL_PX + 2
    assert image.getpixel((0, 0)) == (128, 128, 128)  # the frame
    assert image.getpixel((image.width // 2, image.height - 5)) == (255, 255, 255)  # page


def test_unreadable_files_give_no_thumbnail_rather_than_an_error():
    assert thumbnail(b"\xff\xd8\xff" + b"rusak" * 100, "image/jpeg") == b""
    assert thumbnail(b"%PDF-1.4 rusak", "application/pdf") == b""
