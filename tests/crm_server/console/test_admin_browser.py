"""The admin pages in Chromium at a desk PC's 1366×768 and a phone's 360 px:
screenshots to look at, no serious axe-core violation, nothing wider than the
phone; a day off added by keyboard alone."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_server.core.calendar_settings import add_day_off
from crm_server.core.crm import Crm
from crm_server.core.desks import create_enrolment
from crm_server.core.response_templates import TemplateText, save_template
from tests.crm_server.console.browser import Browser

PAGES = {
    "index": "/console/admin/",
    "users": "/console/admin/users",
    "user": "/console/admin/users/lurah.gambir",
    "units": "/console/admin/units",
    "routing": "/console/admin/routing",
    "time-limits": "/console/admin/time-limits",
    "holidays": "/console/admin/holidays",
    "templates": "/console/admin/templates",
    "template": "/console/admin/templates/{template}",
    "desks": "/console/admin/desks",
    "audit": "/console/admin/audit",
}


@pytest.mark.slow
@pytest.mark.usefixtures("sqlite_only")
def test_the_admin_pages_at_a_desk_and_on_a_phone(
    browser: Browser, crm: Crm, accounts: dict
) -> None:
    template = save_template(
        crm,
        "admin.crm",
        TemplateText(
            0,
            "Kembalikan: bukti kurang",
            "return",
            "",
            "Foto belum menunjukkan hasil tindak lanjut di lokasi yang diadukan.",
        ),
    )
    add_day_off(crm, "admin.crm", dt.date(2026, 12, 24), "Cuti bersama Hari Raya Natal")
    create_enrolment(crm, "PBK1", "Pendopo Balai Kota", actor="admin.crm")
    browser.sign_in("admin.crm")
    for size in ("desk", "phone"):
        browser.size(size)
        for name, path in PAGES.items():
            browser.open(path.format(template=template))
            assert "Tidak diizinkan" not in browser.driver.page_source, name
            assert browser.axe() == [], name
            if size == "phone":
                assert browser.horizontal_overflow() == 0, name
            browser.screenshot(f"admin-{name}-{size}")


@pytest.mark.slow
@pytest.mark.usefixtures("sqlite_only")
def test_an_enrolment_code_by_keyboard_and_the_code_shown(browser: Browser, accounts: dict) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    browser.sign_in("admin.crm")
    browser.open("/console/admin/desks")
    browser.driver.find_element(By.ID, "desk_code").send_keys("KBN1" + Keys.TAB)
    browser.driver.switch_to.active_element.send_keys("Kantor Kelurahan Kebon Kelapa\n")
    shown = WebDriverWait(browser.driver, 15).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".enrolment-code code"))
    )
    code = shown.text
    assert len(code) == 14 and code.count("-") == 2
    assert browser.axe() == []
    for size in ("desk", "phone"):
        browser.size(size)
        browser.screenshot(f"admin-desk-code-{size}")
    assert browser.horizontal_overflow() == 0
