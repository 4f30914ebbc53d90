"""An HTTP SMS gateway, configured by its URL and key (``docs/sms.md`` gives the
contract): ``POST {url}/messages`` takes one message with our reference as its
``Idempotency-Key`` (handed again after a crash, the gateway answers with the same
id and sends nothing twice); ``GET {url}/reports?after=N`` gives delivery reports and
``GET {url}/inbox?after=N`` the messages received, each after a cursor."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

from crm_server.core.sms.sender import GatewayError, Outcome, Outgoing
from crm_server.sms_gateway.gammu import Received

TIMEOUT = 10.0
# A run of digits long enough to be (part of) a phone number, as gateways write them.
_NUMBER = re.compile(r"\+?\d[\d\s().-]{4,}\d")


def _without_numbers(report: dict[str, Any]) -> str:
    """The gateway's error text, kept for the staff, with any phone number masked:
    gateways repeat the number in their errors ("+62812… unreachable")."""
    return _NUMBER.sub("…", str(report.get("error", "")))[:200]


REPORT_STATES = {"sent": "sent", "delivered": "delivered", "failed": "failed"}


class HttpGateway:
    name = "http"

    def __init__(self, url: str, key: str) -> None:
        self.url = url.rstrip("/")
        self.key = key
        self._reports_after = 0
        self._inbox_after = 0

    def _call(self, method: str, path: str, body: Any = None, ref: str = "") -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if ref:
            request.add_header("Idempotency-Key", ref)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
                return json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as err:
            # Only the status: the gateway's body might echo the number or the text.
            raise GatewayError(f"gateway answered HTTP {err.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise GatewayError(f"gateway unreachable: {type(reason).__name__}") from None
        except ValueError:
            raise GatewayError("gateway answered something other than JSON") from None

    def start_run(self) -> None:
        pass

    def submit(self, message: Outgoing) -> str:
        answer = self._call(
            "POST",
            "/messages",
            {"ref": message.ref, "to": message.phone, "text": message.text},
            ref=message.ref,
        )
        return str(answer.get("id") or message.ref)[:200]

    def outcomes(self) -> Iterator[Outcome]:
        try:
            answer = self._call("GET", f"/reports?after={self._reports_after}")
        except GatewayError:
            return
        for report in answer.get("reports", []):
            state = REPORT_STATES.get(str(report.get("state")))
            if state:
                yield Outcome(str(report.get("ref", "")), state, _without_numbers(report))
        self._reports_after = int(answer.get("cursor", self._reports_after))

    def received(self) -> Iterator[Received]:
        try:
            answer = self._call("GET", f"/inbox?after={self._inbox_after}")
        except GatewayError:
            return
        for message in answer.get("messages", []):
            if not isinstance(message, dict) or not message.get("id") or not message.get("from"):
                continue  # malformed: skipped rather than stopping every later run
            yield Received(
                f"http:{message['id']}", str(message["from"]), str(message.get("text", ""))
            )
        self._inbox_after = int(answer.get("cursor", self._inbox_after))

    def done(self, message: Received) -> None:
        pass  # the cursor moves on; the message's id keeps it from being answered twice
