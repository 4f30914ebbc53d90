"""Retention (issue 18), SQLite and PostgreSQL: complaints closed long ago lose their
citizens' personal data (the facts and the counts per state and category stay), by
the periodic job; a dry run (also from the command line) lists and changes nothing;
each run is audited without personal data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from crm_server.cli import main as cli_main
from crm_server.core import audit
from crm_server.core.crm import Crm
from crm_server.core.jobs import CRM_JOBS, run_due
from crm_server.core.retention import run_retention
from crm_server.db.models import Complaint, CoReporter, Event
from tests.crm_server.conftest import FakeClock, assert_no_personal_data, complaint_item
from tests.crm_server.core.test_audit_chain import use_cli
from tests.crm_server.sync_api.test_co_reporters import reporter_event

Staff = dict[str, dict[str, str]]


def counts(crm: Crm) -> list[tuple[str, str, int]]:
    with crm.sessions() as s:
        rows = s.execute(
            select(Complaint.status, Complaint.category_code, func.count())
            .group_by(Complaint.status, Complaint.category_code)
            .order_by(Complaint.status, Complaint.category_code)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def raw(crm: Crm) -> list[Any]:
    with crm.engine.connect() as conn:
        return [
            *conn.execute(text("SELECT * FROM complaints ORDER BY pk")).all(),
            *conn.execute(text("SELECT * FROM co_reporters ORDER BY complaint_pk")).all(),
        ]


def people(crm: Crm) -> dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]:
    with crm.sessions() as s:
        return {
            c.ticket_code: (
                c.complainant,
                list(s.scalars(select(CoReporter.reporter).where(CoReporter.complaint_pk == c.pk))),
            )
            for c in s.scalars(select(Complaint))
        }


@pytest.fixture
def closed(
    push: Callable[..., dict[str, Any]], client: TestClient, staff: Staff
) -> tuple[str, str, str]:
    """Two complaints rejected (one with a co-reporter) and one still open."""
    first, second, open_one = complaint_item(), complaint_item(), complaint_item()
    push(first, second, open_one, reporter_event(first))
    for item in (first, second):
        answer = client.post(
            f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
            json={"action": "reject", "reason": "Bukan kewenangan Pemprov."},
            headers=staff["admin.kanal"],
        )
        assert answer.status_code == 200, answer.text
    return first["ticket_code"], second["ticket_code"], open_one["ticket_code"]


def test_personal_data_goes_after_the_retention_time_and_the_counts_stay(
    crm: Crm, clock: FakeClock, closed: tuple[str, str, str]
) -> None:
    first, second, open_one = closed
    before, counted = raw(crm), counts(crm)
    clock.now += dt.timedelta(days=729)  # not yet
    assert run_retention(crm, dry_run=True).tickets == []
    clock.now += dt.timedelta(days=2)
    dry = run_retention(crm, dry_run=True)
    assert sorted(dry.tickets) == sorted([first, second]) and dry.co_reporters == 1
    assert raw(crm) == before  # a dry run changes nothing

    assert "retention" in run_due(crm, CRM_JOBS)
    kept = people(crm)
    for ticket in (first, second):
        complainant, reporters = kept[ticket]
        assert complainant == {"anonymised": True}
        assert all(r == {"anonymised": True} for r in reporters)
    assert kept[first][1] and kept[open_one][0]["name"] == "Sulastri Wijayakusuma"
    with crm.sessions() as s:
        gone = s.scalars(select(Complaint).where(Complaint.ticket_code == first)).one()
    assert (gone.complainant_nik_hash, gone.complainant_phone_hash) == ("", "")
    assert gone.personal_removed_at == clock.now and gone.description
    assert counts(crm) == counted
    (entry,) = audit.entries(crm, action="retention")
    assert entry.detail["complaints"] == 2 and sorted(entry.detail["tickets"]) == sorted(
        [first, second]
    )
    assert_no_personal_data(str(entry.detail) + entry.reason)
    assert len(audit.entries(crm, action="retention_dry_run")) == 2
    assert run_retention(crm).tickets == []  # done once
    assert audit.verify(crm)[1] is None


def test_the_command_line_dry_run_lists_and_changes_nothing(
    crm: Crm,
    closed: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_cli(monkeypatch, crm)
    monkeypatch.setenv("MEJA_CRM_RETENTION_DAYS", "1")  # the command runs on the real clock
    before = raw(crm)
    assert cli_main(["retention", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would remove the personal data of 2 complaints and 1 co-reporters" in out
    assert closed[0] in out and closed[1] in out and closed[2] not in out
    assert_no_personal_data(out)
    assert raw(crm) == before


def test_decided_triage_drafts_lose_their_sender_and_text(crm: Crm, clock: FakeClock) -> None:
    from crm_server.core.mail import triage as mail_triage
    from crm_server.core.mail.mailbox import poll
    from crm_server.core.sms import inbound
    from crm_server.core.triage import sms as sms_triage
    from crm_server.db.channel_models import MailDraft, SmsDraft
    from tests.crm_server.mail.test_mailbox import THREE, FakeImap

    for ref in ("GW-1", "GW-2"):
        inbound.receive(crm, ref, "+6285700001111", "Lampu jalan di gang Kenari mati.")
    decided, waiting = (d.id for d in sms_triage.drafts(crm))
    sms_triage.dismiss(crm, decided, 1, "not_a_complaint")
    poll(crm, lambda _: FakeImap({102: THREE[102]}))
    (spam,) = mail_triage.drafts(crm)
    mail_triage.dismiss(crm, spam.id, 1, "spam")
    clock.now += dt.timedelta(days=731)
    assert run_retention(crm, dry_run=True).drafts == 2
    assert run_retention(crm).drafts == 2
    with crm.sessions() as s:
        mail = s.get(MailDraft, spam.id)
    assert mail is not None and (mail.sender, mail.body, mail.message_id) == ("", "", "")
    with crm.sessions() as s:
        gone, kept = s.get(SmsDraft, decided), s.get(SmsDraft, waiting)
    assert gone is not None and kept is not None
    assert gone.message == {"anonymised": True} and gone.phone_hash == ""
    assert gone.state == "dismissed" and gone.reason == "not_a_complaint"
    assert kept.message["phone"] == "+6285700001111"  # still waiting: still needed
    assert gone.forgotten_at == clock.now and kept.forgotten_at is None
    assert run_retention(crm).drafts == 0


def test_numbers_written_into_the_texts_go_and_the_words_stay(
    crm: Crm,
    clock: FakeClock,
    push: Callable[..., dict[str, Any]],
    client: TestClient,
    staff: Staff,
) -> None:
    item = complaint_item(
        description="Lubang besar di depan rumah. NIK saya 3171234567890001, HP 0812-3456-7890."
    )
    push(item)
    answer = client.post(
        f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
        json={
            "action": "reject",
            "reason": "Bukan kewenangan Pemprov.",
            "internal_note": "Warga minta dihubungi di siti.n@example.id atau 081398765432.",
        },
        headers=staff["admin.kanal"],
    )
    assert answer.status_code == 200, answer.text
    clock.now += dt.timedelta(days=731)
    run_retention(crm)
    with crm.sessions() as s:
        complaint = s.scalars(
            select(Complaint).where(Complaint.ticket_code == item["ticket_code"])
        ).one()
        notes = list(s.scalars(select(Event.note).where(Event.complaint_pk == complaint.pk)))
        description = complaint.description
    assert description == "Lubang besar di depan rumah. NIK saya [dihapus], HP [dihapus]."
    assert "Warga minta dihubungi di [dihapus] atau [dihapus]." in notes
    assert "Bukan kewenangan Pemprov." in notes  # what held nothing is as it was
    everything = " ".join([description, *notes, *map(str, raw(crm))])
    for number in ("3171234567890001", "3456-7890", "example.id", "081398765432"):
        assert number not in everything
