from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.errors import AuthFailed, PermissionDenied, UserFacingError
from desk_app.services.intake import IntakeForm
from desk_app.services.settings import Settings, load_settings, save_settings
from tests import dbdump


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def desk(data_dir: Path):
    d = open_desk(data_dir, clock=Clock())
    yield d
    d.close()


def test_first_admin_then_roles_are_enforced_by_services(desk):
    assert not desk.accounts.has_accounts()
    admin = desk.accounts.create_first_admin("Admin", "Admin Meja", "rahasia-sekali")
    assert admin.username == "admin" and admin.role is Role.ADMIN
    with pytest.raises(PermissionDenied):
        desk.accounts.create_first_admin("admin2", "Lagi", "rahasia-sekali")
    officer = desk.accounts.add_account(admin, "ani", "Ani", "kata-sandi-ani", Role.OFFICER)
    with pytest.raises(PermissionDenied, match="Admin"):
        desk.accounts.add_account(officer, "budi", "Budi", "kata-sandi-budi", Role.ADMIN)
    with pytest.raises(PermissionDenied):
        desk.save_settings(officer, Settings())
    with pytest.raises(PermissionDenied, match="masuk"):
        desk.intake.record(None, IntakeForm())  # type: ignore[arg-type]
    supervisor = Officer("k", "Koordinator", Role.SUPERVISOR)
    assert supervisor.has(Role.OFFICER) and not supervisor.has(Role.ADMIN)


def test_sign_in_checks_argon2_hash_and_locks_after_five_failures(desk):
    admin = desk.accounts.create_first_admin("admin", "Admin", "rahasia-sekali")
    desk.accounts.add_account(
        admin, "ani", "Ani", "kata-sandi-ani", Role.OFFICER, must_change_password=False
    )
    with desk.database.read() as session:
        stored = session.execute(
            text("SELECT password_hash FROM officers WHERE username='ani'")
        ).scalar()
    assert stored.startswith("$argon2id$") and "kata-sandi-ani" not in stored
    assert desk.accounts.sign_in(" ANI ", "kata-sandi-ani").role is Role.OFFICER
    for _ in range(4):
        with pytest.raises(AuthFailed, match="salah"):
            desk.accounts.sign_in("ani", "salah-salah")
    with pytest.raises(AuthFailed, match="dikunci"):
        desk.accounts.sign_in("ani", "salah-salah")
    with pytest.raises(AuthFailed, match="dikunci"):
        desk.accounts.sign_in("ani", "kata-sandi-ani")
    desk.clock.now += dt.timedelta(minutes=6)
    assert desk.accounts.sign_in("ani", "kata-sandi-ani").username == "ani"
    with pytest.raises(AuthFailed, match="salah"):
        desk.accounts.sign_in("tidakada", "apa-saja-1")


def test_weak_or_bad_account_data_is_refused(desk):
    with pytest.raises(UserFacingError, match="8 karakter"):
        desk.accounts.create_first_admin("admin", "Admin", "pendek")
    with pytest.raises(UserFacingError, match="huruf"):
        desk.accounts.create_first_admin("ad min!", "Admin", "rahasia-sekali")


def test_settings_defaults_roundtrip_and_bad_files(tmp_path: Path):
    path = tmp_path / "settings.json"
    settings, warnings = load_settings(path)
    assert settings == Settings() and warnings == []
    settings.font_scale = 175
    settings.extra_leave_days = ["2026-12-24"]
    save_settings(path, settings)
    assert load_settings(path)[0].font_scale == 175
    path.write_text(json.dumps({"font_scale": 900, "language": 3, "unknown": 1}))
    loaded, warnings = load_settings(path)
    assert loaded.font_scale == 100 and loaded.language == "id"
    assert any("Ukuran huruf" in w for w in warnings)
    path.write_text("{not json")
    loaded, warnings = load_settings(path)
    assert loaded == Settings() and "rusak" in warnings[0]
    assert (tmp_path / "settings.json.bad").exists()  # the officer's file is kept, not lost
    with pytest.raises(ValueError, match="Format"):
        save_settings(path, Settings(receipt_format="A3"))


def test_cli_creates_admin_and_imports_areas(tmp_path: Path, official_area_file: Path):
    data = tmp_path / "desk"
    run = [sys.executable, "-m", "desk_app.cli", "--data-dir", str(data)]
    done = subprocess.run(
        [*run, "create-admin", "--username", "admin", "--name", "Admin", "--password-stdin"],
        input="rahasia-sekali\n",
        text=True,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    again = subprocess.run(
        [*run, "create-admin", "--username", "x", "--name", "X", "--password-stdin"],
        input="rahasia-sekali\n",
        text=True,
        capture_output=True,
        check=False,
    )
    assert again.returncode == 2 and "sudah dibuat" in again.stderr
    imported = subprocess.run(
        [*run, "import-areas", str(official_area_file)], text=True, capture_output=True, check=False
    )
    assert imported.returncode == 0 and "318 wilayah" in imported.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("kode,nama,tingkat\n31.71,Pusat,kecamatan\n")
    refused = subprocess.run(
        [*run, "import-areas", str(bad)], text=True, capture_output=True, check=False
    )
    assert refused.returncode == 2 and "Baris 2" in refused.stderr


def test_cli_says_a_damaged_database_in_plain_words(tmp_path: Path):
    data = tmp_path / "desk"
    open_desk(data).close()  # its key is kept; then the file is damaged
    (data / "desk.sqlite3").write_bytes(b"bukan basis data " * 512)
    done = subprocess.run(
        [sys.executable, "-m", "desk_app.cli", "--data-dir", str(data), "import-areas", "x"],
        text=True,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "berkas data meja rusak" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "older",
    [
        {},  # argon2-cffi's defaults: m=65536, t=3, p=4 (the first desk versions)
        {"time_cost": 2, "memory_cost": 19 * 1024, "parallelism": 1},  # one lane (2026-11)
    ],
    ids=["library-default", "one-lane"],
)
def test_hash_with_older_parameters_still_signs_in_and_is_rehashed(desk, older):
    """A hash made with parameters earlier versions of the desk stored verifies, and
    the next sign-in stores one with the desk's own."""
    from argon2 import PasswordHasher

    desk.accounts.create_first_admin("admin", "Admin", "rahasia-sekali")
    old_hash = PasswordHasher(**older).hash("rahasia-sekali")
    with desk.database.write() as session:
        session.execute(
            text("UPDATE officers SET password_hash = :h WHERE username = 'admin'"),
            {"h": old_hash},
        )
    assert desk.accounts.sign_in("admin", "rahasia-sekali").role is Role.ADMIN
    with desk.database.read() as session:
        stored = session.execute(
            text("SELECT password_hash FROM officers WHERE username='admin'")
        ).scalar()
    assert stored != old_hash and "m=19456,t=2,p=2" in stored
    assert desk.accounts.sign_in("admin", "rahasia-sekali").username == "admin"


def test_the_warm_ups_run_while_the_password_is_typed_write_nothing(desk):
    """prepare_sign_in and prepare_home run before anyone has signed in: they may
    read (to compile statements and warm the hasher), never change the desk's data."""

    admin = desk.accounts.create_first_admin("admin", "Admin", "rahasia-sekali")
    desk.accounts.sign_in("admin", "rahasia-sekali")
    desk.accounts.add_account(admin, "ani", "Ani", "kata-sandi-ani", Role.OFFICER)

    def dump() -> list[str]:
        return dbdump.dump(desk.database)

    before = dump()
    desk.accounts.prepare_sign_in()
    desk.lookup.prepare_home()
    assert dump() == before
