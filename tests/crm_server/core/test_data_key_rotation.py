"""Rotating the data key (issue 18), SQLite and PostgreSQL: with the new key first
and the old one after it, rows under either key read and the lookups find them;
``crm-server rotate-data-key`` re-encrypts every row and its hashes under the new
key, after which the old key can go."""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text

from crm_server.cli import main as cli_main
from crm_server.core.crm import Crm
from crm_server.core.data_keys import rotate
from crm_server.core.mail import triage as mail_triage
from crm_server.core.mail.mailbox import poll
from crm_server.core.sms import inbound
from crm_server.db import crypto
from crm_server.db.channel_models import SmsDraft
from crm_server.db.models import Complaint, CoReporter
from tests.crm_server.conftest import FakeClock, complaint_item
from tests.crm_server.core.test_audit_chain import use_cli
from tests.crm_server.mail.test_mailbox import THREE, FakeImap
from tests.crm_server.sync_api.test_co_reporters import reporter_event

NIK = "3171014506780003"
SMS_TABLES = ("sms_messages", "sms_inbound", "sms_optouts")


def key_text(crm: Crm) -> str:
    return base64.b64encode(crm.data_keys.keys[0]).decode()


def prefixes(crm: Crm) -> set[str]:
    with crm.engine.connect() as conn:
        values = conn.execute(text("SELECT complainant FROM complaints")).scalars().all()
        values += conn.execute(text("SELECT reporter FROM co_reporters")).scalars().all()
    return {str(v).split(":")[1] for v in values}  # enc1:<key id>:…


def names(crm: Crm) -> list[str]:
    with crm.sessions() as s:
        people = [c.complainant for c in s.scalars(select(Complaint).order_by(Complaint.pk))]
        people += list(s.scalars(select(CoReporter.reporter)))
    return [p["name"] for p in people]


def found_by_nik(crm: Crm) -> int:
    with crm.sessions() as s:
        return len(
            s.scalars(
                select(Complaint.pk).where(
                    Complaint.complainant_nik_hash.in_(crm.data_keys.lookup_hashes("nik", NIK))
                )
            ).all()
        )


def with_keys(crm: Crm, clock: FakeClock, keys: str) -> Crm:
    return Crm(dataclasses.replace(crm.settings, data_key=keys), clock=clock)


def test_rotation_re_encrypts_everything_and_old_rows_read_meanwhile(
    crm: Crm,
    clock: FakeClock,
    push: Callable[..., dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old_id, old_key = crm.data_keys.current_id, key_text(crm)
    first = complaint_item()
    push(first, reporter_event(first), complaint_item())
    inbound.receive(crm, "GW-R", "+6285700001111", "Lampu jalan di gang Kenari mati sejak Jumat.")
    poll(crm, lambda _: FakeImap({101: THREE[101]}))
    new_key = crypto.new_key_text()
    both = with_keys(crm, clock, f"{new_key}, {old_key}")
    try:
        # during the rotation: a complaint written now is under the new key, the old
        # rows still read, and the lookups find rows under either key
        second = complaint_item()
        assert push(second)["results"][0]["outcome"] == "accepted"
        assert prefixes(both) == {old_id, both.data_keys.current_id}
        assert names(both).count("Sulastri Wijayakusuma") == 3
        assert found_by_nik(both) == 3
        done = rotate(both, batch=2)  # in batches smaller than the table
        assert done == {
            "complaints": 2,
            "co_reporters": 1,
            "sms_drafts": 1,
            "mail_drafts": 1,
        } | dict.fromkeys(SMS_TABLES, 0) | {"sms_inbound": 1}  # the SMS draft's message
        assert prefixes(both) == {both.data_keys.current_id}
        assert set(rotate(both).values()) == {0}  # resumable: nothing left
    finally:
        both.close()
    only_new = with_keys(crm, clock, new_key)
    try:
        read = names(only_new)  # the old key is gone: everything reads with the new one
        assert read.count("Sulastri Wijayakusuma") == 3 and len(read) == 4
        assert found_by_nik(only_new) == 3
        with only_new.sessions() as s:
            draft = s.scalars(select(SmsDraft)).one()
        assert draft.message["phone"] == "+6285700001111"
        assert draft.phone_hash == only_new.data_keys.lookup_hash("phone", "+6285700001111")
        (mail,) = mail_triage.drafts(only_new)
        assert mail.sender == "sari@example.id" and mail.subject == "Jalan berlubang"
        assert mail.sender_hash == only_new.data_keys.lookup_hash("email", "sari@example.id")
    finally:
        only_new.close()


def test_the_old_key_alone_no_longer_reads_rotated_rows_and_the_command_rotates(
    crm: Crm,
    clock: FakeClock,
    push: Callable[..., dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old_key = key_text(crm)
    push(complaint_item())
    new_key = crypto.new_key_text()
    use_cli(monkeypatch, crm)
    monkeypatch.setenv("MEJA_CRM_DATA_KEY", f"{new_key},{old_key}")
    assert cli_main(["rotate-data-key"]) == 0
    assert "1 complaints, 0 co-reporters" in capsys.readouterr().out
    old_only = with_keys(crm, clock, old_key)
    try:
        with pytest.raises(crypto.DataKeyError, match="no data key"), old_only.sessions() as s:
            s.scalars(select(Complaint)).all()
    finally:
        old_only.close()
