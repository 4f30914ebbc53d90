"""The console in a real browser: Debian's chromium driven by Selenium through
chromium-driver (scripts/system-deps.sh installs both), against the application
under a real uvicorn (``live_server``). ``Browser`` signs in as a user, takes
screenshots at a desk PC's 1366×768 and an old phone's 360 px, and runs axe-core.

Tests use the ``browser`` fixture (it skips, saying why, where chromium or its driver is
missing) and ``SIZES``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.crm_server.console.conftest import PASSWORD
from tests.crm_server.tracking.test_browser import axe_script

SIZES = {"desk": (1366, 768), "phone": (360, 740)}
SERIOUS = ("serious", "critical")


class Browser:
    def __init__(self, driver: Any, base_url: str, shots: Path) -> None:
        self.driver = driver
        self.base_url = base_url
        self.shots = shots

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def submit(self, button: Any, confirm: bool = False) -> None:
        """Click a form's button and wait until the browser has the next page: the
        click returns before the old page is gone, and reading it then races the load."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        old_page = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        if confirm:
            self.driver.switch_to.alert.accept()
        WebDriverWait(self.driver, 30).until(lambda _driver: gone(old_page))

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        from selenium.webdriver.common.by import By

        self.driver.delete_all_cookies()
        self.open("/console/login")
        self.driver.find_element(By.ID, "username").send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        assert "/console/login" not in self.driver.current_url, self.driver.page_source[-2000:]

    def sign_out(self) -> None:
        from selenium.webdriver.common.by import By

        self.submit(
            self.driver.find_element(By.CSS_SELECTOR, "form[action='/console/logout'] button")
        )

    def look(self, name: str) -> None:
        """Screenshots at both sizes (``name-desk``, ``name-phone``); no serious axe
        violation; nothing wider than a phone."""
        for size in ("desk", "phone"):
            self.size(size)
            assert self.axe() == [], name
            if size == "phone":
                assert self.horizontal_overflow() == 0, name
            self.screenshot(f"{name}-{size}")
        self.size("desk")

    def size(self, name: str) -> None:
        width, height = SIZES[name]
        self.driver.set_window_size(width, height)

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        """A PNG in the test artifacts: the whole page's height at the window's width."""
        path = self.shots / f"{name}.png"
        if full_page:
            width = self.driver.execute_script("return window.innerWidth")
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {
                    "width": width,
                    "height": min(height, 6000),
                    "deviceScaleFactor": 1,
                    "mobile": False,
                },
            )
        self.driver.save_screenshot(str(path))
        if full_page:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return path

    def axe(self) -> list[dict[str, Any]]:
        """The serious and critical axe-core violations of the page now shown."""
        self.driver.execute_script(axe_script().read_text())
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document).then(function (r) { done(JSON.stringify(r.violations)); });"
        )
        violations: list[dict[str, Any]] = json.loads(result)
        return [v for v in violations if v.get("impact") in SERIOUS]

    def horizontal_overflow(self) -> int:
        """How many pixels the page is wider than the window (0: it fits)."""
        return int(
            self.driver.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
        )


@contextmanager
def started_browser(live_server: str, artifacts_dir: Path) -> Iterator[Browser]:
    """A headless Chromium (or a skip that says what is missing); the ``browser``
    fixture of conftest.py."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("chromium and chromium-driver are not installed (scripts/system-deps.sh)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (the test extras)")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--hide-scrollbars",
        "--window-size=1366,768",
    ):
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(60)
    shots = artifacts_dir / "console"
    shots.mkdir(exist_ok=True)
    try:
        yield Browser(driver, live_server, shots)
    finally:
        driver.quit()


def gone(element: Any) -> bool:
    """Whether the element left the document (the page it was on was replaced).
    Selenium's ``staleness_of`` knows only "stale element"; while the next page loads
    Chromium also answers "Node with given id does not belong to the document", which
    means the same (and failed a test now and then on a loaded machine)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False
