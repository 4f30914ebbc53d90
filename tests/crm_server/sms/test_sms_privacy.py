"""The SMS tables' phone numbers at rest (issue 18), SQLite and PostgreSQL: encrypted
with the data key and read in clear through the models; found by their keyed hash
(the opt-out, the daily cap, a CEK's sender); no unkeyed hash of a number in the
messages' idempotency keys; re-encrypted by a key rotation; removed by retention
(an opted-out number keeps only its hash, and stays stopped); migration 0016
converts the rows of an existing database (and keys the rights requests' hash)."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from crm_server.core.crm import Crm
from crm_server.core.data_keys import rotate
from crm_server.core.retention import run_retention
from crm_server.core.sms import inbound, planner, sender, templates
from crm_server.db import crypto
from crm_server.db.engine import alembic_config, migrate
from crm_server.db.rights_models import RightsRequest
from crm_server.db.sms_models import SmsInbound, SmsMessage, SmsOptOut
from tests.crm_server.conftest import FakeClock
from tests.crm_server.sms.helpers import OTHER, PHONE, KeepingGateway, sms_item, step

Push = Callable[..., dict[str, Any]]
DIGITS = PHONE[3:]  # "81234567890": in no stored value, in no form
NIK = "3171014506780003"
UNKEYED = hashlib.sha256(PHONE.encode()).hexdigest()[:16]


def handed_over(crm: Crm) -> list[str]:
    """What the outbox hands a gateway now for ``PHONE``."""
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    return gateway.texts(PHONE)


def raw_sms(crm: Crm) -> dict[str, list[Any]]:
    with crm.engine.connect() as conn:
        return {
            table: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table}"))]
            for table in ("sms_messages", "sms_inbound", "sms_optouts")
        }


def assert_no_clear_number(crm: Crm) -> None:
    for table, rows in raw_sms(crm).items():
        for row in rows:
            assert DIGITS not in str(row) and UNKEYED not in str(row), table


def stored_phones(crm: Crm, table: str) -> list[str]:
    with crm.engine.connect() as conn:
        return [str(p) for p in conn.execute(text(f"SELECT phone FROM {table}")).scalars()]


def life_with_stop(crm: Crm, push: Push, accept: bool = True) -> str:
    """A complaint with SMS consent, its messages made and handed over, a CEK and a
    STOP from its citizen, a CEK from a stranger: every SMS table has rows."""
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    if accept:
        step(crm, "admin.kanal", ticket, "accept")
    planner.plan_events(crm)
    inbound.receive(crm, "IN1", "0812-3456-7890", f"CEK {ticket}")
    inbound.receive(crm, "IN2", OTHER, f"CEK {ticket}")
    inbound.receive(crm, "IN3", PHONE, "BERHENTI")
    assert handed_over(crm)[-1] == templates.STOPPED
    return ticket


def test_numbers_are_encrypted_and_found_by_their_keyed_hash(
    crm: Crm, push: Push, staff: Any
) -> None:
    ticket = life_with_stop(crm, push)
    assert_no_clear_number(crm)
    for table in ("sms_messages", "sms_inbound", "sms_optouts"):
        phones = stored_phones(crm, table)
        assert phones and all(p.startswith(f"enc1:{crm.data_keys.current_id}:") for p in phones)
    keyed = crm.data_keys.lookup_hash("phone", PHONE)
    with crm.sessions() as s:
        mine = s.scalars(select(SmsMessage).where(SmsMessage.phone_hash == keyed)).all()
        assert {m.phone for m in mine} == {PHONE}  # the model reads the clear number
        assert {m.kind for m in mine} >= {"received", "reply", "stopped"}
        assert [o.phone for o in s.scalars(select(SmsOptOut))] == [PHONE]
        assert s.get(SmsOptOut, keyed) is not None
        assert sorted(i.phone for i in s.scalars(select(SmsInbound))) == sorted(
            [PHONE, PHONE, OTHER]
        )
    # Found by the hash: the stopped number gets nothing more, not even a CEK answer.
    inbound.receive(crm, "IN4", PHONE, f"CEK {ticket}")
    step(crm, "lurah.gambir", ticket, "forward")
    planner.plan_events(crm)
    assert handed_over(crm) == []


def test_a_key_rotation_re_encrypts_the_numbers_and_the_stop_still_holds(
    crm: Crm, clock: FakeClock, push: Push, staff: Any
) -> None:
    ticket = life_with_stop(crm, push)
    old_text = base64.b64encode(crm.data_keys.keys[0]).decode()
    new_key = crypto.new_key_text()
    both = Crm(dataclasses.replace(crm.settings, data_key=f"{new_key},{old_text}"), clock=clock)
    try:
        done = rotate(both, batch=2)
        assert done["sms_messages"] >= 4 and done["sms_inbound"] == 3
        assert done["sms_optouts"] == 1
        assert rotate(both)["sms_messages"] == 0  # nothing left
        new_id = both.data_keys.current_id
    finally:
        both.close()
    only_new = Crm(dataclasses.replace(crm.settings, data_key=new_key), clock=clock)
    try:
        for table in ("sms_messages", "sms_inbound", "sms_optouts"):
            assert all(p.startswith(f"enc1:{new_id}:") for p in stored_phones(only_new, table))
        keyed = only_new.data_keys.lookup_hash("phone", PHONE)
        with only_new.sessions() as s:
            optout = s.get(SmsOptOut, keyed)
            assert optout is not None and optout.phone == PHONE
            keys = s.scalars(select(SmsMessage.key).where(SmsMessage.phone_hash == keyed)).all()
        assert any(k.endswith(":" + keyed[:16]) for k in keys)  # the idempotency keys follow
        inbound.receive(only_new, "IN5", PHONE, f"CEK {ticket}")  # still stopped
        assert handed_over(only_new) == []
    finally:
        only_new.close()


def test_retention_removes_the_numbers_and_a_stopped_one_stays_stopped(
    crm: Crm, clock: FakeClock, push: Push, client: TestClient, staff: Any
) -> None:
    ticket = life_with_stop(crm, push, accept=False)
    step(crm, "admin.kanal", ticket, "reject", reason="Bukan kewenangan Pemprov.")
    clock.now += dt.timedelta(days=crm.settings.retention_days + 1)
    assert run_retention(crm).tickets == [ticket]
    with crm.sessions() as s:
        assert {(m.phone, m.phone_hash) for m in s.scalars(select(SmsMessage))} == {("", "")}
        assert {(i.phone, i.phone_hash) for i in s.scalars(select(SmsInbound))} == {("", "")}
        (optout,) = s.scalars(select(SmsOptOut)).all()
    assert optout.phone == "" and optout.phone_hash == crm.data_keys.lookup_hash("phone", PHONE)
    # The same citizen comes back with a new complaint and ticks SMS again: the STOP
    # they sent holds (only the hash was needed for that).
    again = sms_item()
    push(again)
    step(crm, "admin.kanal", again["ticket_code"], "accept")
    planner.plan_events(crm)
    assert handed_over(crm) == []


def test_a_number_still_on_a_kept_complaint_keeps_its_opt_out_number(
    crm: Crm, clock: FakeClock, push: Push, staff: Any
) -> None:
    ticket = life_with_stop(crm, push, accept=False)
    kept = sms_item()  # the same citizen's other complaint, still open
    push(kept)
    step(crm, "admin.kanal", ticket, "reject", reason="Bukan kewenangan Pemprov.")
    clock.now += dt.timedelta(days=crm.settings.retention_days + 1)
    run_retention(crm)
    with crm.sessions() as s:
        (optout,) = s.scalars(select(SmsOptOut)).all()
        stranger = s.scalars(select(SmsInbound).where(SmsInbound.phone != "")).all()
    assert optout.phone == PHONE  # a later rotation can still hash it again
    assert stranger == []  # the stranger's CEK was older than the retention time


def test_migration_0016_encrypts_existing_rows(crm: Crm, push: Push, staff: Any) -> None:
    item = sms_item()
    push(item)
    url = crm.settings.database_url
    now = crm.now()
    try:
        command.downgrade(alembic_config(url), "0011")
        with crm.engine.begin() as conn:
            pk = conn.execute(text("SELECT pk FROM complaints")).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO sms_messages (key, complaint_pk, phone, kind, text,"
                    " created_at, state, attempts, next_attempt_at, gateway_ref, error)"
                    " VALUES (:key, :pk, :phone, 'received', 'Aduan diterima.', :now,"
                    " 'sent', 1, :now, '', '')"
                ),
                {"key": f"e:1:{UNKEYED}", "pk": pk, "phone": PHONE, "now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO sms_inbound (gateway_ref, phone, command, received_at)"
                    " VALUES ('r1', :phone, 'stop', :now)"
                ),
                {"phone": PHONE, "now": now},
            )
            conn.execute(
                text("INSERT INTO sms_optouts (phone, at) VALUES (:phone, :now)"),
                {"phone": PHONE, "now": now},
            )
            # A rights request as the code before kept it: an unkeyed SHA-256 of the NIK.
            conn.execute(
                text(
                    "INSERT INTO rights_requests (complaint_pk, reporter, identifier_hash,"
                    " kind, received_at, due_at, recorded_by, answer)"
                    " VALUES (:pk, '', :hash, 'see', :now, :now, 'admin.crm', '')"
                ),
                {"pk": pk, "hash": hashlib.sha256(NIK.encode()).hexdigest(), "now": now},
            )
        migrate(url)
    finally:
        migrate(url)
    assert_no_clear_number(crm)
    keyed = crm.data_keys.lookup_hash("phone", PHONE)
    with crm.sessions() as s:
        message = s.scalars(select(SmsMessage)).one()
        assert (message.phone, message.phone_hash) == (PHONE, keyed)
        assert message.key == f"e:1:{keyed[:16]}"
        assert s.scalars(select(SmsInbound.phone)).one() == PHONE
        optout = s.get(SmsOptOut, keyed)
        assert optout is not None and optout.phone == PHONE
        assert s.scalars(select(RightsRequest.identifier_hash)).one() == (
            crm.data_keys.lookup_hash("nik", NIK)
        )
    inbound.receive(crm, "IN9", PHONE, f"CEK {item['ticket_code']}")
    assert handed_over(crm) == []  # the migrated opt-out holds


def test_a_stranger_s_cek_loses_its_number_after_the_retention_time(
    crm: Crm, clock: FakeClock, push: Push, staff: Any
) -> None:
    item = sms_item()
    push(item)  # still open: nothing of it is due
    inbound.receive(crm, "IN1", OTHER, f"CEK {item['ticket_code']}")  # a number never recorded
    sender.hand_over(crm, KeepingGateway())
    clock.now += dt.timedelta(days=crm.settings.retention_days - 1)
    assert run_retention(crm).tickets == []
    assert OTHER in {i.phone for i in _inbound(crm)}  # not yet
    clock.now += dt.timedelta(days=2)
    assert run_retention(crm).tickets == []
    assert {(i.phone, i.phone_hash) for i in _inbound(crm)} == {("", "")}
    with crm.sessions() as s:
        replies = s.scalars(select(SmsMessage).where(SmsMessage.kind == "reply")).all()
    assert [(m.phone, m.text) for m in replies] == [("", templates.NOT_FOUND)]


def _inbound(crm: Crm) -> list[SmsInbound]:
    with crm.sessions() as s:
        return list(s.scalars(select(SmsInbound)))
