"""The e-mail channel (issue 22) on the real application's database (SQLite and
PostgreSQL): three e-mails of the mailbox — one with a scan, one spam, one about a
problem a desk recorded already — end as one new complaint, one dismissal, one
merge; the sender of the new one gets its ticket code back from a real SMTP server
on loopback (aiosmtpd). Nothing is read twice; a CRM stopped between storing a
message and marking it seen neither loses nor doubles it.

The IMAP side is a small in-memory mailbox that answers imaplib's calls (the
``Imap`` protocol): no IMAP server (Dovecot) is started here — see the report of
issue 22."""

from __future__ import annotations

import email
import email.policy
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.core.mail import mailbox, triage
from crm_server.core.mail.mailbox import poll, poll_if_configured
from crm_server.db.channel_models import MailDraft
from crm_server.db.models import Complaint
from tests.crm_server.conftest import PNG, complaint_item

Push = Callable[..., dict[str, Any]]
KELURAHAN = "31.71.01.1001"


def mail(uid: int, sender: str, subject: str, body: str, scan: bytes = b"") -> bytes:
    message = EmailMessage()
    message["From"] = f"Warga <{sender}>"
    message["To"] = "dki@jakarta.go.id"
    message["Subject"] = subject
    message["Message-ID"] = f"<m{uid}.{sender}>"
    message.set_content(body)
    if scan:
        message.add_attachment(scan, maintype="image", subtype="png", filename="scan-ktp.png")
        message.add_attachment(
            b"MZ not a scan", maintype="application", subtype="octet-stream", filename="program.exe"
        )
    return bytes(message)


THREE = {
    101: mail(
        101,
        "sari@example.id",
        "Jalan berlubang",
        "Jalan berlubang di depan SD 01 Gambir, sudah tiga minggu, motor sering jatuh.",
        scan=PNG,
    ),
    102: mail(102, "promo@spam.example", "MENANG UNDIAN!!!", "Klik tautan ini untuk hadiah."),
    103: mail(103, "budi@example.id", "Sampah", "Sampah menumpuk di Jl. Kebon Sirih sejak Senin."),
}


class FakeImap:
    """A mailbox as imaplib answers it: UIDVALIDITY, UID SEARCH, FETCH, STORE."""

    def __init__(self, messages: dict[int, bytes], uidvalidity: int = 7) -> None:
        self.messages = messages
        self.uidvalidity = uidvalidity
        self.seen: set[int] = set()
        self.fetched: list[int] = []
        self.fail_store_once = False

    def login(self, user: str, password: str) -> Any:
        return "OK", [b""]

    def select(self, mailbox: str = "INBOX") -> Any:
        return "OK", [str(len(self.messages)).encode()]

    def response(self, code: str) -> Any:
        return code, [str(self.uidvalidity).encode()]

    def uid(self, command: str, *args: Any) -> Any:
        if command == "SEARCH":
            low = int(args[1].split()[1].split(":")[0])
            # Like a real server, n:* always answers the highest UID.
            found = [u for u in self.messages if u >= low] or [max(self.messages)]
            return "OK", [" ".join(str(u) for u in sorted(found)).encode()]
        if command == "FETCH":
            uid = int(args[0])
            self.fetched.append(uid)
            return "OK", [(f"{uid} (UID {uid} BODY[]".encode(), self.messages[uid]), b")"]
        if command == "STORE":
            if self.fail_store_once:
                self.fail_store_once = False
                raise OSError("the CRM stopped here")
            self.seen.add(int(args[0]))
            return "OK", []
        raise AssertionError(command)

    def logout(self) -> Any:
        return "BYE", []


def drafts_count(crm: Crm) -> int:
    with crm.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(MailDraft)) or 0)


def test_nothing_is_read_twice(crm: Crm) -> None:
    box = FakeImap(dict(THREE))
    assert poll(crm, lambda _: box) == "3 new e-mails stored as drafts"
    assert box.seen == {101, 102, 103}
    assert poll(crm, lambda _: box) == "0 new e-mails stored as drafts"
    assert box.fetched == [101, 102, 103]  # the second poll fetched nothing
    box.messages[104] = mail(104, "c@example.id", "Lagi", "Lampu jalan mati di gang 5 RT 3.")
    poll(crm, lambda _: box)
    assert box.fetched[-1] == 104 and drafts_count(crm) == 4
    # A mailbox whose UIDVALIDITY changed is a new mailbox: read again, stored anew.
    box.uidvalidity = 8
    poll(crm, lambda _: box)
    assert drafts_count(crm) == 8


def test_a_crm_stopped_between_storing_and_marking_loses_and_doubles_nothing(crm: Crm) -> None:
    box = FakeImap(dict(THREE))
    box.fail_store_once = True
    with pytest.raises(OSError):
        poll(crm, lambda _: box)
    assert drafts_count(crm) == 1 and box.seen == set()  # stored, not yet marked
    poll(crm, lambda _: box)
    assert drafts_count(crm) == 3 and box.seen == {101, 102, 103}
    # The one stored before the stop is stored once; storing it again does nothing.
    assert mailbox.store_draft(crm, 7, 101, THREE[101]) is False
    assert drafts_count(crm) == 3


def test_attachments_are_checked_and_the_body_is_kept(crm: Crm) -> None:
    poll(crm, lambda _: FakeImap({101: THREE[101]}))
    (draft,) = triage.drafts(crm)
    assert [a["media_type"] for a in draft.attachments] == ["image/png"]
    assert draft.refused_files == 1  # the .exe
    assert draft.sender == "sari@example.id" and "SD 01 Gambir" in draft.body


def test_without_a_mailbox_the_job_does_nothing(crm: Crm) -> None:
    assert poll_if_configured(crm) == "no mailbox configured"


