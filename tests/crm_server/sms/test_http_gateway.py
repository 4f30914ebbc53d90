"""The HTTP SMS gateway alternative, against a small gateway on loopback that keeps
the contract of docs/sms.md: messages by their Idempotency-Key, delivery reports and
received messages after a cursor, a bearer key."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from crm_server.core.crm import Crm
from crm_server.core.sms.sender import GatewayError, Outgoing
from crm_server.core.sms.staff import complaint_messages
from crm_server.sms_gateway.http import HttpGateway
from crm_server.sms_gateway.runner import run_once
from tests.crm_server.sms.helpers import PHONE, sms_item, step

Push = Callable[..., dict[str, Any]]
KEY = "kunci-rahasia-gateway"


class FakeSmsGateway(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.messages: dict[str, dict[str, Any]] = {}  # by Idempotency-Key
        self.posts = 0
        self.reports: list[dict[str, Any]] = []
        self.inbox: list[dict[str, Any]] = []
        self.down = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sms"


class Handler(BaseHTTPRequestHandler):
    server: FakeSmsGateway

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, code: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        if self.headers.get("Authorization") != f"Bearer {KEY}":
            self._answer(401, {"error": "bad key"})
            return False
        return True

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if not self._authorised():
            return
        if self.server.down:
            self._answer(503, {"error": f"cannot send to {body['to']}"})
            return
        self.server.posts += 1
        key = self.headers["Idempotency-Key"]
        kept = self.server.messages.setdefault(key, {**body, "id": f"g{len(self.server.messages)}"})
        self._answer(202, {"id": kept["id"]})

    def do_GET(self) -> None:
        if not self._authorised():
            return
        url = urlparse(self.path)
        after = int(parse_qs(url.query).get("after", ["0"])[0])
        if url.path.endswith("/reports"):
            items = self.server.reports[after:]
            self._answer(200, {"reports": items, "cursor": after + len(items)})
        else:
            items = self.server.inbox[after:]
            self._answer(200, {"messages": items, "cursor": after + len(items)})


@pytest.fixture
def fake_gateway() -> Iterator[FakeSmsGateway]:
    server = FakeSmsGateway()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_messages_reports_and_replies_through_an_http_gateway(
    crm: Crm, push: Push, staff: Any, fake_gateway: FakeSmsGateway
) -> None:
    gateway = HttpGateway(fake_gateway.url, KEY)
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    step(crm, "admin.kanal", ticket, "accept")
    report = run_once(crm, gateway)
    assert report is not None and report.hand_over.handed == 2
    sent = list(fake_gateway.messages.values())
    assert [m["to"] for m in sent] == [PHONE, PHONE]
    assert sent[0]["text"].startswith(f"Aduan {ticket} diterima")

    # Handed again under the same reference (a CRM killed before it wrote "handed"):
    # the gateway knows it, nothing is sent twice.
    first_ref = sent[0]["ref"]
    again = gateway.submit(Outgoing(first_ref, PHONE, sent[0]["text"], retry=True))
    assert again == sent[0]["id"] and len(fake_gateway.messages) == 2

    fake_gateway.reports.append({"ref": first_ref, "state": "delivered"})
    failure = {"ref": sent[1]["ref"], "state": "failed", "error": f"no network for {PHONE}"}
    fake_gateway.reports.append(failure)  # a gateway that repeats the number in its error
    fake_gateway.inbox.append({"text": "no id, no sender"})  # skipped, not fatal
    fake_gateway.inbox.append({"id": "m1", "from": "0812-3456-7890", "text": f"cek {ticket}"})
    report = run_once(crm, gateway)
    assert report is not None and (report.outcomes, report.received) == (2, 1)
    assert report.hand_over.handed == 1
    listed = complaint_messages(crm, ticket)
    assert listed is not None
    assert [(m["kind"], m["state"]) for m in listed] == [
        ("received", "delivered"),
        ("coordination", "failed"),
        ("reply", "handed"),
    ]
    assert run_once(crm, gateway).received == 0  # type: ignore[union-attr]  # after the cursor
    errors = [m["error"] for m in complaint_messages_all(crm) if m["state"] == "failed"]
    assert errors == ["no network for …"]


def test_a_gateway_down_or_refusing_the_key_is_retried_without_personal_data(
    crm: Crm, push: Push, fake_gateway: FakeSmsGateway
) -> None:
    push(sms_item())
    fake_gateway.down = True
    report = run_once(crm, HttpGateway(fake_gateway.url, KEY))
    assert report is not None and report.hand_over.retried == 1
    with pytest.raises(GatewayError) as refused:
        HttpGateway(fake_gateway.url, "wrong").submit(Outgoing("meja1", PHONE, "x", False))
    assert str(refused.value) == "gateway answered HTTP 401"
    (message,) = complaint_messages_all(crm)
    assert message["state"] == "queued" and message["error"] == "gateway answered HTTP 503"
    assert "6281234567890" not in message["error"]
    with pytest.raises(GatewayError, match="unreachable"):
        HttpGateway("http://127.0.0.1:9/sms", KEY).submit(Outgoing("meja1", PHONE, "x", False))


def complaint_messages_all(crm: Crm) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from crm_server.db.sms_models import SmsMessage

    with crm.sessions() as s:
        return [{"state": m.state, "error": m.error} for m in s.scalars(select(SmsMessage))]
