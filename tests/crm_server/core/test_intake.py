"""One way in: a complaint from the desk push and one from Open311 ``POST requests``
are received by the same function (``core.intake.receive``), so what the CRM adds to
them (state, due date, handling unit, the "received" event) is the same."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from crm_server.core.auth import add_api_key
from crm_server.core.crm import Crm
from crm_server.core.intake import received_event_id
from crm_server.db.models import Complaint, Event
from tests.crm_server.conftest import KELURAHAN, complaint_item

_OWN = ("status", "due_date", "received_at", "status_since", "last_public_update_at", "kota_code")


def _stored(crm: Crm, ticket: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with crm.sessions() as session:
        c = session.scalars(select(Complaint).where(Complaint.ticket_code == ticket)).one()
        events = session.scalars(select(Event).where(Event.complaint_pk == c.pk)).all()
        row = {name: getattr(c, name) for name in (*_OWN, "id", "unit_name", "desk_id")}
        return row, [
            {
                "id": e.id,
                "status": e.status,
                "actor": e.actor,
                "note": e.note,
                "public": e.public,
                "at": e.at,
            }
            for e in events
        ]


def test_desk_push_and_open311_are_received_alike(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    item = complaint_item(channel="JAKI")
    pushed = client.post(
        "/api/v1/sync/complaints",
        json={"items": [item]},
        headers={"Authorization": desk["Authorization"]},
    ).json()
    assert pushed["results"][0]["outcome"] == "accepted"
    add_api_key(crm, "test", "k-intake")
    form = {
        "api_key": "k-intake",
        "service_code": "JALAN.RUSAK",
        "address_id": KELURAHAN,
        "description": "Jalan berlubang di depan pasar, sudah dua bulan.",
        "channel": "JAKI",
    }
    created = client.post("/open311/v2/requests.json", data=form).json()
    ticket = created[0]["service_request_id"]
    assert ticket.startswith("WEB-")

    desk_row, desk_events = _stored(crm, item["ticket_code"])
    web_row, web_events = _stored(crm, ticket)
    assert {k: desk_row[k] for k in _OWN} == {k: web_row[k] for k in _OWN}
    assert desk_row["unit_name"] == web_row["unit_name"] == "Admin kanal Aplikasi JAKI"
    assert desk_row["desk_id"] is not None and web_row["desk_id"] is None
    assert desk_row["id"] == uuid.UUID(item["id"])
    for row, events in ((desk_row, desk_events), (web_row, web_events)):
        (received,) = events
        assert received["id"] == received_event_id(row["id"])
        assert received["status"] == "received" and received["public"]
        assert (received["actor"], received["note"]) == ("CRM", "Aduan diterima CRM.")
