"""The CRM's personal columns encrypted at rest (issue 18), through the public
surface on SQLite and PostgreSQL: after a push (the bulk insert path) and a console
contact view, the raw columns hold no NIK, phone, name or address; the console still
shows the contact to who may see it; the keyed hashes find a person's complaints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select, text

from crm_server.core.crm import Crm
from crm_server.core.people import complaint_of_person
from crm_server.db import crypto
from crm_server.db.models import Complaint, CoReporter
from tests.crm_server.conftest import complaint_item
from tests.crm_server.console.conftest import Console
from tests.crm_server.sync_api.test_co_reporters import REPORTER, reporter_event

SECRETS = (
    "Sulastri",
    "Wijayakusuma",
    "3171014506780003",
    "81234567890",
    "Kenari Rahasia No. 17",
    "Bambang",
    "3171021505700003",
    "81311112222",
    "Melati",
)


def raw_personal_columns(crm: Crm) -> str:
    """Every personal column as the database holds it (plain SQL: no column type)."""
    with crm.engine.connect() as conn:
        rows = conn.execute(text("SELECT complainant FROM complaints")).all()
        rows += conn.execute(text("SELECT reporter FROM co_reporters")).all()
    assert rows
    return "\n".join(str(value) for (value,) in rows)


def assert_encrypted(crm: Crm) -> None:
    raw = raw_personal_columns(crm)
    for secret in SECRETS:
        assert secret not in raw, f"{secret!r} in clear in the database"
    for line in raw.splitlines():
        assert line.strip('"').startswith(f"enc1:{crm.data_keys.current_id}:")


def test_pushed_and_viewed_personal_data_is_encrypted_but_shown_to_staff(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    item = complaint_item()
    assert [r["outcome"] for r in push(item, reporter_event(item))["results"]] == [
        "accepted",
        "accepted",
    ]
    assert_encrypted(crm)
    ticket = str(item["ticket_code"])
    admin = signed_in("admin.kanal")
    shown = admin.post(f"/console/c/{ticket}/contact", {"reason": "Menanyakan lokasi persis"})
    assert shown.status_code == 200
    assert "Sulastri Wijayakusuma" in shown.text and "+6281234567890" in shown.text
    assert "Bambang Sutrisno" in shown.text
    assert_encrypted(crm)


def test_the_keyed_hashes_find_a_person_without_the_clear_value(
    crm: Crm, push: Callable[..., dict[str, Any]]
) -> None:
    item = complaint_item()
    push(item, reporter_event(item))
    keys = crm.data_keys
    with crm.sessions() as s:
        by_nik = s.scalars(
            select(Complaint.ticket_code).where(
                Complaint.complainant_nik_hash.in_(keys.lookup_hashes("nik", "3171014506780003"))
            )
        ).all()
        # the phone as a person writes it finds the number as the desk stored it
        phone = crypto.normal_phone("0812-3456-7890")
        by_phone = s.scalars(
            select(Complaint.ticket_code).where(
                Complaint.complainant_phone_hash.in_(keys.lookup_hashes("phone", phone))
            )
        ).all()
        reporter = s.scalars(
            select(CoReporter.complaint_pk).where(
                CoReporter.nik_hash == keys.lookup_hash("nik", REPORTER["nik"])
            )
        ).all()
        assert s.scalar(select(Complaint.complainant_nik_hash)) not in ("", "3171014506780003")
    assert by_nik == [item["ticket_code"]] == by_phone
    assert len(reporter) == 1


def test_a_key_is_generated_once_into_the_data_folder(crm: Crm) -> None:
    path = crm.settings.data_dir / crypto.KEY_FILE_NAME
    assert path.stat().st_mode & 0o777 == 0o600
    again = crypto.load("", "", crm.settings.data_dir)
    assert again.current_id == crm.data_keys.current_id


def test_a_citizen_is_found_by_ticket_and_nik_or_phone_only(
    crm: Crm, push: Callable[..., dict[str, Any]]
) -> None:
    item, other = complaint_item(), complaint_item()
    push(item, reporter_event(item), other)
    ticket = str(item["ticket_code"])
    assert complaint_of_person(crm, ticket.lower(), nik="3171 0145 0678 0003") == ticket
    assert complaint_of_person(crm, ticket, phone="0812-3456-7890") == ticket
    assert complaint_of_person(crm, ticket, phone=REPORTER["phone"]) == ticket  # co-reporter
    assert complaint_of_person(crm, ticket, nik="3171014506780004") is None
    assert complaint_of_person(crm, str(other["ticket_code"]), nik=REPORTER["nik"]) is None
    assert complaint_of_person(crm, "PBK1-000000-0000-X", nik="3171014506780003") is None
    assert complaint_of_person(crm, ticket) is None
