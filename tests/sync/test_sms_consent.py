"""The SMS consent, from the desk's form to the real CRM over loopback: a separate
tick, off unless given, only with a phone number, for the first citizen and each
co-reporter; the CRM stores it beside the rest of the citizen's consent."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sqlalchemy import select

from crm_server.db.models import Complaint, CoReporter
from desk_app.services.intake import IntakeForm
from desk_app.services.root import build_services
from tests.sync.conftest import KELURAHAN, OFFICER, DeskRig
from tests.sync.crm import CrmProcess

FIRST = IntakeForm(
    name="Siti Aminah",
    phone="0812-3456-7890",
    consent=True,
    sms_consent=True,
    kelurahan_code=KELURAHAN,
    category_code="JALAN.RUSAK",
    description="Jalan berlubang besar di depan pasar, motor sering terperosok.",
)
NO_TICK = dataclasses.replace(
    FIRST,
    name="Bambang Sutrisno",
    phone="0813-1111-2222",
    sms_consent=False,
    description="Lubang di depan pasar makin lebar sejak hujan minggu lalu.",
)
NO_PHONE = dataclasses.replace(
    FIRST, name="Rahmat Hidayat", phone="", description="Saluran air di depan pasar mampet."
)


def test_the_sms_consent_travels_to_the_crm_and_needs_a_phone(
    make_desk: Callable[..., DeskRig], crm_server: CrmProcess
):
    rig = make_desk()
    services = build_services(rig.desk)
    ticked = services.intake.record(OFFICER, FIRST).complaint
    without_phone = services.intake.record(OFFICER, NO_PHONE).complaint
    co = services.intake.add_co_reporter(OFFICER, str(ticked.id), NO_TICK, "")
    co_ticked = services.intake.add_co_reporter(
        OFFICER,
        str(ticked.id),
        dataclasses.replace(NO_TICK, name="Dewi Lestari", phone="0813-5555-6666", sms_consent=True),
        "",
    )
    assert ticked.complainant.sms_consent is True
    assert without_phone.complainant.sms_consent is False  # a tick without a phone is void
    # Read back from the desk's store (the detail view shows it).
    stored = services.lookup.detail(OFFICER, str(ticked.id))
    assert stored is not None
    assert stored.complainant.sms_consent is True
    assert {r.phone: r.sms_consent for r in stored.co_reporters} == {
        "+6281311112222": False,
        "+6281355556666": True,
    }
    assert co.id != co_ticked.id

    rig.converge()
    with crm_server.crm.sessions() as s:
        complaints = {c.ticket_code: c.complainant for c in s.scalars(select(Complaint))}
        reporters = {r.reporter["phone"]: r.reporter for r in s.scalars(select(CoReporter))}
    assert complaints[ticked.ticket_code]["sms_consent"] is True
    assert complaints[without_phone.ticket_code]["sms_consent"] is False
    assert reporters["+6281311112222"]["sms_consent"] is False
    assert reporters["+6281355556666"]["sms_consent"] is True
