"""The SMS triage in a real browser (Chromium through Selenium, the application under
uvicorn): a draft with a desk complaint of the same number suggested, merged with
one click; another recorded as a complaint of the SMS channel; then the e-mail
triage; the koordinator's figures per channel, where that SMS complaint counts.
Screenshots at 1366×768 and 360 px, axe-core, no overflow on the phone."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.core.mail.mailbox import poll
from crm_server.core.sms import inbound
from crm_server.db.models import CoReporter
from tests.crm_server.conftest import complaint_item
from tests.crm_server.console.browser import Browser
from tests.crm_server.mail.test_mailbox import THREE, FakeImap
from tests.crm_server.sms.helpers import PHONE

Push = Callable[..., dict[str, Any]]


def test_an_sms_merged_into_the_suggested_desk_complaint(
    sqlite_only: None, crm: Crm, push: Push, accounts: dict[str, str], browser: Browser
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    desk = complaint_item()
    push(desk)
    inbound.receive(crm, "GW-1", PHONE, "Pak, lubang di depan rumah saya makin besar, tolong.")
    inbound.receive(
        crm, "GW-2", "+6285711112222", "Lampu penerangan jalan di gang Kenari mati sejak Jumat."
    )
    browser.sign_in("admin.kanal")
    browser.open("/console/kanal/sms")
    page = browser.driver.page_source
    assert desk["ticket_code"] in page and "nomor telepon sama" in page
    browser.look("triage-sms")

    button = browser.driver.find_element(
        By.XPATH, f"//button[normalize-space()='Gabung ke {desk['ticket_code']}']"
    )
    browser.submit(button)
    notice = browser.driver.find_element(By.CSS_SELECTOR, "p.notice").text
    assert notice == (
        f"SMS digabung ke aduan {desk['ticket_code']}; pengirim dicatat sebagai pelapor."
    )
    assert browser.driver.page_source.count('class="card stack draft"') == 1
    browser.look("triage-sms-merged")
    with crm.sessions() as session:
        assert session.scalar(select(func.count()).select_from(CoReporter)) == 1

    # The other SMS: a complaint of its own, recorded from its draft.
    driver = browser.driver
    # Tab closes the kelurahan list's pop-up, which could cover the category's select.
    kelurahan = driver.find_element(By.CSS_SELECTOR, "input[name=kelurahan]")
    kelurahan.send_keys("31.71.01.1001" + Keys.TAB)
    Select(driver.find_element(By.CSS_SELECTOR, "select[name=category]")).select_by_value(
        "JALAN.RUSAK"
    )
    browser.submit(driver.find_element(By.XPATH, "//button[normalize-space()='Catat aduan']"))
    notice = driver.find_element(By.CSS_SELECTOR, "p.notice").text
    assert re.fullmatch(
        r"SMS dicatat sebagai aduan SMS-\d{6}-\d{4}-[0-9A-Z]; pengirim diberi tahu lewat SMS\.",
        notice,
    ), notice
    assert "Tidak ada SMS yang menunggu triase." in driver.page_source

    # The e-mail triage is the same page for its channel.
    poll(crm, lambda _: FakeImap(dict(THREE)))
    browser.open("/console/kanal/email")
    assert driver.page_source.count('class="card stack draft"') == 3
    browser.look("triage-email")

    browser.sign_in("koordinator")
    browser.open("/console/kanal")
    row = driver.find_element(By.XPATH, "//tr[th[normalize-space()='SMS']]")
    assert row.find_elements(By.TAG_NAME, "td")[0].text == "1"
    browser.look("triage-channel-figures")
