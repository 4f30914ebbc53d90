"""The channel admin names an unknown kelurahan in a real browser (Chromium through
Selenium, the application under uvicorn): the accept form lists every kelurahan of
the city by name, the choice is made by keyboard, and the complaint goes there.
Screenshots at 1366×768 and 360 px, axe-core, no overflow on the phone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crm_server.core.crm import Crm
from tests.crm_server.conftest import complaint_item
from tests.crm_server.console.browser import Browser, gone


def test_the_accept_form_lists_the_kelurahans_and_is_chosen_by_keyboard(
    crm: Crm, push: Callable[..., dict[str, Any]], browser: Browser, accounts: dict[str, str]
) -> None:
    if crm.dialect != "sqlite":
        pytest.skip("the browser checks look at HTML, which does not depend on the database")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    item = complaint_item()
    item["location"] = {**item["location"], "kelurahan_code": "31.71.99.9999"}
    push(item)
    ticket = item["ticket_code"]
    driver = browser.driver
    browser.sign_in("admin.kanal")
    browser.open(f"/console/c/{ticket}")
    listed = Select(driver.find_element(By.ID, "accept-kelurahan"))
    labels = [option.text for option in listed.options[1:]]
    assert len(labels) >= 260  # the city's kelurahans, every one by name
    assert "Kel. Gambir, Kec. Gambir, Jakarta Pusat" in labels
    assert not any(label[:1].isdigit() for label in labels)  # names, never bare codes
    browser.look("accept-kelurahan")

    # keyboard: focus the list, pick with the arrow keys until Gambir, then send
    chooser = driver.find_element(By.ID, "accept-kelurahan")
    chooser.send_keys(Keys.HOME)
    for _ in range(len(labels)):
        if listed.first_selected_option.text.startswith("Kel. Gambir,"):
            break
        chooser.send_keys(Keys.ARROW_DOWN)
    assert listed.first_selected_option.text.startswith("Kel. Gambir,")
    note = driver.find_element(By.ID, "accept-public")
    note.send_keys("Diterima, diteruskan ke Kelurahan Gambir.")
    from selenium.webdriver.support.ui import WebDriverWait

    old_page = driver.find_element(By.TAG_NAME, "html")
    note.find_element(By.XPATH, "ancestor::form//button[@type='submit']").send_keys(Keys.ENTER)
    WebDriverWait(driver, 30).until(lambda _driver: gone(old_page))
    assert "Kelurahan Gambir" in driver.page_source
    assert not driver.find_elements(By.ID, "accept-kelurahan")  # accepted: no list again
