"""The CRM's SMS outbox on SQLite and PostgreSQL: messages made from events exactly
once, for consenting numbers only, handed over in order, never at night, never past
the daily cap, retried with back-off; "still being handled" every N working days."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from complaint_domain.complaint import WIB
from crm_server.core.crm import Crm
from crm_server.core.sms import planner, sender
from crm_server.core.sms import staff as sms_staff
from crm_server.core.sms.gsm7 import fits
from crm_server.core.sms.outbox import run_lock
from crm_server.core.sms.sender import MAX_ATTEMPTS, Outcome
from crm_server.db.sms_models import SmsMessage
from crm_server.sms_gateway.runner import run_once
from tests.crm_server.conftest import FakeClock, assert_no_personal_data
from tests.crm_server.sms.helpers import (
    LIFE,
    LIFE_KINDS,
    PHONE,
    KeepingGateway,
    sms_item,
    step,
)

Push = Callable[..., dict[str, Any]]


def kinds(crm: Crm, ticket: str) -> list[str]:
    listed = sms_staff.complaint_messages(crm, ticket)
    assert listed is not None
    return [m["kind"] for m in listed]


def set_cap(crm: Crm, cap: int) -> None:
    crm.settings = dataclasses.replace(crm.settings, sms_daily_cap=cap)


def test_a_whole_life_makes_the_expected_messages_once_and_in_order(
    crm: Crm, push: Push, staff: Any
) -> None:
    set_cap(crm, 20)
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    for who, action, body in LIFE:
        step(crm, who, ticket, action, **body)
    assert planner.plan_events(crm) == len(LIFE_KINDS)
    assert planner.plan_events(crm) == 0  # made once, whatever runs again
    assert kinds(crm, ticket) == LIFE_KINDS

    gateway = KeepingGateway()
    assert sender.hand_over(crm, gateway).handed == len(LIFE_KINDS)
    texts = gateway.texts()
    assert len(texts) == len(LIFE_KINDS) and all(fits(t) for t in texts)
    assert all(ticket in t and f"/T/{ticket}/{item['tracking_token']}" in t for t in texts)
    assert "diterima dan segera diperiksa" in texts[0]
    assert "diteruskan ke Kelurahan Gambir" in texts[1]
    assert "sedang dikerjakan Sudin Bina Marga Jakarta Pusat" in texts[3]
    assert "dikembalikan ke Sudin Bina Marga Jakarta Pusat" in texts[5]
    assert texts[-1].startswith(f"Aduan {ticket} SELESAI. Sudah diperiksa di lokasi")
    for text in texts:
        assert_no_personal_data(text)
    assert sender.hand_over(crm, gateway).handed == 0 and gateway.calls == len(LIFE_KINDS)
    listed = sms_staff.complaint_messages(crm, ticket)
    assert listed is not None and {m["state"] for m in listed} == {"handed"}
    assert {m["to"] for m in listed} == {"+62812******90"}


def test_no_tick_no_message_and_co_reporters_hear_from_their_turn(
    crm: Crm, push: Push, staff: Any
) -> None:
    silent, ticked = sms_item(consent=False), sms_item()
    push(silent, ticked)
    step(crm, "admin.kanal", silent["ticket_code"], "accept")
    step(crm, "admin.kanal", ticked["ticket_code"], "accept")
    co = {
        "type": "event",
        "id": "6b0f8f5e-1111-4c59-9a57-0f3c8e1d2a11",
        "complaint_id": ticked["id"],
        "ticket_code": ticked["ticket_code"],
        "kind": "reporter_added",
        "at": ticked["created_at"],
        "note": "",
        "attachments": [],
        "reporter": {**ticked["complainant"], "phone": "+6281311112222", "name": "Bambang"},
    }
    push(co)
    step(crm, "lurah.gambir", ticked["ticket_code"], "handle")
    planner.plan_events(crm)
    assert kinds(crm, silent["ticket_code"]) == []
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    assert len(gateway.texts(PHONE)) == 3  # received, coordination, in_progress
    second = gateway.texts("+6281311112222")
    assert len(second) == 2 and "Laporan Anda dicatat" in second[0]
    assert "sedang dikerjakan" in second[1]


def test_concurrent_planners_make_each_message_once(crm: Crm, push: Push, staff: Any) -> None:
    items = [sms_item() for _ in range(30)]
    push(*items)
    for item in items:
        step(crm, "admin.kanal", item["ticket_code"], "accept")
    threads = [threading.Thread(target=planner.plan_events, args=(crm, 7)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    planner.plan_all_events(crm, 7)  # what the threads left
    with crm.sessions() as s:
        assert s.scalar(select(func.count()).select_from(SmsMessage)) == 60


def test_a_batch_that_makes_nothing_is_no_sign_of_the_end(crm: Crm, push: Push) -> None:
    """Complaints whose citizens asked for no SMS fill whole batches: the planning goes
    on past them (the SMS worker stopped at the first empty batch, and the messages
    after it waited for the next run)."""
    silent = [sms_item(consent=False) for _ in range(9)]
    push(*silent, sms_item())
    assert planner.plan_all_events(crm, 3) == 1
    with crm.sessions() as s:
        assert s.scalar(select(func.count()).select_from(SmsMessage)) == 1


def test_still_being_handled_every_n_working_days_until_closed(
    crm: Crm, push: Push, staff: Any, clock: FakeClock
) -> None:
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    step(crm, "admin.kanal", ticket, "accept")  # Wednesday 18 November, 09.00 WIB
    planner.plan_events(crm)
    clock.advance(days=6)  # Tuesday: 4 working days of silence
    assert planner.plan_reminders(crm) == 0
    clock.advance(days=1)  # Wednesday 25: five
    assert planner.plan_reminders(crm) == 1
    assert planner.plan_reminders(crm) == 0  # once that day, however often it runs
    clock.advance(days=1)
    assert planner.plan_reminders(crm) == 0  # counted again from the reminder
    clock.advance(days=6)  # Wednesday 2 December: five more
    assert planner.plan_reminders(crm) == 1
    listed = sms_staff.complaint_messages(crm, ticket)
    assert listed is not None
    reminders = [m["text"] for m in listed if m["kind"] == "reminder"]
    assert "masih ditangani Kelurahan Gambir, lewat target 20-11-2026" in reminders[-1]
    for who, action, body in LIFE[1:]:
        step(crm, who, ticket, action, **body)
    clock.advance(days=14)
    assert planner.plan_reminders(crm) == 0  # closed: no more


def test_nothing_between_21_and_06_wib(crm: Crm, push: Push, staff: Any, clock: FakeClock) -> None:
    clock.now = dt.datetime(2026, 11, 18, 22, 0, tzinfo=WIB).astimezone(dt.UTC)
    item = sms_item()
    push(item)
    planner.plan_events(crm)
    gateway = KeepingGateway()
    assert sender.hand_over(crm, gateway).handed == 0
    clock.now = dt.datetime(2026, 11, 19, 5, 59, tzinfo=WIB).astimezone(dt.UTC)
    assert sender.hand_over(crm, gateway).handed == 0
    clock.now = dt.datetime(2026, 11, 19, 6, 0, tzinfo=WIB).astimezone(dt.UTC)
    assert sender.hand_over(crm, gateway).handed == 1


def test_the_daily_cap_holds_the_rest_until_the_next_morning(
    crm: Crm, push: Push, staff: Any, clock: FakeClock
) -> None:
    set_cap(crm, 3)
    item = sms_item()
    push(item)
    for who, action, body in LIFE[:3]:
        step(crm, who, item["ticket_code"], action, **body)
    planner.plan_events(crm)
    gateway = KeepingGateway()
    run = sender.hand_over(crm, gateway)
    assert (run.handed, run.held) == (3, 1)
    clock.advance(hours=12)  # 21.00 WIB: quiet
    assert sender.hand_over(crm, gateway).handed == 0
    clock.advance(hours=9)  # 06.00 WIB the next day
    assert sender.hand_over(crm, gateway).handed == 1
    assert len(gateway.texts()) == 4


def test_a_failing_gateway_is_retried_with_back_off_then_given_up(
    crm: Crm, push: Push, staff: Any, clock: FakeClock
) -> None:
    item = sms_item()
    push(item)
    planner.plan_events(crm)
    gateway = KeepingGateway(failing=True)
    assert sender.hand_over(crm, gateway).retried == 1
    assert sender.hand_over(crm, gateway).retried == 0  # not before its time
    for _ in range(MAX_ATTEMPTS - 1):
        clock.advance(hours=1)
        sender.hand_over(crm, gateway)
    assert gateway.calls == MAX_ATTEMPTS
    totals = sms_staff.daily_totals(crm)
    assert totals["by_state"]["failed"] == 1
    assert totals["failures"] == [
        {
            "ticket_code": item["ticket_code"],
            "kind": "received",
            "error": "gateway answered HTTP 503",
        }
    ]


def test_delivery_reports_are_recorded(crm: Crm, push: Push, staff: Any) -> None:
    item = sms_item()
    push(item)
    planner.plan_events(crm)
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    (ref,) = gateway.kept
    assert sender.record_outcomes(crm, [Outcome(ref, "delivered")]) == 1
    assert sender.record_outcomes(crm, [Outcome(ref, "sent")]) == 0  # never backwards
    listed = sms_staff.complaint_messages(crm, item["ticket_code"])
    assert listed is not None and listed[0]["state"] == "delivered"


def test_one_run_at_a_time_across_workers(crm: Crm, push: Push) -> None:
    if crm.dialect != "postgresql":
        pytest.skip("SQLite serves one process: its BEGIN IMMEDIATE serialises the runs")
    push(sms_item())
    gateway = KeepingGateway()
    with run_lock(crm) as mine:
        assert mine
        assert run_once(crm, gateway) is None  # another worker: it waits its turn
    report = run_once(crm, gateway)
    assert report is not None and report.hand_over.handed == 1


def test_a_batch_all_held_by_the_cap_does_not_stop_the_run(
    crm: Crm, push: Push, staff: Any
) -> None:
    set_cap(crm, 1)
    first = sms_item()
    push(first)
    gateway = KeepingGateway()
    run_once(crm, gateway)  # the first number's one message of the day
    step(crm, "admin.kanal", first["ticket_code"], "accept")
    step(crm, "lurah.gambir", first["ticket_code"], "handle")
    other = sms_item()
    other["complainant"]["phone"] = "+6281399998888"
    push(other)
    report = run_once(crm, gateway, batch=2)  # the first batch: two held, none handed
    assert report is not None
    assert (report.hand_over.held, report.hand_over.handed) == (2, 1)
    assert len(gateway.texts("+6281399998888")) == 1
