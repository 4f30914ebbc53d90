"""CRM fixtures: the same tests run against SQLite and PostgreSQL.

PostgreSQL gets a fresh database per test session (``meja_test_<random>``), dropped
at the end. Between tests every table is emptied, which is much faster than a new
database per test and leaves no state behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from complaint_domain.complaint import WIB
from complaint_domain.ticket import mint, new_tracking_token
from crm_server.app import create_app
from crm_server.core.crm import Crm
from crm_server.db.engine import migrate
from crm_server.seed import DEMO_USERS
from crm_server.settings import Settings

KELURAHAN = "31.71.01.1001"  # Gambir, Jakarta Pusat (in the demo area set)
# A Wednesday with no holiday around it: time-limit arithmetic stays readable.
START = dt.datetime(2026, 11, 18, 2, 0, tzinfo=dt.UTC)


class FakeClock:
    """A clock the test moves by hand (working-day rules depend on the date)."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('crm-db') / 'crm.sqlite3'}"
        migrate(url)
        yield url
        return
    base = request.getfixturevalue("postgres_url")
    name = f"meja_test_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def crm(database_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[Crm]:
    settings = Settings(data_dir=tmp_path / "crm-data", database_url=database_url)
    crm = Crm(settings, clock=clock)
    crm.reset_all()
    crm.ensure_reference_data()
    yield crm
    crm.close()


@pytest.fixture
def sqlite_only(crm: Crm) -> None:
    """For the browser tests: what they look at is HTML, the same on either database."""
    if crm.dialect != "sqlite":
        pytest.skip("the browser checks look at HTML, which does not depend on the database")


@pytest.fixture
def app(crm: Crm) -> FastAPI:
    return create_app(crm=crm)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def desk(crm: Crm, client: TestClient) -> dict[str, str]:
    """An enrolled desk PBK1: its code and its bearer headers."""
    code = crm.create_enrolment("PBK1", "Pendopo Balai Kota")
    answer = client.post("/api/v1/enrol", json={"enrolment_code": code})
    assert answer.status_code == 200, answer.text
    token = answer.json()["token"]
    return {"code": "PBK1", "token": token, "Authorization": f"Bearer {token}"}


def auth(desk: dict[str, str]) -> dict[str, str]:
    return {"Authorization": desk["Authorization"]}


@pytest.fixture
def staff(crm: Crm) -> dict[str, dict[str, str]]:
    """Bearer headers of one demo user per role, by username."""
    return {
        u.username: {
            "Authorization": "Bearer "
            + crm.create_user(u.username, u.display_name, u.role, u.unit_code)
        }
        for u in DEMO_USERS
    }


_SEQ = iter(range(1, 10_000))


def complaint_item(
    desk: str = "PBK1",
    *,
    seq: int | None = None,
    day: dt.date = dt.date(2026, 11, 18),
    **overrides: Any,
) -> dict[str, Any]:
    """A complaint as the desk sends it; personal data chosen to be easy to grep for."""
    created = dt.datetime.combine(day, dt.time(8, 30), WIB)
    item: dict[str, Any] = {
        "type": "complaint",
        "id": str(uuid.uuid4()),
        "ticket_code": str(mint(desk, day, seq or next(_SEQ))),
        "tracking_token": new_tracking_token(),
        "created_at": created.isoformat(),
        "channel": "PENDOPO",
        "officer": "Petugas Satu",
        "urgency": "normal",
        "category_code": "JALAN.RUSAK",
        "description": "Jalan berlubang di depan rumah Bu Sulastri, sudah dua bulan.",
        "earlier_references": ["JAKI-123"],
        "complainant": {
            "name": "Sulastri Wijayakusuma",
            "nik": "3171014506780003",
            "phone": "+6281234567890",
            "address": "Jl. Kenari Rahasia No. 17",
            "keep_identity_private": False,
            "consent_given_at": created.isoformat(),
        },
        "location": {
            "kelurahan_code": KELURAHAN,
            "rt_rw": "003/007",
            "street": "Jl. Kenari Rahasia",
            "landmark": "depan warung",
            "latitude": -6.17,
            "longitude": 106.82,
        },
        "attachments": [],
    }
    item.update(overrides)
    return item


def event_item(complaint: dict[str, Any], note: str, **overrides: Any) -> dict[str, Any]:
    """A "citizen came again" event on ``complaint``, as the desk sends it."""
    event: dict[str, Any] = {
        "type": "event",
        "id": str(uuid.uuid4()),
        "complaint_id": complaint["id"],
        "ticket_code": complaint["ticket_code"],
        "kind": "citizen_added",
        "at": complaint["created_at"],
        "note": note,
        "attachments": [],
    }
    event.update(overrides)
    return event


PERSONAL = ("Sulastri", "3171014506780003", "6281234567890", "Kenari Rahasia", "Bu Sulastri")


def assert_no_personal_data(text: str) -> None:
    for secret in PERSONAL:
        assert secret not in text, f"personal data {secret!r} leaked"


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def push(client: TestClient, desk: dict[str, str]) -> Callable[..., dict[str, Any]]:
    def _push(*items: dict[str, Any], headers: dict[str, str] | None = None) -> dict[str, Any]:
        answer = client.post(
            "/api/v1/sync/complaints",
            json={"items": list(items)},
            headers={**auth(desk), **(headers or {})},
        )
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result

    return _push


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[str]:
    """The app under a real uvicorn on 127.0.0.1, in a thread; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
