"""Console fixtures: the real application over the test client (HTTPS, so that the
secure cookies travel), one account per role with a known password, and
``signed_in(username)``: a client with that user's session and its CSRF token."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from crm_server.core.crm import Crm
from crm_server.core.staff_sign_in import hash_password
from crm_server.db.models import User
from crm_server.seed import DEMO_USERS

if TYPE_CHECKING:
    from tests.crm_server.console.browser import Browser

PASSWORD = "kata-sandi-uji-1"
_PRE = re.compile(r'name="pre_token" value="([^"]+)"')
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Console:
    client: TestClient
    csrf: str

    def get(self, url: str, **kwargs: object) -> object:
        return self.client.get(url, **kwargs)  # type: ignore[arg-type]

    def post(self, url: str, data: dict[str, str] | None = None, **kwargs: object) -> object:
        return self.client.post(  # type: ignore[arg-type]
            url, data={"csrf_token": self.csrf, **(data or {})}, **kwargs
        )


@pytest.fixture(scope="session")
def password_hash() -> str:
    """Hashed once: argon2 is slow on purpose (``set_password`` has its own tests)."""
    return hash_password(PASSWORD)


@pytest.fixture
def accounts(crm: Crm, password_hash: str) -> dict[str, str]:
    """One account per role (the demo users), each with ``PASSWORD``; their roles."""
    crm.settings = replace(crm.settings, console_failure_delay_ms=0)
    for user in DEMO_USERS:
        crm.create_user(user.username, user.display_name, user.role, user.unit_code)
    with crm.sessions.begin() as session:
        session.execute(update(User).values(password_hash=password_hash))
    return {u.username: u.role for u in DEMO_USERS}


def new_client(app: FastAPI) -> TestClient:
    return TestClient(
        app, base_url="https://testserver", raise_server_exceptions=False, follow_redirects=False
    )


def pre_token(client: TestClient) -> str:
    page = client.get("/console/login")
    match = _PRE.search(page.text)
    assert match, page.text
    return match.group(1)


def sign_in_with(client: TestClient, username: str, password: str = PASSWORD) -> object:
    return client.post(
        "/console/login",
        data={"username": username, "password": password, "pre_token": pre_token(client)},
    )


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.fixture
def signed_in(app: FastAPI, accounts: dict[str, str]) -> Iterator[Callable[[str], Console]]:
    clients: list[TestClient] = []

    def sign_in(username: str) -> Console:
        client = new_client(app)
        client.__enter__()
        clients.append(client)
        answer = sign_in_with(client, username)
        assert answer.status_code == 303, answer.text  # type: ignore[attr-defined]
        return Console(client, csrf_of(client.get("/console/").text))

    yield sign_in
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def browser(live_server: str, artifacts_dir: Path) -> Iterator[Browser]:
    """Chromium through Selenium against the live server (see browser.py)."""
    from tests.crm_server.console.browser import started_browser

    with started_browser(live_server, artifacts_dir) as started:
        yield started
