"""A citizen's rights request covers the channels' triage drafts (SQLite and
PostgreSQL): an SMS from their phone still waiting in the triage and a dismissed
e-mail from the address of their JAKI complaint are in the export and forgotten by
a removal, as retention forgets them; another person's drafts stay; a household
member's draft from a shared phone is neither shown nor removed; the audit names
the draft ids and fields, never what they hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from crm_server.core import rights
from crm_server.core.auth import hash_secret
from crm_server.core.crm import Crm
from crm_server.core.mail import triage as mail_triage
from crm_server.core.mail.mailbox import poll
from crm_server.core.sms import inbound
from crm_server.db.channel_models import MailDraft, SmsDraft
from crm_server.db.models import ApiKey, AuditEntry
from crm_server.db.sms_models import SmsInbound
from tests.crm_server.conftest import FakeClock, assert_no_personal_data, complaint_item
from tests.crm_server.mail.test_mailbox import FakeImap, mail

Push = Callable[..., dict[str, Any]]
HER_SMS = "Lampu jalan di gang Kenari Rahasia mati, tolong Bu Sulastri."
HER_MAIL = "Banjir di gang Kenari Rahasia setiap hujan (Sulastri)."
OTHER_PHONE, OTHER_SMS = "+6285700002222", "Pohon tumbang di Jl. Melati."
OTHER_MAIL = "Sampah menumpuk di Jl. Kebon Sirih sejak Senin."


def jaki_complaint(client: TestClient, crm: Crm, **form: str) -> str:
    """A complaint through Open311 (JAKI), which passes on the user's e-mail."""
    with crm.sessions() as session, session.begin():
        session.add(ApiKey(key_hash=hash_secret("k1"), name="jaki", created_at=crm.now()))
    answer = client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": "k1",
            "service_code": "POHON.TUMBANG",
            "address_id": "31.71.01.1001",
            "description": "Pohon besar miring ke jalan setelah hujan deras.",
            **form,
        },
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()[0]["service_request_id"])


def her_drafts(push: Push, client: TestClient, crm: Crm) -> str:
    """Sulastri's desk complaint, and her JAKI complaint from the same phone with her
    e-mail (a desk records none; a record with her phone and no NIK is hers); an SMS
    from her phone waiting in the triage, her e-mail dismissed; another person's SMS
    and e-mail. The desk complaint's ticket."""
    item = complaint_item()
    push(item)
    jaki_complaint(
        client, crm, first_name="Sulastri", phone="081234567890", email="Sulastri.W@Example.id"
    )
    inbound.receive(crm, "GW-1", "0812-3456-7890", HER_SMS)  # her number, written locally
    inbound.receive(crm, "GW-2", OTHER_PHONE, OTHER_SMS)
    poll(
        crm,
        lambda _: FakeImap(
            {
                201: mail(201, "sulastri.w@example.id", "Banjir", HER_MAIL),
                202: mail(202, "budi@example.id", "Sampah", OTHER_MAIL),
            }
        ),
    )
    hers = next(d for d in mail_triage.drafts(crm) if d.sender == "sulastri.w@example.id")
    mail_triage.dismiss(crm, hers.id, 1, "not_a_complaint")
    return str(item["ticket_code"])


def sms_drafts(crm: Crm) -> dict[str, SmsDraft]:
    with crm.sessions() as s:
        return {d.inbound_ref: d for d in s.scalars(select(SmsDraft))}


def mail_drafts(crm: Crm) -> dict[int, MailDraft]:
    with crm.sessions() as s:
        return {d.uid: d for d in s.scalars(select(MailDraft))}


def audit_entry(crm: Crm, action: str) -> AuditEntry:
    with crm.sessions() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.action == action)).one()


