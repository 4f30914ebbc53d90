"""Internal notes never leave the console: not on the citizen's tracking page (HTML
or JSON), not in Open311 ``servicerequestupdates``, not in the desk's changes feed;
the public notes of the same steps do reach all three."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.crm_server.conftest import assert_no_personal_data, auth, complaint_item
from tests.crm_server.console.conftest import Console

INTERNAL = ("RAHASIA-KELURAHAN-1", "RAHASIA-DINAS-2", "RAHASIA-SUDIN-3", "RAHASIA-VERIF-4")
PUBLIC = ("Aduan diteruskan ke Bina Marga.", "Lubang sudah ditambal.", "Terverifikasi.")


def test_internal_notes_stay_in_the_console_and_public_notes_go_out(
    client: TestClient,
    desk: dict[str, str],
    push: Callable[..., dict[str, Any]],
    signed_in: Callable[[str], Console],
) -> None:
    item = complaint_item()
    push(item)
    ticket, token = item["ticket_code"], item["tracking_token"]
    steps = [
        ("admin.kanal", "accept", "", "Pelapor Sulastri Wijayakusuma, 0812-3456-7890"),
        ("lurah.gambir", "forward", PUBLIC[0], INTERNAL[0]),
        ("dinas.binamarga", "assign", "", INTERNAL[1]),
        ("sudin.binamarga.jp", "report", PUBLIC[1], INTERNAL[2]),
        ("verifikator", "approve", PUBLIC[2], INTERNAL[3]),
    ]
    for username, action, public, internal in steps:
        answer = signed_in(username).post(
            f"/console/c/{ticket}/act",
            {"action": action, "public_note": public, "internal_note": internal},
        )
        assert answer.status_code == 303, answer.text
    console_page = signed_in("admin.crm").get(f"/console/c/{ticket}").text
    assert all(note in console_page for note in INTERNAL)  # the staff read them

    page = client.get(f"/T/{ticket}/{token}").text
    as_json = client.get(f"/T/{ticket}/{token}.json").text
    updates = client.get(
        "/open311/v2/servicerequestupdates.json",
        params={"service_request_id": ticket, "start_date": "2026-11-01T00:00:00Z"},
    ).text
    feed = client.get("/api/v1/sync/changes?cursor=0&limit=100", headers=auth(desk)).text
    for name, published in (
        ("tracking page", page),
        ("tracking JSON", as_json),
        ("Open311", updates),
        ("changes feed", feed),
    ):
        for note in INTERNAL:
            assert note not in published, f"an internal note reached the {name}"
        assert_no_personal_data(published)
        for note in PUBLIC:
            assert note in published, f"the public note {note!r} is missing from the {name}"
