"""Enrolment, the token store, TLS with a pinned CA, and the services facade."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.enrolment import TokenStore, check_crm_url, enrol_desk
from desk_app.services.errors import UserFacingError
from desk_app.services.settings import load_settings, settings_path
from desk_app.services.sync_control import NOT_STARTED, SyncControl
from tests.sync.conftest import OFFICER, form
from tests.sync.crm import REPO, CrmProcess, assert_converged, free_port

ADMIN = Officer("admin", "Admin Meja", Role.ADMIN)


class MemoryKeyring:
    """A keyring backend in memory (what Windows Credential Manager does, minus disk)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.values.get((service, user))

    def set_password(self, service: str, user: str, value: str) -> None:
        self.values[(service, user)] = value

    def delete_password(self, service: str, user: str) -> None:
        self.values.pop((service, user), None)


def test_token_file_without_keyring_is_private_and_warned(tmp_path: Path):
    store = TokenStore(tmp_path, keyring=None)
    warning = store.save("mdt_secret")
    assert "keyring" in warning and store.warning
    assert stat.S_IMODE(os.stat(store.file).st_mode) == 0o600
    assert store.load() == "mdt_secret"
    store.save("mdt_second")  # replaced, still private
    assert store.load() == "mdt_second"
    assert stat.S_IMODE(os.stat(store.file).st_mode) == 0o600
    store.clear()
    assert store.load() == "" and not store.file.exists()


def test_token_in_keyring_leaves_no_file(tmp_path: Path):
    ring = MemoryKeyring()
    store = TokenStore(tmp_path, keyring=ring)
    assert store.save("mdt_secret") == ""
    assert not store.file.exists() and store.load() == "mdt_secret"
    # Two desks on one machine: separate entries.
    other = TokenStore(tmp_path / "other", keyring=ring)
    assert other.load() == ""


def test_crm_address_must_be_https_except_loopback():
    assert check_crm_url("https://crm.jakarta.go.id/") == "https://crm.jakarta.go.id"
    assert check_crm_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765"
    with pytest.raises(UserFacingError):
        check_crm_url("http://crm.jakarta.go.id")
    with pytest.raises(UserFacingError):
        check_crm_url("crm.jakarta.go.id")


