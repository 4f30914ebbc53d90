"""What a staff member cannot learn or do outside what is theirs (holes a review found):
a co-reporter's own wish to stay unknown to the agencies; a step on a complaint of
another unit answered as "not found"; a merge only into an open complaint the user may
see; evidence files not stored for a step the user may not take; the city's SMS
figures for the city's roles only (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.db.models import StoredAttachment
from tests.crm_server.conftest import PNG, complaint_item, event_item
from tests.crm_server.console.conftest import Console
from tests.crm_server.console.test_complaint_page import (
    OTHER_KELURAHAN,
    act,
    add_account,
    done,
    receive,
    status_of,
)

Push = Callable[..., dict[str, Any]]
Staff = dict[str, dict[str, str]]
PRIVATE_REPORTER = {
    "name": "Rahasia Corep",
    "nik": "3171021505700003",
    "phone": "+6281299990000",
    "address": "Jl Privat 9",
    "keep_identity_private": True,
    "consent_given_at": "2026-11-19T09:00:00+07:00",
}


def test_a_co_reporter_who_asked_stays_unknown_to_the_agencies(
    push: Push, signed_in: Callable[[str], Console]
) -> None:
    item = complaint_item()
    push(item, event_item(item, "Saya juga.", kind="reporter_added", reporter=PRIVATE_REPORTER))
    ticket = item["ticket_code"]
    done(signed_in("admin.kanal"), ticket, "accept")
    shown = signed_in("lurah.gambir").post(
        f"/console/c/{ticket}/contact", {"reason": "memastikan lokasi"}
    )
    assert shown.status_code == 200
    assert "Sulastri" in shown.text  # the first reporter did not ask
    for secret in ("Rahasia Corep", "Jl Privat 9", "81299990000"):
        assert secret not in shown.text
    assert "Warga meminta identitasnya dirahasiakan dari instansi." in shown.text
    admin = signed_in("admin.crm").post(f"/console/c/{ticket}/contact", {"reason": "permintaan"})
    assert "Rahasia Corep" in admin.text


def test_a_step_on_another_units_complaint_is_not_found(
    crm: Crm, push: Push, client: TestClient
) -> None:
    ticket = receive(push)  # in Gambir
    token = crm.create_user("lurah.cideng", "Staf Kelurahan Cideng", "kelurahan", OTHER_KELURAHAN)
    cideng = {"Authorization": f"Bearer {token}"}
    url = "/api/v1/workflow/complaints/{}/actions"
    body = {"action": "handle"}
    missing = client.post(url.format("PBK1-261118-9999-X"), json=body, headers=cideng)
    answer = client.post(url.format(ticket), json=body, headers=cideng)
    assert answer.status_code == missing.status_code == 404
    assert answer.json() == missing.json()
    assert status_of(crm, ticket) == "received"


def test_a_merge_goes_only_into_an_open_complaint_the_user_may_see(
    crm: Crm, push: Push, signed_in: Callable[[str], Console], password_hash: str
) -> None:
    ticket = receive(push)
    other_channel = receive(push, channel="JAKI")
    closed = receive(push)
    admin = signed_in("admin.kanal")
    done(admin, closed, "reject", reason="Bukan kewenangan Pemprov.")
    add_account(crm, password_hash, "admin.pendopo", "channel_admin", "PENDOPO")
    words = []
    for target in ("PBK1-261118-9999-X", closed):
        answer = act(admin, ticket, "merge", target_ticket_other=target)
        assert answer.status_code == 422
        words.append(answer.text.count("masih terbuka dan dapat Anda lihat"))
    assert words == [1, 1]
    assert status_of(crm, ticket) == "received"
    # The admin of one channel cannot merge into another channel's complaint.
    pendopo = signed_in("admin.pendopo")
    refused = act(pendopo, ticket, "merge", target_ticket_other=other_channel)
    assert refused.status_code == 422 and "masih terbuka dan dapat Anda lihat" in refused.text
    assert done(admin, ticket, "merge", target_ticket_other=other_channel)


def test_evidence_is_not_stored_for_a_step_the_user_may_not_take(
    crm: Crm, push: Push, signed_in: Callable[[str], Console]
) -> None:
    ticket = receive(push)
    done(signed_in("admin.kanal"), ticket, "accept")
    photo = [("evidence", ("bukti.png", PNG, "image/png"))]
    answer = act(signed_in("koordinator"), ticket, "report", public_note="Beres.", files=photo)
    assert answer.status_code in (403, 422)
    with crm.sessions() as session:
        assert session.scalar(select(func.count()).select_from(StoredAttachment)) == 0


def test_the_citys_sms_figures_are_for_the_citys_roles(client: TestClient, staff: Staff) -> None:
    url = "/api/v1/workflow/sms/totals"
    assert client.get(url, headers=staff["lurah.gambir"]).status_code == 403
    assert client.get(url, headers=staff["dinas.binamarga"]).status_code == 403
    assert client.get(url, headers=staff["koordinator"]).status_code == 200