def test_see_shows_her_drafts_and_not_anothers(push: Push, client: TestClient, crm: Crm) -> None:
    ticket = her_drafts(push, client, crm)
    request = rights.record_request(crm, "admin.crm", ticket, "3171014506780003", "see")
    assert [(c, s) for c, _, s in rights.drafts(crm, request)] == [
        ("SMS", "draft"),
        ("EMAIL", "dismissed"),
    ]
    document = rights.export(crm, "admin.crm", request)
    sms, email = document["triage_drafts"]
    assert (sms["channel"], sms["state"], sms["from"], sms["text"]) == (
        "SMS", "draft", "+6281234567890", HER_SMS,
    )  # fmt: skip
    assert (email["channel"], email["state"], email["from"], email["text"]) == (
        "EMAIL", "dismissed", "sulastri.w@example.id", HER_MAIL,
    )  # fmt: skip
    text = json.dumps(document)
    for other in (OTHER_PHONE, OTHER_SMS, OTHER_MAIL, "budi@example.id"):
        assert other not in text
    entry = audit_entry(crm, "rights.exported")
    her_sms = next(d.id for d in sms_drafts(crm).values() if d.message["text"] == HER_SMS)
    assert entry.detail["drafts"] == {"sms": [her_sms], "email": [mail_drafts(crm)[201].id]}
    audit_text = json.dumps([entry.subject, entry.reason, entry.detail])
    assert_no_personal_data(audit_text)
    assert "sulastri.w" not in audit_text.lower()


def test_remove_forgets_her_drafts_as_retention_does(
    push: Push, client: TestClient, crm: Crm, clock: FakeClock
) -> None:
    ticket = her_drafts(push, client, crm)
    hers_sms = next(d for d in sms_drafts(crm).values() if d.message["text"] == HER_SMS)
    request = rights.record_request(crm, "admin.crm", ticket, "081234567890", "remove")
    rights.remove(crm, "admin.crm", request)
    sms_after = {d.id: d for d in sms_drafts(crm).values()}
    gone = sms_after[hers_sms.id]
    assert gone.message == {"anonymised": True} and gone.phone_hash == ""
    assert gone.forgotten_at == clock.now and gone.state == "draft"
    gone_mail, budi = mail_drafts(crm)[201], mail_drafts(crm)[202]
    assert (gone_mail.sender, gone_mail.subject, gone_mail.body, gone_mail.message_id) == (
        "", "", "", "",
    )  # fmt: skip
    assert gone_mail.sender_hash == "" and gone_mail.forgotten_at == clock.now
    assert gone_mail.state == "dismissed" and gone_mail.reason == "not_a_complaint"
    # Another person's drafts are untouched.
    (other,) = [d for d in sms_after.values() if d.id != hers_sms.id]
    assert other.message == {"phone": OTHER_PHONE, "text": OTHER_SMS}
    assert other.forgotten_at is None and other.phone_hash
    assert (budi.sender, budi.body, budi.forgotten_at) == ("budi@example.id", OTHER_MAIL, None)
    assert budi.sender_hash == crm.data_keys.lookup_hash("email", "budi@example.id")
    # Her SMS's inbound row lost her number with her complaints (no one else holds it).
    with crm.sessions() as s:
        numbers = {row.phone for row in s.scalars(select(SmsInbound))}
    assert numbers == {"", OTHER_PHONE}
    entry = audit_entry(crm, "rights.removed")
    assert entry.detail["drafts"] == {"sms": [hers_sms.id], "email": [gone_mail.id]}
    assert "body" in entry.detail["draft_fields"]["email"]
    assert "message" in entry.detail["draft_fields"]["sms"]
    audit_text = json.dumps([entry.subject, entry.reason, entry.detail])
    assert_no_personal_data(audit_text)
    assert rights.drafts(crm, request) == []  # nothing of hers is left to find


def test_a_shared_phones_draft_is_neither_shown_nor_removed(
    push: Push, client: TestClient, crm: Crm
) -> None:
    """Her husband (another NIK) gave the same phone on his complaint: whose the SMS
    from it was cannot be told, so her request leaves it to be answered by hand."""
    ticket = her_drafts(push, client, crm)
    his = complaint_item()
    his["complainant"].update(nik="3171010101700001", name="Suami")
    push(his)
    request = rights.record_request(crm, "admin.crm", ticket, "3171014506780003", "remove")
    assert [c for c, _, _ in rights.drafts(crm, request)] == ["EMAIL"]
    rights.remove(crm, "admin.crm", request)
    kept = next(d for d in sms_drafts(crm).values() if d.message.get("text") == HER_SMS)
    assert kept.forgotten_at is None
    assert mail_drafts(crm)[201].forgotten_at is not None
