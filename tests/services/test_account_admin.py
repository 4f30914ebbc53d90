"""Accounts an admin manages, through the service's public surface on a real desk
(SQLite in a temporary folder): add, role, reset, disable, the first sign-in's own
password, the last admin kept, non-admins refused, and every change audited."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.services.accounts import COMMAND_LINE, Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.errors import (
    AuthFailed,
    NotFound,
    PasswordChangeRequired,
    PermissionDenied,
    UserFacingError,
)
from desk_app.store.db import SCHEMA_HEAD, Database, current_revision, migrate
from tests import dbdump


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def desk(data_dir: Path) -> Iterator[Desk]:
    d = open_desk(data_dir, clock=Clock())
    yield d
    d.close()


@pytest.fixture
def admin(desk: Desk) -> Officer:
    return desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin")


def audit_rows(desk: Desk) -> list[tuple[str, str, str, dict[str, object]]]:
    with desk.database.raw_connection() as raw:
        rows = raw.execute("SELECT actor, action, subject, details FROM audit_log ORDER BY pk")
        return [(a, b, c, json.loads(d)) for a, b, c, d in rows]


def test_a_new_account_chooses_its_own_password_at_the_first_sign_in(desk: Desk, admin: Officer):
    desk.accounts.add_account(admin, "Budi", "Budi Santoso", "sementara-1", Role.OFFICER)
    with pytest.raises(PasswordChangeRequired, match="Pilih kata sandi baru") as asked:
        desk.accounts.sign_in("budi", "sementara-1")
    assert asked.value.username == "budi"
    with pytest.raises(AuthFailed, match="salah"):  # the temporary password is checked again
        desk.accounts.change_password_at_sign_in("budi", "tebakan-saja", "pilihan-budi")
    with pytest.raises(UserFacingError, match="8 karakter"):  # the same rules as any
        desk.accounts.change_password_at_sign_in("budi", "sementara-1", "pendek")
    with pytest.raises(AuthFailed, match="berbeda"):
        desk.accounts.change_password_at_sign_in("budi", "sementara-1", "sementara-1")
    budi = desk.accounts.change_password_at_sign_in("budi", "sementara-1", "pilihan-budi")
    assert budi == Officer("budi", "Budi Santoso", Role.OFFICER)
    with pytest.raises(AuthFailed, match="salah"):
        desk.accounts.sign_in("budi", "sementara-1")
    assert desk.accounts.sign_in("budi", "pilihan-budi") == budi
    listed = {a.username: a for a in desk.accounts.list_accounts(admin)}
    assert not listed["budi"].must_change_password and listed["budi"].enabled
    assert listed["budi"].last_sign_in_at == desk.clock.now  # type: ignore[attr-defined]


def test_role_reset_disable_and_enable(desk: Desk, admin: Officer):
    desk.accounts.add_account(admin, "cici", "Cici", "sementara-1", Role.OFFICER)
    desk.accounts.change_password_at_sign_in("cici", "sementara-1", "pilihan-cici")
    desk.accounts.set_role(admin, "cici", Role.SUPERVISOR)
    assert desk.accounts.sign_in("cici", "pilihan-cici").role is Role.SUPERVISOR

    desk.accounts.reset_password(admin, "cici", "reset-sementara")
    with pytest.raises(AuthFailed, match="salah"):
        desk.accounts.sign_in("cici", "pilihan-cici")
    with pytest.raises(PasswordChangeRequired):
        desk.accounts.sign_in("cici", "reset-sementara")
    desk.accounts.change_password_at_sign_in("cici", "reset-sementara", "baru-lagi-cici")

    desk.accounts.set_active(admin, "cici", False)
    with pytest.raises(AuthFailed, match="dinonaktifkan"):  # a clear message ...
        desk.accounts.sign_in("cici", "baru-lagi-cici")
    with pytest.raises(AuthFailed, match="salah"):  # ... only to who knows the password
        desk.accounts.sign_in("cici", "tebakan-saja")
    assert not {a.username: a for a in desk.accounts.list_accounts(admin)}["cici"].enabled
    desk.accounts.set_active(admin, "cici", True)
    assert desk.accounts.sign_in("cici", "baru-lagi-cici").username == "cici"
    with pytest.raises(NotFound, match="tidak ada"):
        desk.accounts.set_role(admin, "tidakada", Role.ADMIN)


def test_the_last_enabled_admin_is_kept(desk: Desk, admin: Officer):
    with pytest.raises(UserFacingError, match="admin aktif terakhir"):
        desk.accounts.set_role(admin, "admin", Role.OFFICER)
    with pytest.raises(UserFacingError, match="admin aktif terakhir"):
        desk.accounts.set_active(admin, "admin", False)
    desk.accounts.add_account(admin, "dewi", "Dewi", "sementara-1", Role.ADMIN)
    desk.accounts.set_active(admin, "dewi", False)  # a second admin, disabled ...
    with pytest.raises(UserFacingError, match="admin aktif terakhir"):
        desk.accounts.set_role(admin, "admin", Role.OFFICER)  # ... does not count
    desk.accounts.set_active(admin, "dewi", True)
    desk.accounts.set_role(admin, "admin", Role.SUPERVISOR)  # now another admin is enabled
    dewi = Officer("dewi", "Dewi", Role.ADMIN)
    with pytest.raises(UserFacingError, match="admin aktif terakhir"):
        desk.accounts.set_active(dewi, "dewi", False)
    # The demoted admin's sign-in still says "admin": the service asks the database.
    with pytest.raises(PermissionDenied):
        desk.accounts.add_account(admin, "eko", "Eko", "sementara-1", Role.ADMIN)


def test_an_officer_or_supervisor_actor_is_refused_by_the_service(desk: Desk, admin: Officer):
    desk.accounts.add_account(admin, "budi", "Budi", "sementara-1", Role.OFFICER)
    before = audit_rows(desk)
    for actor in (Officer("budi", "Budi", Role.OFFICER), Officer("k", "K", Role.SUPERVISOR)):
        for attempt in (
            lambda actor=actor: desk.accounts.add_account(
                actor, "eko", "Eko", "sementara-1", Role.ADMIN
            ),
            lambda actor=actor: desk.accounts.set_role(actor, "budi", Role.ADMIN),
            lambda actor=actor: desk.accounts.reset_password(actor, "admin", "ambil-alih-1"),
            lambda actor=actor: desk.accounts.set_active(actor, "admin", False),
            lambda actor=actor: desk.accounts.list_accounts(actor),
        ):
            with pytest.raises(PermissionDenied, match="hanya untuk Admin"):
                attempt()
    # An officer object that claims to be an admin is refused too: the database decides.
    with pytest.raises(PermissionDenied):
        desk.accounts.set_role(Officer("budi", "Budi", Role.ADMIN), "budi", Role.ADMIN)
    assert audit_rows(desk) == before
    assert desk.accounts.sign_in("admin", "rahasia-admin").role is Role.ADMIN


def test_each_change_writes_an_audit_row_and_never_the_password(desk: Desk, admin: Officer):
    desk.accounts.add_account(admin, "budi", "Budi", "sementara-1", Role.OFFICER)
    desk.accounts.set_role(admin, "budi", Role.SUPERVISOR)
    desk.accounts.reset_password(admin, "budi", "sementara-2")
    desk.accounts.set_active(admin, "budi", False)
    desk.accounts.set_active(admin, "budi", True)
    desk.accounts.add_account(COMMAND_LINE, "cici", "Cici", "sementara-3", Role.OFFICER)
    desk.accounts.change_password_at_sign_in("budi", "sementara-2", "pilihan-budi")
    rows = [r for r in audit_rows(desk) if r[1].startswith("account.")]
    assert [(a, b, c) for a, b, c, _ in rows] == [
        ("admin", "account.first_admin", "admin"),
        ("admin", "account.add", "budi"),
        ("admin", "account.role", "budi"),
        ("admin", "account.password_reset", "budi"),
        ("admin", "account.disabled", "budi"),
        ("admin", "account.enabled", "budi"),
        ("(cli)", "account.add", "cici"),
        ("budi", "account.password_changed", "budi"),
    ]
    assert rows[1][3] == {"role": "officer", "must_change_password": True}
    assert rows[2][3] == {"before": "officer", "after": "supervisor"}
    dump = "\n".join(dbdump.dump(desk.database))
    for secret in ("sementara-1", "sementara-2", "sementara-3", "pilihan-budi"):
        assert secret not in dump


def test_an_old_desk_keeps_its_accounts_after_the_migration(tmp_path: Path):
    old = Database(tmp_path / "desk.sqlite3")
    migrate(old, "0003")
    with old.raw_connection() as raw:
        raw.execute(
            "INSERT INTO officers (username, display_name, role, password_hash, active,"
            " created_at, failed_attempts) VALUES ('ani','Ani','admin','x',1,"
            "'2026-11-22 01:00:00',0)"
        )
    migrate(old)
    assert current_revision(old) == SCHEMA_HEAD
    with old.raw_connection() as raw:
        assert raw.execute(
            "SELECT must_change_password, last_sign_in_at FROM officers"
        ).fetchall() == [(0, None)]
