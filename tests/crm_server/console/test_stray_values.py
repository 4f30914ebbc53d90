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
        answer = admin.get(path + "99999999999999999999999")
        assert answer.status_code in (404, 422), path
    kanal = signed_in("admin.kanal")
    answer = kanal.post("/console/kanal/sms/99999999999999999999999", {"decision": "dismiss"})
    assert answer.status_code in (403, 404, 422)


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
