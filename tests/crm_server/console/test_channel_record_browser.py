"""Recording from a channel in a real browser (Chromium through Selenium, the
application under uvicorn): the Twitter/X admin records a complaint from a post's
link with a screenshot, by keyboard only; the reply carries a ticket code whose
tracking page works; the same post again is refused with a link to the first.
Screenshots at 1366×768 and 360 px, axe-core, no overflow on the phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import update

from crm_server.core.crm import Crm
from crm_server.db.models import User
from tests.crm_server.console.browser import Browser
from tests.crm_server.console.test_complaint_browser import png

POST = "https://x.com/warga_jkt/status/1866012345678901234"


@pytest.fixture
def twitter_admin(crm: Crm, accounts: dict[str, str], password_hash: str) -> None:
    if crm.dialect != "sqlite":
        pytest.skip("the browser checks look at HTML, which does not depend on the database")
    crm.create_user("admin.twitter", "Admin Twitter", "channel_admin", "TWITTER")
    with crm.sessions.begin() as session:
        session.execute(update(User).values(password_hash=password_hash))


def test_the_twitter_admin_records_a_post_by_keyboard(
    twitter_admin: None, browser: Browser, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    shot = tmp_path / "tangkapan-layar.png"
    shot.write_bytes(png(320, 200, (30, 120, 200), stripe=8))
    driver = browser.driver
    browser.sign_in("admin.twitter")
    browser.open("/console/kanal/catat")
    browser.look("channel-form")

    # The source field has the focus: the rest is typed, Tab by Tab.
    def typed(text: str) -> None:
        driver.switch_to.active_element.send_keys(text)

    def chosen(value: str) -> None:
        """The focused list moved with the arrow keys to ``value``. (Typing an option's
        first letters works too, but Chromium forgets them after a second between two
        keys, which a loaded machine can take: the likely cause of this test's one failure,
        on a loaded machine, in December 2026.)"""
        element = driver.switch_to.active_element
        assert element.tag_name == "select"
        element.send_keys(Keys.HOME)
        for _ in range(len(element.find_elements(By.TAG_NAME, "option"))):
            if element.get_attribute("value") == value:
                return
            element.send_keys(Keys.ARROW_DOWN)
        raise AssertionError(f"{value} is not in the list")

    assert driver.switch_to.active_element.get_attribute("id") == "f-source"
    typed(POST + Keys.TAB)
    typed("@warga_jkt" + Keys.TAB)
    typed(Keys.TAB)  # no name given
    typed("Lubang besar di Jl. Medan Merdeka Barat depan halte, sudah dua minggu." + Keys.TAB)
    typed("31.71.01.1001" + Keys.TAB)
    chosen("JALAN.RUSAK")
    assert driver.find_element(By.ID, "f-category").get_attribute("value") == "JALAN.RUSAK"
    driver.find_element(By.ID, "f-files").send_keys(str(shot))
    submit = driver.find_element(By.CSS_SELECTOR, ".channel-form button[type=submit]")
    submit.send_keys(Keys.ENTER)
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "reply-text"))
    reply = driver.find_element(By.ID, "reply-text").get_attribute("value") or ""
    copy = driver.find_element(By.CSS_SELECTOR, "[data-copy]")
    assert copy.is_displayed()  # the script showed the copy button
    browser.look("channel-recorded")

    ticket = re.search(r"nomor tiket (TWT-\d{6}-\d{4}-[0-9A-Z])\.", reply)
    address = re.search(r"HTTPS://[^/\s]+(/T/\S+)$", reply)
    assert ticket and address, reply
    browser.open(address.group(1))
    assert ticket.group(1) in driver.page_source
    assert "Menunggu" in driver.page_source

    browser.open("/console/kanal/catat")
    typed(POST + "?s=20" + Keys.TAB)
    typed("@warga_jkt" + Keys.TAB + Keys.TAB)
    typed("Lubang yang sama, dilaporkan lagi oleh akun yang sama." + Keys.TAB)
    typed("31.71.01.1001" + Keys.TAB)
    chosen("JALAN.RUSAK")
    typed(Keys.TAB + Keys.TAB)  # past the attachments to the button
    assert driver.switch_to.active_element.get_attribute("type") == "submit"
    typed(Keys.ENTER)
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "record-error"))
    link = driver.find_element(By.CSS_SELECTOR, "#record-error a")
    assert link.get_attribute("href").endswith(f"/console/c/{ticket.group(1)}")
    browser.look("channel-duplicate")
