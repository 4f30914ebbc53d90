"""Encryption at rest: the database under SQLCipher and the attachment files under
AES-GCM, both with keys derived from the desk's one secret (32 random bytes, kept in
the OS keyring by ``desk_app.services.desk_key``).

The database gets a raw 256-bit key (``PRAGMA key = "x'…'"``): no passphrase
derivation at each connection, the secret is random already. An existing plain file
is converted once (:func:`encrypt_plain_database`): exported to a new file, fsync'd,
then renamed over the old one; a crash at any point leaves either the plain file
(converted again at the next start) or the encrypted one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECRET_BYTES = 32
PLAIN_HEADER = b"SQLite format 3\x00"
_FILE_MAGIC = b"MAEF1"  # Meja Aduan encrypted file, version 1
_NONCE = 12
_TAG = 16


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def _derive(secret: bytes, purpose: bytes) -> bytes:
    # HKDF-SHA256 with one output block (RFC 5869): extract, then expand once.
    prk = hmac.new(b"meja-aduan desk", secret, hashlib.sha256).digest()
    return hmac.new(prk, purpose + b"\x01", hashlib.sha256).digest()


@dataclass(frozen=True)
class DeskKeys:
    """The keys derived from the desk's secret."""

    database: bytes
    files: bytes

    @classmethod
    def from_secret(cls, secret: bytes) -> DeskKeys:
        if len(secret) != SECRET_BYTES:
            raise ValueError("a desk secret is 32 bytes")
        return cls(_derive(secret, b"database"), _derive(secret, b"files"))

    @property
    def pragma_value(self) -> str:
        """The database key as SQLCipher's raw-key literal."""
        return f"x'{self.database.hex()}'"

    def __repr__(self) -> str:  # never the key itself, in a log or a traceback
        return "DeskKeys(…)"


def sqlcipher_module() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def connect(path: Path, keys: DeskKeys | None, **kwargs: Any) -> Any:
    """A DB-API connection to ``path``, keyed (``keys`` None: a plain file)."""
    conn = sqlcipher_module().connect(str(path), **kwargs)
    # SQLCipher's own log (a wrong key is "hmac check failed" on stderr) stays quiet:
    # the desk says it in its own words.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if keys is not None:
        conn.execute(f'PRAGMA key = "{keys.pragma_value}"')
    return conn


def is_plain_database(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (an empty file counts as plain)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return head == PLAIN_HEADER or head == b""


def key_opens(path: Path, keys: DeskKeys) -> bool:
    """Whether ``keys`` open the encrypted database at ``path``."""
    conn = connect(path, keys)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher_module().DatabaseError:
        return False
    finally:
        conn.close()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows has no directory fsync; NTFS journals the rename
        return
    _fsync_file(path)


def encrypt_plain_database(path: Path, keys: DeskKeys) -> None:
    """Convert the plain database at ``path`` to an encrypted one, in place, safely.

    The plain file's WAL is checkpointed into it first and removed when its last
    connection closes; the encrypted copy is written beside it, fsync'd, and renamed
    over it. Until the rename the plain file is untouched."""
    staging = path.with_name(path.name + ".encrypting")
    staging.unlink(missing_ok=True)  # a conversion a crash interrupted: start again
    conn = connect(path, None, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(staging), keys.pragma_value))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
        conn.execute("PRAGMA journal_mode = DELETE")  # the WAL is folded in and removed
    finally:
        conn.close()
    _fsync_file(staging)
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)  # empty by now; never applied to the new file
    os.replace(staging, path)
    fsync_dir(path.parent)


class FileCipher:
    """AES-256-GCM for attachment files: ``MAEF1 | nonce | ciphertext | tag``, the
    content's SHA-256 as associated data (a file moved under another name fails).

    PyCryptodome's AES and GCM (the ``Cryptodome`` package): the same construction
    as the cryptography package's ``AESGCM``, which sealed the files of desks before
    release 0.2 (12-byte nonce, 16-byte tag after the ciphertext), so those open as
    they are."""

    def __init__(self, keys: DeskKeys) -> None:
        from Cryptodome.Cipher import AES

        self._aes = AES
        self._key = keys.files

    def _cipher(self, nonce: bytes, sha256: str) -> Any:
        cipher = self._aes.new(self._key, self._aes.MODE_GCM, nonce=nonce, mac_len=_TAG)
        cipher.update(sha256.encode())
        return cipher

    def seal(self, data: bytes, sha256: str) -> bytes:
        nonce = os.urandom(_NONCE)
        body, tag = self._cipher(nonce, sha256).encrypt_and_digest(data)
        return _FILE_MAGIC + nonce + body + tag

    def open(self, blob: bytes, sha256: str) -> bytes:
        """The plain content; a file from before encryption is returned as it is.
        Raises :class:`SealBroken` when the file was altered, cut short, or sealed
        under another key or name."""
        if not is_sealed(blob):
            return blob
        sealed = blob[len(_FILE_MAGIC) :]
        if len(sealed) < _NONCE + _TAG:
            raise SealBroken("the sealed file is cut short")
        nonce, body, tag = sealed[:_NONCE], sealed[_NONCE:-_TAG], sealed[-_TAG:]
        try:
            return bytes(self._cipher(nonce, sha256).decrypt_and_verify(body, tag))
        except ValueError:  # PyCryptodome's "MAC check failed"
            raise SealBroken("the sealed file does not match its tag") from None


class SealBroken(ValueError):
    """A sealed file that cannot be opened: altered, cut short, or another key's."""


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(_FILE_MAGIC)
