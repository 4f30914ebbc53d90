"""Administrasi › Hak warga over every complaint of a person (issue 18), through the
console on the real application (SQLite and PostgreSQL): a request made with one
ticket code finds the person's other complaints, of other channels too, and those
where they are a co-reporter (by the keyed NIK and phone hashes), but not a
household member's who shares the phone; the page lists them; the export holds
them all and the SMS to the number; a correction and a removal change them all;
the request keeps only the keyed hash of what the citizen gave."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.core.rights import requests
from crm_server.core.sms import planner
from crm_server.db.models import Complaint, CoReporter
from crm_server.db.rights_models import RightsRequest
from crm_server.db.sms_models import SmsMessage
from tests.crm_server.conftest import assert_no_personal_data, complaint_item
from tests.crm_server.console.conftest import Console
from tests.crm_server.sync_api.test_co_reporters import REPORTER, reporter_event

Push = Callable[..., dict[str, Any]]
NIK, PHONE = "3171014506780003", "+6281234567890"  # Sulastri's, as in complaint_item


def person_of(crm: Crm, ticket: str) -> list[dict[str, Any]]:
    """The complainant and co-reporters recorded on ``ticket``."""
    with crm.sessions() as s:
        c = s.scalars(select(Complaint).where(Complaint.ticket_code == ticket)).one()
        co = s.scalars(select(CoReporter.reporter).where(CoReporter.complaint_pk == c.pk)).all()
        return [c.complainant, *co]


def found_by_phone(crm: Crm, phone: str) -> set[str]:
    hashes = crm.data_keys.lookup_hashes("phone", phone)
    with crm.sessions() as s:
        first = s.scalars(
            select(Complaint.ticket_code).where(Complaint.complainant_phone_hash.in_(hashes))
        ).all()
        co = s.scalars(
            select(Complaint.ticket_code)
            .join(CoReporter, CoReporter.complaint_pk == Complaint.pk)
            .where(CoReporter.phone_hash.in_(hashes))
        ).all()
    return {*first, *co}


def test_a_request_covers_every_complaint_of_the_person(
    push: Push, crm: Crm, signed_in: Callable[[str], Console]
) -> None:
    first = complaint_item()
    first["complainant"]["sms_consent"] = True
    later = complaint_item(channel="TWITTER")
    later["complainant"]["phone"] = ""  # recorded by NIK only
    # Someone else's complaint, where Sulastri joined as a co-reporter (phone only).
    other = complaint_item()
    other["complainant"] = {**REPORTER}
    joined = reporter_event(
        other,
        reporter={**REPORTER, "name": "Sulastri W.", "phone": PHONE, "nik": "", "address": ""},
    )
    # Her sister, on the household's phone, with her own NIK: another person.
    sister = complaint_item()
    sister["complainant"] = {**first["complainant"], "name": "Dewi", "nik": "3171015506800001"}
    stranger = complaint_item()
    stranger["complainant"] = {**REPORTER, "nik": "3171020101900001", "phone": "+6285700001111"}
    results = push(first, later, other, joined, sister, stranger)["results"]
    assert {r["outcome"] for r in results} == {"accepted"}, [r["error"] for r in results]
    planner.plan_events(crm)  # the receipt SMS to the number that asked for news
    hers = {first["ticket_code"], later["ticket_code"], other["ticket_code"]}

    admin = signed_in("admin.crm")
    made = admin.post(
        "/console/admin/rights",
        {"ticket_code": later["ticket_code"], "identifier": NIK, "kind": "see"},
    )
    assert made.status_code == 303  # type: ignore[attr-defined]
    [row] = requests(crm)
    with crm.sessions() as s:
        kept = s.get(RightsRequest, row.id)
        assert kept is not None
        assert kept.identifier_hash == crm.data_keys.lookup_hash("nik", NIK)
        assert kept.identifier_hash != hashlib.sha256(NIK.encode()).hexdigest()

    page = admin.get(f"/console/admin/rights/{row.id}").text  # type: ignore[attr-defined]
    assert all(code in page for code in hers)
    assert sister["ticket_code"] not in page and stranger["ticket_code"] not in page
    assert "semua aduan" in page
    assert_no_personal_data(page)

    file = admin.post(f"/console/admin/rights/{row.id}/export")
    document = json.loads(file.content)  # type: ignore[attr-defined]
    listed = {c["complaint"]["ticket_code"]: c for c in document["complaints"]}
    assert set(listed) == hers
    assert document["complaints"][0]["complaint"]["ticket_code"] == later["ticket_code"]
    assert listed[other["ticket_code"]]["you_are"] == "pelapor tambahan"
    assert listed[other["ticket_code"]]["your_data"]["name"] == "Sulastri W."
    assert listed[first["ticket_code"]]["your_data"]["nik"] == NIK
    text = json.dumps(document)
    assert "Dewi" not in text and "Bambang" not in text  # nobody else's data
    # The SMS about her complaints, not the one about her sister's to the shared phone.
    assert [m["text"].split()[1] for m in document["sms"]] == [first["ticket_code"]]

    fixed = admin.post(f"/console/admin/rights/{row.id}/correct", {"phone": "0813 9999 0000"})
    assert fixed.status_code == 303  # type: ignore[attr-defined]
    for ticket in hers:
        assert person_of(crm, ticket)[-1 if ticket == other["ticket_code"] else 0]["phone"] == (
            "+6281399990000"
        )
    assert found_by_phone(crm, "+6281399990000") == hers  # the hashes follow
    assert found_by_phone(crm, PHONE) == {sister["ticket_code"]}  # hers no longer

    gone = admin.post(f"/console/admin/rights/{row.id}/remove")
    assert gone.status_code == 303  # type: ignore[attr-defined]
    for ticket in hers:
        for person in person_of(crm, ticket):
            if person.get("removed_at"):
                assert not any(person.get(k) for k in ("name", "nik", "phone", "address"))
    assert person_of(crm, first["ticket_code"])[0]["name"] == ""
    assert person_of(crm, other["ticket_code"])[0]["name"] == "Bambang Sutrisno"  # not hers
    assert person_of(crm, sister["ticket_code"])[0]["name"] == "Dewi"
    assert found_by_phone(crm, "+6281399990000") == set()
    with crm.sessions() as s:
        sms = {
            code: m.phone
            for m, code in s.execute(
                select(SmsMessage, Complaint.ticket_code).join(
                    Complaint, Complaint.pk == SmsMessage.complaint_pk
                )
            )
        }
    # Her number left her messages; her sister's news still reaches the shared phone.
    assert sms == {first["ticket_code"]: "", sister["ticket_code"]: PHONE}
    audit = admin.get("/console/admin/audit").text  # type: ignore[attr-defined]
    assert "rights.removed" in audit
    assert_no_personal_data(audit)
