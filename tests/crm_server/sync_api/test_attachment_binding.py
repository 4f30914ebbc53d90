"""A desk names in its complaints and events only the files it uploaded itself (SQLite
and PostgreSQL): knowing the SHA-256 of a file another desk uploaded (a scan of
someone's identity card) is no right to attach it. The same bytes uploaded by the
second desk are stored once and may then be named by both. Migration 0018 gives the
files stored before it to the desk that uploaded them."""

from __future__ import annotations

from typing import Any

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from crm_server.core.crm import Crm
from crm_server.db.engine import alembic_config, migrate
from crm_server.db.models import AttachmentUpload, Desk
from tests.crm_server.conftest import auth, complaint_item, event_item, sha

SCAN = b"%PDF-1.4 KTP Sulastri Wijayakusuma 3171014506780003 " + b"0" * 200


def _enrolled(crm: Crm, client: TestClient, code: str) -> dict[str, str]:
    answer = client.post("/api/v1/enrol", json={"enrolment_code": crm.create_enrolment(code, code)})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def _push(client: TestClient, desk: dict[str, str], *items: dict[str, Any]) -> list[Any]:
    answer = client.post("/api/v1/sync/complaints", json={"items": list(items)}, headers=desk)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["results"])


def _upload(client: TestClient, desk: dict[str, str], data: bytes) -> int:
    headers = {**desk, "Content-Type": "application/pdf"}
    return client.put(f"/api/v1/attachments/{sha(data)}", content=data, headers=headers).status_code


def _with_scan(desk: str, **more: Any) -> dict[str, Any]:
    ref = {"sha256": sha(SCAN), "size": len(SCAN), "media_type": "application/pdf"}
    return complaint_item(desk, attachments=[ref], **more)


def test_a_desk_names_only_the_files_it_uploaded(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    first, other = auth(desk), _enrolled(crm, client, "KMG2")
    assert _upload(client, first, SCAN) == 201
    [mine] = _push(client, first, _with_scan("PBK1"))
    assert mine["outcome"] == "accepted"

    [theirs] = _push(client, other, _with_scan("KMG2"))
    assert theirs["outcome"] == "rejected"
    assert theirs["error"] == {
        "code": "attachment_missing",
        "message": "Upload the attachment before the complaint.",
        "field": "attachments.0.sha256",
    }
    # an event naming it is refused the same way
    own = complaint_item("KMG2")
    assert _push(client, other, own)[0]["outcome"] == "accepted"
    event = event_item(own, "Warga membawa fotokopi KTP.")
    event["attachments"] = _with_scan("KMG2")["attachments"]
    [refused] = _push(client, other, event)
    assert refused["error"]["code"] == "attachment_missing"

    # the same bytes uploaded by the second desk: stored once, named by both now
    assert _upload(client, other, SCAN) == 200
    assert _push(client, other, event)[0]["outcome"] == "accepted"
    assert _push(client, other, _with_scan("KMG2"))[0]["outcome"] == "accepted"
    with crm.sessions() as session:
        holders = session.execute(
            select(Desk.code).join(AttachmentUpload, AttachmentUpload.desk_id == Desk.id)
        ).scalars()
        assert sorted(holders) == ["KMG2", "PBK1"]


def test_migration_0018_gives_stored_files_to_their_uploader(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    assert _upload(client, auth(desk), SCAN) == 201
    url = crm.settings.database_url
    try:
        command.downgrade(alembic_config(url), "0017")
        with crm.engine.connect() as conn:
            tables = {name for (name,) in conn.execute(text(_TABLES[crm.dialect]))}
        assert "attachment_uploads" not in tables
    finally:
        migrate(url)
    with crm.sessions() as session:
        held = session.execute(select(AttachmentUpload.sha256, Desk.code).join(Desk)).all()
    assert [tuple(row) for row in held] == [(sha(SCAN), "PBK1")]
    # the desk that uploaded it before the migration names it after
    assert _push(client, auth(desk), _with_scan("PBK1"))[0]["outcome"] == "accepted"


_TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
}


def test_a_staff_step_names_only_its_complaints_files(
    client: TestClient, desk: dict[str, str], staff: dict[str, dict[str, str]]
) -> None:
    """The workflow API has no upload: a step may show a file of its own complaint
    again, never one of another complaint (the console's evidence form stores its
    files in the same request, and names them)."""
    assert _upload(client, auth(desk), SCAN) == 201
    with_scan, without = _with_scan("PBK1"), complaint_item()
    assert [r["outcome"] for r in _push(client, auth(desk), with_scan, without)] == [
        "accepted",
        "accepted",
    ]

    def accept(item: dict[str, Any]) -> Any:
        return client.post(
            f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
            json={"action": "accept", "note": "Lengkap.", "attachments": with_scan["attachments"]},
            headers=staff["admin.kanal"],
        )

    refused = accept(without)
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["code"] == "attachment_missing"
    assert accept(with_scan).status_code == 200
