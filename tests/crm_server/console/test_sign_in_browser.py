"""The sign-in page and the frame in Chromium: a person signs in and out by
keyboard, at a desk PC's size and a phone's, with no serious axe-core violation."""

from __future__ import annotations

import pytest

from tests.crm_server.console.browser import Browser


@pytest.mark.slow
@pytest.mark.usefixtures("sqlite_only")
def test_sign_in_and_out_in_a_real_browser(browser: Browser, accounts: dict) -> None:
    from selenium.webdriver.common.by import By

    for size in ("desk", "phone"):
        browser.size(size)
        browser.open("/console/login")
        assert browser.axe() == []
        assert browser.horizontal_overflow() == 0
        browser.screenshot(f"sign-in-{size}")
    browser.size("desk")
    browser.sign_in("lurah.gambir")
    assert browser.driver.find_element(By.TAG_NAME, "h1").text == "Kotak masuk"
    cookies = {c["name"]: c for c in browser.driver.get_cookies()}
    assert cookies["meja_console"]["httpOnly"] and cookies["meja_console"]["sameSite"] == "Strict"
    assert browser.axe() == []
    browser.sign_out()
    assert "/console/login?out=1" in browser.driver.current_url
    assert "Anda sudah keluar." in browser.driver.page_source
    browser.open("/console/")
    assert "/console/login" in browser.driver.current_url


@pytest.mark.slow
@pytest.mark.usefixtures("sqlite_only")
def test_a_wrong_password_is_said_in_words(browser: Browser, accounts: dict) -> None:
    from selenium.webdriver.common.by import By

    browser.open("/console/login")
    browser.driver.find_element(By.ID, "username").send_keys("lurah.gambir")
    browser.driver.find_element(By.ID, "password").send_keys("salah-sekali\n")
    alert = browser.driver.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert alert.text == "Nama pengguna atau kata sandi salah."
    assert browser.axe() == []
    browser.screenshot("sign-in-wrong-password")
