"""The CRM's display page (``/layar/{site}``) for a TV's browser, in headless
Chromium: the called number at least a tenth of the screen's height at 1920×1080
and 1366×768, no serious axe-core violations, a new call shown without a reload
(the small script, told by a long poll rather than asking every second), and never a
name. Screenshots: test-artifacts/console/layar-*."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from tests.crm_server.console.browser import started_browser
from tests.crm_server.queue.test_queue_api import call, enrol, issue


@pytest.mark.usefixtures("sqlite_only")
def test_display_page_in_chromium(
    crm: Crm, client: TestClient, live_server: str, artifacts_dir: Path
) -> None:
    desk = enrol(crm, client, "PBK2")
    for _ in range(8):
        issue(client, desk)
    for _ in range(5):
        call(client, desk)
    with started_browser(live_server, artifacts_dir) as browser:
        browser.open("/layar/Pendopo%20Balai%20Kota")
        for width, height in ((1920, 1080), (1366, 768)):
            browser.driver.set_window_size(width, height)
            inner = browser.driver.execute_script("return window.innerHeight")
            number = browser.driver.execute_script(
                "return document.querySelector('.number').getBoundingClientRect().height"
            )
            assert number >= inner / 10, (number, inner)
            assert browser.horizontal_overflow() == 0
            browser.screenshot(f"layar-{width}x{height}", full_page=False)
        assert browser.axe() == []
        text = browser.driver.find_element("tag name", "body").text
        assert "A005" in text and "Meja 2" in text and "Menunggu: 3" in text
        assert "Petugas" not in browser.driver.page_source
        # A quiet screen holds one request open (a long poll) instead of asking every
        # second: over 3 quiet seconds at most the first answer and one more came back.
        time.sleep(3)
        answered = browser.driver.execute_script(
            "return performance.getEntriesByType('resource')"
            ".filter(function(e){return e.name.indexOf('.json')>=0;}).length"
        )
        assert 1 <= answered <= 2, answered
        call(client, desk)  # a new call: the waiting request answers with it at once
        deadline = time.monotonic() + 10
        while "A006" not in browser.driver.find_element("tag name", "body").text:
            assert time.monotonic() < deadline, "the new call never appeared"
            time.sleep(0.1)
