"""The tracking page tells the truth (issue 18, item 6): late when overdue though not
yet digantung, and a step returned by the verifier shown as such. Each test failed
on the code before its fix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.crm_server.conftest import FakeClock, complaint_item

Push = Callable[..., dict[str, Any]]
Staff = dict[str, dict[str, str]]


def _page(client: TestClient, item: dict[str, Any], suffix: str = "") -> Any:
    answer = client.get(f"/T/{item['ticket_code']}/{item['tracking_token']}{suffix}")
    assert answer.status_code == 200, answer.text
    return answer


def test_overdue_but_not_digantung_says_late(
    push: Push, client: TestClient, clock: FakeClock
) -> None:
    item = complaint_item()
    push(item)
    assert "terlambat" not in _page(client, item).text  # due Thursday 19 November
    clock.advance(days=2)  # Friday 20 November: one working day past, quiet for 2
    body = _page(client, item, ".json").json()
    assert body["overdue"] is True and body["digantung"] is False
    html = _page(client, item).text
    assert "terlambat" in html
    assert "Kamis, 19 November 2026" in html


def test_a_step_returned_by_the_verifier_is_shown(
    push: Push, client: TestClient, staff: Staff
) -> None:
    item = complaint_item()
    push(item)
    steps = [
        ("admin.kanal", "accept", {}),
        ("lurah.gambir", "forward", {}),
        ("dinas.binamarga", "assign", {}),
        ("sudin.binamarga.jp", "report", {"note": "Sudah ditambal."}),
        ("verifikator", "return", {"note": "Foto belum ada."}),
    ]
    for who, action, extra in steps:
        answer = client.post(
            f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
            json={"action": action, **extra},
            headers=staff[who],
        )
        assert answer.status_code == 200, answer.text
    history = _page(client, item, ".json").json()["history"]
    assert "Dikembalikan" in history[-1]["label"], history
    assert "Dikembalikan" in _page(client, item).text
