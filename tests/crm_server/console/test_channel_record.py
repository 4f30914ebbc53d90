"""Recording a complaint on behalf of a channel (issue 22), through the console on
the real application (SQLite and PostgreSQL): the channel's own ticket prefix, the
reply to paste back whose tracking address works, the same source refused with a
link to the first, attachments checked as at the desk, who may record for which
channel."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from html import unescape
from typing import Any

import pytest
from sqlalchemy import func, select, update

from complaint_domain.ticket import parse_ticket_code
from crm_server.core.channel_intake import source_key
from crm_server.core.crm import Crm
from crm_server.db.channel_models import ChannelSource
from crm_server.db.models import Complaint, User
from tests.crm_server.conftest import PNG
from tests.crm_server.console.conftest import Console

SignedIn = Callable[[str], Console]
KELURAHAN = "31.71.01.1001"
POST = "https://twitter.com/warga_jkt/status/1866012345678901234?s=20"
_REPLY = re.compile(r'<textarea id="reply-text" readonly rows="6">([^<]*)</textarea>')


@pytest.fixture
def channel_admins(crm: Crm, accounts: dict[str, str], password_hash: str) -> None:
    crm.create_user("admin.twitter", "Admin Twitter", "channel_admin", "TWITTER")
    crm.create_user("admin.pendopo", "Admin Pendopo", "channel_admin", "PENDOPO")
    with crm.sessions.begin() as session:
        session.execute(update(User).values(password_hash=password_hash))


def report(**overrides: Any) -> dict[str, str]:
    return {
        "source": POST,
        "contact": "@warga_jkt",
        "name": "",
        "description": "Lubang besar di Jl. Medan Merdeka Barat depan halte, sudah dua minggu.",
        "kelurahan": KELURAHAN,
        "category": "JALAN.RUSAK",
        **overrides,
    }


def sent(console: Console, files: Any = None, **overrides: Any) -> Any:
    return console.post("/console/kanal/catat", report(**overrides), files=files)


def reply_of(html: str) -> str:
    match = _REPLY.search(html)
    assert match, html
    return unescape(match.group(1))


def test_the_twitter_admin_records_a_post_and_the_reply_tracks_it(
    crm: Crm, channel_admins: None, signed_in: SignedIn
) -> None:
    console = signed_in("admin.twitter")
    form = console.get("/console/kanal/catat")
    assert form.status_code == 200  # type: ignore[attr-defined]
    assert 'name="channel"' not in form.text  # type: ignore[attr-defined]  # one channel
    answer = sent(console, files=[("files", ("tangkapan.png", PNG, "image/png"))])
    assert answer.status_code == 200, answer.text
    reply = reply_of(answer.text)
    ticket = re.search(r"nomor tiket (TWT-\d{6}-\d{4}-[0-9A-Z])\.", reply)
    assert ticket, reply
    code = parse_ticket_code(ticket.group(1))
    assert code.desk == "TWT" and code.sequence == 1
    address = re.search(r"HTTPS://[^/\s]+(/T/\S+)$", reply)
    assert address, reply
    tracking = console.get(address.group(1).lower().replace("/t/", "/T/", 1))
    assert tracking.status_code == 200  # type: ignore[attr-defined]
    assert str(code) in tracking.text  # type: ignore[attr-defined]
    with crm.sessions() as session:
        complaint = session.scalars(select(Complaint)).one()
        assert complaint.channel == "TWITTER"
        assert complaint.status == "received"
        assert complaint.officer == "Admin Twitter"
        assert complaint.complainant["account_id"] == "@warga_jkt"
        assert [a["media_type"] for a in complaint.attachments] == ["image/png"]
        digest = session.scalar(select(ChannelSource.digest))
    # Only a digest of the source is kept.
    assert digest and "warga_jkt" not in digest
    # The next one of the day gets the next number.
    again = sent(console, source="https://x.com/lain/status/99", contact="@lain")
    assert "TWT-" in reply_of(again.text) and "-0002-" in reply_of(again.text)


def test_the_same_post_twice_is_refused_with_a_link_to_the_first(
    crm: Crm, channel_admins: None, signed_in: SignedIn
) -> None:
    console = signed_in("admin.twitter")
    first = reply_of(sent(console).text).split("nomor tiket ", 1)[1].split(".", 1)[0]
    # The same post as x.com, without its share parameter, with a trailing slash.
    twice = sent(console, source="https://www.x.com/warga_jkt/status/1866012345678901234/")
    assert twice.status_code == 409
    assert f'href="/console/c/{first}"' in twice.text
    assert "sudah pernah dicatat" in twice.text
    with crm.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 1


def test_an_admin_without_a_channel_chooses_it_and_sms_keys_on_number_and_text(
    crm: Crm, channel_admins: None, signed_in: SignedIn
) -> None:
    console = signed_in("admin.kanal")
    assert 'name="channel"' in console.get("/console/kanal/catat").text  # type: ignore[attr-defined]
    sms = {"channel": "SMS", "source": "0812-3456-7890", "contact": ""}
    answer = sent(console, **sms)
    assert "nomor tiket SMS-" in reply_of(answer.text)
    assert sent(console, **sms).status_code == 409  # the same SMS twice
    other = sent(console, **sms, description="Sampah menumpuk di pinggir kali sejak Senin.")
    assert "nomor tiket SMS-" in reply_of(other.text)  # the same number, another complaint
    mail = sent(console, channel="EMAIL", source="<abc.123@mail.example.id>", contact="x@y.id")
    assert "nomor tiket EMA-" in reply_of(mail.text)
    with crm.sessions() as session:
        phones = [c.complainant.get("phone") for c in session.scalars(select(Complaint))]
    assert phones.count("+6281234567890") == 2


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"source": "bukan tautan"}, "Tautan unggahan tidak dikenali"),
        ({"contact": ""}, "Isi kontak warga"),
        ({"description": "pendek"}, "Uraian aduan 10 sampai 4000"),
        ({"kelurahan": "99.99"}, "Kelurahan tidak dikenali"),
        ({"category": "NOPE"}, "Pilih kategori."),
    ],
)
def test_what_is_missing_or_wrong_is_said_and_nothing_is_recorded(
    crm: Crm, channel_admins: None, signed_in: SignedIn, overrides: dict[str, str], words: str
) -> None:
    answer = sent(signed_in("admin.twitter"), **overrides)
    assert answer.status_code == 422
    assert words in answer.text
    assert 'aria-invalid="true"' in answer.text
    with crm.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0


def test_an_attachment_is_checked_as_at_the_desk(
    crm: Crm, channel_admins: None, signed_in: SignedIn
) -> None:
    console = signed_in("admin.twitter")
    fake = sent(console, files=[("files", ("x.png", b"MZ\x90\x00 not an image", "image/png"))])
    assert fake.status_code == 422 and "Lampiran harus foto" in fake.text
    crm.settings = replace(crm.settings, max_attachment_bytes=len(PNG) - 1)
    big = sent(console, files=[("files", ("x.png", PNG, "image/png"))])
    assert big.status_code == 422 and "Berkas terlalu besar" in big.text
    with crm.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0


def test_the_kelurahan_is_found_by_its_name_or_the_listed_choice(
    crm: Crm, channel_admins: None, signed_in: SignedIn
) -> None:
    console = signed_in("admin.twitter")
    name = crm.areas().get(KELURAHAN).name  # type: ignore[union-attr]
    sent(console, kelurahan=name)
    sent(console, kelurahan=f"{KELURAHAN} {name}, …", source="https://x.com/b/status/2")
    with crm.sessions() as session:
        assert set(session.scalars(select(Complaint.kelurahan_code))) == {KELURAHAN}


def test_only_channel_admins_of_a_remote_channel_record(
    channel_admins: None, signed_in: SignedIn
) -> None:
    assert signed_in("admin.pendopo").get("/console/kanal/catat").status_code == 403  # type: ignore[attr-defined]
    assert signed_in("lurah.gambir").get("/console/kanal/catat").status_code == 403  # type: ignore[attr-defined]
    # A channel admin of one channel cannot record for another.
    console = signed_in("admin.twitter")
    answer = sent(console, channel="SMS", source="https://x.com/c/status/3")
    assert "nomor tiket TWT-" in reply_of(answer.text)


def test_the_source_keys() -> None:
    assert source_key("TWITTER", POST, "") == "x.com/warga_jkt/status/1866012345678901234"
    fb = "https://www.facebook.com/permalink.php?story_fbid=1&id=2"
    assert source_key("FACEBOOK", fb, "") == "facebook.com/permalink.php?story_fbid=1&id=2"
    assert source_key("EMAIL", " <a.b@c.id> ", "") == "a.b@c.id"


def test_no_personal_data_in_the_logs(
    channel_admins: None, signed_in: SignedIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    console = signed_in("admin.kanal")
    sent(console, channel="SMS", source="0812-3456-7890", contact="")
    sent(console, channel="SMS", source="0812-3456-7890", contact="")
    for shown in ("3456", "7890", "81234567890"):
        assert shown not in caplog.text
