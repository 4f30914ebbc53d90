"""The desk sees the other channels (issue 22, item 5), against the real CRM over
loopback: a complaint made through the e-mail channel is found at the desk by the
citizen's phone number written another way, the officer's follow-up lands on it and
the console's complaint page shows it; another channel's ticket code; not found;
the CRM unreachable (the visit waits and goes later); a desk whose token was
revoked; no personal data in the answer or the CRM's log; the lookup audited."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from crm_server.app import create_app
from crm_server.core import audit
from crm_server.core.channel_intake import ChannelReport, record
from crm_server.core.staff_sign_in import hash_password
from crm_server.db.models import Complaint as CrmComplaint
from crm_server.db.models import Desk as CrmDesk
from crm_server.db.models import Event as CrmEvent
from crm_server.db.models import User
from desk_app.services.desk import Desk, open_desk
from desk_app.services.enrolment import TokenStore
from desk_app.services.errors import PermissionDenied, ValidationFailed
from desk_app.services.lookup import MatchedBy
from desk_app.services.root import DeskServices
from desk_app.services.sync_control import SyncControl
from desk_app.store.models import VisitRow
from desk_app.sync.client import CrmClient
from tests.crm_server.console.conftest import csrf_of, new_client, sign_in_with
from tests.sync.conftest import OFFICER, form
from tests.sync.crm import CrmProcess

PHONE = "0812 7777 3131"
NAME = "Bu Kartini Rahayu"
SECRETS = ("7777", "Kartini", "Lampu jalan padam")


def email_complaint(server: CrmProcess, msgid: str = "<a1@mail.example.id>") -> str:
    crm = server.crm
    user = crm.user_for_token(crm.create_user(f"ema{msgid[2:4]}", "Admin Email", "channel_admin"))
    report = ChannelReport(
        channel="EMAIL",
        source=msgid,
        contact=PHONE,
        name=NAME,
        description="Lampu jalan padam di gang kami sejak dua minggu lalu.",
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
    )
    return record(crm, user.id, "Admin Email", report).ticket_code


@pytest.fixture
def counter(tmp_path: Path, crm_server: CrmProcess) -> Iterator[tuple[Desk, DeskServices]]:
    desk = open_desk(tmp_path / "desk")
    desk.settings.desk_code = "PBK1"
    desk.settings.crm_url = crm_server.url
    tokens = TokenStore(desk.data_dir, keyring=None)
    tokens.save(CrmClient(crm_server.url).enrol(crm_server.enrolment_code("PBK1")).token)
    control = SyncControl(desk, token_store=tokens, timeout=(1.0, 5.0))
    control.set_interval(3600)
    yield desk, DeskServices(desk, sync=control)
    control.stop()
    desk.close()


def console_page(server: CrmProcess, ticket: str) -> str:
    """The complaint's page in the staff console, as the CRM's admin reads it."""
    crm = server.crm
    crm.create_user("admin.uji", "Admin Uji", "admin")
    with crm.sessions.begin() as s:
        s.execute(
            update(User)
            .where(User.username == "admin.uji")
            .values(password_hash=hash_password("kata-sandi-uji-1"))
        )
    with new_client(create_app(crm=crm)) as client:
        assert sign_in_with(client, "admin.uji", "kata-sandi-uji-1").status_code == 303  # type: ignore[attr-defined]
        csrf_of(client.get("/console/").text)
        page = client.get(f"/console/c/{ticket}")
        assert page.status_code == 200, page.text
        return page.text


def test_an_email_complaint_is_found_by_phone_and_the_visit_lands_on_it(
    counter: tuple[Desk, DeskServices], crm_server: CrmProcess
) -> None:
    desk, services = counter
    code = email_complaint(crm_server)
    local = services.lookup.search(OFFICER, "+62 812-7777-3131")
    assert local.matched_by is MatchedBy.PHONE and local.items == []
    remote = services.remote_lookup.search(OFFICER, "+62 812-7777-3131")
    assert remote.asked and not remote.problem
    [found] = remote.items
    assert found.ticket_code == code and found.channel == "EMAIL"
    assert found.status == "received" and found.public_label == "Menunggu"
    assert found.due_date is not None and not found.overdue
    assert found.last_note == "Aduan diterima CRM."
    assert all(s not in repr(found) for s in SECRETS)

    services.remote_lookup.record_visit(OFFICER, found, "Warga datang menanyakan perbaikan.")
    assert services.sync.run_once()
    with crm_server.crm.sessions() as s:
        events = s.execute(
            select(CrmEvent.kind, CrmEvent.note, CrmEvent.public, CrmEvent.actor)
            .join(CrmComplaint, CrmComplaint.pk == CrmEvent.complaint_pk)
            .where(CrmComplaint.ticket_code == code)
            .order_by(CrmEvent.seq)
        ).all()
    assert [e.kind for e in events] == ["status", "desk_visit"]
    visit = events[-1]
    assert visit.note == "Warga datang menanyakan perbaikan." and visit.public is False
    assert visit.actor == "Meja PBK1 · Ani Petugas"
    [kept] = services.remote_lookup.visits_of(OFFICER, code)
    assert kept.state == "sent"
    # Sent again (as after an answer lost on the way): still once at the CRM.
    with desk.database.write() as s:
        s.execute(update(VisitRow).values(state="pending"))
    assert services.sync.run_once()
    assert services.remote_lookup.visits_of(OFFICER, code)[0].state == "sent"
    with crm_server.crm.sessions() as s:
        assert s.scalar(select(func.count()).where(CrmEvent.kind == "desk_visit")) == 1
    page = console_page(crm_server, code)
    assert "Warga datang ke meja (tindak lanjut)" in page
    assert "Warga datang menanyakan perbaikan." in page and "Meja PBK1" in page
    # The lookup is audited at the CRM: desk, officer, kind of key; never the key.
    [entry] = audit.entries(crm_server.crm, action="desk.lookup")
    assert entry.detail == {
        "desk": "PBK1",
        "officer": "ani",
        "key": "phone",
        "found": [code],
        "more": False,
    }
    log = crm_server.log.read_text(errors="replace")
    assert all(s not in log for s in SECRETS)


def test_another_channels_ticket_code_and_not_found(
    counter: tuple[Desk, DeskServices], crm_server: CrmProcess
) -> None:
    desk, services = counter
    code = email_complaint(crm_server)
    by_code = services.remote_lookup.search(OFFICER, code.lower())
    assert [c.ticket_code for c in by_code.items] == [code]
    assert services.remote_lookup.search(OFFICER, "0813 0000 0001").items == ()
    # Names and words never go to the CRM.
    assert services.remote_lookup.search(OFFICER, "Kartini").asked is False
    # The desk's own complaint, found locally, is not listed again from the CRM.
    own = desk.intake.record(OFFICER, form(1)).ticket_code
    assert services.sync.run_once()
    by_nik = services.remote_lookup.search(OFFICER, "3171011708450001", known={own})
    assert by_nik.asked and by_nik.items == ()
    assert [c.ticket_code for c in services.remote_lookup.search(OFFICER, own).items] == [own]


def test_offline_the_search_says_so_and_the_visit_goes_later(
    counter: tuple[Desk, DeskServices], crm_server: CrmProcess
) -> None:
    _desk, services = counter
    code = email_complaint(crm_server)
    [found] = services.remote_lookup.search(OFFICER, PHONE).items
    port = crm_server.port
    crm_server.stop()
    offline = services.remote_lookup.search(OFFICER, PHONE)
    assert offline.asked and offline.items == () and "CRM tidak dapat ditanya" in offline.problem
    services.remote_lookup.record_visit(OFFICER, found, "Datang lagi, membawa foto lampu.")
    assert not services.sync.run_once()
    [waiting] = services.remote_lookup.visits_of(OFFICER, code)
    assert waiting.state == "pending"
    # Said like any unsent item: in the counts and when the app closes.
    assert services.sync.unsent_count() == 1
    assert [(w.kind, w.ticket_code) for w in services.sync.waiting()] == [("visit", code)]
    assert services.sync.engine.state.pending_count == 1
    assert str(services.sync.close_warning()).startswith("1 aduan/tambahan belum terkirim")
    crm_server.start(port)
    assert services.sync.run_once()
    assert services.sync.unsent_count() == 0 and services.sync.close_warning() == ""
    assert services.remote_lookup.visits_of(OFFICER, code)[0].state == "sent"
    with crm_server.crm.sessions() as s:
        assert s.scalar(select(CrmEvent.note).where(CrmEvent.kind == "desk_visit")) == (
            "Datang lagi, membawa foto lampu."
        )


def test_a_revoked_desk_is_refused_and_roles_are_checked_in_the_service(
    counter: tuple[Desk, DeskServices], crm_server: CrmProcess
) -> None:
    _desk, services = counter
    email_complaint(crm_server)
    [found] = services.remote_lookup.search(OFFICER, PHONE).items
    with pytest.raises(PermissionDenied):
        services.remote_lookup.search(None, PHONE)
    with pytest.raises(PermissionDenied):
        services.remote_lookup.record_visit(None, found, "catatan kunjungan")
    with pytest.raises(ValidationFailed):
        services.remote_lookup.record_visit(OFFICER, found, "ok")
    with crm_server.crm.sessions.begin() as s:
        s.execute(update(CrmDesk).where(CrmDesk.code == "PBK1").values(token_hash=None))
    refused = services.remote_lookup.search(OFFICER, PHONE)
    assert refused.items == () and "menolak token" in refused.problem
    assert len(audit.entries(crm_server.crm, action="desk.lookup")) == 1


def test_a_visit_the_crm_refuses_is_listed_and_can_go_again(
    counter: tuple[Desk, DeskServices], crm_server: CrmProcess
) -> None:
    _desk, services = counter
    code = email_complaint(crm_server)
    [found] = services.remote_lookup.search(OFFICER, PHONE).items
    # The CRM no longer knows the id it gave (a complaint id that is not its own).
    stale = dataclasses.replace(found, id=str(uuid.uuid4()))
    visit_id = services.remote_lookup.record_visit(OFFICER, stale, "Warga datang lagi.")
    assert services.sync.run_once()
    [refused] = services.sync.rejected()
    assert (refused.item_id, refused.kind, refused.ticket_code) == (visit_id, "visit", code)
    assert refused.error_code == "unknown_complaint" and str(refused.reason)
    assert services.sync.unsent_count() == 1 and services.sync.waiting() == []
    assert services.sync.engine.state.rejected_count == 1
    services.sync.resend(OFFICER, visit_id)
    assert [w.item_id for w in services.sync.waiting()] == [visit_id]


def test_an_unenrolled_desk_does_not_ask_and_says_so(
    tmp_path: Path, crm_server: CrmProcess
) -> None:
    desk = open_desk(tmp_path / "new-desk")
    desk.settings.crm_url = crm_server.url
    control = SyncControl(desk, token_store=TokenStore(desk.data_dir, keyring=None))
    try:
        email_complaint(crm_server)
        result = DeskServices(desk, sync=control).remote_lookup.search(OFFICER, PHONE)
        assert not result.asked and result.items == ()
        assert result.problem == "CRM tidak ditanya: meja ini belum terdaftar."
        assert not audit.entries(crm_server.crm, action="desk.lookup")
    finally:
        control.stop()
        desk.close()
