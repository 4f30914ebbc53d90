"""Signing in to the console: argon2 passwords, sessions in the database with
secure cookies, CSRF on every form, sign-out, the idle time-out, the lockout of an
account and the limit per address. Through the real application."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from fastapi import FastAPI
from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.db.models import AuditEntry, StaffSession, User
from tests.crm_server.conftest import FakeClock
from tests.crm_server.console.conftest import (
    PASSWORD,
    Console,
    new_client,
    pre_token,
    sign_in_with,
)


def test_sign_in_sets_a_secure_http_only_same_site_cookie(app: FastAPI, accounts: dict) -> None:
    with new_client(app) as client:
        answer = sign_in_with(client, "lurah.gambir")
        assert answer.status_code == 303
        assert answer.headers["location"] == "/console/"
        cookie = next(
            c for c in answer.headers.get_list("set-cookie") if c.startswith("meja_console=")
        )
        lowered = cookie.lower()
        assert "secure" in lowered and "httponly" in lowered and "samesite=strict" in lowered
        inbox = client.get("/console/")
        assert inbox.status_code == 200
        assert "Staf Kelurahan Gambir" in inbox.text
        assert inbox.headers["cache-control"] == "no-store"


def test_the_database_keeps_only_a_hash_of_the_session(
    app: FastAPI, crm: Crm, accounts: dict
) -> None:
    with new_client(app) as client:
        sign_in_with(client, "verifikator")
        secret = client.cookies.get("meja_console")
    assert secret
    with crm.sessions() as session:
        stored = session.scalars(select(StaffSession.id_hash)).all()
        hashed = session.scalar(select(User.password_hash).where(User.username == "verifikator"))
    assert len(stored) == 1 and secret not in stored[0]
    assert hashed and hashed.startswith("$argon2id$") and PASSWORD not in hashed


def test_a_page_without_a_session_sends_to_the_sign_in(app: FastAPI) -> None:
    with new_client(app) as client:
        answer = client.get("/console/")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/console/login?next=/console/")


def test_wrong_password_and_unknown_user_get_the_same_answer(app: FastAPI, accounts: dict) -> None:
    with new_client(app) as client:
        wrong = sign_in_with(client, "lurah.gambir", "bukan-sandinya")
        unknown = sign_in_with(client, "tidak.ada", "bukan-sandinya")
    assert wrong.status_code == unknown.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in wrong.text
    assert "Nama pengguna atau kata sandi salah." in unknown.text
    assert "meja_console=" not in wrong.headers.get("set-cookie", "")


def test_sign_in_renews_the_session_and_ends_the_old_one(app: FastAPI, accounts: dict) -> None:
    with new_client(app) as client:
        sign_in_with(client, "lurah.gambir")
        first = client.cookies.get("meja_console")
        sign_in_with(client, "lurah.gambir")
        second = client.cookies.get("meja_console")
        assert first and second and first != second
    assert opens_nothing(app, first)


def opens_nothing(app: FastAPI, secret: str) -> bool:
    with new_client(app) as other:
        other.cookies.set("meja_console", secret)
        return other.get("/console/").status_code == 303


def test_a_planted_session_id_does_not_survive_the_sign_in(app: FastAPI, accounts: dict) -> None:
    """Session fixation: a cookie value chosen by an attacker is never the session."""
    with new_client(app) as client:
        client.cookies.set("meja_console", "chosen-by-an-attacker")
        answer = sign_in_with(client, "verifikator")
        given = answer.headers["set-cookie"].split("meja_console=")[1].split(";")[0]
    assert given != "chosen-by-an-attacker"
    assert opens_nothing(app, "chosen-by-an-attacker") and not opens_nothing(app, given)


def test_the_sign_in_form_is_refused_without_its_token(app: FastAPI, accounts: dict) -> None:
    with new_client(app) as client:
        pre_token(client)
        answer = client.post(
            "/console/login",
            data={"username": "verifikator", "password": PASSWORD, "pre_token": "forged"},
        )
    assert answer.status_code == 400
    assert "meja_console=" not in answer.headers.get("set-cookie", "")


def test_a_form_posted_without_its_csrf_token_is_refused(
    signed_in: Callable[[str], Console],
) -> None:
    console = signed_in("lurah.gambir")
    forged = console.client.post("/console/logout", data={})
    assert forged.status_code == 400
    assert "Formulir kedaluwarsa" in forged.text
    wrong = console.client.post("/console/logout", data={"csrf_token": "x" * 43})
    assert wrong.status_code == 400
    assert console.client.get("/console/").status_code == 200  # still signed in
    out = console.post("/console/logout")
    assert out.status_code == 303 and out.headers["location"] == "/console/login?out=1"
    assert console.client.get("/console/").status_code == 303


def test_an_idle_session_ends(
    signed_in: Callable[[str], Console], clock: FakeClock, crm: Crm
) -> None:
    console = signed_in("verifikator")
    clock.advance(minutes=crm.settings.console_idle_minutes - 1)
    assert console.client.get("/console/").status_code == 200  # touched: idle again from now
    clock.advance(minutes=crm.settings.console_idle_minutes + 1)
    answer = console.client.get("/console/")
    assert answer.status_code == 303 and "expired=1" in answer.headers["location"]
    page = console.client.get(answer.headers["location"])
    assert "Sesi Anda berakhir" in page.text


def test_an_account_is_locked_after_wrong_passwords_in_a_row(
    app: FastAPI, crm: Crm, clock: FakeClock, accounts: dict
) -> None:
    with new_client(app) as client:
        for _ in range(crm.settings.console_lock_after):
            assert sign_in_with(client, "dinas.binamarga", "salah-salah-salah").status_code == 401
        locked = sign_in_with(client, "dinas.binamarga")  # even the right password
        assert locked.status_code == 429
        assert "dikunci sementara" in locked.text
        clock.advance(minutes=crm.settings.console_lock_minutes + 1)
        assert sign_in_with(client, "dinas.binamarga").status_code == 303
    with crm.sessions() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "account_locked" in actions


def test_one_address_gets_only_so_many_wrong_sign_ins(
    app: FastAPI, crm: Crm, clock: FakeClock, accounts: dict
) -> None:
    crm.settings = replace(crm.settings, console_address_failures=4, console_lock_after=100)
    names = ["a.satu", "b.dua", "c.tiga", "d.empat"]
    with new_client(app) as client:
        for name in names:  # different names: no account lockout helps here
            assert sign_in_with(client, name, "tebakan-tebakan").status_code == 401
        limited = sign_in_with(client, "verifikator")
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) > 0
        assert "dari jaringan Anda" in limited.text
        clock.advance(minutes=crm.settings.console_address_window_minutes, seconds=1)
        assert sign_in_with(client, "verifikator").status_code == 303


def test_next_never_leads_off_the_console(app: FastAPI, accounts: dict) -> None:
    with new_client(app) as client:
        answer = client.post(
            "/console/login",
            data={
                "username": "verifikator",
                "password": PASSWORD,
                "pre_token": pre_token(client),
                "next": "//evil.example/console/",
            },
        )
    assert answer.status_code == 303 and answer.headers["location"] == "/console/"


def test_english_is_a_cookie_away(app: FastAPI) -> None:
    with new_client(app) as client:
        answer = client.get("/console/lang/en?next=/console/login")
        assert answer.status_code == 303
        page = client.get("/console/login")
    assert "Sign in to the staff console" in page.text and 'lang="en"' in page.text


def test_an_inactive_account_cannot_sign_in(app: FastAPI, crm: Crm, accounts: dict) -> None:
    with crm.sessions.begin() as session:
        user = session.scalar(select(User).where(User.username == "verifikator"))
        assert user is not None
        user.active = False
    with new_client(app) as client:
        assert sign_in_with(client, "verifikator").status_code == 401


def test_sessions_expire_after_their_lifetime_whatever_happens(
    signed_in: Callable[[str], Console], clock: FakeClock, crm: Crm
) -> None:
    console = signed_in("verifikator")
    end = dt.timedelta(hours=crm.settings.console_session_hours)
    step = dt.timedelta(minutes=crm.settings.console_idle_minutes - 2)
    moved = dt.timedelta()
    while moved + step < end:
        clock.advance(seconds=step.total_seconds())
        moved += step
        assert console.client.get("/console/").status_code == 200
    clock.advance(seconds=step.total_seconds())
    assert console.client.get("/console/").status_code == 303


def test_set_password_refuses_a_short_one_and_ends_sessions(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    import pytest

    from crm_server.core.staff_sign_in import WeakPassword, set_password

    with pytest.raises(WeakPassword):
        set_password(crm, "verifikator", "pendek")
    console = signed_in("verifikator")
    set_password(crm, "verifikator", "sandi-baru-yang-panjang", actor="admin.crm")
    assert console.client.get("/console/").status_code == 303
    with crm.sessions() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "password_set"))
        assert [(a.actor, a.subject) for a in audit] == [("admin.crm", "verifikator")]