def test_enrol_saves_token_and_desk_code_then_sync_control_works(
    tmp_path: Path, crm_server: CrmProcess
):
    desk = open_desk(tmp_path / "desk")
    try:
        tokens = TokenStore(desk.data_dir, keyring=None)
        control = SyncControl(desk, token_store=tokens, timeout=(1.0, 5.0))
        assert not control.enrolled and control.status().needs_enrolment
        assert "belum terdaftar" in control.status().text
        with pytest.raises(UserFacingError):
            enrol_desk(desk, ADMIN, crm_server.url, "AAAA-BBBB-CCCC", token_store=tokens)
        with pytest.raises(UserFacingError):  # officers do not enrol desks
            enrol_desk(desk, OFFICER, crm_server.url, "x", token_store=tokens)
        code = crm_server.enrolment_code("KMY2", "Kelurahan Kemayoran")
        control.runner.interval_s = 3600
        result = control.enrol(ADMIN, crm_server.url, code.lower())
        assert result.desk_code == "KMY2" and result.warning
        control.stop()
        saved, _ = load_settings(settings_path(desk.data_dir))
        assert saved.desk_code == "KMY2" and saved.crm_url == crm_server.url
        assert desk.settings.desk_code == "KMY2"
        # The code was single-use.
        with pytest.raises(UserFacingError):
            enrol_desk(desk, ADMIN, crm_server.url, code, token_store=tokens)
        recorded = desk.intake.record(OFFICER, form(1))
        assert recorded.ticket_code.startswith("KMY2-")
        assert control.refresh().waiting == 1
        assert "1 aduan/tambahan belum terkirim" in control.close_warning()
        assert control.run_once()
        assert control.close_warning() == "" and control.unsent_count() == 0
        status = control.status()
        assert status.online and status.waiting == 0 and status.last_success_at is not None
        assert "Daring" in status.text
        assert_converged(crm_server, desk)
        # A fresh start of the app finds the token again.
        again = SyncControl(desk, token_store=TokenStore(desk.data_dir, keyring=None))
        assert again.enrolled
    finally:
        desk.close()


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / "crm.pem", tmp / "crm.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def test_tls_verified_against_the_pinned_ca(tmp_path: Path, crm_server: CrmProcess):
    cert, key = _self_signed(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "uvicorn", "--factory", "crm_server.app:create_app",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
            "--ssl-keyfile", str(key), "--ssl-certfile", str(cert),
        ],
        env=crm_server.env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                requests.get(url + "/healthz", verify=str(cert), timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        desk = open_desk(tmp_path / "desk")
        tokens = TokenStore(desk.data_dir, keyring=None)
        try:
            code = crm_server.enrolment_code("TSX1")
            with pytest.raises(UserFacingError, match="TLS"):  # not trusted by default
                enrol_desk(desk, ADMIN, url, code, token_store=tokens)
            with pytest.raises(UserFacingError, match="CA"):
                enrol_desk(desk, ADMIN, url, code, str(tmp_path / "none.pem"), tokens)
            result = enrol_desk(desk, ADMIN, url, code, str(cert), tokens)
            assert result.desk_code == "TSX1"
            assert desk.settings.crm_ca_file == str(cert)
            control = SyncControl(desk, token_store=tokens)
            desk.intake.record(OFFICER, form(2))
            assert control.run_once()
        finally:
            desk.close()
    finally:
        proc.kill()
        proc.wait(10)


def test_resend_of_a_corrected_complaint_takes_its_additions_along(
    tmp_path: Path, crm_server: CrmProcess
):
    from desk_app.store.models import ComplaintRow
    from desk_app.sync.client import CrmClient

    desk = open_desk(tmp_path / "desk")
    try:
        desk.settings.desk_code = "PBK1"
        desk.settings.crm_url = crm_server.url
        tokens = TokenStore(desk.data_dir, keyring=None)
        tokens.save(CrmClient(crm_server.url).enrol(crm_server.enrolment_code("PBK1")).token)
        control = SyncControl(desk, token_store=tokens, timeout=(1.0, 5.0))
        control.set_interval(3600)
        cid = str(desk.intake.record(OFFICER, form(1)).complaint.id)
        with desk.database.write() as s:
            row = s.get(ComplaintRow, 1)
            assert row is not None
            row.channel = "NOPE"
        desk.intake.add_citizen_event(OFFICER, cid, "Surat pengantar RT.", [])
        assert control.run_once()
        assert {r.error_code for r in control.rejected()} == {
            "unknown_channel",
            "unknown_complaint",
        }
        assert "Kanal aduan tidak dikenal" in control.rejected()[0].reason
        with desk.database.write() as s:
            row = s.get(ComplaintRow, 1)
            assert row is not None
            row.channel = "PENDOPO"
        control.resend(OFFICER, cid)
        control.stop()
        assert control.run_once()
        assert control.rejected() == [] and control.unsent_count() == 0
        assert_converged(crm_server, desk)
    finally:
        desk.close()


def test_kirim_sekarang_just_after_the_close_starts_no_cycle(tmp_path: Path):
    """The window closes (sync stopped) while a "Kirim sekarang" thread is still on
    its way: no cycle may start against a database that is being closed."""
    desk = open_desk(tmp_path / "desk")
    try:
        control = SyncControl(desk, token_store=TokenStore(tmp_path / "desk"))
        control.start()
        assert control.stop(timeout=10)
        control.sync_now()
        assert not control.runner.running
    finally:
        desk.close()


def test_kirim_sekarang_after_the_close_builds_nothing(tmp_path: Path):
    """Pressed as the window closes, before sync ever started: the engine (keyring,
    HTTP session) is not built for a desk that is being closed."""
    desk = open_desk(tmp_path / "desk")
    try:
        control = SyncControl(desk, token_store=TokenStore(tmp_path / "desk"))
        assert control.stop(timeout=10)
        control.sync_now()
        assert control.status() is NOT_STARTED
    finally:
        desk.close()
