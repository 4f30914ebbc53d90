"""The e-mail admin's triage in the console (issue 22): the drafts the mailbox
brought in, confirmed as a complaint, merged or dismissed through the forms; a
refusal said in words; only the EMAIL channel's admins (or one without a channel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update

from crm_server.core.crm import Crm
from crm_server.core.mail.mailbox import poll
from crm_server.db.channel_models import MailDraft
from crm_server.db.models import User
from tests.crm_server.conftest import complaint_item
from tests.crm_server.console.conftest import Console
from tests.crm_server.mail.test_mailbox import THREE, FakeImap

Push = Callable[..., dict[str, Any]]
SignedIn = Callable[[str], Console]


def ids(crm: Crm) -> dict[int, int]:
    with crm.sessions() as session:
        return dict(session.execute(select(MailDraft.uid, MailDraft.id)).all())


def test_the_email_admin_decides_each_draft(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    desk = complaint_item(category_code="KEBERSIHAN")
    push(desk)
    poll(crm, lambda _: FakeImap(dict(THREE)))
    draft = ids(crm)
    console = signed_in("admin.kanal")
    html = console.get("/console/kanal/email").text  # type: ignore[attr-defined]
    assert html.count('class="card stack draft"') == 3
    assert "1 lampiran ditolak (jenis atau ukuran)" in html

    def decide(uid: int, **form: str) -> str:
        answer: Any = console.post(f"/console/kanal/email/{draft[uid]}", form)
        assert answer.status_code == 303, answer.text
        return str(console.get(answer.headers["location"]).text)  # type: ignore[attr-defined]

    page = decide(101, decision="confirm", kelurahan="31.71.01.1001", category="JALAN.RUSAK")
    assert "E-mail dicatat sebagai aduan EMA-" in page
    page = decide(102, decision="dismiss", reason="other", note="")
    assert "Pilih alasan; untuk alasan lain tulis keterangannya." in page
    page = decide(102, decision="dismiss", reason="spam")
    assert "E-mail diabaikan." in page
    page = decide(103, decision="merge", ticket="PBK1-991231-0001-X")
    assert "Kode tiket tidak ditemukan." in page
    page = decide(103, decision="merge", ticket=desk["ticket_code"].lower())
    assert f"E-mail digabung ke aduan {desk['ticket_code']}" in page
    assert "Tidak ada e-mail yang menunggu triase." in page
    again = decide(101, decision="dismiss", reason="spam")
    assert "E-mail ini sudah diputuskan." in again
    with crm.sessions() as session:
        states = dict(session.execute(select(MailDraft.uid, MailDraft.state)).all())
    assert states == {101: "confirmed", 102: "dismissed", 103: "merged"}


def test_only_the_email_channels_admins_triage(
    crm: Crm, accounts: dict[str, str], password_hash: str, signed_in: SignedIn
) -> None:
    crm.create_user("admin.twitter", "Admin Twitter", "channel_admin", "TWITTER")
    with crm.sessions.begin() as session:
        session.execute(update(User).values(password_hash=password_hash))
    for username in ("admin.twitter", "lurah.gambir", "koordinator"):
        assert signed_in(username).get("/console/kanal/email").status_code == 403  # type: ignore[attr-defined]
