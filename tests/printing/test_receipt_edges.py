"""What the receipt explains and what it never prints (issue 14, item 8)."""

from __future__ import annotations

import re

import pytest

from desk_app.printing import FORMATS, render_receipt
from tests.printing.conftest import sample_receipt
from tests.printing.test_receipts import _page_text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_receipt_explains_the_kode_cek(fmt: str) -> None:
    data = sample_receipt()
    text = " ".join(_page_text(render_receipt(data, FORMATS[fmt]).pdf).split())
    assert "Kode cek: 7KQ2MX" in text
    assert "bersama nomor tiket, kode cek diperlukan" in text
    assert "memeriksa status aduan secara daring" in text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_help_line_known_means_no_telephone_line(fmt: str) -> None:
    data = sample_receipt(contact_phone="")
    text = " ".join(_page_text(render_receipt(data, FORMATS[fmt]).pdf).split())
    assert "Telepon" not in text
    assert re.search(r"\b112\b", text) is None  # (the ticket code has 261122)
    assert "Pindai kode QR dengan kamera ponsel." in text
