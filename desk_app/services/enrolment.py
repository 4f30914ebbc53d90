"""Enrolling the desk with the CRM: a one-time code for a per-desk bearer token.

The token lives in the OS keyring (Windows Credential Manager, macOS Keychain, the
Secret Service on a Linux desktop). Where no keyring backend exists — a headless
Linux box, a locked-down account — it is kept in a file in the data folder that
only the current user can read (0600), and the officer is told so.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import ipaddress
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk import Desk
from desk_app.services.desk_key import keyring_module
from desk_app.services.errors import UserFacingError
from desk_app.sync.client import AuthFailed, CrmClient, RequestRefused, Transient
from desk_app.sync.engine import app_version

log = logging.getLogger(__name__)

KEYRING_SERVICE = "MejaAduan"
TOKEN_FILE = "desk-token"
NO_KEYRING_WARNING = QT_TRANSLATE_NOOP(
    "Enrolment",
    "Tidak ada keyring sistem di komputer ini: token meja disimpan di berkas {path} "
    "yang hanya dapat dibaca pengguna ini. Lindungi akun komputer ini.",
)


class TokenStore:
    """Where this desk's token is kept. One entry per data folder (several desks may
    share a machine, each with its own folder)."""

    def __init__(self, data_dir: Path, keyring: Any | None = "auto") -> None:
        self.data_dir = data_dir
        self._keyring = keyring_module() if keyring == "auto" else keyring
        digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
        self.username = f"desk-token-{digest}"
        self.file = data_dir / TOKEN_FILE
        self.warning: str = ""
        if self._keyring is None:
            self.warning = NO_KEYRING_WARNING.format(path=self.file)

    @property
    def uses_keyring(self) -> bool:
        return self._keyring is not None

    def load(self) -> str:
        if self._keyring is not None:
            try:
                value = self._keyring.get_password(KEYRING_SERVICE, self.username)
                if value:
                    return str(value)
            except Exception as exc:  # a keyring that fails at use: fall back to the file
                log.warning("keyring unavailable (%s); using the token file", type(exc).__name__)
        try:
            return self.file.read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def save(self, token: str) -> str:
        """Keep ``token``; returns a warning for the officer ("" when all is well)."""
        if self._keyring is not None:
            try:
                self._keyring.set_password(KEYRING_SERVICE, self.username, token)
                self.file.unlink(missing_ok=True)  # no stale copy outside the keyring
                return ""
            except Exception as exc:
                log.warning("keyring refused the token (%s); using a file", type(exc).__name__)
                self.warning = NO_KEYRING_WARNING.format(path=self.file)
        _write_private(self.file, token)
        return self.warning

    def clear(self) -> None:
        if self._keyring is not None:
            with contextlib.suppress(Exception):
                self._keyring.delete_password(KEYRING_SERVICE, self.username)
        self.file.unlink(missing_ok=True)


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (0600 from the start, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    if os.name == "posix":
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def check_crm_url(url: str) -> str:
    """HTTPS, except on this machine (the local demo CRM)."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Enrolment", "Alamat CRM harus berupa https://nama-server.")
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Enrolment", "Alamat CRM harus memakai https:// (koneksi terenkripsi)."
            )
        )
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_verify(ca_file: str) -> bool | str:
    """What ``requests`` verifies against: the pinned CA file, else the system's CAs.
    Verification is never switched off."""
    if ca_file:
        if not Path(ca_file).is_file():
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Enrolment", "Berkas CA tidak ditemukan: {file}.").format(
                    file=ca_file
                )
            )
        return ca_file
    return True


@dataclass(frozen=True)
class EnrolmentResult:
    desk_code: str
    site: str
    warning: str  # e.g. "no keyring: kept in a 0600 file"; "" when all is well


def enrol_desk(
    desk: Desk,
    actor: Officer | None,
    crm_url: str,
    enrolment_code: str,
    ca_file: str = "",
    token_store: TokenStore | None = None,
    session: requests.Session | None = None,
) -> EnrolmentResult:
    """Exchange the one-time code for this desk's token; save token, desk code, address.

    ``actor`` None: the command line, run by whoever owns the data folder.
    """
    if actor is not None:
        require(actor, Role.ADMIN)
    url = check_crm_url(crm_url)
    verify = tls_verify(ca_file)
    code = enrolment_code.strip()
    if not code:
        raise UserFacingError(QT_TRANSLATE_NOOP("Enrolment", "Isi kode pendaftaran dari CRM."))
    client = CrmClient(url, session=session, verify=verify)
    try:
        answer = client.enrol(code, app_version())
    except (AuthFailed, RequestRefused) as exc:
        raise UserFacingError(
            exc.message
            or QT_TRANSLATE_NOOP(
                "Enrolment", "Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa."
            )
        ) from None
    except Transient as exc:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Enrolment", "CRM tidak dapat dihubungi: {reason}").format(
                reason=exc.message
            )
        ) from None
    store = token_store or TokenStore(desk.data_dir)
    warning = store.save(answer.token)
    settings = dataclasses.replace(
        desk.settings,
        desk_code=answer.desk_code,
        crm_url=url,
        crm_ca_file=ca_file,
        tracking_host=answer.tracking_host or desk.settings.tracking_host,
        help_phone=answer.help_phone or desk.settings.help_phone,
    )
    if actor is not None:
        desk.save_settings(actor, settings)
    else:
        from desk_app.services.settings import save_settings, settings_path

        save_settings(settings_path(desk.data_dir), settings)
        desk.settings = settings
    return EnrolmentResult(answer.desk_code, answer.site, warning)
