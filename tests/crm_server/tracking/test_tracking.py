"""The public tracking page: content, privacy, and one not-found answer for all."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.crm_server.conftest import assert_no_personal_data, complaint_item

Push = Callable[..., dict[str, Any]]


def test_page_shows_status_without_personal_data(push: Push, client: TestClient) -> None:
    item = complaint_item()
    push(item)
    page = client.get(f"/T/{item['ticket_code']}/{item['tracking_token']}")
    assert page.status_code == 200
    html = page.text
    assert item["ticket_code"] in html
    assert "Menunggu" in html and "Diterima" in html and "Verifikasi" in html
    assert "Admin kanal Pendopo Balai Kota" in html
    assert "Kamis, 19 November 2026" in html  # the next step's due date
    assert "<script" not in html.lower()
    assert "font-size: 20px" in html
    assert_no_personal_data(html)
    assert "berlubang" not in html  # the description is not public either
    assert "script-src" not in page.headers["content-security-policy"]


def test_qr_url_in_upper_case_and_lower_case_work(push: Push, client: TestClient) -> None:
    item = complaint_item()
    push(item)
    code, token = item["ticket_code"], item["tracking_token"]
    for c, t in ((code.upper(), token.upper()), (code.lower(), token.lower())):
        assert client.get(f"/T/{c}/{t}").status_code == 200
    compact = code.replace("-", "")
    assert client.get(f"/T/{compact}/{token}").status_code == 200


def test_not_found_is_the_same_for_every_wrong_input(push: Push, client: TestClient) -> None:
    item = complaint_item()
    push(item)
    code, token = item["ticket_code"], item["tracking_token"]
    other_token = "ZZZZZZ" if token != "ZZZZZZ" else "YYYYYY"
    unknown = complaint_item()["ticket_code"]
    answers = [
        client.get(f"/T/{code}/{other_token}"),  # wrong token
        client.get(f"/T/{unknown}/{token}"),  # unknown code
        client.get(f"/T/NOT-A-CODE/{token}"),  # malformed code
        client.get(f"/T/{code}/%21%21"),  # malformed token
    ]
    assert {a.status_code for a in answers} == {404}
    assert len({a.text for a in answers}) == 1
    assert "Aduan tidak ditemukan" in answers[0].text
    json_answers = [
        client.get(f"/T/{code}/{other_token}.json"),
        client.get(f"/T/NOT-A-CODE/{token}.json"),
    ]
    assert {a.status_code for a in json_answers} == {404}
    assert json_answers[0].text == json_answers[1].text


def test_json_form(push: Push, client: TestClient) -> None:
    item = complaint_item()
    push(item)
    body = client.get(f"/T/{item['ticket_code']}/{item['tracking_token']}.JSON").json()
    assert body["status"] == "received" and body["public_label"] == "Menunggu"
    assert body["due_date"] == "2026-11-19"
    assert [s["name"] for s in body["steps"]] == ["Diterima", "Diproses", "Verifikasi", "Selesai"]
    assert [s["done"] for s in body["steps"]] == [True, False, False, False]
    assert_no_personal_data(str(body))
    assert re.fullmatch(r"\w+, \d+ \w+ \d{4}", body["steps"][0]["date"])
