"""The CRM as two worker processes on one PostgreSQL (``crm-server serve --workers
2``, for real): a client over the rate limit is refused whichever worker answers, a
staff session made on one worker is valid on the other, and a periodic job started
by both at the same moment runs once. Each answer names its worker (``X-Worker``),
so the test knows that both took part."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from crm_server.core.auth import create_user
from crm_server.core.crm import Crm
from crm_server.core.staff_sign_in import set_password
from crm_server.db.engine import migrate
from crm_server.db.models import JobRun
from crm_server.settings import Settings
from tests.crm_server.conftest import free_port

PASSWORD = "kata-sandi-uji-1"


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[str]:
    name = f"meja_workers_{os.getpid()}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    migrate(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def two_workers(pg_database: str, tmp_path: Path) -> Iterator[str]:
    crm = Crm(Settings(data_dir=tmp_path, database_url=pg_database))
    crm.ensure_reference_data()
    create_user(crm, "verifikator", "Verifikator", "verifier")
    set_password(crm, "verifikator", PASSWORD)
    crm.close()
    port = free_port()
    env = {
        **os.environ,
        "MEJA_CRM_DATABASE_URL": pg_database,
        "MEJA_CRM_DATA_DIR": str(tmp_path),
        "MEJA_CRM_TRACKING_PER_MINUTE": "6",
        "MEJA_CRM_CONSOLE_FAILURE_DELAY_MS": "0",
        "MEJA_CRM_JOB_TICK_SECONDS": "1",
        "MEJA_CRM_RUN_JOBS": "1",
        "MEJA_CRM_SECURE_COOKIES": "0",  # plain HTTP on loopback here
        "MEJA_CRM_LOG_LEVEL": "warning",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "crm_server.cli", "serve", "--workers", "2", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # a loaded 2-core machine starts Python slowly
    workers: set[str] = set()
    while len(workers) < 2:  # both workers up and answering
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            output = server.stdout.read().decode() if server.stdout else ""
            pytest.fail(f"two workers did not come up:\n{output[-3000:]}")
        try:
            with httpx2.Client(base_url=base, timeout=5) as http:  # a new connection each
                answer = http.get("/readyz")
                if answer.status_code == 200:
                    workers.add(answer.headers["x-worker"])
        except httpx2.TransportError:
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=60)


def fresh(base: str) -> httpx2.Client:
    """A new connection: the kernel hands it to either worker."""
    return httpx2.Client(base_url=base, timeout=10, follow_redirects=False)


@pytest.mark.slow
def test_two_workers_share_limits_sessions_and_jobs(two_workers: str, pg_database: str) -> None:
    base = two_workers
    # -- the rate limit counts across both workers: 6 a minute, whoever answers
    answers = []
    for _ in range(40):
        with fresh(base) as http:
            answer = http.get("/T/NOT-A-CODE/ABCDEF")
            answers.append((answer.status_code, answer.headers["x-worker"]))
    allowed = [worker for status, worker in answers if status == 404]
    refused = {worker for status, worker in answers if status == 429}
    assert len(allowed) == 6, answers
    assert len(refused) == 2, "both workers refused once the shared limit was reached"

    # -- a session made on one worker opens pages on the other
    with fresh(base) as http:
        page = http.get("/console/login")
        pre = re.search(r'name="pre_token" value="([^"]+)"', page.text)
        assert pre is not None
        signed = http.post(
            "/console/login",
            data={"username": "verifikator", "password": PASSWORD, "pre_token": pre.group(1)},
        )
        assert signed.status_code == 303
        cookie = signed.cookies["meja_console"]
        made_on = signed.headers["x-worker"]
    served_by = set()
    for _ in range(40):
        with fresh(base) as http:
            http.cookies.set("meja_console", cookie)
            inbox = http.get("/console/")
            assert inbox.status_code == 200, inbox.headers.get("location")
            served_by.add(inbox.headers["x-worker"])
        if len(served_by - {made_on}) > 0:
            break
    assert served_by - {made_on}, "no other worker answered in 40 connections"

    # -- the metrics of both workers add up, whichever worker is scraped
    with fresh(base) as http:
        text = http.get("/metrics").text
    counted = sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("meja_http_request_duration_seconds_count")
        and 'route="/T/{code}/{token}"' in line
    )
    assert counted == 40

    # -- both workers tick every second; each job ran once
    time.sleep(3)
    engine = create_engine(pg_database)
    with engine.connect() as conn:
        runs = dict(conn.execute(select(JobRun.name, JobRun.runs)).all())
    engine.dispose()
    assert runs and set(runs.values()) == {1}, runs
