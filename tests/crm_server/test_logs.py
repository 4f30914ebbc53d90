"""Nothing personal in any log line: the paths that do log, driven with a name, a NIK
and a phone number in the request data, under a real uvicorn server.

What logs today: the outermost guard's 500 line (``web.errors.SafetyMiddleware``),
uvicorn's access and error logs, and whatever a future change adds on the error
paths the desks and the Open311 clients reach (a rejected item, a refused body, a
bad token). Every logger is captured at DEBUG (root, ``uvicorn*``, ``crm_server``,
``fastapi``, ``sqlalchemy``), with the tracebacks, and so are the process's stdout
and stderr, where uvicorn's own handlers write.

The 500 comes from a real database fault, not a mock: a trigger refuses every new
complaint. On PostgreSQL its error message carries the row's personal data, as a
database error can: logging the exception's text would leak it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import text
from stdnum.id import nik as id_nik

from crm_server.core.auth import add_api_key
from crm_server.core.crm import Crm
from tests.crm_server.conftest import PERSONAL, assert_no_personal_data, complaint_item, free_port

NIK = "3171014506780003"  # the one complaint_item sends, and in PERSONAL
PHONE = "+6281234567890"
NAME = "Sulastri Wijayakusuma"
LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "crm_server", "fastapi", "sqlalchemy")


class _Everything(logging.Handler):
    """Every record, formatted with its traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def logged() -> Iterator[_Everything]:
    handler = _Everything()
    saved = []
    for name in LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.addHandler(handler)
        # SQLAlchemy keeps its production level (its DEBUG prints result rows, which
        # nobody runs a server with); everything else at DEBUG.
        if not name.startswith("sqlalchemy"):
            logger.setLevel(logging.DEBUG)
    yield handler
    for logger, level in saved:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture
