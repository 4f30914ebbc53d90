"""A complaint merged into another as its duplicate: its citizen (and its co-reporters)
become co-reporters of the one that is handled, each once, so that they hear of it from
then on (issue 22: "merging keeps every reporter"; SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.db.models import Complaint, CoReporter
from tests.crm_server.conftest import complaint_item

Push = Callable[..., dict[str, Any]]
SECOND = {
    "name": "Bambang Sutrisno",
    "nik": "3171021505700003",
    "phone": "+6281311112222",
    "address": "Gang Melati 7",
    "keep_identity_private": False,
    "consent_given_at": "2026-11-18T08:30:00+07:00",
}


def merge(client: TestClient, staff: dict[str, dict[str, str]], ticket: str, into: str) -> Any:
    return client.post(
        f"/api/v1/workflow/complaints/{ticket}/actions",
        json={"action": "merge", "target_ticket": into},
        headers=staff["admin.kanal"],
    )


def co_reporters(crm: Crm, ticket: str) -> list[str]:
    with crm.sessions() as session:
        pk = session.scalar(select(Complaint.pk).where(Complaint.ticket_code == ticket))
        rows = session.scalars(select(CoReporter).where(CoReporter.complaint_pk == pk))
        return sorted(str(r.reporter.get("name")) for r in rows)


def test_a_duplicates_citizens_become_co_reporters_of_the_one_handled(
    crm: Crm, push: Push, client: TestClient, staff: dict[str, dict[str, str]]
) -> None:
    first, second, again = complaint_item(), complaint_item(), complaint_item()
    second["complainant"] = SECOND
    push(first, second, again)
    answer = merge(client, staff, second["ticket_code"], first["ticket_code"])
    assert answer.status_code == 200, answer.text
    assert co_reporters(crm, first["ticket_code"]) == ["Bambang Sutrisno"]
    # The same citizen as the first one's (same NIK and phone) is not added twice.
    assert merge(client, staff, again["ticket_code"], first["ticket_code"]).status_code == 200
    assert co_reporters(crm, first["ticket_code"]) == ["Bambang Sutrisno"]
    detail = client.get(
        f"/api/v1/workflow/complaints/{first['ticket_code']}", headers=staff["koordinator"]
    ).json()
    assert detail["reporter_count"] == 2
    assert "Bambang" not in str(detail)  # counted, never shown in the history
