"""A desk from before encryption is converted in place at the upgrade, safely: a
failure halfway leaves the plain database whole (and the next start converts it);
its attachment files are sealed too. The recovery key is read back exactly."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.desk_key import (
    DeskKeyStore,
    desk_keys,
    parse_recovery_text,
    recovery_text,
)
from desk_app.services.errors import UserFacingError
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.store import crypto
from desk_app.store.attachments import SEALED_MARKER

OFFICER = Officer("ani", "Ani", Role.OFFICER)
NIK = "3171015512880003"
PHOTO = b"\x89PNG\r\n\x1a\n" + b"isi-foto-rahasia " * 200


def _plain_desk(data_dir: Path) -> str:
    """A desk as an older version left it: plain database, plain files, no key."""
    desk = open_desk(data_dir)
    form = IntakeForm(
        name="Sulastri Wiryaningsih",
        nik=NIK,
        phone="081398765432",
        address="Jalan Kenari Tengah 47",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description="Jalan berlubang besar di depan pasar.",
        attachments=[AttachmentFile("foto.png", PHOTO)],
    )
    code = desk.intake.record(OFFICER, form).ticket_code
    keys = desk_keys(data_dir)
    desk.close()
    path = data_dir / "desk.sqlite3"
    conn = crypto.connect(path, keys, isolation_level=None)
    plain = data_dir / "plain.sqlite3"
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    conn.execute("SELECT sqlcipher_export('plain')")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA plain.user_version = {version}")
    conn.close()
    os.replace(plain, path)
    cipher = crypto.FileCipher(keys)
    for file in (data_dir / "files").glob("??/*"):
        file.write_bytes(cipher.open(file.read_bytes(), file.name))
    (data_dir / "files" / SEALED_MARKER).unlink()
    for kept in Path(os.environ["MEJA_KEY_DIR"]).iterdir():
        kept.unlink()  # no key yet, as before encryption
    assert crypto.is_plain_database(path)
    return code


def _plain_rows(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT ticket_code, nik FROM complaints").fetchall()


def test_a_plain_desk_is_converted_and_a_failure_halfway_loses_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    code = _plain_desk(data_dir)
    path = data_dir / "desk.sqlite3"
    assert _plain_rows(path) == [(code, NIK)]

    real_replace = os.replace

    def crash(source: Path, target: Path) -> None:
        if str(source).endswith(".encrypting"):  # after the copy's fsync, before the swap
            raise OSError("power cut")
        real_replace(source, target)

    monkeypatch.setattr(crypto.os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        open_desk(data_dir)
    monkeypatch.undo()
    assert _plain_rows(path) == [(code, NIK)]  # the plain file untouched, still whole
    assert (data_dir / "desk.sqlite3.encrypting").exists()  # the half-done copy

    desk = open_desk(data_dir)  # the next start converts it
    try:
        assert desk.database.encrypted
        with desk.database.read() as session:
            rows = session.connection().exec_driver_sql("SELECT ticket_code, nik FROM complaints")
            assert rows.all() == [(code, NIK)]
        assert desk.files.read(hashlib.sha256(PHOTO).hexdigest()) == PHOTO
    finally:
        desk.close()
    assert not (data_dir / "desk.sqlite3.encrypting").exists()
    assert not crypto.is_plain_database(path)
    for file in data_dir.rglob("*"):
        if file.is_file():
            blob = file.read_bytes()
            assert NIK.encode() not in blob and b"isi-foto-rahasia" not in blob, file
    with pytest.raises(sqlite3.DatabaseError):
        _plain_rows(path)


def test_a_failure_before_the_export_ends_leaves_the_plain_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    code = _plain_desk(data_dir)
    before = (data_dir / "desk.sqlite3").read_bytes()
    keys = crypto.DeskKeys.from_secret(crypto.new_secret())
    real_connect = crypto.connect

    def failing_connect(path: Path, keys: object, **kwargs: object) -> object:
        conn = real_connect(path, keys, **kwargs)  # type: ignore[arg-type]

        class Failing:
            def execute(self, sql: str, *args: object) -> object:
                if "sqlcipher_export" in sql:
                    raise sqlite3.OperationalError("disk I/O error")
                return conn.execute(sql, *args)

            def close(self) -> None:
                conn.close()

        return Failing()

    monkeypatch.setattr(crypto, "connect", failing_connect)
    with pytest.raises(sqlite3.OperationalError):
        crypto.encrypt_plain_database(data_dir / "desk.sqlite3", keys)
    monkeypatch.undo()
    assert (data_dir / "desk.sqlite3").read_bytes() == before
    assert _plain_rows(data_dir / "desk.sqlite3") == [(code, NIK)]


def test_the_recovery_key_reads_back_and_catches_a_typo(tmp_path: Path):
    secret = crypto.new_secret()
    text = recovery_text(secret)
    assert len(text.replace("-", "")) == 55 and text.count("-") == 10
    assert parse_recovery_text(text.lower().replace("-", " ")) == secret
    assert parse_recovery_text(text.replace("O", "0").replace("I", "1")) == secret
    typo = text[:7] + ("A" if text[7] != "A" else "B") + text[8:]
    with pytest.raises(UserFacingError):
        parse_recovery_text(typo)
    store = DeskKeyStore(tmp_path / "desk")
    store.save(secret)
    assert store.load() == secret
    assert store.file.parent != tmp_path / "desk"  # never beside the data it opens
    assert oct(store.file.stat().st_mode & 0o777) == "0o600"
    assert "keyring" in store.warning


def test_an_unknown_user_name_costs_one_argon2_check_like_a_known_one(data_dir: Path):
    """Equal time for a known and an unknown name: each sign-in makes one argon2
    verification with the same parameters (a dummy hash for a name that does not
    exist), and no hash besides; the answer is the same words."""
    from argon2 import PasswordHasher

    from desk_app.services.accounts import AccountService, desk_password_hasher
    from desk_app.services.errors import AuthFailed

    calls: list[tuple[str, str]] = []

    class Spy(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            calls.append(("verify", str(hash).split("$")[3]))
            return super().verify(hash, password)

        def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
            calls.append(("hash", ""))
            return super().hash(password, salt=salt)

    base = desk_password_hasher()
    spy = Spy(base.time_cost, base.memory_cost, base.parallelism)
    desk = open_desk(data_dir)
    try:
        desk.accounts.create_first_admin("admin", "Admin", "rahasia-sekali")
        accounts = AccountService(desk.database, desk.clock, spy)
        accounts.prepare_sign_in()  # the dummy hash is made while the officer types
        calls.clear()
        messages = []
        for name in ("admin", "tidak-ada"):
            with pytest.raises(AuthFailed) as refused:
                accounts.sign_in(name, "salah-sekali")
            messages.append(refused.value.message)
        assert messages[0] == messages[1]
        assert calls == [("verify", "m=19456,t=2,p=2")] * 2
    finally:
        desk.close()


def test_the_cli_shows_the_recovery_key_and_restores_a_lost_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    import io

    from desk_app.cli import main

    open_desk(data_dir).close()
    assert main(["--data-dir", str(data_dir), "recovery-key"]) == 0
    recovery = capsys.readouterr().out.strip()
    assert parse_recovery_text(recovery)
    slip = data_dir.parent / "kunci.pdf"
    assert main(["--data-dir", str(data_dir), "recovery-key", "--pdf", str(slip)]) == 0
    assert slip.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    for kept in Path(os.environ["MEJA_KEY_DIR"]).iterdir():
        kept.unlink()  # the key lost
    assert main(["--data-dir", str(data_dir), "list-users"]) == 2
    err = capsys.readouterr().err
    assert "kunci pemulihan" in err and "Traceback" not in err
    monkeypatch.setattr("sys.stdin", io.StringIO("BUKAN-KUNCI\n"))
    assert main(["--data-dir", str(data_dir), "restore-key", "--stdin"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(recovery + "\n"))
    assert main(["--data-dir", str(data_dir), "restore-key", "--stdin"]) == 0
    assert main(["--data-dir", str(data_dir), "list-users"]) == 0