def server(app: FastAPI, logged: _Everything) -> Iterator[str]:
    """The app under uvicorn as ``crm-server serve`` runs it, at log level debug
    (access log on)."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="debug", proxy_headers=False
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    # uvicorn configured its loggers as it started: capture theirs too.
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if logged not in logger.handlers:
            logger.addHandler(logged)
        if not name.startswith("sqlalchemy"):
            logger.setLevel(logging.DEBUG)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def faulty_complaints(crm: Crm) -> Iterator[None]:
    """A trigger that makes every insert into ``complaints`` fail; dropped after."""
    with crm.engine.begin() as conn:
        if crm.dialect == "postgresql":
            conn.execute(
                text(
                    "CREATE FUNCTION meja_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$"
                    " BEGIN RAISE EXCEPTION 'disk on fire for %', NEW.complainant; END $$"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER meja_test_fault BEFORE INSERT ON complaints"
                    " FOR EACH ROW EXECUTE FUNCTION meja_test_fault()"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE TRIGGER meja_test_fault BEFORE INSERT ON complaints"
                    " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
                )
            )
    try:
        yield
    finally:
        with crm.engine.begin() as conn:
            if crm.dialect == "postgresql":
                conn.execute(text("DROP TRIGGER IF EXISTS meja_test_fault ON complaints"))
                conn.execute(text("DROP FUNCTION IF EXISTS meja_test_fault()"))
            else:
                conn.execute(text("DROP TRIGGER IF EXISTS meja_test_fault"))


def _open311_form(**overrides: str) -> dict[str, str]:
    form = {
        "api_key": "k-logs",
        "service_code": "JALAN.RUSAK",
        "address_id": "31.71.01.1001",
        "description": f"Jalan rusak depan rumah {NAME}, NIK {NIK}, telepon {PHONE}.",
        "first_name": "Sulastri",
        "last_name": "Wijayakusuma",
        "phone": PHONE,
        "email": "sulastri@example.org",
        "address_string": "Jl. Kenari Rahasia No. 17",
    }
    form.update(overrides)
    return form


def _drive_everything(http: httpx2.Client, headers: dict[str, str]) -> dict[str, Any]:
    """Every path that logs or might, with personal data in the request; the answers
    that prove each path was taken."""
    item = complaint_item()
    seen: dict[str, Any] = {}
    push = "/api/v1/sync/complaints"
    seen["accepted"] = http.post(push, json={"items": [item]}, headers=headers).json()
    rejected = [
        complaint_item(channel="TIDAK.ADA"),  # unknown channel
        complaint_item(ticket_code="PBK1-XXXXXX"),  # bad ticket code
        complaint_item(
            complainant={**item["complainant"], "phone": f"0{PHONE}"}  # invalid phone
        ),
        complaint_item(
            attachments=[{"sha256": "a" * 64, "size": 3, "media_type": "image/png"}]
        ),  # attachment not uploaded
        {**complaint_item(), "ticket_code": item["ticket_code"]},  # code already taken
        {**item, "ticket_code": complaint_item()["ticket_code"]},  # id with another code
    ]
    seen["rejected"] = http.post(push, json={"items": rejected}, headers=headers).json()
    body = f'{{"items": [{{"name": "{NAME}", "nik": "{NIK}", "phone": "{PHONE}"'.encode()
    seen["malformed"] = http.post(
        push, content=body, headers={**headers, "Content-Type": "application/json"}
    ).status_code
    seen["bad_token"] = http.post(
        push, json={"items": [item]}, headers={"Authorization": f"Bearer {NIK}"}
    ).status_code
    http.post(push, json={"items": [complaint_item()]}, headers={**headers, "Idempotency-Key": "k"})
    seen["reused_key"] = http.post(
        push,
        json={"items": [complaint_item()]},
        headers={**headers, "Idempotency-Key": "k"},
    ).status_code
    seen["enrol"] = http.post(
        "/api/v1/enrol", json={"enrolment_code": NIK, "app_version": NAME[:40]}
    ).status_code
    seen["heartbeat"] = http.post(
        "/api/v1/sync/heartbeat",
        json={"pending_count": -1, "app_version": NAME},
        headers=headers,
    ).status_code
    seen["open311_refused"] = http.post(
        "/open311/v2/requests.json", data=_open311_form(address_id=NIK)
    ).status_code
    seen["tracking"] = http.get(f"/T/{item['ticket_code']}/{item['tracking_token']}").status_code
    lookup = "/api/v1/sync/lookup"  # the desk sees the other channels: keys in the body
    seen["lookups"] = [
        http.post(lookup, json={"kind": kind, "value": value, "officer": "ani"}, headers=headers)
        for kind, value in (("phone", PHONE), ("nik", NIK), ("phone", f"{NAME} {PHONE}0"))
    ]
    return seen


def test_nothing_personal_in_logs(
    crm: Crm,
    server: str,
    logged: _Everything,
    capfd: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    assert id_nik.is_valid(NIK) and NIK in PERSONAL and NAME.split()[0] in PERSONAL
    add_api_key(crm, "logs", "k-logs")
    code = crm.create_enrolment("PBK1", "Pendopo Balai Kota")
    with httpx2.Client(base_url=server, timeout=20) as http:
        token = http.post("/api/v1/enrol", json={"enrolment_code": code}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        seen = _drive_everything(http, headers)
        # Now the database fails under every new complaint: the 500 path.
        request.getfixturevalue("faulty_complaints")
        fault = http.post(
            "/api/v1/sync/complaints", json={"items": [complaint_item()]}, headers=headers
        )
        open311_fault = http.post("/open311/v2/requests.json", data=_open311_form())

    # Each path was taken.
    assert seen["accepted"]["results"][0]["outcome"] == "accepted"
    assert [r["outcome"] for r in seen["rejected"]["results"]] == ["rejected"] * 6
    assert (seen["malformed"], seen["bad_token"], seen["reused_key"]) == (400, 401, 422)
    assert (seen["enrol"], seen["heartbeat"], seen["open311_refused"]) == (401, 422, 400)
    assert seen["tracking"] == 200
    found, by_nik, refused = seen["lookups"]
    assert (
        found.json()["complaints"][0]["ticket_code"]
        == by_nik.json()["complaints"][0]["ticket_code"]
    )
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_phone"
    for answer in seen["lookups"]:
        assert_no_personal_data(answer.text)
    assert fault.status_code == 500 and fault.json()["error"]["code"] == "internal"
    assert open311_fault.status_code == 500

    out, err = capfd.readouterr()
    log_text = "\n".join(logged.lines)
    # The capture works: the 500s and uvicorn's access lines are in it.
    assert log_text.count("internal error") >= 2, log_text
    assert "POST /api/v1/sync/complaints" in log_text + out + err
    for where in (log_text, out, err):
        assert_no_personal_data(where)
        for value in (NIK, PHONE, PHONE.lstrip("+"), NAME):
            assert value not in where


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_logged_exception_gives_its_type_not_its_words(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The SMS worker and the server log through the same configuration: an exception's
    message (a database error quoting a row's phone number) never reaches the log."""
    import logging.config

    from crm_server.web.logs import log_config

    logging.config.dictConfig(log_config("info", fmt))
    try:
        try:
            raise ValueError('duplicate key (phone)=(+6281234567890) "Sulastri"')
        except ValueError:
            logging.getLogger("crm_server.sms_gateway.runner").exception("sms run failed")
        written = capsys.readouterr().err
        assert "sms run failed" in written and "ValueError" in written
        assert_no_personal_data(written)
        assert "Traceback" not in written
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
