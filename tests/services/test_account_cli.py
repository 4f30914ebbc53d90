"""``desk-app add-user`` and ``desk-app list-users``, run as the officer runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.services.desk import open_desk
from desk_app.services.errors import PasswordChangeRequired
from desk_app.store.db import Database


def desk_app(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desk_app.cli", "--data-dir", str(data), *args],
        input=stdin,
        text=True,
        capture_output=True,
        check=False,
    )


def test_add_user_and_list_users_from_the_command_line(tmp_path: Path):
    data = tmp_path / "desk"
    admin = ("create-admin", "--username", "admin", "--name", "Admin Meja", "--password-stdin")
    assert desk_app(data, *admin, stdin="rahasia-admin\n").returncode == 0
    added = desk_app(
        data,
        *("add-user", "budi", "--name", "Budi Santoso", "--role", "officer"),
        "--password-stdin",
        stdin="sementara-1\n",
    )
    assert added.returncode == 0, added.stderr
    assert "budi" in added.stdout and "pertama kali masuk" in added.stdout
    again = desk_app(
        data, "add-user", "budi", "--name", "B", "--role", "admin", "--password-stdin",
        stdin="sementara-1\n",
    )  # fmt: skip
    assert again.returncode == 2 and "sudah dipakai" in again.stderr
    wrong_role = desk_app(data, "add-user", "x", "--name", "X", "--role", "root")
    assert wrong_role.returncode == 2 and "invalid choice" in wrong_role.stderr

    desk = open_desk(data)
    try:
        with pytest.raises(PasswordChangeRequired):
            desk.accounts.sign_in("budi", "sementara-1")
        desk.accounts.change_password_at_sign_in("budi", "sementara-1", "pilihan-budi")
        hashes = [desk_hash for desk_hash in _hashes(desk.database)]
    finally:
        desk.close()

    listed = desk_app(data, "list-users")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["USERNAME", "NAMA", "PERAN", "AKTIF", "MASUK", "TERAKHIR", "(UTC)"]
    assert lines[1].split()[:4] == ["admin", "Admin", "Meja", "admin"]
    assert lines[1].rstrip().endswith("-")  # never signed in
    budi = lines[2].split()
    assert budi[:5] == ["budi", "Budi", "Santoso", "officer", "ya"] and budi[5].startswith("20")
    assert not any(h in listed.stdout for h in hashes) and "$argon2" not in listed.stdout


def test_add_user_asks_twice_and_can_keep_the_typed_password(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    import getpass

    monkeypatch.setenv("MEJA_ADMIN_PASSWORD", "bukan-untuk-cici")  # the first admin's only
    desk = open_desk(data_dir)
    desk.accounts.create_first_admin("admin", "Admin", "rahasia-admin")
    desk.close()
    typed = iter(["milik-cici-1", "lain-sekali"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))
    base = ["--data-dir", str(data_dir), "add-user", "cici", "--name", "Cici", "--role"]
    assert main([*base, "supervisor"]) == 2
    assert "tidak sama" in capsys.readouterr().err
    typed = iter(["milik-cici-1", "milik-cici-1"])
    assert main([*base, "supervisor", "--no-password-change"]) == 0
    desk = open_desk(data_dir)
    try:
        assert desk.accounts.sign_in("cici", "milik-cici-1").role.value == "supervisor"
    finally:
        desk.close()


def _hashes(database: Database) -> list[str]:
    with database.raw_connection() as raw:
        return [h for (h,) in raw.execute("SELECT password_hash FROM officers")]
