"""The desk's data at rest: complaints with a NIK, phone, name and address recorded
and synced to the real CRM, then the desk's database file, its WAL and its
attachment folder read as raw bytes — none of the values, nor the attachment's
content, is there. The desk restarts and syncs with the key from the keyring (no
one types it); without its key it says so and takes the recovery key."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.desk_key import (
    DeskKeyMissing,
    DeskKeyStore,
    current_recovery_text,
    restore_from_recovery,
)
from desk_app.services.errors import UserFacingError
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.services.sync_control import SyncControl
from tests.sync.conftest import KELURAHAN, OFFICER, png
from tests.sync.crm import CrmProcess, assert_converged

ADMIN = Officer("admin", "Admin Meja", Role.ADMIN)
NIK = "3171015512880003"
PHONE = "081398765432"
NAME = "Sulastri Wiryaningsih"
ADDRESS = "Jalan Kenari Tengah Nomor 47"
STREET = "Gang Kelinci Sembilan"


class InProcessKeyring(KeyringBackend):
    """A keyring backend of this process (what the Credential Manager does, minus disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


@pytest.fixture
def ring() -> Iterator[InProcessKeyring]:
    backend = InProcessKeyring()
    keyring.set_keyring(backend)  # the conftest's fixture puts its own back afterwards
    yield backend


def _form(i: int, photo: bytes) -> IntakeForm:
    return IntakeForm(
        name=f"{NAME} {i}",
        nik=NIK,
        phone=PHONE,
        address=ADDRESS,
        consent=True,
        kelurahan_code=KELURAHAN,
        rt_rw="003/007",
        street=STREET,
        category_code="JALAN.RUSAK",
        description=f"Jalan berlubang besar di depan pasar, laporan nomor {i}.",
        attachments=[AttachmentFile(f"foto{i}.png", photo)],
    )


def _raw_bytes(data_dir: Path) -> dict[str, bytes]:
    """Every file of the desk's folder: database, WAL, attachments (and settings)."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    }


def _secrets(photo: bytes) -> list[bytes]:
    values = [NIK, PHONE, "0813-9876-5432", "6281398765432", NAME, "Wiryaningsih", ADDRESS]
    values += [STREET, "Kenari Tengah"]
    found = [v.encode() for v in values] + [v.encode("utf-16-le") for v in values]
    return [*found, photo[100:164]]  # a slice of the photo's bytes


def test_the_desk_folder_holds_nothing_readable_and_restarts_without_a_typed_key(
    tmp_path: Path, crm_server: CrmProcess, ring: InProcessKeyring
):
    data_dir = tmp_path / "desk"
    photo = b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(4000)
    desk = open_desk(data_dir)
    try:
        control = SyncControl(desk, timeout=(1.0, 5.0))  # the token in the keyring too
        control.runner.interval_s = 3600
        control.enrol(ADMIN, crm_server.url, crm_server.enrolment_code("ENC1"))
        for i in range(3):
            desk.intake.record(OFFICER, _form(i, photo if i == 0 else png(i)))
        assert control.run_once()
        control.stop()
        assert_converged(crm_server, desk)  # the CRM got the original bytes (same SHA-256)
        with desk.database.read() as session:  # writes still in the WAL, not checkpointed
            session.connection().exec_driver_sql("SELECT 1")
        files = _raw_bytes(data_dir)
        assert "desk.sqlite3-wal" in files and len(files["desk.sqlite3-wal"]) > 0
        assert any(name.startswith("files/") for name in files)
        for name, blob in files.items():
            for secret in _secrets(photo):
                assert secret not in blob, f"{secret[:20]!r} readable in {name}"
        sha = hashlib.sha256(photo).hexdigest()
        assert desk.files.read(sha) == photo  # decrypted for preview, print and upload
    finally:
        desk.close()
    for name, blob in _raw_bytes(data_dir).items():  # after the last checkpoint too
        for secret in _secrets(photo):
            assert secret not in blob, f"{secret[:20]!r} readable in {name}"
    assert not (data_dir / "desk-token").exists()  # both secrets in the keyring
    assert len(ring.values) == 2

    # A restart: the key from the keyring, and a sync with no one typing anything.
    desk = open_desk(data_dir)
    try:
        desk.intake.record(OFFICER, _form(9, png(9)))
        control = SyncControl(desk, timeout=(1.0, 5.0))
        assert control.enrolled and control.run_once()
        control.stop()
        assert_converged(crm_server, desk)
        recovery = current_recovery_text(data_dir)
    finally:
        desk.close()

    # The key lost (a new Windows profile): said plainly; nothing created or changed.
    before = hashlib.sha256((data_dir / "desk.sqlite3").read_bytes()).hexdigest()
    keyring.set_keyring(InProcessKeyring())
    with pytest.raises(DeskKeyMissing) as missing:
        open_desk(data_dir)
    assert "kunci pemulihan" in missing.value.message
    assert hashlib.sha256((data_dir / "desk.sqlite3").read_bytes()).hexdigest() == before
    with pytest.raises(UserFacingError, match="tidak sah"):
        restore_from_recovery(data_dir, recovery[:-3] + "AAA")
    other = DeskKeyStore(tmp_path / "other")
    other.save(b"\x01" * 32)
    with pytest.raises(UserFacingError, match="bukan milik"):
        restore_from_recovery(data_dir, current_recovery_text(tmp_path / "other"))
    restore_from_recovery(data_dir, recovery.lower().replace("-", " "))
    desk = open_desk(data_dir)
    try:
        with desk.database.read() as session:
            count = session.connection().exec_driver_sql("SELECT count(*) FROM complaints")
            assert count.scalar() == 4
    finally:
        desk.close()
