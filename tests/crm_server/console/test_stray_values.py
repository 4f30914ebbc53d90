"""Stray values in links and query strings (found by a review, each a 500 before):
a date far in the future or past, a paging cursor beyond a 64-bit id, a row id too
large for the database. The console ignores them or says not found; the APIs answer
the usual 422 (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.crm_server.conftest import auth
from tests.crm_server.console.conftest import Console

FAR = ("9999-12-31", "0001-01-01")


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("lurah.gambir", "/console/?sampai={day}&dari={day}"),
        ("koordinator", "/console/dashboard?sampai={day}&dari={day}"),
        ("koordinator", "/console/kanal?sampai={day}&dari={day}"),
        ("koordinator", "/console/sms?hari={day}"),
    ],
)
def test_a_far_date_in_a_console_link_is_ignored(
    signed_in: Callable[[str], Console], who: str, path: str
) -> None:
    console = signed_in(who)
    for day in FAR:
        answer = console.get(path.format(day=day))
        assert answer.status_code == 200, (path, day)


def test_a_cursor_or_id_beyond_the_database_is_not_an_error(
    signed_in: Callable[[str], Console],
) -> None:
    lurah = signed_in("lurah.gambir")
    for cursor in ("-_99999999999999999999999", "2026-11-18_-5", "-_²", "9999-12-31_1"):
        assert lurah.get(f"/console/?setelah={cursor}").status_code == 200, cursor
    admin = signed_in("admin.crm")
    for path in ("/console/admin/templates/", "/console/admin/rights/"):
        for stray in ("99999999999999999999999", "abc", "0"):
            answer = admin.get(path + stray)
            assert answer.status_code == 404, (path, stray)  # the console's own page
            assert "Halaman tidak ditemukan" in answer.text, (path, stray)
    kanal = signed_in("admin.kanal")
    answer = kanal.post("/console/kanal/sms/99999999999999999999999", {"decision": "dismiss"})
    assert answer.status_code in (403, 404)


def test_a_console_address_that_is_no_page_answers_with_the_console_page(
    signed_in: Callable[[str], Console], client: TestClient, desk: dict[str, str]
) -> None:
    """Not the APIs' JSON: a staff member reads "not found" in the console's words. The
    APIs keep their JSON."""
    admin = signed_in("admin.crm")
    for path in ("/console/no-such-page", "/console/admin/rights/abc/export"):
        answer = admin.get(path)
        assert answer.status_code == 404, path
        assert answer.headers["content-type"].startswith("text/html"), path
        assert "Halaman tidak ditemukan" in answer.text and "abc" not in answer.text
    api = client.get("/api/v1/queue/tickets/x", headers=auth(desk))
    assert api.status_code in (404, 405) and api.json()["error"]
    api = client.get("/api/v1/workflow/complaints/abc", headers=auth(desk))
    assert api.headers["content-type"].startswith("application/json")


def test_a_far_date_in_an_api_is_a_422(
    client: TestClient, staff: dict[str, dict[str, str]], desk: dict[str, str]
) -> None:
    for day in FAR:
        answer = client.get(
            "/api/v1/workflow/sms/totals", params={"day": day}, headers=staff["koordinator"]
        )
        assert answer.status_code == 422 and answer.json()["error"]["field"] == "day"
        answer = client.get(
            "/api/v1/supervision", params={"day": day, "days": 2}, headers=auth(desk)
        )
        assert answer.status_code == 422 and answer.json()["error"]["field"] == "day"
