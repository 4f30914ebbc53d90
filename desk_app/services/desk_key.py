"""The desk's secret: what encrypts its database and its files at rest.

Generated when the desk is set up (or when a desk from before encryption is
upgraded), kept in the OS keyring (Windows Credential Manager, macOS Keychain, the
Secret Service of a Linux desktop), so the desk starts and syncs without anyone
typing it. Where no keyring exists (a headless Linux box) it is kept in a file only
this user can read, *outside* the data folder (``MEJA_KEY_DIR``, else the user's
configuration folder), and the admin is told so.

The admin keeps a printed *recovery key*: the same secret written for people
(base32 in groups of five, with a check so a typo is caught). A desk whose key is
missing (a new Windows profile, a wiped keyring) says so in plain words and asks for
it; it never creates a fresh database over the old one.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.errors import UserFacingError
from desk_app.store import crypto
from desk_app.store.db import DATABASE_FILE

log = logging.getLogger(__name__)

KEYRING_SERVICE = "MejaAduan"
KEY_DIR_ENV = "MEJA_KEY_DIR"
_CHECK = 2  # bytes of SHA-256 after the secret in a recovery key

NO_KEYRING_WARNING = QT_TRANSLATE_NOOP(
    "DeskKey",
    "Tidak ada keyring sistem di komputer ini: kunci enkripsi data meja disimpan di "
    "berkas {path} yang hanya dapat dibaca pengguna ini. Lindungi akun komputer ini.",
)
KEY_MISSING = QT_TRANSLATE_NOOP(
    "DeskKey",
    "Data meja ini terenkripsi, tetapi kuncinya tidak ada di komputer ini (misalnya "
    "akun Windows baru atau keyring dikosongkan). Data meja tidak diubah. Ketik kunci "
    "pemulihan yang dicetak admin saat meja dipasang, atau hubungi TI.",
)
KEY_WRONG = QT_TRANSLATE_NOOP(
    "DeskKey",
    "Data meja tidak bisa dibuka dengan kunci yang tersimpan: kuncinya tidak cocok, "
    "atau berkas data meja rusak. Jangan hapus apa pun; ketik kunci pemulihan yang "
    "dicetak admin saat meja dipasang, atau hubungi TI.",
)
RECOVERY_KEY_INVALID = QT_TRANSLATE_NOOP(
    "DeskKey", "Kunci pemulihan tidak sah: periksa lagi setiap hurufnya."
)
RECOVERY_KEY_NOT_THIS_DESK = QT_TRANSLATE_NOOP(
    "DeskKey", "Kunci pemulihan ini bukan milik data meja ini."
)


class DeskKeyMissing(UserFacingError):
    """The database is encrypted and this computer does not hold its key."""


def recovery_text(secret: bytes) -> str:
    """The secret for people: 55 letters and digits in groups of five."""
    check = hashlib.sha256(secret).digest()[:_CHECK]
    text = base64.b32encode(secret + check).decode().rstrip("=")
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def parse_recovery_text(text: str) -> bytes:
    """The secret from a typed recovery key (any case, spaces or dashes; 0/1/8 typed
    for O/I/B are read as the letters)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise UserFacingError(RECOVERY_KEY_INVALID) from None
    secret, check = raw[: crypto.SECRET_BYTES], raw[crypto.SECRET_BYTES :]
    if len(secret) != crypto.SECRET_BYTES or hashlib.sha256(secret).digest()[:_CHECK] != check:
        raise UserFacingError(RECOVERY_KEY_INVALID)
    return secret


def keyring_module() -> Any | None:
    """The keyring module when a real backend is there; None otherwise (the desk's
    key and its CRM token both live there: enrolment uses this too)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def _key_dir() -> Path:
    configured = os.environ.get(KEY_DIR_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_config_path("MejaAduan", appauthor=False) / "keys"


class DeskKeyStore:
    """Where this desk's secret is kept: one keyring entry per data folder."""

    def __init__(self, data_dir: Path, keyring: Any | None = "auto") -> None:
        self.data_dir = data_dir
        self._keyring = keyring_module() if keyring == "auto" else keyring
        digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
        self.username = f"desk-key-{digest}"
        self.file = _key_dir() / self.username
        self.warning = "" if self._keyring else NO_KEYRING_WARNING.format(path=self.file)

    def load(self) -> bytes | None:
        text = ""
        if self._keyring is not None:
            try:
                text = self._keyring.get_password(KEYRING_SERVICE, self.username) or ""
            except Exception as exc:  # a keyring that fails at use: the file, if any
                log.warning("keyring unavailable (%s)", type(exc).__name__)
        if not text:
            try:
                text = self.file.read_text(encoding="utf-8").strip()
            except OSError:
                return None
        try:
            return parse_recovery_text(text)
        except UserFacingError:
            log.warning("the stored desk key is unreadable")
            return None

    def save(self, secret: bytes) -> None:
        """Keep ``secret``, and read it back: a keyring that silently drops it must
        not be trusted with the only copy (the file is used instead)."""
        text = recovery_text(secret)
        if self._keyring is not None:
            try:
                self._keyring.set_password(KEYRING_SERVICE, self.username, text)
                if self._keyring.get_password(KEYRING_SERVICE, self.username) == text:
                    self.file.unlink(missing_ok=True)
                    return
            except Exception as exc:
                log.warning("keyring refused the desk key (%s); using a file", type(exc).__name__)
            self.warning = NO_KEYRING_WARNING.format(path=self.file)
        _write_private(self.file, text)


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def desk_keys(data_dir: Path, store: DeskKeyStore | None = None) -> crypto.DeskKeys:
    """The keys of the desk in ``data_dir``: its stored secret; a new one for a new
    desk or a plain database about to be converted. Raises :class:`DeskKeyMissing`
    for an encrypted database whose key this computer lacks or holds wrong."""
    store = store or DeskKeyStore(data_dir)
    path = data_dir / DATABASE_FILE
    secret = store.load()
    exists = path.is_file()
    if secret is None:
        if exists and not crypto.is_plain_database(path):
            raise DeskKeyMissing(KEY_MISSING)
        secret = crypto.new_secret()  # a new desk, or the upgrade of a plain one
        store.save(secret)
        if store.load() != secret:  # never convert with a key that is kept nowhere
            raise DeskKeyMissing(KEY_MISSING)
        return crypto.DeskKeys.from_secret(secret)
    keys = crypto.DeskKeys.from_secret(secret)
    if exists and not crypto.is_plain_database(path) and not crypto.key_opens(path, keys):
        raise DeskKeyMissing(KEY_WRONG)
    return keys


def restore_from_recovery(data_dir: Path, typed: str, store: DeskKeyStore | None = None) -> None:
    """The admin typed the recovery key: check it opens this desk's data, keep it."""
    secret = parse_recovery_text(typed)
    path = data_dir / DATABASE_FILE
    keys = crypto.DeskKeys.from_secret(secret)
    if path.is_file() and not crypto.is_plain_database(path) and not crypto.key_opens(path, keys):
        raise UserFacingError(RECOVERY_KEY_NOT_THIS_DESK)
    (store or DeskKeyStore(data_dir)).save(secret)


def current_recovery_text(data_dir: Path, store: DeskKeyStore | None = None) -> str:
    """The recovery key of this desk (for the admin's slip)."""
    secret = (store or DeskKeyStore(data_dir)).load()
    if secret is None:
        raise DeskKeyMissing(KEY_MISSING)
    return recovery_text(secret)
