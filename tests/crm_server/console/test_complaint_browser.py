"""The whole loop in a real browser (Chromium through Selenium): a complaint recorded
on a real desk (its services, as in tests/sync) and synced to the CRM under a real
uvicorn; the channel admin accepts, the kelurahan forwards, the Dinas assigns, the
Suku Dinas reports with a photo uploaded through the form, the verifier returns it,
the Suku Dinas reports again, the verifier verifies; the desk pulls "Selesai" and the
citizen's tracking page shows the public notes and none of the internal ones.

Each role's complaint page is looked at (screenshots at 1366×768 and 360 px), run
through axe-core and checked for horizontal overflow on the phone."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from crm_server.core.crm import Crm
from crm_server.core.response_templates import TemplateText, save_template
from crm_server.seed import DEMO_KELURAHAN
from desk_app.services.desk import Desk, open_desk
from desk_app.services.intake import AttachmentFile
from desk_app.sync.client import CrmClient
from tests.crm_server.conftest import FakeClock
from tests.crm_server.console.browser import Browser
from tests.sync.conftest import OFFICER, DeskRig, fast_engine, form

INTERNAL = {
    "admin.kanal": "INTERNAL-ADMIN: berkas KTP sudah dicek.",
    "lurah.gambir": "INTERNAL-LURAH: sudah dikonfirmasi ketua RW.",
    "sudin.binamarga.jp": "INTERNAL-SUDIN: mandor regu 3.",
    "verifikator": "INTERNAL-VERIF: foto pertama buram.",
}
PUBLIC = {
    "accept": "Aduan Anda lengkap dan diteruskan ke kelurahan.",
    "forward": "Diteruskan ke Dinas Bina Marga.",
    "report": "Lubang sudah ditambal aspal, 2 x 1 meter.",
    "return": "Mohon foto sesudah perbaikan dari sudut yang sama.",
    "report2": "Foto sesudah perbaikan dari sudut yang sama terlampir.",
    "approve": "Hasil perbaikan sudah diperiksa. Terima kasih atas laporan Anda.",
}


def png(width: int, height: int, colour: tuple[int, int, int], stripe: int = 0) -> bytes:
    """A real PNG (a colour field with darker stripes): what a camera's photo stands for."""
    rows = []
    for y in range(height):
        dark = stripe and (y // stripe) % 2
        r, g, b = (c // 2 for c in colour) if dark else colour
        rows.append(b"\x00" + bytes((r, g, b)) * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def desk_rig(crm: Crm, live_server: str, tmp_path: Path, clock: FakeClock) -> Iterator[DeskRig]:
    """A real desk (its services and sync engine), enrolled with the live CRM; its
    clock is the CRM's, so both agree on the day."""
    desk: Desk = open_desk(tmp_path / "desk", clock=lambda: clock.now)
    desk.settings.desk_code = "PBK1"
    enrolled = CrmClient(live_server).enrol(crm.create_enrolment("PBK1", "Pendopo Balai Kota"))
    client = CrmClient(live_server, enrolled.token, timeout=(2.0, 10.0))
    yield DeskRig(desk, fast_engine(desk, client), client)
    desk.close()


def action_form(browser: Browser, action: str) -> Any:
    from selenium.webdriver.common.by import By

    return browser.driver.find_element(
        By.XPATH, f"//form[input[@name='action' and @value='{action}']]"
    )


def take(browser: Browser, action: str, public: str = "", internal: str = "", **extra: Any) -> None:
    from selenium.webdriver.common.by import By

    form_element = action_form(browser, action)
    folded = form_element.find_element(By.XPATH, "./..")
    if folded.get_attribute("open") is None:  # a second step is folded: open it
        folded.find_element(By.TAG_NAME, "summary").click()
    if public:
        note = form_element.find_element(By.NAME, "public_note")
        note.clear()
        note.send_keys(public)
    if internal:
        form_element.find_element(By.NAME, "internal_note").send_keys(internal)
    if "photo" in extra:
        form_element.find_element(By.NAME, "evidence").send_keys(str(extra["photo"]))
    button = form_element.find_element(By.CSS_SELECTOR, "button[type=submit]")
    browser.submit(button, confirm=bool(extra.get("confirm")))
    notice = browser.driver.find_element(By.CSS_SELECTOR, "p.notice[role=status]")
    assert notice.text, browser.driver.page_source[-3000:]
    assert f"done={action}" in browser.driver.current_url


@pytest.mark.slow
@pytest.mark.usefixtures("sqlite_only")
def test_the_whole_loop_in_a_real_browser(
    browser: Browser, accounts: dict[str, str], crm: Crm, desk_rig: DeskRig, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    save_template(
        crm, "admin.crm", TemplateText(0, "Diterima lengkap", "accept", "", PUBLIC["accept"])
    )
    scan = AttachmentFile("surat-rt.png", png(480, 360, (200, 190, 150), stripe=24))
    recorded = desk_rig.desk.intake.record(
        OFFICER, replace(form(1, [scan]), kelurahan_code=DEMO_KELURAHAN)
    )
    ticket, token = recorded.ticket_code, recorded.complaint.tracking_token
    desk_rig.converge()
    page = f"/console/c/{ticket}"

    # The channel admin accepts, the note filled from a response template.
    browser.sign_in("admin.kanal")
    browser.open(page)
    assert browser.driver.find_element(By.CSS_SELECTOR, "ul.files img").get_attribute("src")
    browser.look("complaint-channel-admin")
    Select(browser.driver.find_element(By.ID, "accept-template")).select_by_visible_text(
        "Diterima lengkap"
    )
    filled = browser.driver.find_element(By.ID, "accept-public").get_attribute("value")
    assert filled == PUBLIC["accept"]
    take(browser, "accept", internal=INTERNAL["admin.kanal"])

    # The kelurahan looks at the contact (with a reason) and forwards to the suggested Dinas.
    browser.sign_in("lurah.gambir")
    browser.open(page)
    assert Select(
        browser.driver.find_element(By.ID, "forward-agency")
    ).first_selected_option.get_attribute("value") == ("BINAMARGA")
    browser.look("complaint-kelurahan")
    browser.driver.find_element(By.ID, "contact-reason").send_keys("Memastikan lokasi persis")
    browser.submit(
        browser.driver.find_element(By.XPATH, "//form[contains(@action,'/contact')]//button")
    )
    assert "Warga Nomor 1" in browser.driver.find_element(By.ID, "kontak").text
    browser.look("complaint-kelurahan-contact")
    # A phone number in the public note is refused in words; the form keeps the text.
    refused = action_form(browser, "forward")
    refused.find_element(By.NAME, "public_note").send_keys("Hubungi Pak RW di 0812-3456-7890.")
    browser.submit(refused.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    alert = browser.driver.find_element(By.CSS_SELECTOR, "#forward-error[role=alert]")
    assert "nomor telepon" in alert.text
    assert "0812-3456-7890" in browser.driver.find_element(By.ID, "forward-public").get_attribute(
        "value"
    )
    browser.look("complaint-kelurahan-refused")
    take(browser, "forward", PUBLIC["forward"], INTERNAL["lurah.gambir"])

    browser.sign_in("dinas.binamarga")
    browser.open(page)
    browser.look("complaint-dinas")
    take(browser, "assign")

    # The Suku Dinas reports with a photo uploaded through the form.
    photo = tmp_path / "sesudah.png"
    photo.write_bytes(png(640, 480, (90, 90, 95), stripe=40))
    browser.sign_in("sudin.binamarga.jp")
    browser.open(page)
    browser.look("complaint-suku-dinas-report")
    take(browser, "report", PUBLIC["report"], INTERNAL["sudin.binamarga.jp"], photo=photo)
    evidence = browser.driver.find_elements(By.CSS_SELECTOR, "ol.history ul.files img")
    assert len(evidence) == 1

    browser.sign_in("verifikator")
    browser.open(page)
    browser.look("complaint-verifier")
    take(browser, "return", PUBLIC["return"], INTERNAL["verifikator"], confirm=True)

    browser.sign_in("sudin.binamarga.jp")
    browser.open(page)
    photo.write_bytes(png(640, 480, (60, 60, 65)))
    take(browser, "report", PUBLIC["report2"], photo=photo)

    browser.sign_in("verifikator")
    browser.open(page)
    take(browser, "approve", PUBLIC["approve"])
    browser.look("complaint-done")

    # The desk pulls "Selesai".
    desk_rig.converge()
    on_desk = desk_rig.desk.lookup.detail(OFFICER, str(recorded.complaint.id))
    assert on_desk is not None and on_desk.status.public_label == "Selesai"

    # The citizen's tracking page: the public notes, none of the internal ones.
    browser.open(f"/T/{ticket}/{token}")
    text = browser.driver.find_element(By.TAG_NAME, "body").text
    for note in PUBLIC.values():
        assert note in text, note
    for note in INTERNAL.values():
        assert note not in browser.driver.page_source
    assert "Warga Nomor 1" not in browser.driver.page_source
    browser.size("phone")
    assert browser.horizontal_overflow() == 0
    browser.screenshot("tracking-after-the-loop-phone")
