"""The display screens are told of a change at once (issue 17's "call-next → the display
shows it"): a screen that gives the version it shows is answered when the board
changes, through a real uvicorn on loopback, on SQLite (woken in the process) and on
PostgreSQL (woken by the database's NOTIFY, heard by the server's listener; the call
is made through another client of the same database, as another worker would)."""

from __future__ import annotations

import threading
import time
from typing import Any
from urllib.parse import quote

import pytest
import requests
from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from tests.crm_server.queue.test_queue_api import call, enrol, issue

SITE = "Pendopo Balai Kota"
SCREEN = f"/layar/{quote(SITE)}.json"


class Screen:
    """The TV's browser: asks the served app (uvicorn on loopback)."""

    def __init__(self, base: str) -> None:
        self.base, self.http = base, requests.Session()

    def get(self, path: str, **params: Any) -> dict[str, Any]:
        answer = self.http.get(self.base + path, params=params, timeout=40)
        assert answer.status_code == 200, answer.text
        board: dict[str, Any] = answer.json()
        return board


@pytest.fixture
def screen(crm: Crm, live_server: str) -> Screen:
    deadline = time.monotonic() + 30
    while not crm.queue_changes.listening:  # PostgreSQL: its listener connected
        assert time.monotonic() < deadline, "the queue's listener never connected"
        time.sleep(0.05)
    return Screen(live_server)


def test_a_waiting_screen_is_answered_by_the_next_call(
    crm: Crm, client: TestClient, screen: Screen
) -> None:
    desk = enrol(crm, client, "PBK2")
    for _ in range(3):
        issue(client, desk)
    shown = screen.get(SCREEN)
    answers: list[tuple[float, dict[str, Any]]] = []

    def wait_on_screen() -> None:
        began = time.monotonic()
        answer = screen.get(SCREEN, after=shown["version"], wait=25)
        answers.append((time.monotonic() - began, answer))

    waiting = threading.Thread(target=wait_on_screen)
    waiting.start()
    time.sleep(0.5)  # the screen is waiting (were it not yet, it is answered at once)
    called = call(client, desk)
    waiting.join(timeout=40)
    took, board = answers[0]
    assert called is not None and board["calling"][0]["number"] == called["number"]
    assert board["version"] != shown["version"]
    # Told by the call, not by the end of its 25-second wait.
    assert took < 12, took


def test_an_unchanged_board_waits_its_period_and_another_site_does_not_wake_it(
    crm: Crm, client: TestClient, screen: Screen
) -> None:
    here, there = enrol(crm, client, "PBK2"), enrol(crm, client, "KGR1", "Kelurahan Gambir")
    issue(client, here)
    shown = screen.get(SCREEN)
    began = time.monotonic()
    threading.Timer(0.3, lambda: issue(client, there)).start()  # another site's queue
    same = screen.get(SCREEN, after=shown["version"], wait=2)
    assert time.monotonic() - began >= 1.9  # and not cut short (a listener is heard)
    assert same["version"] == shown["version"] and same["waiting"] == 1
    # The desks' own board waits the same way.
    board = client.get("/api/v1/queue/board", headers=here).json()
    assert board["version"] == shown["version"]


def test_a_screens_question_is_checked(crm: Crm, client: TestClient) -> None:
    desk = enrol(crm, client, "PBK2")
    assert client.get(SCREEN, params={"after": "not-hex"}).status_code == 422
    assert client.get(SCREEN, params={"after": "ab", "wait": 26}).status_code == 422
    assert client.get(SCREEN, params={"after": "ab", "wait": -1}).status_code == 422
    too_long = client.get("/api/v1/queue/board", params={"after": "a" * 65}, headers=desk)
    assert too_long.status_code == 422
