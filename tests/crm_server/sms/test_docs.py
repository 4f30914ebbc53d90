"""docs/sms.md lists every message as the code renders it, with its length."""

from __future__ import annotations

from pathlib import Path

from crm_server.core.sms.catalogue import rows, table
from crm_server.core.sms.gsm7 import fits

DOC = Path(__file__).resolve().parents[3] / "docs" / "sms.md"


def test_the_document_lists_every_message_as_rendered() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert table() in text, "docs/sms.md is out of date: python -m crm_server.core.sms.catalogue"
    assert all(fits(message) for _name, _when, message in rows())
