"""Each role's inbox and the koordinator's dashboard in Chromium, at a desk PC's
1366×768 and a phone's 360 px: screenshots to look at, no serious axe-core
violation, nothing wider than the phone's screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crm_server.core.crm import Crm
from tests.crm_server.conftest import FakeClock
from tests.crm_server.console.browser import Browser
from tests.crm_server.console.city import WAITING, build_city


@pytest.mark.slow
@pytest.mark.usefixtures("sqlite_only")
def test_each_inbox_and_the_dashboard_in_a_real_browser(
    browser: Browser,
    crm: Crm,
    push: Callable[..., dict[str, Any]],
    accounts: dict[str, str],
    clock: FakeClock,
) -> None:
    from selenium.webdriver.common.by import By

    build_city(crm, push)
    clock.advance(days=7)  # most are late, all left hanging, some still in time
    pages = [(username, "/console/", f"inbox-{username}") for username in WAITING]
    pages += [
        ("koordinator", "/console/", "inbox-koordinator"),
        ("koordinator", "/console/?tampilan=all&kota=31.71", "inbox-koordinator-filtered"),
        ("koordinator", "/console/dashboard", "dashboard"),
    ]
    for username, path, name in pages:
        browser.size("desk")
        browser.sign_in(username)
        for size in ("desk", "phone"):
            browser.size(size)
            browser.open(path)
            assert browser.driver.find_elements(By.CSS_SELECTOR, "table"), name
            assert browser.axe() == [], (name, size)
            if size == "phone":
                assert browser.horizontal_overflow() == 0, name
            browser.screenshot(f"{name}-{size}")
    browser.size("desk")
    browser.open("/console/?cari=PBK1-000000-0000-X")
    assert browser.driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert browser.axe() == []
    browser.screenshot("inbox-not-found-desk")
