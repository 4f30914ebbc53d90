"""The receipt's help line comes from the CRM at enrolment; never 112, the emergency
number (issue 14, item 8)."""

from __future__ import annotations

import re
from pathlib import Path

from desk_app.printing import FORMATS, render_receipt
from desk_app.services.desk import open_desk
from desk_app.services.enrolment import TokenStore, enrol_desk
from desk_app.services.receipts import ReceiptService
from desk_app.services.settings import load_settings, settings_path
from tests.printing.test_receipts import _page_text
from tests.sync.conftest import OFFICER, form
from tests.sync.crm import CrmProcess


def _receipt_text(service: ReceiptService, complaint: object) -> str:
    data = service.data_for("Ani Petugas", complaint)  # type: ignore[arg-type]
    return " ".join(_page_text(render_receipt(data, FORMATS["roll80"]).pdf).split())


def test_enrolment_gives_the_desk_the_crm_help_line_and_the_receipt_prints_it(
    tmp_path: Path,
) -> None:
    server = CrmProcess(tmp_path / "crm")
    server.env["MEJA_CRM_HELP_PHONE"] = "(021) 1500-164"
    server.start()
    desk = open_desk(tmp_path / "desk")
    try:
        store = TokenStore(tmp_path / "desk", keyring=None)
        enrol_desk(desk, None, server.url, server.enrolment_code("PBK1"), token_store=store)
        assert desk.settings.help_phone == "(021) 1500-164"
        assert load_settings(settings_path(desk.data_dir))[0].help_phone == "(021) 1500-164"
        complaint = desk.intake.record(OFFICER, form(1)).complaint
        text = _receipt_text(ReceiptService(desk), complaint)
        assert "Telepon (021) 1500-164 dan sebutkan nomor tiket." in text
    finally:
        desk.close()
        server.close()


def test_with_no_help_line_known_the_receipt_prints_none_and_never_112(tmp_path: Path) -> None:
    desk = open_desk(tmp_path / "desk")
    try:
        assert desk.settings.help_phone == ""
        complaint = desk.intake.record(OFFICER, form(1)).complaint
        service = ReceiptService(desk)
        assert service.data_for("Ani Petugas", complaint).contact_phone == ""
        text = _receipt_text(service, complaint)
        assert re.search(r"\b112\b", text) is None  # (the ticket code has 261122)
        assert "Telepon" not in text
        assert "Pindai kode QR" in text  # the other ways to check are still there
    finally:
        desk.close()
