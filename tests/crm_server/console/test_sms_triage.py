"""The SMS admin's triage and the suggestions of every triage (issue 22, items 3 and
4), through the console's forms on the real application: an SMS that is no reply
command becomes a draft (once, however often it is delivered), confirmed as a
complaint of the SMS channel whose ticket SMS goes out through the outbox; CEK and
STOP are answered as before and not drafted; open complaints of every channel are
suggested by the same phone number, e-mail address or similar text; a merge keeps
the sender as a co-reporter; each channel's admins only."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, update

from crm_server.core import audit
from crm_server.core.channel_intake import ChannelReport, record
from crm_server.core.crm import Crm
from crm_server.core.mail.mailbox import poll
from crm_server.core.sms import inbound, planner, sender, templates
from crm_server.db.channel_models import MailDraft, SmsDraft
from crm_server.db.models import Complaint, CoReporter, User
from tests.crm_server.conftest import assert_no_personal_data, complaint_item
from tests.crm_server.console.conftest import Console
from tests.crm_server.mail.test_mailbox import THREE, FakeImap
from tests.crm_server.sms.helpers import OTHER, PHONE, KeepingGateway, step

Push = Callable[..., dict[str, Any]]
SignedIn = Callable[[str], Console]
COMPLAINT_SMS = "Jalan berlubang di depan SDN 01 Gambir sudah dua minggu, bahaya untuk motor"


def sms_drafts(crm: Crm) -> list[SmsDraft]:
    with crm.sessions() as session:
        return list(session.scalars(select(SmsDraft).order_by(SmsDraft.id)))


def html(console: Console, url: str) -> str:
    answer: Any = console.get(url)
    assert answer.status_code == 200, answer.text
    return str(answer.text)


def decide(console: Console, url: str, **form: str) -> str:
    answer: Any = console.post(url, form)
    assert answer.status_code == 303, answer.text
    return html(console, answer.headers["location"])


def sent(crm: Crm) -> KeepingGateway:
    """What the SMS jobs hand to a gateway now: the planner, then the sender."""
    planner.plan_events(crm)
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    return gateway


def test_an_sms_complaint_is_drafted_once_confirmed_and_its_ticket_sent(
    crm: Crm, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    assert inbound.receive(crm, "GW-1", "0857-0000-1111", COMPLAINT_SMS) == "other"
    assert inbound.receive(crm, "GW-1", "0857-0000-1111", COMPLAINT_SMS) == "seen"
    # The reply commands are answered as before, and are no drafts.
    assert inbound.receive(crm, "GW-2", "0857-0000-1111", "CEK PBK1-991231-0001-X") == "cek"
    assert inbound.receive(crm, "GW-3", "0813-1111-2222", "Berhenti") == "stop"
    (draft,) = sms_drafts(crm)
    assert draft.message == {"phone": OTHER, "text": COMPLAINT_SMS}
    with crm.engine.connect() as conn:  # stored encrypted, the number and the text
        raw = conn.exec_driver_sql("SELECT message FROM sms_drafts").scalar_one()
    assert "0857" not in str(raw) and "berlubang" not in str(raw)

    console = signed_in("admin.kanal")
    page = html(console, "/console/kanal/sms")
    assert page.count('class="card stack draft"') == 1
    assert f"SMS dari {OTHER}" in page and COMPLAINT_SMS in page
    (look,) = audit.entries(crm, action="triage_viewed")  # the number was seen: recorded
    assert (look.actor, look.subject, look.detail["drafts"]) == ("admin.kanal", "SMS", [draft.id])
    assert_no_personal_data(str(look.detail))
    url = f"/console/kanal/sms/{draft.id}"
    page = decide(console, url, decision="confirm", kelurahan="Gambir", category="")
    assert "Pilih kategori." in page  # said in words; the draft waits
    assert page.count('class="card stack draft"') == 1
    page = decide(
        console, url, decision="confirm", kelurahan="31.71.01.1001", category="JALAN.RUSAK"
    )
    found = re.search(r"SMS dicatat sebagai aduan (SMS-\d{6}-\d{4}-[0-9A-Z]);", page)
    assert found, page
    ticket = found.group(1)
    assert "Tidak ada SMS yang menunggu triase." in page
    assert "SMS ini sudah diputuskan." in decide(console, url, decision="dismiss", reason="spam")
    with crm.sessions() as session:
        complaint = session.scalars(select(Complaint).where(Complaint.ticket_code == ticket)).one()
        assert complaint.channel == "SMS"
        assert complaint.complainant["phone"] == OTHER
        assert complaint.description == COMPLAINT_SMS
    gateway = sent(crm)
    texts = gateway.texts(OTHER)
    assert templates.NOT_FOUND in texts  # the CEK, answered
    (ticket_sms,) = [t for t in texts if ticket in t]
    assert ticket_sms.startswith(f"Aduan {ticket} diterima")
    assert gateway.texts("+6281311112222") == [templates.STOPPED]
    for text in texts:
        assert_no_personal_data(text)


def test_a_number_that_said_stop_is_drafted_but_sent_nothing(
    crm: Crm, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    inbound.receive(crm, "GW-7", OTHER, "STOP")
    inbound.receive(crm, "GW-8", OTHER, COMPLAINT_SMS)
    (draft,) = sms_drafts(crm)
    console = signed_in("admin.kanal")
    decide(
        console,
        f"/console/kanal/sms/{draft.id}",
        decision="confirm",
        kelurahan="31.71.01.1001",
        category="JALAN.RUSAK",
    )
    assert sent(crm).texts(OTHER) == [templates.STOPPED]


def test_suggestions_from_every_channel_and_a_merge_keeps_the_reporter(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    desk = complaint_item()  # the first citizen's number is PHONE
    closed = complaint_item(description="Pohon tumbang menutup jalan di Jl. Kenari.")
    similar = complaint_item(
        description="Jalan berlubang besar di depan SDN 01 Gambir, membahayakan pengendara motor",
    )
    similar["complainant"]["phone"] = "+6281999990000"
    push(desk, closed, similar)
    step(crm, "admin.kanal", closed["ticket_code"], "reject", reason="Bukan wewenang Pemprov.")
    inbound.receive(crm, "GW-1", PHONE, "Lampu penerangan gang kami mati sejak Jumat malam")
    inbound.receive(crm, "GW-2", "+6285711112222", COMPLAINT_SMS)
    by_phone, by_text = sms_drafts(crm)
    console = signed_in("admin.kanal")
    page = html(console, "/console/kanal/sms")
    mine = page.split(f'id="d{by_phone.id}"')[1].split(f'id="d{by_text.id}"')[0]
    assert desk["ticket_code"] in mine and "nomor telepon sama" in mine
    assert closed["ticket_code"] not in page  # only open complaints
    assert similar["ticket_code"] not in mine
    theirs = page.split(f'id="d{by_text.id}"')[1]
    assert similar["ticket_code"] in theirs and "isi mirip" in theirs
    for shown in ("Pendopo Balai Kota", "Menunggu pemeriksaan admin kanal", "Gambir"):
        assert shown in mine, shown
    assert "Sulastri" not in page and "3171014506780003" not in page  # no one else's data

    url = f"/console/kanal/sms/{by_phone.id}"
    page = decide(console, url, decision="merge", ticket=closed["ticket_code"])
    assert f"Aduan {closed['ticket_code']} sudah ditutup: catat sebagai aduan baru." in page
    page = decide(console, url, decision="merge", ticket=desk["ticket_code"])
    assert f"SMS digabung ke aduan {desk['ticket_code']}; pengirim dicatat sebagai pelapor." in page
    with crm.sessions() as session:
        (co,) = session.scalars(select(CoReporter))
        assert co.reporter["phone"] == PHONE and co.reporter["sms_consent"] is True
        target = session.scalars(
            select(Complaint).where(Complaint.ticket_code == desk["ticket_code"])
        ).one()
        assert co.complaint_pk == target.pk
    history = html(console, f"/console/c/{desk['ticket_code']}")
    assert "Pelapor tambahan (triase kanal)" in history and PHONE not in history
    texts = sent(crm).texts(PHONE)
    assert any(
        t.startswith(f"Laporan Anda dicatat pada aduan {desk['ticket_code']}") for t in texts
    )


def test_the_email_merge_keeps_the_sender_and_email_suggests_by_address(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    other_channel = record(
        crm,
        1,
        "Admin Twitter",
        ChannelReport(
            channel="TWITTER",
            source="https://x.com/budi/status/1",
            contact="Budi@Example.id",
            name="Budi",
            description="Lampu jalan mati di Jl. Kebon Sirih dekat halte.",
            kelurahan_code="31.71.01.1001",
            category_code="JALAN.RUSAK",
        ),
    ).ticket_code
    poll(crm, lambda _: FakeImap(dict(THREE)))
    with crm.sessions() as session:
        drafts = dict(session.execute(select(MailDraft.uid, MailDraft.id)).all())
    console = signed_in("admin.kanal")
    page = html(console, "/console/kanal/email")
    budi = page.split(f'id="d{drafts[103]}"')[1]
    assert other_channel in budi and "e-mail sama" in budi and "Twitter" in budi
    decide(console, f"/console/kanal/email/{drafts[103]}", decision="merge", ticket=other_channel)
    with crm.sessions() as session:
        (co,) = session.scalars(select(CoReporter))
        assert co.reporter["email"] == "budi@example.id" and co.email_hash
        events = session.scalar(select(func.count()).select_from(CoReporter))
    assert events == 1


def test_each_channels_admins_only(
    crm: Crm, accounts: dict[str, str], password_hash: str, signed_in: SignedIn
) -> None:
    inbound.receive(crm, "GW-1", OTHER, COMPLAINT_SMS)
    (draft,) = sms_drafts(crm)
    for username, unit in (("admin.email", "EMAIL"), ("admin.sms", "SMS")):
        crm.create_user(username, f"Admin {unit}", "channel_admin", unit)
    with crm.sessions.begin() as session:
        session.execute(update(User).values(password_hash=password_hash))
    poll(crm, lambda _: FakeImap({101: THREE[101]}))
    with crm.sessions() as session:
        mail_draft = session.scalars(select(MailDraft.id)).one()
    email_admin, sms_admin = signed_in("admin.email"), signed_in("admin.sms")
    dismissal = {"decision": "dismiss", "reason": "spam"}

    def status(answer: Any) -> int:
        return int(answer.status_code)

    assert status(email_admin.get("/console/kanal/sms")) == 403
    assert status(email_admin.post(f"/console/kanal/sms/{draft.id}", dismissal)) == 403
    assert status(sms_admin.get("/console/kanal/email")) == 403
    assert status(sms_admin.post(f"/console/kanal/email/{mail_draft}", dismissal)) == 403
    assert status(signed_in("lurah.gambir").get("/console/kanal/sms")) == 403
    assert status(email_admin.get("/console/kanal/email")) == 200
    nav = html(sms_admin, "/console/kanal/sms")
    assert 'href="/console/kanal/sms"' in nav and 'href="/console/kanal/email"' not in nav
    assert sms_drafts(crm)[0].state == "draft"
    with crm.sessions() as session:
        assert session.get(MailDraft, mail_draft).state == "draft"  # type: ignore[union-attr]


def test_the_recording_form_suggests_what_may_be_the_same(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    desk = complaint_item()  # the first citizen's number is PHONE, in kelurahan Gambir
    similar = complaint_item(
        description="Jalan berlubang besar di depan SDN 01 Gambir, membahayakan pengendara motor",
    )
    similar["complainant"]["phone"] = "+6281999990000"
    elsewhere = complaint_item(description=COMPLAINT_SMS, category_code="KEBERSIHAN")
    elsewhere["complainant"]["phone"] = "+6281999990001"
    push(desk, similar, elsewhere)
    console = signed_in("admin.kanal")
    answer: Any = console.post(
        "/console/kanal/catat",
        {
            "channel": "SMS",
            "source": "0812-3456-7890",
            "contact": "",
            "name": "",
            "description": COMPLAINT_SMS,
            "kelurahan": "31.71.01.1001",
            "category": "JALAN.RUSAK",
        },
    )
    assert answer.status_code == 200, answer.text
    page = answer.text
    new = re.search(r"Aduan tercatat: (SMS-[0-9A-Z-]+)", page)
    assert new, page
    section = page.split('id="h-similar"')[1]
    assert desk["ticket_code"] in section and "nomor telepon sama" in section
    assert similar["ticket_code"] in section and "isi mirip" in section
    assert elsewhere["ticket_code"] not in section  # another category: not the same problem
    assert f'href="/console/c/{new.group(1)}"' in page
    assert section.count('class="suggestion"') == 2  # not the new complaint itself


def test_a_short_sms_is_made_clearer_and_a_confirmation_is_never_doubled(
    crm: Crm, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    inbound.receive(crm, "GW-1", OTHER, "Lubang!!")
    inbound.receive(crm, "GW-2", PHONE, COMPLAINT_SMS)
    short, long = sms_drafts(crm)
    console = signed_in("admin.kanal")
    where = {"kelurahan": "31.71.01.1001", "category": "JALAN.RUSAK"}
    url = f"/console/kanal/sms/{short.id}"
    page = decide(console, url, decision="confirm", description="", **where)
    assert "Uraian aduan 10 sampai 4000 karakter." in page
    clearer = "Lubang di Jl. Kenari depan warung, kata pengirim SMS."
    page = decide(console, url, decision="confirm", description=clearer, **where)
    assert "SMS dicatat sebagai aduan SMS-" in page

    # A CRM stopped between recording the complaint and deciding the draft: the
    # draft still waits; confirming it again finds that complaint, records no second.
    report = ChannelReport(
        channel="SMS",
        source=PHONE,
        contact=PHONE,
        name="",
        description=COMPLAINT_SMS,
        kelurahan_code="31.71.01.1001",
        category_code="JALAN.RUSAK",
    )
    first = record(crm, 1, "Admin Kanal", report).ticket_code
    page = decide(console, f"/console/kanal/sms/{long.id}", decision="confirm", **where)
    assert f"SMS dicatat sebagai aduan {first};" in page
    with crm.sessions() as session:
        descriptions = sorted(session.scalars(select(Complaint.description)))
        decided = {d.id: d.ticket_code for d in session.scalars(select(SmsDraft))}
    assert descriptions == sorted([clearer, COMPLAINT_SMS])
    assert decided[long.id] == first


def test_the_oldest_drafts_a_page_at_a_time(
    crm: Crm, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    from crm_server.console.triage import PAGE

    for n in range(PAGE + 2):
        inbound.receive(crm, f"GW-{n}", OTHER, f"Pesan nomor {n:02d} tentang lampu jalan mati.")
    page = html(signed_in("admin.kanal"), "/console/kanal/sms")
    assert page.count('class="card stack draft"') == PAGE
    assert "Pesan nomor 00 " in page and f"Pesan nomor {PAGE:02d} " not in page
    assert "2 lagi menunggu: tampil setelah yang di atas diputuskan." in page