@pytest.fixture
def smtp_server(crm: Crm) -> Iterator[list[EmailMessage]]:
    """A real SMTP server on loopback (aiosmtpd); the messages it received."""
    aiosmtpd = pytest.importorskip("aiosmtpd.controller", reason="aiosmtpd is not installed")
    received: list[EmailMessage] = []

    class Keep:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
            received.append(parsed)  # type: ignore[arg-type]
            return "250 OK"

    with socket.socket() as probe:  # a free port (port 0 trips the controller's self-check)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd.Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    crm.settings = replace(
        crm.settings,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_from="dki@jakarta.go.id",
    )
    yield received
    controller.stop()


def test_three_emails_end_as_a_complaint_a_dismissal_and_a_merge(
    crm: Crm, push: Push, smtp_server: list[EmailMessage]
) -> None:
    poll(crm, lambda _: FakeImap(dict(THREE)))
    three_decided(crm, push, smtp_server)


def three_decided(crm: Crm, push: Push, smtp_server: list[EmailMessage]) -> None:
    desk = complaint_item(category_code="KEBERSIHAN")
    push(desk)
    scan, spam, duplicate = triage.drafts(crm)

    ticket = triage.confirm(crm, scan.id, 1, "Admin E-mail", KELURAHAN, "JALAN.RUSAK")
    assert ticket.startswith("EMA-")
    triage.dismiss(crm, spam.id, 1, "spam")
    assert (
        triage.merge(crm, duplicate.id, (1, "Admin E-mail", "channel_admin"), desk["ticket_code"])
        == desk["ticket_code"]
    )

    assert triage.drafts(crm) == []
    with crm.sessions() as session:
        (complaint,) = session.scalars(select(Complaint).where(Complaint.channel == "EMAIL"))
        assert complaint.ticket_code == ticket
        assert complaint.complainant["email"] == "sari@example.id"
        assert [a["media_type"] for a in complaint.attachments] == ["image/png"]
        states = list(session.scalars(select(MailDraft.state).order_by(MailDraft.id)))
    assert states == ["confirmed", "dismissed", "merged"]

    to = {str(m["To"]): m for m in smtp_server}
    assert set(to) == {"sari@example.id", "budi@example.id"}  # nothing to the spammer
    assert ticket in to["sari@example.id"].get_content()  # type: ignore[attr-defined]
    assert desk["ticket_code"] in to["budi@example.id"].get_content()  # type: ignore[attr-defined]

    # A decided draft is not decided again; the same e-mail is not a second complaint.
    with pytest.raises(triage.DraftRefused):
        triage.confirm(crm, scan.id, 1, "Admin E-mail", KELURAHAN, "JALAN.RUSAK")
    with pytest.raises(triage.DraftRefused):
        triage.dismiss(crm, scan.id, 1, "other", "")


# ---------------------------------------------------------------- a real Dovecot


@pytest.fixture
def dovecot(crm: Crm) -> Iterator[Any]:
    from tests.crm_server.mail.dovecot_rig import PASSWORD, USER, running_dovecot

    with running_dovecot() as server:
        crm.settings = replace(
            crm.settings,
            imap_host="127.0.0.1",
            imap_port=server.port,
            imap_ssl=False,
            imap_user=USER,
            imap_password=PASSWORD,
        )
        yield server


def deliver(crm: Crm, *messages: bytes) -> None:
    import imaplib

    client = imaplib.IMAP4("127.0.0.1", crm.settings.imap_port)
    client.login(crm.settings.imap_user, crm.settings.imap_password)
    for raw in messages:
        client.append("INBOX", "", imaplib.Time2Internaldate(time.time()), raw)
    client.logout()


def test_a_real_dovecot_mailbox_is_read_once(crm: Crm, dovecot: Any) -> None:
    deliver(crm, *THREE.values())
    assert poll_if_configured(crm) == "3 new e-mails stored as drafts"
    assert poll_if_configured(crm) == "0 new e-mails stored as drafts"
    assert [d.subject for d in triage.drafts(crm)] == [
        "Jalan berlubang",
        "MENANG UNDIAN!!!",
        "Sampah",
    ]
    deliver(crm, mail(104, "c@example.id", "Lagi", "Lampu jalan mati di gang 5 RT 3."))
    assert poll_if_configured(crm) == "1 new e-mails stored as drafts"


def test_a_crm_stopped_midway_against_dovecot(crm: Crm, dovecot: Any) -> None:
    deliver(crm, *THREE.values())
    stops = {"left": 1}

    def stopping(crm_: Crm) -> Any:
        real = mailbox.open_imap(crm_)
        uid = real.uid

        def uid_then_stop(command: str, *args: Any) -> Any:
            if command == "STORE" and stops["left"]:
                stops["left"] -= 1
                raise OSError("the CRM stopped between storing and marking")
            return uid(command, *args)

        real.uid = uid_then_stop  # type: ignore[method-assign]
        return real

    with pytest.raises(OSError):
        poll(crm, stopping)
    assert drafts_count(crm) == 1
    assert poll_if_configured(crm) == "2 new e-mails stored as drafts"
    assert drafts_count(crm) == 3
    # Every message is marked seen on the server now.
    import imaplib

    client = imaplib.IMAP4("127.0.0.1", crm.settings.imap_port)
    client.login(crm.settings.imap_user, crm.settings.imap_password)
    client.select("INBOX")
    assert client.search(None, "UNSEEN")[1] == [b""]
    client.logout()


def test_three_emails_through_dovecot_and_smtp(
    crm: Crm, push: Push, dovecot: Any, smtp_server: list[EmailMessage]
) -> None:
    deliver(crm, *THREE.values())
    assert poll_if_configured(crm) == "3 new e-mails stored as drafts"
    three_decided(crm, push, smtp_server)
