"""The second citizen of the same problem, from the desk's counter to the real CRM
over loopback: both citizens get a receipt with their own masked name, both are found
on the desk by their phone numbers, and after sync the CRM's staff and the public
tracking page count two reporters, the page without anything personal of either."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable

import pypdfium2 as pdfium
import requests
from sqlalchemy import select

from crm_server.db.models import CoReporter
from desk_app.services.intake import IntakeForm
from desk_app.services.root import build_services
from desk_app.sync.batches import read_batch
from tests.sync.conftest import KELURAHAN, OFFICER, DeskRig
from tests.sync.crm import CrmProcess

FIRST = IntakeForm(
    name="Siti Aminah",
    nik="3171011708450001",
    phone="0812-3456-7890",
    address="Jl. Kenari II no. 14",
    consent=True,
    kelurahan_code=KELURAHAN,
    category_code="JALAN.RUSAK",
    description="Jalan berlubang besar di depan pasar, motor sering terperosok.",
)
SECOND = dataclasses.replace(
    FIRST,
    name="Bambang Sutrisno",
    nik="3171021505700003",
    phone="0813-1111-2222",
    address="Gang Melati 7",
    description="Lubang di depan pasar makin lebar sejak hujan minggu lalu.",
)


def receipt_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    document.close()
    return " ".join(text.split())


def personal_values(form: IntakeForm) -> list[str]:
    """Everything personal of a citizen, as typed, stored and masked."""
    digits = re.sub(r"\D", "", form.phone)
    return [
        form.name,
        *form.name.split(),
        form.nik,
        form.phone,
        digits,
        "+62" + digits[1:],
        digits[-8:],
        form.address,
        "Sit*",
        "Bam*",
    ]


def test_a_co_reporter_reaches_the_crm_which_counts_two_reporters(
    make_desk: Callable[..., DeskRig], crm_server: CrmProcess
):
    rig = make_desk()
    services = build_services(rig.desk)
    complaint = services.intake.record(OFFICER, FIRST).complaint
    event = services.intake.add_co_reporter(
        OFFICER, str(complaint.id), SECOND, "Motor saya jatuh di lubang itu."
    )

    # Each citizen's receipt names them (masked), on the same ticket and link.
    first = services.receipts.prepare_new(OFFICER, complaint)
    second = services.receipts.prepare_added(OFFICER, str(complaint.id), event)
    first_text, second_text = receipt_text(first.document.pdf), receipt_text(second.document.pdf)
    assert "Pelapor Sit* Ami***" in first_text and "Bam*" not in first_text
    assert "Pelapor Bam**** Sut*****" in second_text and "Sit*" not in second_text
    assert "sudah pernah diadukan" in second_text
    assert first.document.qr_payload == second.document.qr_payload

    # Both are found on the desk by their phone numbers.
    for phone in ("0812 3456 7890", "081311112222"):
        assert [s.id for s in services.lookup.search(OFFICER, phone).items] == [str(complaint.id)]

    batch = read_batch(rig.desk.database, 100)
    assert batch is not None
    rig.converge()

    # The push is idempotent by the co-reporter's own id: sent again, stored once.
    again = rig.client.push(list(batch.payloads.values()), str(uuid.uuid4()))
    assert {r["outcome"] for r in again} == {"already_had"}
    with crm_server.crm.sessions() as s:
        stored = s.scalars(select(CoReporter)).all()
    assert [(r.event_id, r.reporter["phone"]) for r in stored] == [(event.id, "+6281311112222")]
    assert stored[0].reporter["consent_given_at"]

    # The CRM's staff see two reporters, in the detail and in the list.
    token = crm_server.crm.create_user("admin", "Admin Kanal", "channel_admin")
    staff = {"Authorization": f"Bearer {token}"}
    url = f"{crm_server.url}/api/v1/workflow/complaints"
    detail = requests.get(f"{url}/{complaint.ticket_code}", headers=staff, timeout=5)
    assert detail.status_code == 200, detail.text
    assert detail.json()["reporter_count"] == 2
    listed = requests.get(url, headers=staff, timeout=5).json()["complaints"]
    assert [c["reporter_count"] for c in listed] == [2]

    # The tracking page counts them too, and shows nothing personal of either.
    page_url = f"{crm_server.url}/T/{complaint.ticket_code}/{complaint.tracking_token}"
    page = requests.get(page_url, timeout=5)
    data = requests.get(page_url + ".json", timeout=5)
    assert page.status_code == data.status_code == 200
    page_text = " ".join(re.sub(r"<[^>]+>", " ", page.text).split())
    assert "Dilaporkan oleh 2 warga" in page_text
    assert data.json()["reporter_count"] == 2
    for value in personal_values(FIRST) + personal_values(SECOND):
        assert value not in page.text, value
        assert value not in data.text, value
