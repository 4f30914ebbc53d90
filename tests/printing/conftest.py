"""Receipts as a phone or a thermal head sees them: real renderer, real decoder.

Degradations use Pillow only: Gaussian blur, flipped pixels, fading, rotation and
JPEG at low quality are what a worn receipt under a phone camera looks like.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageFilter

from desk_app.printing import WIB, ReceiptData, ReceiptKind

DPI = 203


def sample_receipt(**changes: object) -> ReceiptData:
    base = ReceiptData(
        site_name="Pendopo Balai Kota",
        desk_code="PBK1",
        officer_name="Budi Santoso",
        ticket_code="PBK1-261122-0042-K",
        tracking_token="7KQ2MX",
        tracking_host="aduan.jakarta.go.id",
        created_at=dt.datetime(2026, 11, 22, 9, 14, tzinfo=WIB),
        category_label="Jalan dan trotoar › Jalan rusak / berlubang",
        kelurahan_label="Gambir, Kec. Gambir, Jakarta Pusat",
        description=(
            "Jalan di depan SDN Gambir 01 berlubang besar sejak tiga bulan lalu, sudah dua "
            "motor jatuh. Mohon segera diperbaiki sebelum musim hujan. NIK saya "
            "3171234567890001, HP 0812-3456-7890."
        ),
        complainant_name="Siti Nurhaliza",
        first_response_due=dt.date(2026, 11, 25),
        contact_phone="(021) 1500-164",  # a help line, never 112 (the emergency number)
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


VARIANTS: dict[str, dict[str, object]] = {
    "baru": {},
    "tambahan": {
        "kind": ReceiptKind.ADDED_EVENT,
        "event_note": "Warga membawa foto lubang yang makin lebar dan surat pengantar RT 05.",
        "created_at": dt.datetime(2026, 11, 24, 10, 2, tzinfo=WIB),
    },
    "salinan": {"reprint_at": dt.datetime(2026, 12, 1, 14, 30, tzinfo=WIB)},
}


def render_grey(pdf: bytes, dpi: int = DPI) -> Image.Image:
    """Page 1 at ``dpi`` in grey on white, independent of the code under test."""
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    document.close()
    return image


def threshold(image: Image.Image, level: int = 128) -> Image.Image:
    return image.convert("L").point(lambda v: 255 if v >= level else 0, mode="1")


def decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode))


def blurred(image: Image.Image, sigma: float) -> Image.Image:
    return image.convert("L").filter(ImageFilter.GaussianBlur(sigma))


def flipped(image: Image.Image, share: float, seed: int = 7) -> Image.Image:
    grey = image.convert("L")
    noise = Image.frombytes("L", grey.size, random.Random(seed).randbytes(grey.width * grey.height))
    cut = round(256 * share)
    mask = noise.point(lambda v: 255 if v < cut else 0)
    return Image.composite(ImageChops.invert(grey), grey, mask)


def faded(image: Image.Image, grey_level: float = 0.6) -> Image.Image:
    """Ink faded to ``grey_level`` grey: black becomes 60 % grey, paper stays white."""
    ink = round(255 * (1 - grey_level))
    return image.convert("L").point(lambda v: ink + (255 - ink) * v // 255)


def rotated(image: Image.Image, degrees: float) -> Image.Image:
    return image.convert("L").rotate(
        degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
    )


def shrunk_jpeg(image: Image.Image, module_px: int, px_per_module: float = 2.0) -> Image.Image:
    scale = px_per_module / module_px
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = image.convert("L").resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=30)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


DEGRADATIONS = {
    "blur-1.2-threshold": lambda im, m: threshold(blurred(im, 1.2)),
    "flip-5pct-blur-1.5": lambda im, m: blurred(flipped(im, 0.05), 1.5),
    "faded-60pct": lambda im, m: faded(im, 0.6),
    "rotated-7deg": lambda im, m: rotated(im, 7),
    "2px-module-jpeg-q30": lambda im, m: shrunk_jpeg(im, m),
}


@pytest.fixture
def receipt() -> ReceiptData:
    return sample_receipt()
